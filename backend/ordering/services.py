"""Writes of residents' orders (点单): the SMS code that confirms the phone (accounts' one-time codes, purpose
"order"), the order filed as a pending need (待审核) of the community with its first owner (selectors.order_owner)
and a tracking number (ordered from the community's service menu: bound to the offer, as a coordinator's order from
it is), and the resident's rating (评单) of the finished need (needs.services.need_rate).

Phones and codes never reach a log line: the order is logged by its need's id."""

import datetime as dt
import logging
import secrets

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from rest_framework import status as http

from accounts import services as accounts_services
from accounts.models import PhoneCode
from core.errors import ApplicationError
from geo.models import Community
from needs.models import Need
from needs.services import need_create, need_rate
from offers.models import ServiceOffer
from offers.services import offer_order
from ordering import selectors
from ordering.models import OrderTracking

log = logging.getLogger(__name__)

# No 0/O, 1/I/L: read out and typed without mistakes. 10 of 31 characters: about 50 bits, not to be guessed.
TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
TRACKING_LENGTH = 10


class OfferOfOtherCommunity(ApplicationError):
    """The offer is on another community's menu: a resident orders from the menu of the page they are on."""

    code = "offer_other_community"


class NoOrderOwner(ApplicationError):
    """Nobody may own a need of the community (no active coordinator or administrator): an order would go unseen."""

    code = "no_order_owner"
    status_code = http.HTTP_503_SERVICE_UNAVAILABLE


def order_code_request(*, phone: str, ip: str | None) -> None:
    """Send the code that confirms an order from this phone (limited per number and per address, as every code)."""
    accounts_services.phone_code_request(phone=phone, purpose=PhoneCode.Purpose.ORDER, ip=ip)


def _tracking_no() -> str:
    return "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(TRACKING_LENGTH))


def order_place(
    *,
    community: Community,
    phone: str,
    code: str,
    category: str = "",
    type: str = "",
    title: str = "",
    offer: ServiceOffer | None = None,
    description: str = "",
    address: str = "",
    requester_name: str = "",
    wanted_start: dt.datetime | None = None,
    wanted_end: dt.datetime | None = None,
) -> OrderTracking:
    """File the resident's order as a pending need of the community, if `code` is the order code last sent to the
    phone: what they describe (category, type, title), or an offer on the community's menu, filed as a coordinator's
    order from it is (offers.services.offer_order: the offer's title, category, type, skills and headcount, bound to
    it; refused when off the menu or full). Not atomic of its own: a wrong code's count must outlive the refusal
    (CodeWrong keeps the request's transaction; any other refusal rolls the code's use back with the rest); the need
    and its tracking row are written together."""
    if not accounts_services.phone_code_confirm(phone=phone, purpose=PhoneCode.Purpose.ORDER, code=code):
        raise accounts_services.CodeWrong(
            _("The code is wrong or has expired; ask for a new one."), fields={"code": [_("Wrong or expired code.")]}
        )
    if offer is not None and offer.community_id != community.pk:
        raise OfferOfOtherCommunity(
            _("This service is not on this community's menu."),
            fields={"offer": [_("Choose a service from this community's menu.")]},
        )
    owner = selectors.order_owner(community=community)
    if owner is None:
        raise NoOrderOwner(_("This community does not take orders online yet; please call the community office."))
    # The need has no address field of its own: the address goes with the description, read by its coordinators.
    text = description
    if address:
        text = "\n\n".join(part for part in [description, _("Address: %(address)s") % {"address": address}] if part)
    resident = {
        "description": text,
        "requester_name": requester_name,
        "requester_phone": phone,
        "wanted_start": wanted_start,
        "wanted_end": wanted_end,
    }
    with transaction.atomic():
        if offer is not None:
            need = offer_order(offer=offer, user=owner, **resident).need
        else:
            need = need_create(
                user=owner,
                title=title,
                source=Need.Source.RESIDENT,
                community=community,
                category=category,
                type=type,
                **resident,
            )
        for _attempt in range(5):
            try:
                with transaction.atomic():
                    tracking = OrderTracking.objects.create(
                        need=need, tracking_no=_tracking_no(), phone_digest=selectors.phone_digest(phone)
                    )
                break
            except IntegrityError:  # the same number drawn twice: about one in 10^15 per pair
                continue
        else:
            raise RuntimeError("no free tracking number after 5 draws")
    log.info(
        "resident order filed as need %s in community %s (offer %s), owner user %s",
        need.pk,
        community.pk,
        offer.pk if offer is not None else None,
        owner.pk,
    )
    return tracking


def order_rate(*, tracking: OrderTracking, score: int, comment: str = "") -> Need:
    """The resident's own rating of their finished order (评单): no coordinator enters it."""
    need = need_rate(need=tracking.need, score=score, comment=comment, entered_by=None)
    log.info("resident rated need %s", need.pk)
    return need
