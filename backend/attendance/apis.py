"""Attendance endpoints: the shift's QR token, its roster and the coordinator's record (coordinators, scoped),
check-in and check-out by QR code and "my attendance" (volunteers), and the coordinators' attendance list (which,
filtered by week and status, is the week's no-show list)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_serializer
from rest_framework import generics, serializers, status
from rest_framework.response import Response

from attendance import selectors, services
from attendance.models import Attendance
from core import permissions as permissions_
from core.weeks import monday_of


class CoordinatorsOnly(permissions_.CoordinatorsOnly):
    message = _("Only coordinators manage attendance.")


class VolunteersOnly(permissions_.VolunteersOnly):
    message = _("Only volunteers check in to shifts.")


class AttendanceOutputSerializer(serializers.ModelSerializer):
    shift_title = serializers.CharField(source="shift.title", read_only=True)
    shift_start = serializers.DateTimeField(source="shift.start", read_only=True)
    shift_end = serializers.DateTimeField(source="shift.end", read_only=True)
    community = serializers.IntegerField(source="shift.community_id", read_only=True)
    community_name = serializers.CharField(source="shift.community.name", read_only=True)
    volunteer_name = serializers.CharField(source="volunteer.name", read_only=True)
    hours = serializers.FloatField(read_only=True, help_text=_("Hours actually served, clipped to the shift."))
    volunteer_number = serializers.CharField(source="volunteer.number", read_only=True)
    recorded_by = serializers.CharField(source="recorded_by.username", read_only=True, default=None, allow_null=True)

    class Meta:
        model = Attendance
        fields = [
            "id",
            "shift",
            "shift_title",
            "shift_start",
            "shift_end",
            "community",
            "community_name",
            "volunteer",
            "volunteer_name",
            "volunteer_number",
            "assignment",
            "status",
            "method",
            "checked_in_at",
            "checked_out_at",
            "minutes_served",
            "hours",
            "recorded_by",
            "note",
            "updated_at",
        ]
        read_only_fields = fields


class AttendanceListApi(generics.ListAPIView):
    """Attendance on the shifts of the coordinator's communities, by shift start."""

    @extend_schema_serializer(component_name="AttendanceFilter")
    class FilterSerializer(serializers.Serializer):
        shift = serializers.IntegerField(required=False, min_value=1)
        community = serializers.IntegerField(required=False, min_value=1)
        date = serializers.DateField(required=False, help_text=_("The day the shift starts (local time)."))
        week = serializers.DateField(required=False, help_text=_("Any day of the week of the shifts."))
        status = serializers.ChoiceField(
            choices=Attendance.Status.choices,
            required=False,
            help_text=_('"no_show": the volunteers expected but absent.'),
        )

    permission_classes = [CoordinatorsOnly]
    serializer_class = AttendanceOutputSerializer
    filter_backends = []

    def get_queryset(self):
        filters = self.FilterSerializer(data=self.request.query_params.dict())
        filters.is_valid(raise_exception=True)
        data = dict(filters.validated_data)
        if "week" in data:
            data["week"] = monday_of(data["week"])
        return selectors.attendance_list(user=self.request.user, **data)

    @extend_schema(parameters=[FilterSerializer])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class AttendanceMineApi(generics.ListAPIView):
    """The signed-in volunteer's attendance with hours served, newest shift first."""

    permission_classes = [VolunteersOnly]
    serializer_class = AttendanceOutputSerializer
    filter_backends = []

    def get_queryset(self):
        return selectors.attendance_list_mine(user=self.request.user)


class ShiftQrTokenApi(generics.GenericAPIView):
    """The shift's signed check-in token, to show as a QR code at the place (the shift's coordinators)."""

    @extend_schema_serializer(component_name="AttendanceQrToken")
    class OutputSerializer(serializers.Serializer):
        token = serializers.CharField()
        shift = serializers.IntegerField()
        valid_from = serializers.DateTimeField()
        valid_until = serializers.DateTimeField()

    permission_classes = [CoordinatorsOnly]
    serializer_class = OutputSerializer

    @extend_schema(responses={200: OutputSerializer, 404: OpenApiResponse(description="Shift not in your scope.")})
    def get(self, request, shift_id: int):
        shift = selectors.shift_get_for_coordinator(user=request.user, shift_id=shift_id)
        return Response(self.OutputSerializer(services.qr_token_create(shift=shift)).data)


@extend_schema_serializer(component_name="AttendanceTokenInput")
class TokenInputSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=500, help_text=_("The token read from the shift's QR code."))


class AttendanceCheckInApi(generics.GenericAPIView):
    """Check in to a shift by its QR code (again: no change)."""

    permission_classes = [VolunteersOnly]
    serializer_class = AttendanceOutputSerializer

    @extend_schema(
        request=TokenInputSerializer,
        responses={
            200: AttendanceOutputSerializer,
            400: OpenApiResponse(description="Token forged or not valid now."),
            403: OpenApiResponse(description="No published assignment on this shift."),
        },
    )
    def post(self, request):
        payload = TokenInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        row = services.attendance_check_in(user=request.user, token=payload.validated_data["token"])
        return Response(AttendanceOutputSerializer(row).data)


class AttendanceCheckOutApi(generics.GenericAPIView):
    """Check out of a shift by its QR code; the hours served are stored (again: no change)."""

    permission_classes = [VolunteersOnly]
    serializer_class = AttendanceOutputSerializer

    @extend_schema(
        request=TokenInputSerializer,
        responses={
            200: AttendanceOutputSerializer,
            400: OpenApiResponse(description="Token forged or not valid now."),
            403: OpenApiResponse(description="No published assignment on this shift."),
            409: OpenApiResponse(description="Not checked in yet."),
        },
    )
    def post(self, request):
        payload = TokenInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        row = services.attendance_check_out(user=request.user, token=payload.validated_data["token"])
        return Response(AttendanceOutputSerializer(row).data)


@extend_schema_serializer(component_name="AttendanceRosterEntry")
class RosterEntryOutputSerializer(serializers.Serializer):
    volunteer = serializers.IntegerField(source="volunteer.pk")
    volunteer_name = serializers.CharField(source="volunteer.name")
    volunteer_number = serializers.CharField(source="volunteer.number")
    assignment = serializers.IntegerField(source="assignment_id", allow_null=True)
    expected = serializers.BooleanField(help_text=_("A published assignment expects the volunteer on this shift."))
    state = serializers.ChoiceField(choices=selectors.RosterState.choices)
    attendance = AttendanceOutputSerializer(allow_null=True)


class ShiftRosterApi(generics.GenericAPIView):
    """The shift's roster: every volunteer its published assignments expect, with their check-in and check-out."""

    @extend_schema_serializer(component_name="AttendanceRoster")
    class OutputSerializer(serializers.Serializer):
        shift = serializers.IntegerField(source="shift.pk")
        shift_title = serializers.CharField(source="shift.title")
        shift_start = serializers.DateTimeField(source="shift.start")
        shift_end = serializers.DateTimeField(source="shift.end")
        community = serializers.IntegerField(source="shift.community_id")
        community_name = serializers.CharField(source="shift.community.name")
        entries = RosterEntryOutputSerializer(many=True)

    permission_classes = [CoordinatorsOnly]
    serializer_class = OutputSerializer

    @extend_schema(responses={200: OutputSerializer, 404: OpenApiResponse(description="Shift not in your scope.")})
    def get(self, request, shift_id: int):
        shift = selectors.shift_get_for_coordinator(user=request.user, shift_id=shift_id)
        entries = selectors.shift_roster(shift=shift)
        return Response(self.OutputSerializer({"shift": shift, "entries": entries}).data)


class ShiftAttendanceRecordApi(generics.GenericAPIView):
    """The coordinator records a volunteer on a shift of their community, with a reason: present with check-in and
    check-out times (without a check-in, the recorded one stays: a forgotten check-out is closed), or absent."""

    @extend_schema_serializer(component_name="AttendanceRecordInput")
    class InputSerializer(serializers.Serializer):
        volunteer = serializers.IntegerField(min_value=1)
        status = serializers.ChoiceField(choices=Attendance.Status.choices, default=Attendance.Status.PRESENT)
        checked_in_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
        checked_out_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
        reason = serializers.CharField(
            max_length=500, allow_blank=True, help_text=_("Why the attendance is recorded by hand.")
        )

    permission_classes = [CoordinatorsOnly]
    serializer_class = AttendanceOutputSerializer

    @extend_schema(
        request=InputSerializer,
        responses={
            200: AttendanceOutputSerializer,
            400: OpenApiResponse(description="Times, reason or volunteer refused."),
            404: OpenApiResponse(description="Shift not in your scope."),
        },
    )
    def post(self, request, shift_id: int):
        shift = selectors.shift_get_for_coordinator(user=request.user, shift_id=shift_id)
        payload = self.InputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        row = services.attendance_record(
            user=request.user,
            shift=shift,
            volunteer_id=data["volunteer"],
            status=data["status"],
            checked_in_at=data["checked_in_at"],
            checked_out_at=data["checked_out_at"],
            reason=data["reason"],
        )
        return Response(AttendanceOutputSerializer(row).data, status=status.HTTP_200_OK)
