"""Endpoints of the coordinator's matching runs: start (202, the worker does the rest), list, status, cancel,
publish, the run's plan (assignments; reviewed by hand: add, pin, remove), its resource bookings (why each, pin,
alternatives, swap) and unfilled seats. Coordinators only;
every read goes through the scope."""

import django_filters
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_serializer,
)
from rest_framework import serializers
from rest_framework.response import Response

import matching
from core import permissions as permissions_
from core.json_fields import SkillLevelsField, StringListField, described
from core.related import ScopedPrimaryKeyRelatedField
from core.weeks import monday_of
from people import selectors as people_selectors
from people.models import Volunteer
from people.serializers import UnverifiedSkillsField
from planning import bookings, review, selectors, services
from planning.explanations import Explainer
from planning.models import Assignment, MatchingRun, ResourceBooking, UnfilledSeat
from resources.models import Resource
from runs import apis as kernel
from shifts.models import Shift


class CoordinatorsOnly(permissions_.CoordinatorsOnly):
    """Matching runs are the coordinators' tool; volunteers and unit representatives get 403."""

    message = _("Only coordinators work with matching runs.")


# How good a plan is proven to be (matching.Status): a run's solver_status and its stats' status.
SOLVER_STATUSES = [status.value for status in matching.Status]


class MatchingRunProblemSerializer(serializers.Serializer):
    """The size of the problem the run built."""

    volunteers = serializers.IntegerField()
    shifts = serializers.IntegerField()
    resources = serializers.IntegerField()
    resource_requests = serializers.IntegerField()
    seats = serializers.IntegerField()
    locks = serializers.IntegerField()
    forbidden = serializers.IntegerField()


class MatchingRunStatsSerializer(kernel.RunSolverStatsSerializer):
    """The problem's size once built; the solver's figures once the plan is saved (null where not finite)."""

    problem = MatchingRunProblemSerializer(required=False)
    status = serializers.ChoiceField(choices=SOLVER_STATUSES, required=False)
    solver = serializers.CharField(required=False)


class HoursSpreadSerializer(serializers.Serializer):
    max = serializers.FloatField()
    mean = serializers.FloatField()
    std = serializers.FloatField()
    gini = serializers.FloatField()


class PriorityFillSerializer(serializers.Serializer):
    seats = serializers.IntegerField()
    filled = serializers.IntegerField()


class RecruitmentLineSerializer(serializers.Serializer):
    """One line of the week's recruitment list: people with some skills, or a room."""

    kind = serializers.ChoiceField(choices=["volunteers", "resource"])
    what = serializers.CharField(help_text=_("In the reader's language."))
    count = serializers.IntegerField()
    when = serializers.CharField(required=False)
    near = serializers.CharField(required=False)
    skills = SkillLevelsField(required=False)
    resource_kind = serializers.CharField(required=False)
    min_capacity = serializers.IntegerField(required=False)
    features = StringListField(required=False)


class MatchingRunMetricsSerializer(kernel.RunMetricsSerializer):
    """The saved plan's figures (empty until then); solvers add figures of their own beside these."""

    weighted_total = serializers.FloatField(required=False)
    shifts_fully_staffed = serializers.IntegerField(required=False)
    requests_met = serializers.IntegerField(required=False)
    requests_total = serializers.IntegerField(required=False)
    volunteers_used = serializers.IntegerField(required=False)
    hours_spread = HoursSpreadSerializer(required=False)
    by_priority = serializers.DictField(
        child=PriorityFillSerializer(),
        required=False,
        help_text=_('Seats and filled seats per shift priority ("1" to "5").'),
    )
    hours_histogram = serializers.DictField(
        child=serializers.IntegerField(),
        required=False,
        help_text=_('People by whole hours planned in the week ("3": 5 is five people with 3 to under 4 hours).'),
    )
    soft_rules = serializers.DictField(
        child=serializers.DictField(child=serializers.FloatField()),
        required=False,
        help_text=_("What each soft rule contributed."),
    )
    recruitment = RecruitmentLineSerializer(many=True, required=False)
    preferences_matched = serializers.IntegerField(
        required=False,
        help_text=_("Assignments that gave a volunteer a shift of a kind or in a community they prefer."),
    )
    preferences_stated = serializers.IntegerField(
        required=False, help_text=_("Volunteers of the week who stated a preference matching one of its shifts.")
    )


class MatchingRunOutputSerializer(kernel.RunOutputSerializer):
    sub_district_name = serializers.CharField(source="sub_district.name", read_only=True, default=None, allow_null=True)
    published = serializers.SerializerMethodField(help_text=_("This run is the published plan of its scope and week."))
    stats = described(MatchingRunStatsSerializer)(read_only=True)
    metrics = described(MatchingRunMetricsSerializer)(read_only=True)

    solver_status = serializers.SerializerMethodField(
        help_text=_(
            "How good the finished plan is proven to be, shown with `gap` beside it: optimal (gap at most 0.01%), "
            "within_gap (within the requested gap), feasible, time_limit (the time ran out first), infeasible; "
            "null until the plan is saved."
        )
    )

    @extend_schema_field(serializers.ChoiceField(choices=SOLVER_STATUSES, allow_null=True))
    def get_solver_status(self, run: MatchingRun) -> str | None:
        return (run.stats or {}).get("status")

    def to_representation(self, run: MatchingRun) -> dict:
        data = super().to_representation(run)
        recruitment = (data.get("metrics") or {}).get("recruitment")
        if recruitment:
            explainer = _explainer(self)
            data["metrics"] = {**data["metrics"], "recruitment": [explainer.recruitment(e) for e in recruitment]}
        return data

    class Meta:
        model = MatchingRun
        fields = [
            "id",
            "level",
            "community",
            "community_name",
            "sub_district",
            "sub_district_name",
            "week",
            "version",
            "status",
            "stage",
            "progress",
            "solver_status",
            "gap",
            "message",
            "attempts",
            "heartbeat",
            "time_limit",
            "solver",
            "created_by",
            "created_at",
            "started_at",
            "finished_at",
            "stats",
            "metrics",
            "published",
            "published_at",
        ]
        read_only_fields = fields


class MatchingRunFilter(kernel.RunFilter):
    week = django_filters.DateFilter(method="filter_week", help_text=_("Any day of the week."))
    status = django_filters.MultipleChoiceFilter(choices=MatchingRun.Status.choices)
    level = django_filters.ChoiceFilter(choices=MatchingRun.Level.choices)

    class Meta:
        model = MatchingRun
        fields = ["week", "status", "community", "sub_district", "level", "published"]

    def filter_week(self, queryset, name, value):
        return queryset.filter(week=monday_of(value))


@extend_schema_serializer(component_name="MatchingRunStartInput")
class MatchingRunStartInput(kernel.RunStartInput):
    week = serializers.DateField(help_text=_("Any day of the week; the run is stored under its Monday."))

    def validate(self, attrs):
        if attrs.get("community") is not None and attrs.get("sub_district") is not None:
            raise serializers.ValidationError(_("Name a community or a sub-district, not both."))
        return attrs


class _MatchingRunApi:
    permission_classes = [CoordinatorsOnly]
    serializer_class = MatchingRunOutputSerializer
    run_model = MatchingRun


RUN_APIS = kernel.run_apis(
    _MatchingRunApi,
    start_input=MatchingRunStartInput,
    filterset=MatchingRunFilter,
    ordering=["created_at", "week", "version", "id"],
    start=services.matching_run_start,
    cancel=services.matching_run_cancel,
    publish=services.matching_run_publish,
    describe={
        "list": "The matching runs in the caller's scope, newest first.",
        "start": "Queue a matching run for a week and a scope (a community, a sub-district, or neither for the "
        "whole district); answered at once with the queued run, whose status the browser then polls.",
        "detail": "A run's status, stage, progress, gap, message and metrics (the browser polls this).",
        "cancel": "Cancel a queued or working run; a run that has ended answers 409.",
        "publish": "Publish a done run as its scope's plan for the week; its volunteers are notified once it is "
        "committed.",
    },
)


class AssignmentOutputSerializer(serializers.ModelSerializer):
    shift_title = serializers.CharField(source="shift.title", read_only=True)
    shift_start = serializers.DateTimeField(source="shift.start", read_only=True)
    shift_end = serializers.DateTimeField(source="shift.end", read_only=True)
    community_name = serializers.CharField(source="shift.community.name", read_only=True)
    volunteer_number = serializers.CharField(source="volunteer.number", read_only=True)
    volunteer_name = serializers.CharField(source="volunteer.name", read_only=True)
    unverified_skills = UnverifiedSkillsField(
        seat="shift",
        help_text=_(
            "Codes of the skills the shift requires that the volunteer holds only by their own claim (no "
            "coordinator verified that level): the plan review shows these assignments."
        ),
    )

    class Meta:
        model = Assignment
        fields = [
            "id",
            "shift",
            "shift_title",
            "shift_start",
            "shift_end",
            "community_name",
            "volunteer",
            "volunteer_number",
            "volunteer_name",
            "pinned",
            "source",
            "unverified_skills",
        ]
        read_only_fields = fields


def _explainer(serializer) -> Explainer:
    """One per response: the skill catalogue is read once however many rows are rendered."""
    root = serializer.root if serializer.root is not None else serializer
    return root.context.setdefault("explainer", Explainer())


class UnfilledReasonSerializer(kernel.RunUnfilledReasonSerializer):
    message = serializers.CharField(help_text=_("In the reader's language."))
    skill = serializers.CharField(required=False)
    level = serializers.IntegerField(required=False)


class UnfilledSeatOutputSerializer(serializers.ModelSerializer):
    shift_title = serializers.CharField(source="shift.title", read_only=True)
    shift_start = serializers.DateTimeField(source="shift.start", read_only=True)
    shift_end = serializers.DateTimeField(source="shift.end", read_only=True)
    shift_priority = serializers.IntegerField(source="shift.priority", read_only=True)
    community_name = serializers.CharField(source="shift.community.name", read_only=True)
    reasons = serializers.SerializerMethodField()
    suggestion = serializers.SerializerMethodField(help_text=_("The smallest change that would fill the seats."))

    @extend_schema_field(UnfilledReasonSerializer(many=True))
    def get_reasons(self, seat: UnfilledSeat) -> list[dict]:
        explainer = _explainer(self)
        return [{**reason, "message": explainer.reason(reason, seat.shift)} for reason in seat.reasons]

    def get_suggestion(self, seat: UnfilledSeat) -> str:
        return _explainer(self).suggestion(seat)

    class Meta:
        model = UnfilledSeat
        fields = [
            "id",
            "shift",
            "shift_title",
            "shift_start",
            "shift_end",
            "shift_priority",
            "community_name",
            "missing",
            "reasons",
            "suggestion",
        ]
        read_only_fields = fields


class AssignmentAddInputSerializer(serializers.Serializer):
    shift = ScopedPrimaryKeyRelatedField(queryset=Shift.objects.all())
    volunteer = ScopedPrimaryKeyRelatedField(queryset=Volunteer.objects.all())


def _assignment_rows(*, run: MatchingRun):
    # Only the columns a row shows: the page is sorted after the joins, and the shifts' and volunteers' other
    # columns (JSON among them) made most of what PostgreSQL sorted and Django read.
    return (
        selectors.assignment_list(run=run)
        .only(
            "pinned",
            "source",
            "shift__title",
            "shift__start",
            "shift__end",
            "shift__required_skills",
            "shift__community__name",
            "volunteer__number",
            "volunteer__name",
        )
        .prefetch_related(people_selectors.verifications_prefetch("volunteer__"))
    )


@kernel.documented
class MatchingRunAssignmentListApi(_MatchingRunApi, kernel.RunPairListApi):
    """The run's plan: who is on which shift (no phone numbers). POST adds one by hand (pinned), checked against
    every hard rule; a refusal is a 400 naming the broken rule, a run not done or already published a 409."""

    serializer_class = AssignmentOutputSerializer
    AddInputSerializer = AssignmentAddInputSerializer
    rows = staticmethod(_assignment_rows)
    add = staticmethod(review.assignment_add)


@kernel.documented
class MatchingRunAssignmentDetailApi(_MatchingRunApi, kernel.RunPairDetailApi):
    """Pin or unpin one assignment of a run under review (PATCH), or remove it (DELETE): the next runs of the same
    scope and week do not offer the volunteer that shift again."""

    serializer_class = AssignmentOutputSerializer
    lookup_url_kwarg = "assignment_id"
    rows = staticmethod(selectors.assignment_list)

    def pin(self, run: MatchingRun, pair: Assignment, pinned: bool) -> Assignment:
        return review.assignment_pin(run=run, assignment=pair, pinned=pinned)

    def remove(self, run: MatchingRun, pair: Assignment) -> None:
        review.assignment_remove(run=run, assignment=pair, user=self.request.user)


class MatchingRunUnfilledListApi(_MatchingRunApi, kernel.RunRowsApi):
    """Seats the run could not fill, with reasons and the smallest change that would fill them."""

    serializer_class = UnfilledSeatOutputSerializer
    rows = staticmethod(selectors.unfilled_seat_list)


class RunComparisonSerializer(serializers.Serializer):
    base = serializers.IntegerField()
    other = serializers.IntegerField()
    versions = serializers.ListField(child=serializers.IntegerField())
    metrics = serializers.DictField(child=serializers.ListField(child=serializers.FloatField(allow_null=True)))
    gap = serializers.ListField(child=serializers.FloatField(allow_null=True))
    unfilled_seats = serializers.ListField(child=serializers.IntegerField())
    assignments = serializers.DictField(child=serializers.IntegerField())
    added = serializers.ListField(child=serializers.DictField(child=serializers.IntegerField()))
    removed = serializers.ListField(child=serializers.DictField(child=serializers.IntegerField()))


class MatchingRunCompareApi(_MatchingRunApi, kernel.RunApi):
    """Compare a run with another version of the same scope and week: figures side by side, and the
    assignments the other adds and removes (at most 200 of each listed; the counts are whole)."""

    serializer_class = RunComparisonSerializer

    @extend_schema(
        responses={
            200: RunComparisonSerializer,
            400: OpenApiResponse(description="Not the same week."),
            404: kernel.NOT_FOUND,
        }
    )
    def get(self, request, pk: int, other_id: int):
        base, other = self.run(), self.run(other_id)
        if (base.scope_key, base.week) != (other.scope_key, other.week):
            raise serializers.ValidationError({"other": [_("Compare versions of the same scope and week.")]})
        return Response(selectors.matching_run_compare(base=base, other=other))


# ---------------------------------------------------------------- resource bookings


class BookingWhySerializer(serializers.Serializer):
    """Why the resource was chosen, from the figures the optimizer used."""

    code = serializers.ChoiceField(
        choices=["nearest", "suitable", "rule_broken"],
        help_text=_(
            "nearest: the nearest resource keeping every hard rule; suitable: keeps them, nearer ones were free too; "
            "rule_broken: it no longer keeps one (the data changed since the run)."
        ),
    )
    message = serializers.CharField(help_text=_("In the reader's language."))
    distance_km = serializers.FloatField(allow_null=True)
    max_distance_km = serializers.FloatField(allow_null=True)
    capacity = serializers.IntegerField()
    min_capacity = serializers.IntegerField()
    features = StringListField()
    free_from = serializers.DateTimeField(
        allow_null=True, help_text=_("The resource's free window that holds the shift.")
    )
    free_to = serializers.DateTimeField(allow_null=True)
    alternatives = serializers.IntegerField(help_text=_("Other resources that would keep every hard rule."))
    broken = StringListField(help_text=_("The hard rules it breaks now, as the optimizer's check words them."))


class ResourceBookingOutputSerializer(serializers.ModelSerializer):
    shift = serializers.IntegerField(source="request.shift_id", read_only=True)
    shift_title = serializers.CharField(source="request.shift.title", read_only=True)
    shift_start = serializers.DateTimeField(source="request.shift.start", read_only=True)
    shift_end = serializers.DateTimeField(source="request.shift.end", read_only=True)
    community_name = serializers.CharField(source="request.shift.community.name", read_only=True)
    kind = serializers.CharField(source="request.kind", read_only=True)
    min_capacity = serializers.IntegerField(source="request.min_capacity", read_only=True)
    features = StringListField(source="request.features", read_only=True)
    resource_name = serializers.CharField(source="resource.name", read_only=True)
    resource_capacity = serializers.IntegerField(source="resource.capacity", read_only=True)
    unit_name = serializers.CharField(source="resource.unit.name", read_only=True, default=None, allow_null=True)
    facility = serializers.IntegerField(
        source="resource.facility_id",
        read_only=True,
        allow_null=True,
        help_text=_("The community facility this resource is, if it is one."),
    )
    conditions = serializers.CharField(
        source="resource.conditions", read_only=True, help_text=_("The provider's terms of use.")
    )
    why = serializers.SerializerMethodField()

    @extend_schema_field(BookingWhySerializer(allow_null=True))
    def get_why(self, booking) -> dict | None:
        why = self.context.get("why", {}).get(booking.pk)
        return None if why is None else BookingWhySerializer(why).data

    class Meta:
        model = ResourceBooking
        fields = [
            "id",
            "request",
            "shift",
            "shift_title",
            "shift_start",
            "shift_end",
            "community_name",
            "kind",
            "min_capacity",
            "features",
            "resource",
            "resource_name",
            "resource_capacity",
            "unit_name",
            "facility",
            "conditions",
            "pinned",
            "source",
            "why",
        ]
        read_only_fields = fields


class UnmetRequestSerializer(serializers.Serializer):
    request = serializers.IntegerField(source="request.pk")
    shift = serializers.IntegerField(source="request.shift_id")
    shift_title = serializers.CharField(source="request.shift.title")
    shift_start = serializers.DateTimeField(source="request.shift.start")
    shift_end = serializers.DateTimeField(source="request.shift.end")
    community_name = serializers.CharField(source="request.shift.community.name")
    kind = serializers.CharField(source="request.kind")
    min_capacity = serializers.IntegerField(source="request.min_capacity")
    features = StringListField(source="request.features")
    code = serializers.ChoiceField(
        choices=["no_such_resource", "not_free", "too_far", "all_booked", "not_used", "not_in_problem"]
    )
    message = serializers.CharField(help_text=_("In the reader's language."))


class BookingReviewSerializer(serializers.Serializer):
    bookings = ResourceBookingOutputSerializer(many=True)
    unmet = UnmetRequestSerializer(many=True)


class BookingAlternativeSerializer(serializers.Serializer):
    resource = serializers.IntegerField(source="resource.pk")
    name = serializers.CharField(source="resource.name")
    capacity = serializers.IntegerField(source="resource.capacity")
    features = StringListField(source="resource.features")
    unit_name = serializers.CharField(source="resource.unit.name", default=None, allow_null=True)
    facility = serializers.IntegerField(source="resource.facility_id", allow_null=True)
    community_name = serializers.CharField(source="resource.community.name")
    conditions = serializers.CharField(source="resource.conditions")
    distance_km = serializers.FloatField()


class BookingSwapInputSerializer(serializers.Serializer):
    resource = ScopedPrimaryKeyRelatedField(queryset=Resource.objects.all())


NOT_EDITABLE = OpenApiResponse(description="The run is not done, or its week is published for its scope.")


class _BookingApi(_MatchingRunApi, kernel.RunApi):
    serializer_class = ResourceBookingOutputSerializer
    pagination_class = None  # a run's bookings and a request's alternatives are answered whole
    queryset = ResourceBooking.objects.none()  # the schema's model; the rows are read through the run (booking())

    def booking(self) -> tuple[MatchingRun, ResourceBooking]:
        run = self.run()
        booking = selectors.booking_list(run=run).filter(pk=self.kwargs["booking_id"]).first()
        if booking is None:
            raise Http404
        return run, booking


class MatchingRunBookingListApi(_BookingApi):
    """The run's resource bookings (room, van) with why each resource was chosen, and the requests of its shifts
    left without one, with why: derived from the run's problem as the data stands, by the optimizer's rules."""

    @extend_schema(responses={200: BookingReviewSerializer, 404: kernel.NOT_FOUND})
    def get(self, request, pk: int):
        reviewed, unmet = bookings.booking_review(run=self.run())
        why = {booking.pk: reason for booking, reason in reviewed}
        return Response(
            {
                "bookings": ResourceBookingOutputSerializer(
                    [b for b, _w in reviewed], many=True, context={"why": why}
                ).data,
                "unmet": UnmetRequestSerializer(unmet, many=True).data,
            }
        )


class MatchingRunBookingDetailApi(_BookingApi):
    """Pin or unpin one booking of a run under review: a pinned booking is kept by the next run of the same scope and
    week."""

    @extend_schema(
        request=kernel.PinInputSerializer,
        responses={200: ResourceBookingOutputSerializer, 404: kernel.NOT_FOUND, 409: NOT_EDITABLE},
    )
    def patch(self, request, pk: int, booking_id: int):
        run, booking = self.booking()
        payload = kernel.PinInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        booking = bookings.booking_pin(run=run, booking=booking, pinned=payload.validated_data["pinned"])
        return Response(ResourceBookingOutputSerializer(booking).data)


class MatchingRunBookingAlternativesApi(_BookingApi):
    """Other resources that keep every hard rule for the booking's request in this plan (kind, capacity, features,
    free for the whole shift, within the distance limit, not booked then by another booking), nearest first."""

    @extend_schema(responses={200: BookingAlternativeSerializer(many=True), 404: kernel.NOT_FOUND})
    def get(self, request, pk: int, booking_id: int):
        run, booking = self.booking()
        return Response(
            BookingAlternativeSerializer(bookings.booking_alternatives(run=run, booking=booking), many=True).data
        )


class MatchingRunBookingSwapApi(_BookingApi):
    """Book another resource for the request (pinned): a hard rule it breaks is a 400 naming the rule; the resource
    held by another booking of the plan then, or the run not editable (published), a 409."""

    @extend_schema(
        request=BookingSwapInputSerializer,
        responses={
            200: ResourceBookingOutputSerializer,
            400: OpenApiResponse(description="A hard rule would break."),
            404: kernel.NOT_FOUND,
            409: OpenApiResponse(description="Another booking holds the resource, or the run is not editable."),
        },
    )
    def post(self, request, pk: int, booking_id: int):
        run, booking = self.booking()
        payload = BookingSwapInputSerializer(data=request.data, context={"request": request})
        payload.is_valid(raise_exception=True)
        booking = bookings.booking_swap(run=run, booking=booking, resource=payload.validated_data["resource"])
        return Response(ResourceBookingOutputSerializer(booking).data)
