"""Endpoints of the unit's side of the weekly plan: the published bookings of the caller's resources (coordinators:
of their scope), withdrawing a resource for a day (unit representatives), and taking a withdrawal back."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field, extend_schema_serializer
from rest_framework import generics, permissions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from core import permissions as permissions_
from core.weeks import monday_of
from lending import selectors, services
from lending.models import ResourceWithdrawal
from planning.models import ResourceBooking


class BookingReaders(permissions.BasePermission):
    """Bookings are for unit representatives and coordinators; volunteers get 403."""

    message = _("Only unit representatives and coordinators see resource bookings.")

    def has_permission(self, request, view) -> bool:
        return selectors.may_see_bookings(request.user)


class UnitRepresentativesOnly(permissions_.UnitRepresentativesOnly):
    """Only the unit that lends a resource takes it back."""

    message = _("Only unit representatives withdraw their resources.")


@extend_schema_serializer(component_name="UnitBooking")
class BookingOutputSerializer(serializers.ModelSerializer):
    resource_name = serializers.CharField(source="resource.name")
    # A resource lent by a community itself has no unit: null, never absent.
    unit_name = serializers.CharField(source="resource.unit.name", default=None, allow_null=True, read_only=True)
    request_kind = serializers.CharField(source="request.kind")
    min_capacity = serializers.IntegerField(source="request.min_capacity")
    shift = serializers.IntegerField(source="request.shift_id")
    shift_title = serializers.CharField(source="request.shift.title")
    date = serializers.SerializerMethodField()
    start = serializers.DateTimeField(source="request.shift.start")
    end = serializers.DateTimeField(source="request.shift.end")
    community = serializers.IntegerField(source="request.shift.community_id")
    community_name = serializers.CharField(source="request.shift.community.name")
    address = serializers.CharField(source="request.shift.address")
    withdrawn = serializers.SerializerMethodField(
        help_text=_("The resource is withdrawn on this day; a replacement is being looked for.")
    )
    replaces = serializers.SerializerMethodField(help_text=_("The withdrawn resource this booking replaced, or null."))

    class Meta:
        model = ResourceBooking
        fields = [
            "id",
            "run",
            "resource",
            "resource_name",
            "unit_name",
            "request",
            "request_kind",
            "min_capacity",
            "shift",
            "shift_title",
            "date",
            "start",
            "end",
            "community",
            "community_name",
            "address",
            "withdrawn",
            "replaces",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.DATE)
    def get_date(self, booking) -> str:
        return timezone.localdate(booking.request.shift.start).isoformat()

    def get_withdrawn(self, booking) -> bool:
        return self.context["states"][booking.pk]["withdrawn"]

    def get_replaces(self, booking) -> int | None:
        return self.context["states"][booking.pk]["replaces"]


class UnitBookingListApi(generics.ListAPIView):
    """The published bookings of one week: the caller unit's resources, or a coordinator's scope."""

    class FilterSerializer(serializers.Serializer):
        week = serializers.DateField(required=False, help_text=_("Any day of the week (default: this week)."))
        resource = serializers.IntegerField(required=False, min_value=1)
        date = serializers.DateField(required=False, help_text=_("Only the bookings of this day."))

    permission_classes = [BookingReaders]
    serializer_class = BookingOutputSerializer
    filter_backends = []

    def get_queryset(self):
        filters = self.FilterSerializer(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        return selectors.booking_list(
            user=self.request.user,
            week=data.get("week") or data.get("date") or monday_of(),
            resource_id=data.get("resource"),
            date=data.get("date"),
        )

    @extend_schema(parameters=[FilterSerializer])
    def get(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        context = {"request": request, "states": selectors.booking_states(bookings=page)}
        return self.get_paginated_response(BookingOutputSerializer(page, many=True, context=context).data)


class WithdrawalOutputSerializer(serializers.ModelSerializer):
    # The account may have been deleted since: null, never absent.
    created_by = serializers.CharField(source="created_by.username", default=None, allow_null=True, read_only=True)
    resource_name = serializers.CharField(source="resource.name", read_only=True)
    can_take_back = serializers.SerializerMethodField(
        help_text=_("No booking was given to another resource because of it yet.")
    )

    def get_can_take_back(self, withdrawal: ResourceWithdrawal) -> bool:
        changed = getattr(withdrawal, "changed", None)  # annotated by the list's selector
        return not (withdrawal.changes.exists() if changed is None else changed)

    class Meta:
        model = ResourceWithdrawal
        fields = [
            "id",
            "resource",
            "resource_name",
            "date",
            "reason",
            "created_by",
            "created_at",
            "backfilled_at",
            "can_take_back",
        ]
        read_only_fields = fields


class WithdrawalListApi(generics.ListAPIView):
    """Withdrawals from a day on (default today): the caller unit's resources, or a coordinator's scope."""

    class FilterSerializer(serializers.Serializer):
        start = serializers.DateField(required=False, help_text=_("From this day on (default: today)."))
        resource = serializers.IntegerField(required=False, min_value=1)

    permission_classes = [BookingReaders]
    serializer_class = WithdrawalOutputSerializer
    filter_backends = []

    def get_queryset(self):
        filters = self.FilterSerializer(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        return selectors.withdrawal_list(
            user=self.request.user, start=data.get("start") or timezone.localdate(), resource_id=data.get("resource")
        )

    @extend_schema(parameters=[FilterSerializer])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class ResourceWithdrawApi(APIView):
    """Withdraw a resource of one's unit for a day: its published bookings that day go to other resources."""

    @extend_schema_serializer(component_name="ResourceWithdrawInput")
    class InputSerializer(serializers.Serializer):
        date = serializers.DateField()
        reason = serializers.CharField(max_length=500)

    permission_classes = [UnitRepresentativesOnly]

    @extend_schema(
        request=InputSerializer,
        responses={
            201: WithdrawalOutputSerializer,
            400: OpenApiResponse(description="Bad input or a past day."),
            404: OpenApiResponse(description="No such resource of your unit."),
            409: OpenApiResponse(description="Already withdrawn that day."),
        },
    )
    def post(self, request, resource_id: int):
        payload = self.InputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        withdrawal = services.resource_withdraw(user=request.user, resource_id=resource_id, **payload.validated_data)
        return Response(WithdrawalOutputSerializer(withdrawal).data, status=status.HTTP_201_CREATED)


class ResourceWithdrawalCancelApi(APIView):
    """Take a withdrawal back, as long as no booking was given to another resource because of it."""

    permission_classes = [UnitRepresentativesOnly]

    @extend_schema(
        request=None,
        responses={
            204: None,
            404: OpenApiResponse(description="No such withdrawal of your unit."),
            409: OpenApiResponse(description="Bookings were already given to other resources."),
        },
    )
    def delete(self, request, resource_id: int, date):
        services.withdrawal_cancel(user=request.user, resource_id=resource_id, date=date)
        return Response(status=status.HTTP_204_NO_CONTENT)
