"""Unit ledger endpoints (写实性档案): the list and one ledger (unit representatives: their unit; coordinators:
units in their scope), coordinators' entries, and the administrator's on-demand (re)write of a month."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field, extend_schema_serializer
from rest_framework import generics, permissions, serializers, status
from rest_framework.response import Response

from accounts.models import User
from core import permissions as permissions_
from core.json_fields import described
from core.scoping import COORDINATORS
from core.serializers import LineField
from ledgers import selectors, services
from ledgers.models import LedgerEntry, UnitLedger


class LedgerReaders(permissions.BasePermission):
    message = _("Only coordinators and unit representatives read unit ledgers.")

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(
            user and user.is_authenticated and (user.is_superuser or user.role in COORDINATORS | {User.Role.UNIT})
        )


class CoordinatorsOnly(permissions_.CoordinatorsOnly):
    message = _("Only coordinators add ledger entries.")


class AdministratorsOnly(permissions.BasePermission):
    message = _("Only district administrators rewrite ledgers.")

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and (user.is_superuser or user.role == User.Role.ADMIN))


@extend_schema_field({"type": "string", "pattern": r"^\d{4}-\d{2}$", "example": "2026-10"})
class MonthField(serializers.Field):
    """A month as "YYYY-MM", to and from the first day of the month."""

    default_error_messages = {"invalid": _("Give the month as YYYY-MM.")}

    def to_internal_value(self, data):
        try:
            year, month = str(data).split("-")
            if len(year) != 4 or len(month) != 2:
                raise ValueError
            return dt.date(int(year), int(month), 1)
        except (TypeError, ValueError):
            self.fail("invalid")

    def to_representation(self, value):
        return value.strftime("%Y-%m")


# An enum component, named in settings' ENUM_NAME_OVERRIDES ("LedgerEntryKindEnum") so that it does not collide
# with the other "kind" enums; the web app's entry kinds are typed from it.
class EntryKindField(serializers.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=LedgerEntry.Kind.choices, **kwargs)


class LedgerEntrySerializer(serializers.ModelSerializer):
    kind = EntryKindField(read_only=True)
    created_by = serializers.CharField(source="created_by.username", read_only=True, default=None, allow_null=True)

    class Meta:
        model = LedgerEntry
        fields = ["id", "ledger", "kind", "date", "title", "note", "created_by", "created_at"]
        read_only_fields = fields


class LedgerOutputSerializer(serializers.ModelSerializer):
    month = MonthField(read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    resource_hours = serializers.SerializerMethodField()
    member_hours = serializers.SerializerMethodField()

    class Meta:
        model = UnitLedger
        fields = [
            "id",
            "unit",
            "unit_name",
            "month",
            "project_count",
            "booking_count",
            "resource_minutes",
            "resource_hours",
            "member_count",
            "member_minutes",
            "member_hours",
            "written_at",
        ]
        read_only_fields = fields

    def get_resource_hours(self, ledger) -> float:
        return round(ledger.resource_minutes / 60, 2)

    def get_member_hours(self, ledger) -> float:
        return round(ledger.member_minutes / 60, 2)


class LedgerListOutputSerializer(LedgerOutputSerializer):
    entry_count = serializers.IntegerField(read_only=True)

    class Meta(LedgerOutputSerializer.Meta):
        fields = [*LedgerOutputSerializer.Meta.fields, "entry_count"]
        read_only_fields = fields


class LedgerProjectSerializer(serializers.Serializer):
    """A project the unit took part in that month, and how: undertook, resources, members."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    community = serializers.CharField(help_text=_("The community's name."))
    roles = serializers.ListField(child=serializers.ChoiceField(choices=["undertook", "resources", "members"]))
    sessions = serializers.IntegerField(help_text=_("Its shifts in the month."))


class LedgerResourceSerializer(serializers.Serializer):
    """A resource the unit lent that month."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    bookings = serializers.IntegerField()
    minutes = serializers.IntegerField()


class LedgerDetailOutputSerializer(LedgerOutputSerializer):
    entries = LedgerEntrySerializer(many=True, read_only=True)
    projects = described(LedgerProjectSerializer(many=True))(read_only=True)
    resources = described(LedgerResourceSerializer(many=True))(read_only=True)

    class Meta(LedgerOutputSerializer.Meta):
        fields = [*LedgerOutputSerializer.Meta.fields, "projects", "resources", "entries"]
        read_only_fields = fields


class LedgerListApi(generics.ListAPIView):
    """Monthly unit ledgers in the caller's scope, newest month first."""

    @extend_schema_serializer(component_name="LedgerFilter")
    class FilterSerializer(serializers.Serializer):
        unit = serializers.IntegerField(required=False, min_value=1)
        month = MonthField(required=False, help_text=_("YYYY-MM"))

    permission_classes = [LedgerReaders]
    serializer_class = LedgerListOutputSerializer
    filter_backends = []

    def get_queryset(self):
        filters = self.FilterSerializer(data=self.request.query_params.dict())
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        return selectors.ledger_list(user=self.request.user, unit_id=data.get("unit"), month=data.get("month"))

    @extend_schema(parameters=[FilterSerializer])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class LedgerDetailApi(generics.GenericAPIView):
    """One unit's ledger of a month with its projects, resources lent and entries."""

    permission_classes = [LedgerReaders]
    serializer_class = LedgerDetailOutputSerializer

    @extend_schema(
        responses={200: LedgerDetailOutputSerializer, 404: OpenApiResponse(description="Not in your scope.")}
    )
    def get(self, request, ledger_id: int):
        ledger = selectors.ledger_get(user=request.user, ledger_id=ledger_id)
        return Response(LedgerDetailOutputSerializer(ledger).data)


class LedgerEntryCreateApi(generics.GenericAPIView):
    """A coordinator adds a meeting attended, another activity or a note to a ledger of their scope."""

    @extend_schema_serializer(component_name="LedgerEntryInput")
    class InputSerializer(serializers.Serializer):
        kind = EntryKindField()
        title = LineField(max_length=200)
        note = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")
        date = serializers.DateField(required=False, allow_null=True, default=None)

    permission_classes = [CoordinatorsOnly]
    serializer_class = LedgerEntrySerializer

    @extend_schema(
        request=InputSerializer,
        responses={
            201: LedgerEntrySerializer,
            400: OpenApiResponse(description="Bad input."),
            404: OpenApiResponse(description="Not in your scope."),
        },
    )
    def post(self, request, ledger_id: int):
        ledger = selectors.ledger_get(user=request.user, ledger_id=ledger_id, write=True)
        payload = self.InputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        entry = services.ledger_entry_create(ledger=ledger, created_by=request.user, **payload.validated_data)
        return Response(LedgerEntrySerializer(entry).data, status=status.HTTP_201_CREATED)


class LedgerWriteApi(generics.GenericAPIView):
    """(Re)write every unit's ledger of a past or current month now, as the monthly task does (administrators)."""

    @extend_schema_serializer(component_name="LedgerWriteInput")
    class InputSerializer(serializers.Serializer):
        month = MonthField(help_text=_("YYYY-MM"))

        def validate_month(self, value):
            if value > timezone.localdate().replace(day=1):
                raise serializers.ValidationError(_("The month has not begun yet."))
            return value

    @extend_schema_serializer(component_name="LedgerWriteResult")
    class OutputSerializer(serializers.Serializer):
        month = serializers.CharField()
        written = serializers.IntegerField()

    permission_classes = [AdministratorsOnly]
    serializer_class = OutputSerializer

    @extend_schema(
        request=InputSerializer, responses={200: OutputSerializer, 400: OpenApiResponse(description="Bad month.")}
    )
    def post(self, request):
        payload = self.InputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        result = services.ledger_write_month(month=payload.validated_data["month"])
        return Response(self.OutputSerializer(result).data)
