"""Residents' orders (点单) without an account: a community's public order form and its service menu (服务菜单), the
SMS code that confirms the phone, the order filed as a pending need with a tracking number (bound to the offer when
ordered from the menu), its status by number and phone, and the
resident's rating (评单) when it is done; and the community's printable order poster for its coordinators.

The public views authenticate nobody and show nothing of anybody else: a tracking number and a phone that do not
belong together answer the same 404 as an unknown number. Every call is throttled per address (scope "order") and,
where a phone is given, per number (ordering.throttles); the codes have their own limits (accounts)."""

from typing import Literal

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions, serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.lockout import client_ip
from core import permissions as permissions_
from core.scoping import Scope, scope_queryset
from core.serializers import LineField, PhoneField
from core.throttling import AnonRateThrottle, ScopedRateThrottle
from geo.models import Community
from needs.models import Need
from offers.models import ServiceOffer
from offers.selectors import offer_menu
from ordering import poster, selectors, services
from ordering.throttles import OrderPhoneThrottle

COMMUNITY_SELF = Scope(community="self")
CODE_REFUSALS = {
    429: OpenApiResponse(
        description="Too many codes for this number or from this address (`too_many_codes`), or too many calls "
        "(`throttled`); see Retry-After."
    ),
}


class CoordinatorsPrintPosters(permissions_.CoordinatorsOnly):
    """A community's poster is printed and put up by its coordinators."""

    message = _("Only coordinators print order posters.")


class _PublicOrderApi(APIView):
    permission_classes = [permissions.AllowAny]
    authentication_classes = []
    throttle_classes = [AnonRateThrottle, ScopedRateThrottle, OrderPhoneThrottle]
    throttle_scope = "order"


def _community(pk: int) -> Community:
    return get_object_or_404(Community.objects.select_related("sub_district"), pk=pk)


class OrderChoiceSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()


class OrderFormApi(_PublicOrderApi):
    """What the public order page of a community shows: its name and the categories and types to pick from."""

    class OrderFormSerializer(serializers.Serializer):
        community = serializers.IntegerField()
        community_name = serializers.CharField()
        sub_district_name = serializers.CharField()
        categories = OrderChoiceSerializer(many=True)
        types = OrderChoiceSerializer(many=True)

    @extend_schema(responses={200: OrderFormSerializer, 404: OpenApiResponse(description="No such community.")})
    def get(self, request, pk: int):
        community = _community(pk)
        data = {
            "community": community.pk,
            "community_name": community.name,
            "sub_district_name": community.sub_district.name,
            **selectors.order_form_choices(),
        }
        return Response(self.OrderFormSerializer(data).data)


class OrderMenuOfferSerializer(serializers.Serializer):
    """An offer as the public sees it: what is offered, by which team or unit, when and on what conditions; nobody's
    name or phone, nor anything of its orders but whether it takes one now."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    description = serializers.CharField()
    category = serializers.ChoiceField(choices=Need.Category.choices)
    type = serializers.ChoiceField(choices=Need.Type.choices)
    conditions = serializers.CharField()
    schedule = serializers.CharField()
    provider_kind = serializers.SerializerMethodField(help_text=_("A service team's offer or a unit's."))
    provider_name = serializers.CharField()
    full = serializers.SerializerMethodField(
        help_text=_("As many orders as the provider takes at once are open: none is taken until one is finished.")
    )

    def get_provider_kind(self, offer: ServiceOffer) -> Literal["team", "unit"]:
        return "team" if offer.team_id else "unit"

    def get_full(self, offer: ServiceOffer) -> bool:
        return offer.is_full(offer.open_orders)  # type: ignore[attr-defined]  # annotated by offer_menu


class OrderMenuApi(_PublicOrderApi):
    """The community's service menu (服务菜单): the services its teams and units stand ready to give, to order from."""

    @extend_schema(
        responses={200: OrderMenuOfferSerializer(many=True), 404: OpenApiResponse(description="No such community.")}
    )
    def get(self, request, pk: int):
        community = _community(pk)
        return Response(OrderMenuOfferSerializer(offer_menu(community=community), many=True).data)


class OrderCodeRequestApi(_PublicOrderApi):
    """Send the SMS code that confirms an order from this phone (to any mainland mobile number)."""

    class OrderCodeRequestSerializer(serializers.Serializer):
        phone = PhoneField()

    @extend_schema(
        request=OrderCodeRequestSerializer,
        responses={202: None, 404: OpenApiResponse(description="No such community."), **CODE_REFUSALS},
    )
    def post(self, request, pk: int):
        _community(pk)
        payload = self.OrderCodeRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        services.order_code_request(phone=payload.validated_data["phone"], ip=client_ip(request._request))
        return Response(status=202)


class OrderCreateApi(_PublicOrderApi):
    """File an order with the code of the SMS: a pending need (待审核) of the community, described by the resident or
    ordered from an offer on its menu (bound to the offer); the answer is its tracking number, which with the phone
    shows the order's status."""

    class OrderCreateInputSerializer(serializers.Serializer):
        phone = PhoneField()
        code = serializers.RegexField(r"^[0-9]{6}$")
        # An id from the public menu, not a related field looked up in the caller's scope: the public's scope is the
        # menu of the page's community, which order_place holds it to (offer_other_community), as offer_order holds
        # it to an active offer that is not full.
        offer = serializers.IntegerField(
            min_value=1,
            required=False,
            allow_null=True,
            default=None,
            help_text=_(
                "An offer on the community's menu to order (点此预约): the need takes its title, category and type, "
                "and those sent are not used."
            ),
        )
        category = serializers.ChoiceField(
            choices=Need.Category.choices, required=False, help_text=_("Required without an offer.")
        )
        type = serializers.ChoiceField(
            choices=Need.Type.choices, required=False, help_text=_("Required without an offer.")
        )
        title = LineField(max_length=128, required=False, help_text=_("Required without an offer."))
        description = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
        address = LineField(max_length=200, required=False, allow_blank=True, default="")
        requester_name = LineField(
            max_length=64, required=False, allow_blank=True, default="", help_text=_("How to address the resident.")
        )
        wanted_start = serializers.DateTimeField(required=False, allow_null=True, default=None)
        wanted_end = serializers.DateTimeField(required=False, allow_null=True, default=None)

        def validate_offer(self, value: int | None) -> ServiceOffer | None:
            if value is None:
                return None
            offer = ServiceOffer.objects.filter(pk=value).first()
            if offer is None:
                raise serializers.ValidationError(_("No such service on the menu."))
            return offer

        def validate(self, attrs):
            start, end = attrs.get("wanted_start"), attrs.get("wanted_end")
            if start is not None and end is not None and end <= start:
                raise serializers.ValidationError({"wanted_end": [_("The end must come after the start.")]})
            if attrs["offer"] is not None:
                for name in ("category", "type", "title"):
                    attrs.pop(name, None)  # the offer's
            else:
                missing = [name for name in ("category", "type", "title") if not attrs.get(name)]
                if missing:
                    raise serializers.ValidationError({name: [_("This field is required.")] for name in missing})
            return attrs

    class OrderCreatedSerializer(serializers.Serializer):
        tracking_no = serializers.CharField()
        status = serializers.ChoiceField(choices=Need.Status.choices)

    @extend_schema(
        request=OrderCreateInputSerializer,
        responses={
            201: OrderCreatedSerializer,
            400: OpenApiResponse(
                description="Wrong or expired code (`wrong_code`), an offer of another community's menu "
                "(`offer_other_community`), or invalid input."
            ),
            404: OpenApiResponse(description="No such community."),
            409: OpenApiResponse(
                description="The offer is off the menu (`offer_inactive`) or takes no more orders for now "
                "(`offer_full`)."
            ),
            503: OpenApiResponse(description="Nobody may own the community's needs yet (`no_order_owner`)."),
        },
    )
    def post(self, request, pk: int):
        community = _community(pk)
        payload = self.OrderCreateInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        tracking = services.order_place(community=community, **payload.validated_data)
        return Response(
            self.OrderCreatedSerializer({"tracking_no": tracking.tracking_no, "status": tracking.need.status}).data,
            status=201,
        )


class OrderTrackInputSerializer(serializers.Serializer):
    tracking_no = LineField(max_length=32)
    phone = PhoneField()


class OrderStatusSerializer(serializers.Serializer):
    """An order as its resident sees it: status and dates, and their own rating; nobody's personal data."""

    tracking_no = serializers.CharField(source="order_tracking.tracking_no")
    title = serializers.CharField()
    community_name = serializers.CharField(source="community.name")
    status = serializers.ChoiceField(choices=Need.Status.choices)
    status_label = serializers.CharField(source="get_status_display")
    submitted_at = serializers.DateTimeField(source="created_at")
    status_changed_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)
    deadline = serializers.DateField(allow_null=True)
    rateable = serializers.SerializerMethodField()
    rating_score = serializers.IntegerField(allow_null=True)
    rating_comment = serializers.CharField()
    rated_at = serializers.DateTimeField(allow_null=True)

    def get_rateable(self, need: Need) -> bool:
        return need.status == Need.RATEABLE and need.rating_score is None


def _order(data) -> Need:
    tracking = selectors.order_find(tracking_no=data["tracking_no"], phone=data["phone"])
    if tracking is None:
        raise NotFound(_("No order has this tracking number and phone."))
    return tracking.need


NO_ORDER = OpenApiResponse(description="No order has this tracking number and phone (the same for either wrong).")


class OrderTrackApi(_PublicOrderApi):
    """The status of an order, by its tracking number and the phone it was confirmed from."""

    @extend_schema(request=OrderTrackInputSerializer, responses={200: OrderStatusSerializer, 404: NO_ORDER})
    def post(self, request):
        payload = OrderTrackInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        return Response(OrderStatusSerializer(_order(payload.validated_data)).data)


class OrderRateApi(_PublicOrderApi):
    """The resident rates their completed order (评单), once: 1 to 5 and a comment."""

    class OrderRateInputSerializer(OrderTrackInputSerializer):
        score = serializers.IntegerField(min_value=1, max_value=5)
        comment = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")

    @extend_schema(
        request=OrderRateInputSerializer,
        responses={
            200: OrderStatusSerializer,
            404: NO_ORDER,
            409: OpenApiResponse(description="Not completed yet (`not_rateable`) or already rated (`already_rated`)."),
        },
    )
    def post(self, request):
        payload = self.OrderRateInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        need = _order(data)
        need = services.order_rate(tracking=need.order_tracking, score=data["score"], comment=data["comment"])
        return Response(OrderStatusSerializer(need).data)


class CommunityOrderPosterApi(APIView):
    """The community's printable order poster (A4 PDF): the QR code of its public order page."""

    permission_classes = [CoordinatorsPrintPosters]

    @extend_schema(
        responses={
            (200, "application/pdf"): OpenApiTypes.BINARY,
            404: OpenApiResponse(description="No such community in your scope."),
        }
    )
    def get(self, request, pk: int):
        community = get_object_or_404(scope_queryset(Community.objects.all(), request.user, COMMUNITY_SELF), pk=pk)
        response = HttpResponse(poster.order_poster_pdf(community=community), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="order-poster-{community.code}.pdf"'
        return response
