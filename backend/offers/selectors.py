"""Reads of the service menu: a community's menu as its residents order from it, and how many of an offer's orders
are still open (an offer with a limit is full when they reach it)."""

from django.db.models import Count, Q, QuerySet

from geo.models import Community
from needs.models import Need
from offers.models import OfferOrder, ServiceOffer

# An order is open while its need is: once done, rated or closed it no longer holds the provider.
OPEN_ORDERS = Count("orders", filter=Q(orders__need__status__in=Need.OPEN))


def offer_menu(*, community: Community) -> QuerySet[ServiceOffer]:
    """The offers on the community's menu (active ones), grouped by category, with their providers and their open
    orders counted (`open_orders`)."""
    return (
        ServiceOffer.objects.filter(community=community, active=True)
        .select_related("team", "unit")
        .annotate(open_orders=OPEN_ORDERS)
        .order_by("category", "title", "id")
    )


def offer_open_orders(*, offer: ServiceOffer) -> int:
    """How many orders from the offer are open now."""
    return OfferOrder.objects.filter(offer=offer, need__status__in=Need.OPEN).count()
