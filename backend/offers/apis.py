"""The service menu (服务菜单): coordinators list every offer of the district; a team's offers are kept by its
community's coordinators, a unit's by its representative and its community's coordinators; coordinators take an
order from an offer for a resident, which files a need bound to it."""

from django.db.models import Count
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api import ScopedViewSet
from core.permissions import CoordinatorsOnly
from core.scoping import COORDINATORS, Role, Scope
from offers import services
from offers.filters import ServiceOfferFilter
from offers.models import ServiceOffer
from offers.selectors import OPEN_ORDERS
from offers.serializers import OfferOrderInputSerializer, OfferOrderOutputSerializer, ServiceOfferSerializer


class ServiceOfferViewSet(ScopedViewSet):
    # Meta.ordering is not applied to a query with an aggregate: ordered here again.
    queryset = (
        ServiceOffer.objects.select_related("community", "team", "unit")
        .annotate(orders_count=Count("orders"), open_orders=OPEN_ORDERS)
        .order_by("community_id", "title", "id")
    )
    serializer_class = ServiceOfferSerializer
    # The menu serves the whole district: every coordinator reads it (a resident may be sent to a neighbouring
    # community's service); a unit's representative reads and keeps their unit's offers.
    scope = Scope(community="community", unit="unit", read_all=COORDINATORS, write=COORDINATORS | {Role.UNIT})
    filterset_class = ServiceOfferFilter
    search_fields = ["title", "description", "team__name", "unit__name"]
    ordering_fields = ["title", "category", "id"]

    @extend_schema(
        request=OfferOrderInputSerializer,
        responses={
            201: OfferOrderOutputSerializer,
            400: OpenApiResponse(description="Bad input, or a grid outside the offer's community."),
            404: OpenApiResponse(description="No such offer in the caller's view."),
            409: OpenApiResponse(
                description="The offer is off the menu (`offer_inactive`), or as many of its orders as it takes at "
                "once are open (`offer_full`)."
            ),
        },
    )
    @action(detail=True, methods=["post"], permission_classes=[CoordinatorsOnly])
    def order(self, request, pk=None):
        """Take an order from the offer for a resident: a need (待审核) in the offer's community with its title,
        category, type, skills and headcount, owned by the caller (首问), its deadline from the district's table."""
        offer = self.get_object()
        payload = OfferOrderInputSerializer(data=request.data, context=self.get_serializer_context())
        payload.is_valid(raise_exception=True)
        order = services.offer_order(offer=offer, user=request.user, **payload.validated_data)
        need = order.need
        body = {
            "need": need.pk,
            "title": need.title,
            "status": need.status,
            "deadline": need.deadline,
            "created_at": order.created_at,
        }
        return Response(OfferOrderOutputSerializer(body).data, status=status.HTTP_201_CREATED)
