"""Service record endpoints: the scoped list and manual entries, coordinators' review and corrections, the
volunteer's own summary (hours, stars, points), and rankings that name only volunteers who consented."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_serializer, extend_schema_view
from rest_framework import generics, permissions, serializers, status
from rest_framework.response import Response

from accounts.models import User
from core import permissions as permissions_
from core.masking import mask_name
from core.scoping import COORDINATORS
from core.serializers import LineField
from records import selectors, services
from records.models import PointsRule, RecordChange, ServiceRecord

Role = User.Role
MAX_MINUTES = 24 * 60


class CoordinatorsOnly(permissions_.CoordinatorsOnly):
    message = _("Only coordinators review service records.")


class VolunteersOnly(permissions_.VolunteersOnly):
    message = _("Only volunteers have a service record of their own.")


class RecordPermission(permissions.BasePermission):
    """Everyone signed in reads (rows are scoped); volunteers and coordinators file manual entries."""

    message = _("Only volunteers and coordinators file service records.")

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if request.method in permissions.SAFE_METHODS:
            return True
        return user.is_superuser or user.role == Role.VOLUNTEER or user.role in COORDINATORS


@extend_schema_serializer(component_name="RecordChange")
class RecordChangeOutputSerializer(serializers.ModelSerializer):
    changed_by = serializers.CharField(source="changed_by.username", read_only=True, default=None, allow_null=True)

    class Meta:
        model = RecordChange
        fields = ["field", "old", "new", "changed_by", "changed_at", "note"]
        read_only_fields = fields


class RecordOutputSerializer(serializers.ModelSerializer):
    volunteer_number = serializers.CharField(source="volunteer.number", read_only=True)
    volunteer_name = serializers.CharField(source="volunteer.name", read_only=True)
    community_name = serializers.CharField(source="community.name", read_only=True)
    recipient = serializers.SerializerMethodField(help_text=_("Masked for everyone but the coordinators."))
    hours = serializers.FloatField(read_only=True, help_text=_("Hours actually served, travel excluded."))
    recorder = serializers.CharField(source="recorder.username", read_only=True, default=None, allow_null=True)
    reviewed_by = serializers.CharField(source="reviewed_by.username", read_only=True, default=None, allow_null=True)
    changes = RecordChangeOutputSerializer(many=True, read_only=True, help_text=_("Every change of hours or status."))

    class Meta:
        model = ServiceRecord
        fields = [
            "id",
            "volunteer",
            "volunteer_number",
            "volunteer_name",
            "community",
            "community_name",
            "shift",
            "post",
            "attendance",
            "title",
            "date",
            "place",
            "recipient",
            "content",
            "minutes",
            "hours",
            "rating",
            "person_in_charge",
            "recorder",
            "source",
            "status",
            "evidence",
            "review_note",
            "reviewed_by",
            "reviewed_at",
            "changes",
        ]
        read_only_fields = fields

    def get_recipient(self, record: ServiceRecord) -> str:
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if user is not None and (user.is_superuser or user.role in COORDINATORS):
            return record.recipient  # the coordinators whose scope holds the record: others never list it
        return mask_name(record.recipient)


class RecordListApi(generics.ListCreateAPIView):
    """Service records: a volunteer's own, a coordinator's communities', a unit's consenting in-office members'.
    POST files a manual entry with evidence, pending review."""

    @extend_schema_serializer(component_name="RecordFilter")
    class FilterSerializer(serializers.Serializer):
        volunteer = serializers.IntegerField(required=False, min_value=1)
        date_from = serializers.DateField(required=False)
        date_to = serializers.DateField(required=False)
        status = serializers.ChoiceField(required=False, choices=ServiceRecord.Status.choices)
        source = serializers.ChoiceField(required=False, choices=ServiceRecord.Source.choices)

        def validate(self, attrs):
            if "date_from" in attrs and "date_to" in attrs and attrs["date_to"] < attrs["date_from"]:
                raise serializers.ValidationError({"date_to": [_("The end of the range comes before its start.")]})
            return attrs

    @extend_schema_serializer(component_name="RecordManualInput")
    class InputSerializer(serializers.Serializer):
        volunteer = serializers.IntegerField(
            required=False, min_value=1, help_text=_("Required for coordinators; a volunteer files their own.")
        )
        title = LineField(max_length=128)
        date = serializers.DateField()
        place = LineField(max_length=200, required=False, default="", allow_blank=True)
        recipient = LineField(max_length=64, required=False, default="", allow_blank=True)
        content = serializers.CharField(required=False, default="", allow_blank=True)
        minutes = serializers.IntegerField(
            min_value=1, max_value=MAX_MINUTES, help_text=_("Minutes actually served, travel excluded.")
        )
        rating = serializers.IntegerField(min_value=1, max_value=5, required=False, allow_null=True, default=None)
        person_in_charge = LineField(max_length=64, required=False, default="", allow_blank=True)
        evidence = serializers.CharField(help_text=_("A description or a link to photos, a sign-in sheet, a letter."))

    permission_classes = [RecordPermission]
    serializer_class = RecordOutputSerializer
    filter_backends = []

    def get_queryset(self):
        filters = self.FilterSerializer(data=self.request.query_params.dict())
        filters.is_valid(raise_exception=True)
        return selectors.record_list(user=self.request.user, **filters.validated_data)

    @extend_schema(parameters=[FilterSerializer])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=InputSerializer,
        responses={
            201: RecordOutputSerializer,
            400: OpenApiResponse(description="Input refused; the field is named."),
            403: OpenApiResponse(description="Unit representatives do not file records."),
        },
    )
    def post(self, request, *args, **kwargs):
        payload = self.InputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        volunteer_id = data.pop("volunteer", None)
        if request.user.role == Role.VOLUNTEER:
            own = getattr(getattr(request.user, "volunteer", None), "pk", None)
            volunteer_id = volunteer_id or own
        if volunteer_id is None:
            raise serializers.ValidationError({"volunteer": [_("This field is required.")]})
        record = services.record_create_manual(user=request.user, volunteer_id=volunteer_id, **data)
        return Response(self.get_serializer(record).data, status=status.HTTP_201_CREATED)


@extend_schema_serializer(component_name="RecordReviewInput")
class ReviewInputSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, default="", allow_blank=True, max_length=2000)


@extend_schema_serializer(component_name="RecordRejectInput")
class RejectInputSerializer(serializers.Serializer):
    # Blank passes here so that the service's own message names what is missing.
    note = serializers.CharField(
        max_length=2000, allow_blank=True, help_text=_("Why the entry is rejected; the volunteer sees it.")
    )


REVIEW_RESPONSES = {
    200: RecordOutputSerializer,
    400: OpenApiResponse(description="Not pending, or the note is missing."),
    403: OpenApiResponse(description="Coordinators only."),
    404: OpenApiResponse(description="Not in your scope."),
}


class _RecordActionApi(generics.GenericAPIView):
    """A coordinator's action on one record of their scope: read the input, call the service, return the record."""

    permission_classes = [CoordinatorsOnly]
    serializer_class = RecordOutputSerializer
    input_serializer: type[serializers.Serializer]
    service = None

    def post(self, request, record_id: int):
        payload = self.input_serializer(data=request.data)
        payload.is_valid(raise_exception=True)
        record = type(self).service(user=request.user, record_id=record_id, **payload.validated_data)
        return Response(self.get_serializer(record).data)


@extend_schema_view(post=extend_schema(request=ReviewInputSerializer, responses=REVIEW_RESPONSES))
class RecordApproveApi(_RecordActionApi):
    """Approve a pending manual entry of the coordinator's scope; its hours start to count."""

    input_serializer = ReviewInputSerializer
    service = services.record_approve


@extend_schema_view(post=extend_schema(request=RejectInputSerializer, responses=REVIEW_RESPONSES))
class RecordRejectApi(_RecordActionApi):
    """Reject a pending manual entry of the coordinator's scope, with a note."""

    input_serializer = RejectInputSerializer
    service = services.record_reject


@extend_schema_serializer(component_name="RecordCorrectInput")
class CorrectInputSerializer(serializers.Serializer):
    minutes = serializers.IntegerField(min_value=1, max_value=MAX_MINUTES)
    note = serializers.CharField(max_length=2000, allow_blank=True, help_text=_("Why the hours change."))


@extend_schema_view(post=extend_schema(request=CorrectInputSerializer, responses=REVIEW_RESPONSES))
class RecordCorrectApi(_RecordActionApi):
    """Correct the minutes of a manual entry of the coordinator's scope; the change stays in its history."""

    input_serializer = CorrectInputSerializer
    service = services.record_correct


class PointsLineSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=PointsRule.Kind.choices)
    units = serializers.IntegerField(help_text=_("Hours, posts, wishes, needs or no-shows counted."))
    points = serializers.IntegerField(help_text=_("After the yearly caps; negative for a deduction."))


class RecordSummaryApi(generics.GenericAPIView):
    """The signed-in volunteer's approved hours, stars, the next star and the hours to it, and this year's points."""

    @extend_schema_serializer(component_name="RecordSummary")
    class OutputSerializer(serializers.Serializer):
        year = serializers.IntegerField()
        minutes = serializers.IntegerField(help_text=_("Approved minutes, all years."))
        hours = serializers.FloatField()
        stars = serializers.IntegerField()
        next_star = serializers.IntegerField(allow_null=True)
        hours_to_next = serializers.FloatField(allow_null=True)
        star_hours = serializers.ListField(child=serializers.IntegerField())
        year_hours = serializers.FloatField()
        points = serializers.IntegerField()
        breakdown = PointsLineSerializer(many=True, help_text=_("How the year's points were earned, kind by kind."))
        pending = serializers.IntegerField(help_text=_("Manual entries awaiting review."))

    permission_classes = [VolunteersOnly]
    serializer_class = OutputSerializer

    def get(self, request):
        summary = selectors.record_summary(volunteer=request.user.volunteer, year=timezone.localdate().year)
        data = {**summary.__dict__, "star_hours": list(selectors.star_thresholds())}
        return Response(self.OutputSerializer(data).data)


class RecordRankingApi(generics.GenericAPIView):
    """Volunteers of a community, or in-office members of a unit, by the year's points; only those who consented
    to be named are listed."""

    @extend_schema_serializer(component_name="RecordRankingFilter")
    class FilterSerializer(serializers.Serializer):
        community = serializers.IntegerField(required=False, min_value=1)
        unit = serializers.IntegerField(required=False, min_value=1)
        year = serializers.IntegerField(required=False, min_value=2000, max_value=2100)

        def validate(self, attrs):
            if ("community" in attrs) == ("unit" in attrs):
                message = _("Give either a community or a unit.")
                raise serializers.ValidationError({"community": [message]})
            return attrs

    @extend_schema_serializer(component_name="RecordRankingRow")
    class OutputSerializer(serializers.Serializer):
        rank = serializers.IntegerField()
        volunteer = serializers.IntegerField()
        number = serializers.CharField()
        name = serializers.CharField()
        hours = serializers.FloatField()
        points = serializers.IntegerField()

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = OutputSerializer
    filter_backends = []
    pagination_class = None  # a ranking is read whole: a community has a few hundred consenting volunteers

    @extend_schema(
        parameters=[FilterSerializer],
        responses={
            200: OutputSerializer(many=True),
            400: OpenApiResponse(description="Neither or both of community and unit."),
            404: OpenApiResponse(description="Community or unit not yours to see."),
        },
    )
    def get(self, request):
        filters = self.FilterSerializer(data=request.query_params.dict())
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        rows = selectors.ranking_list(
            user=request.user,
            year=data.get("year") or timezone.localdate().year,
            community=data.get("community"),
            unit=data.get("unit"),
        )
        return Response(self.OutputSerializer(rows, many=True).data)


class PointsRuleEditors(permissions_.CoordinatorsOnly):
    """Coordinators read the district's points table; its administrators set it."""

    message = _("Only the district's administrators may change the points rules.")

    def has_permission(self, request, view) -> bool:
        user = request.user
        return super().has_permission(request, view) and (
            request.method in permissions.SAFE_METHODS or user.is_superuser or user.role == Role.ADMIN
        )


@extend_schema_serializer(component_name="PointsRuleInput")
class PointsRuleInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=PointsRule.Kind.choices)
    points = serializers.IntegerField(min_value=0, max_value=1000)
    yearly_cap = serializers.IntegerField(min_value=0, max_value=1_000_000, required=False, allow_null=True)
    effective_from = serializers.DateField(
        required=False, allow_null=True, help_text=_("The first day the rule applies; today when not given.")
    )

    def validate_effective_from(self, value):
        if value is not None and value < timezone.localdate():
            raise serializers.ValidationError(_("Give today or a later day."))
        return value


@extend_schema_serializer(component_name="PointsRulesInput")
class PointsRulesInputSerializer(serializers.Serializer):
    """The kinds to set; kinds not named keep their rules."""

    rules = PointsRuleInputSerializer(many=True, allow_empty=False, max_length=len(PointsRule.Kind) * 10)

    def validate_rules(self, value):
        keys = [(row["kind"], row.get("effective_from") or timezone.localdate()) for row in value]
        if len(set(keys)) != len(keys):
            raise serializers.ValidationError(_("Each kind is named once per day."))
        return value


class PointsRulesApi(generics.GenericAPIView):
    """The district's points table (党员积分): every kind's rules by the day they took effect, newest first."""

    @extend_schema_serializer(component_name="PointsRule")
    class OutputSerializer(serializers.ModelSerializer):
        deduction = serializers.SerializerMethodField()

        class Meta:
            model = PointsRule
            fields = ["id", "kind", "points", "yearly_cap", "effective_from", "deduction"]
            read_only_fields = fields

        def get_deduction(self, rule: PointsRule) -> bool:
            return rule.kind in PointsRule.DEDUCTIONS

    permission_classes = [PointsRuleEditors]
    serializer_class = OutputSerializer
    filter_backends = []
    pagination_class = None

    def _table(self):
        return Response(self.OutputSerializer(selectors.points_rules(), many=True).data)

    @extend_schema(responses=OutputSerializer(many=True))
    def get(self, request):
        return self._table()

    @extend_schema(
        request=PointsRulesInputSerializer,
        responses={
            200: OutputSerializer(many=True),
            400: OpenApiResponse(description="Bad rows, or a rule dated before today."),
            403: OpenApiResponse(description="Not the district's administrator."),
        },
    )
    def put(self, request):
        payload = PointsRulesInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        services.points_rules_set(rules=payload.validated_data["rules"], user=request.user)
        return self._table()
