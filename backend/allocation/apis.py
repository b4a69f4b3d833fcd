"""Endpoints of post allocation (定岗): the coordinators' runs (start: 202, the worker does the rest; list, status,
cancel, re-run, publish), a run's proposals (reviewed by hand: add, pin, remove) and unfilled posts; and the
member's side: my post holdings and declining one. Runs are the coordinators'; every read goes through the scope."""

import django_filters
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_serializer,
)
from rest_framework import generics, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from allocation import review, selectors, services
from allocation.models import AllocationRun, HoldingDecline, Proposal, UnfilledPost
from core import permissions as permissions_
from core.json_fields import described
from core.related import ScopedPrimaryKeyRelatedField
from people import selectors as people_selectors
from people.models import Volunteer
from people.serializers import UnverifiedSkillsField
from posts.models import Post, PostHolding
from runs import apis as kernel


class CoordinatorsOnly(permissions_.CoordinatorsOnly):
    """Post allocation runs are the coordinators' tool; volunteers and unit representatives get 403."""

    message = _("Only coordinators work with post allocation runs.")


class VolunteersOnly(permissions_.VolunteersOnly):
    """Post holdings to answer belong to volunteers; the other roles get 403."""

    message = _("Only volunteers hold standing posts.")


class AllocationRunProblemSerializer(serializers.Serializer):
    """The size of the problem the run built."""

    members = serializers.IntegerField()
    posts = serializers.IntegerField()
    seats = serializers.IntegerField()
    pins = serializers.IntegerField()
    pins_dropped = serializers.IntegerField()
    excluded = serializers.IntegerField()


class AllocationRunMetricsSerializer(kernel.RunMetricsSerializer):
    """The allocation's figures."""

    pairs = serializers.IntegerField(required=False)
    mean_distance_km = serializers.FloatField(required=False)
    preferences_honoured = serializers.IntegerField(required=False)
    first_choices = serializers.IntegerField(required=False)
    group_posts = serializers.IntegerField(required=False)
    holders_kept = serializers.IntegerField(required=False)


class AllocationRunStatsSerializer(kernel.RunSolverStatsSerializer):
    """The optimizer's figures, once the allocation is saved (null where not finite); empty until then."""

    status = serializers.CharField(required=False)
    problem = AllocationRunProblemSerializer(required=False)
    metrics = AllocationRunMetricsSerializer(required=False)


class AllocationRunOutputSerializer(kernel.RunOutputSerializer):
    sub_district_name = serializers.CharField(source="sub_district.name", read_only=True)
    published = serializers.SerializerMethodField(
        help_text=_("This run is the published allocation of its scope and year.")
    )
    stats = described(AllocationRunStatsSerializer)(read_only=True)

    class Meta:
        model = AllocationRun
        fields = [
            "id",
            "level",
            "community",
            "community_name",
            "sub_district",
            "sub_district_name",
            "year",
            "version",
            "status",
            "message",
            "attempts",
            "time_limit",
            "created_by",
            "created_at",
            "started_at",
            "finished_at",
            "stats",
            "published",
            "published_at",
        ]
        read_only_fields = fields


class AllocationRunFilter(kernel.RunFilter):
    year = django_filters.NumberFilter()
    status = django_filters.MultipleChoiceFilter(choices=AllocationRun.Status.choices)
    level = django_filters.ChoiceFilter(choices=AllocationRun.Level.choices)

    class Meta:
        model = AllocationRun
        fields = ["year", "status", "community", "sub_district", "level", "published"]


@extend_schema_serializer(component_name="AllocationRunStartInput")
class AllocationRunStartInput(kernel.RunStartInput):
    year = serializers.IntegerField(min_value=2000, max_value=2100)

    def validate(self, attrs):
        named = [key for key in ("community", "sub_district") if attrs.get(key) is not None]
        if len(named) != 1:
            raise serializers.ValidationError(_("Name exactly one of community and sub-district."))
        return attrs


class _AllocationRunApi:
    permission_classes = [CoordinatorsOnly]
    serializer_class = AllocationRunOutputSerializer
    run_model = AllocationRun


RUN_APIS = kernel.run_apis(
    _AllocationRunApi,
    start_input=AllocationRunStartInput,
    filterset=AllocationRunFilter,
    ordering=["created_at", "year", "version", "id"],
    start=services.allocation_run_start,
    cancel=services.allocation_run_cancel,
    publish=services.allocation_run_publish,
    describe={
        "list": "The post allocation runs in the caller's scope, newest first.",
        "start": "Queue a post allocation run for a year and a scope (a community or a sub-district); answered at "
        "once with the queued run, whose status the browser then polls. It keeps the pins and removed "
        "pairs of the latest done version of the same scope and year.",
        "detail": "A run's status, message and statistics (the browser polls this).",
        "cancel": "Cancel a queued or solving run; a run that has ended answers 409.",
        "publish": "Publish a done run as its scope's post holdings for the year; its members are told once it is "
        "committed.",
    },
)


class AllocationRunRerunApi(_AllocationRunApi, kernel.RunApi):
    """Queue a new version of the run's scope and year, keeping the pins and removed pairs of the latest done one."""

    @extend_schema(
        request=None, responses={202: AllocationRunOutputSerializer, 404: kernel.NOT_FOUND, 409: kernel.ACTIVE}
    )
    def post(self, request, pk: int):
        run = services.allocation_run_rerun(user=request.user, run=self.run())
        return Response(self.body(run.pk), status=status.HTTP_202_ACCEPTED)


class ProposalOutputSerializer(serializers.ModelSerializer):
    post_name = serializers.CharField(source="post.name", read_only=True)
    post_category = serializers.CharField(source="post.category", read_only=True)
    community_name = serializers.CharField(source="post.community.name", read_only=True)
    volunteer_number = serializers.CharField(source="volunteer.number", read_only=True)
    volunteer_name = serializers.CharField(source="volunteer.name", read_only=True)
    # A plain string in the schema: an enum of the same name and values as planning's assignments would collide.
    source = serializers.CharField(read_only=True, help_text=_("solver, or manual (added by hand)."))
    unverified_skills = UnverifiedSkillsField(
        seat="post",
        help_text=_(
            "Codes of the skills the post requires that the member holds only by their own claim (no coordinator "
            "verified that level): the review shows these proposals."
        ),
    )

    class Meta:
        model = Proposal
        fields = [
            "id",
            "post",
            "post_name",
            "post_category",
            "community_name",
            "volunteer",
            "volunteer_number",
            "volunteer_name",
            "pinned",
            "source",
            "unverified_skills",
        ]
        read_only_fields = fields


class UnfilledPostOutputSerializer(serializers.ModelSerializer):
    post_name = serializers.CharField(source="post.name", read_only=True)
    post_priority = serializers.IntegerField(source="post.priority", read_only=True)
    community_name = serializers.CharField(source="post.community.name", read_only=True)
    reasons = described(kernel.RunUnfilledReasonSerializer(many=True))(read_only=True)

    class Meta:
        model = UnfilledPost
        fields = ["id", "post", "post_name", "post_priority", "community_name", "missing", "reasons", "suggestion"]
        read_only_fields = fields


class ProposalFilter(django_filters.FilterSet):
    post = django_filters.NumberFilter(field_name="post_id")
    volunteer = django_filters.NumberFilter(field_name="volunteer_id")
    pinned = django_filters.BooleanFilter()

    class Meta:
        model = Proposal
        fields = ["post", "volunteer", "pinned"]


class ProposalAddInputSerializer(serializers.Serializer):
    post = ScopedPrimaryKeyRelatedField(queryset=Post.objects.all())
    volunteer = ScopedPrimaryKeyRelatedField(queryset=Volunteer.objects.all())


def _proposal_rows(*, run: AllocationRun):
    return selectors.proposal_list(run=run).prefetch_related(people_selectors.verifications_prefetch("volunteer__"))


@kernel.documented
class AllocationRunProposalListApi(_AllocationRunApi, kernel.RunPairListApi):
    """The run's plan: who is proposed for which post (no phone numbers), filterable by post. POST adds one by
    hand (pinned), checked against every hard rule: a refusal is a 400 naming the broken rule, a pair already
    proposed a 409, a run not done or already published a 409."""

    serializer_class = ProposalOutputSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ProposalFilter
    AddInputSerializer = ProposalAddInputSerializer
    rows = staticmethod(_proposal_rows)
    add = staticmethod(review.proposal_add)


@kernel.documented
class AllocationRunProposalDetailApi(_AllocationRunApi, kernel.RunPairDetailApi):
    """Pin or unpin one proposal of a run under review (PATCH), or remove it (DELETE): the next run of the same
    scope and year will not propose that pair again."""

    serializer_class = ProposalOutputSerializer
    lookup_url_kwarg = "proposal_id"
    rows = staticmethod(selectors.proposal_list)

    def pin(self, run: AllocationRun, pair: Proposal, pinned: bool) -> Proposal:
        return review.proposal_pin(run=run, proposal=pair, pinned=pinned)

    def remove(self, run: AllocationRun, pair: Proposal) -> None:
        review.proposal_remove(run=run, proposal=pair)


class AllocationRunUnfilledListApi(_AllocationRunApi, kernel.RunRowsApi):
    """Posts the run could not fill, with reasons and the smallest change that would fill them."""

    serializer_class = UnfilledPostOutputSerializer
    rows = staticmethod(selectors.unfilled_post_list)


# ---------------------------------------------------------------- the member's side


def _decline(holding: PostHolding) -> HoldingDecline | None:
    try:
        return holding.decline
    except HoldingDecline.DoesNotExist:
        return None


@extend_schema_serializer(component_name="MyPostHolding")
class MyPostHoldingOutputSerializer(serializers.ModelSerializer):
    post_name = serializers.CharField(source="post.name")
    category = serializers.CharField(source="post.category")
    community_name = serializers.CharField(source="post.community.name")
    duties = serializers.CharField(source="post.duties")
    schedule = serializers.CharField(source="post.schedule", help_text=_("The post's time rule in words."))
    weekdays = serializers.ListField(source="post.weekdays", child=serializers.IntegerField())
    start_time = serializers.TimeField(source="post.start_time")
    end_time = serializers.TimeField(source="post.end_time")
    target = serializers.CharField(source="post.target")
    reason = serializers.SerializerMethodField(help_text=_("Why it was declined (empty when it was not)."))
    declined_at = serializers.SerializerMethodField()

    class Meta:
        model = PostHolding
        fields = [
            "id",
            "year",
            "status",
            "post",
            "post_name",
            "category",
            "community_name",
            "duties",
            "schedule",
            "weekdays",
            "start_time",
            "end_time",
            "target",
            "reason",
            "declined_at",
        ]
        read_only_fields = fields

    def get_reason(self, holding: PostHolding) -> str:
        decline = _decline(holding)
        return "" if decline is None else decline.reason

    @extend_schema_field(OpenApiTypes.DATETIME)
    def get_declined_at(self, holding: PostHolding):
        decline = _decline(holding)
        return None if decline is None else serializers.DateTimeField().to_representation(decline.declined_at)


class MyPostHoldingFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter()
    status = django_filters.MultipleChoiceFilter(choices=PostHolding.Status.choices)

    class Meta:
        model = PostHolding
        fields = ["year", "status"]


class MyPostHoldingListApi(generics.ListAPIView):
    """The caller's standing posts (一编三定), newest year first, with duty and time."""

    permission_classes = [VolunteersOnly]
    serializer_class = MyPostHoldingOutputSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = MyPostHoldingFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return PostHolding.objects.none()
        return selectors.my_post_holding_list(volunteer=selectors.volunteer_of(self.request.user))


class MyPostHoldingDeclineApi(APIView):
    """Decline one's standing post with a reason (service is voluntary); the community's coordinators are told."""

    @extend_schema_serializer(component_name="PostHoldingDeclineInput")
    class InputSerializer(serializers.Serializer):
        reason = serializers.CharField(max_length=500, allow_blank=True, required=False, default="")

    permission_classes = [VolunteersOnly]

    @extend_schema(
        request=InputSerializer,
        responses={
            200: MyPostHoldingOutputSerializer,
            404: OpenApiResponse(description="No such holding of yours."),
            409: OpenApiResponse(description="The holding has ended."),
        },
    )
    def post(self, request, holding_id: int):
        payload = self.InputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        holding = services.post_holding_decline(user=request.user, holding_id=holding_id, **payload.validated_data)
        holding = selectors.my_post_holding_list(volunteer=selectors.volunteer_of(request.user)).get(pk=holding.pk)
        return Response(MyPostHoldingOutputSerializer(holding).data)
