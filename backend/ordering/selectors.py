"""Reads of residents' orders: the order a tracking number and phone find, who owns a new order (首问), and the
choices the public form offers."""

from __future__ import annotations

from accounts.models import User, code_digest
from geo.models import Community
from needs.models import Need
from needs.selectors import need_owner_candidates
from ordering.models import OrderTracking

# A resident's order is first owned by a coordinator of its own community; the sub-district's when the community
# has none, the district's administrators last. Within a role, the longest-standing account (the lowest id), so that
# the rule names the same person every time.
OWNER_ROLES = (User.Role.COMMUNITY, User.Role.SUBDISTRICT, User.Role.ADMIN)


def phone_digest(phone: str) -> str:
    """The keyed digest an order's phone is looked up by (its E.164 form)."""
    return code_digest("ordering.phone", phone)


def tracking_no_normal(value: str) -> str:
    """A tracking number as typed (spaces, dashes, lower case) in its stored form."""
    return "".join(ch for ch in value.upper() if ch.isalnum())


def order_find(*, tracking_no: str, phone: str) -> OrderTracking | None:
    """The order of this tracking number if it was confirmed from this phone; None otherwise, alike whether the
    number is unknown or the phone is not its own."""
    return (
        OrderTracking.objects.select_related("need")
        .filter(tracking_no=tracking_no_normal(tracking_no), phone_digest=phone_digest(phone))
        .first()
    )


def order_owner(*, community: Community) -> User | None:
    """Who owns (首问) a resident's new order in the community (OWNER_ROLES); None when nobody may."""
    candidates = list(need_owner_candidates(community=community).filter(role__in=OWNER_ROLES).order_by("pk"))
    return min(candidates, key=lambda user: OWNER_ROLES.index(User.Role(user.role)), default=None)


def order_form_choices() -> dict[str, list[dict[str, str]]]:
    """The categories and types a resident picks from, with their labels in the request's language."""
    return {
        "categories": [{"value": value, "label": str(label)} for value, label in Need.Category.choices],
        "types": [{"value": value, "label": str(label)} for value, label in Need.Type.choices],
    }
