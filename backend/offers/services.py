"""Writes of the service menu: ordering from an offer files a need bound to it (the need's own flow follows: owner,
deadline, dispatch, rating)."""

import logging

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from core.errors import ApplicationError, Conflict
from needs.models import Need
from needs.services import need_create
from offers import selectors
from offers.models import OfferOrder, ServiceOffer

log = logging.getLogger(__name__)


class OfferInactive(Conflict):
    """The offer is off the menu."""

    code = "offer_inactive"


class OfferFull(Conflict):
    """As many orders from the offer as its provider takes at once are open (ServiceOffer.open_orders_limit)."""

    code = "offer_full"


class GridOutsideCommunity(ApplicationError):
    code = "grid_outside_community"


@transaction.atomic
def offer_order(*, offer: ServiceOffer, user: User, **fields) -> OfferOrder:
    """File a need from the offer (its title, category, type, skills and headcount, in its community), owned by the
    coordinator who takes the order (or first owns a resident's own order: ordering.services.order_place), and bind it
    to the offer. The offer's row lock orders two orders at once, so that a limit of open orders holds."""
    offer = ServiceOffer.objects.select_for_update().select_related("community").get(pk=offer.pk)
    if not offer.active:
        raise OfferInactive(_("This service is no longer on the menu."))
    if offer.is_full(selectors.offer_open_orders(offer=offer)):
        raise OfferFull(_("This service is fully booked for now; please try again later or choose another."))
    grid = fields.pop("grid", None)
    if grid is not None and grid.community_id != offer.community_id:
        raise GridOutsideCommunity(
            _("The grid is not in the community that offers this service."),
            fields={"grid": [_("Choose a grid of %(community)s.") % {"community": offer.community.name}]},
        )
    need = need_create(
        user=user,
        title=offer.title,
        source=Need.Source.RESIDENT,
        community=offer.community,
        grid=grid,
        category=offer.category,
        type=offer.type,
        required_skills=offer.required_skills,
        headcount=offer.headcount,
        **fields,
    )
    order = OfferOrder.objects.create(need=need, offer=offer)
    log.info("user %s ordered offer %s as need %s", user.pk, offer.pk, need.pk)
    return order
