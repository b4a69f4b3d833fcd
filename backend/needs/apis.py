"""The needs list, its owner (首问: hand-over, history, who may own it), its status flow, dispatching (派单: merge
into a project, turn into shifts), residents' rating (评单) and the deadline counts (限时办结)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions, status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from core.api import ScopedViewSet
from core.permissions import CoordinatorsOnly
from core.scoping import Role, Scope, scope_queryset
from needs import selectors, services
from needs.filters import NeedFilter
from needs.models import Need
from needs.serializers import (
    NeedDeadlineRuleSerializer,
    NeedDeadlineRulesInputSerializer,
    NeedHandOverInputSerializer,
    NeedMergeInputSerializer,
    NeedMergeOutputSerializer,
    NeedOverdueCountSerializer,
    NeedOwnerCandidateSerializer,
    NeedOwnershipSerializer,
    NeedRatingInputSerializer,
    NeedRatingOutputSerializer,
    NeedSerializer,
    NeedTakeInputSerializer,
    NeedToShiftsInputSerializer,
    NeedToShiftsOutputSerializer,
    NeedTransitionSerializer,
)
from projects.models import Project


class DeadlineRuleEditors(CoordinatorsOnly):
    """Coordinators read the district's deadline table; its administrators set it."""

    message = _("Only the district's administrators may change the deadline rules.")

    def has_permission(self, request, view) -> bool:
        user = request.user
        return super().has_permission(request, view) and (
            request.method in permissions.SAFE_METHODS or user.is_superuser or user.role == Role.ADMIN
        )


class NeedViewSet(ScopedViewSet):
    queryset = Need.objects.select_related("community", "owner", "taken_by_volunteer", "taken_by_team", "taken_by_unit")
    serializer_class = NeedSerializer
    scope = Scope(community="community")
    filterset_class = NeedFilter
    search_fields = ["title", "description"]
    ordering_fields = ["created_at", "deadline", "urgency", "wanted_start", "id"]

    def _fresh_body(self, need: Need) -> dict:
        """The need as the list and detail show it (with its taker), read again after an action changed it."""
        return NeedSerializer(self.get_queryset().get(pk=need.pk), context=self.get_serializer_context()).data

    def perform_create(self, serializer):
        serializer.instance = services.need_create(user=self.request.user, **serializer.validated_data)

    @extend_schema(
        request=NeedHandOverInputSerializer,
        responses={
            200: NeedSerializer,
            400: OpenApiResponse(description="Bad input, or not a coordinator covering the need."),
            403: OpenApiResponse(description="Neither the need's owner nor a coordinator overseeing it."),
            404: OpenApiResponse(description="The need is outside the caller's scope."),
            409: OpenApiResponse(description="The need is finished (completed, rated or closed)."),
        },
    )
    @action(detail=True, methods=["post"], url_path="hand-over", permission_classes=[CoordinatorsOnly])
    def hand_over(self, request, pk=None):
        """Hand the need over to a colleague whose scope covers its community, with a reason (首问责任)."""
        need = self.get_object()
        payload = NeedHandOverInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        need = services.need_hand_over(
            need=need,
            user=request.user,
            to_user_id=payload.validated_data["to_user"],
            reason=payload.validated_data["reason"],
        )
        return Response(NeedSerializer(need, context=self.get_serializer_context()).data)

    @extend_schema(responses=NeedOwnershipSerializer(many=True))
    @action(
        detail=True, methods=["get"], permission_classes=[CoordinatorsOnly], filter_backends=[], pagination_class=None
    )
    def owners(self, request, pk=None):
        """Every owner the need has had: who, from when, handed over by whom, and why; the first first."""
        need = self.get_object()
        return Response(NeedOwnershipSerializer(selectors.need_owner_history(need=need), many=True).data)

    @extend_schema(responses=NeedOwnerCandidateSerializer(many=True))
    @action(
        detail=True,
        methods=["get"],
        url_path="owner-candidates",
        permission_classes=[CoordinatorsOnly],
        filter_backends=[],
        pagination_class=None,
    )
    def owner_candidates(self, request, pk=None):
        """The colleagues the need may be handed over to: active coordinators whose scope covers its community."""
        need = self.get_object()
        candidates = selectors.need_owner_candidates(community=need.community).exclude(pk=need.owner_id)
        return Response(NeedOwnerCandidateSerializer(candidates, many=True).data)

    @extend_schema(request=NeedTransitionSerializer, responses=NeedSerializer)
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        """Move the need to its next status (待审核 → 已发布 → 已认领 → 服务中 → 已办结 → 已评价 / 已关闭); at
        completion a volunteer who took it gets its minutes in their service records."""
        need = self.get_object()
        payload = NeedTransitionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        status_ = payload.validated_data["status"]
        if status_ == Need.Status.COMPLETED:
            need, _record = services.need_complete(
                need=need, user=request.user, minutes=payload.validated_data.get("minutes")
            )
        else:
            need = services.need_transition(need=need, status=status_)
        return Response(self._fresh_body(need))

    @extend_schema(
        request=NeedTakeInputSerializer,
        responses={
            200: NeedSerializer,
            400: OpenApiResponse(description="Not exactly one taker, or an unknown one."),
            404: OpenApiResponse(description="The need is outside the caller's scope."),
            409: OpenApiResponse(description="Already taken, or not published."),
        },
    )
    @action(detail=True, methods=["post"], permission_classes=[CoordinatorsOnly])
    def take(self, request, pk=None):
        """Record who took the need (接单): a volunteer, a team or a unit; a published need becomes claimed."""
        need = self.get_object()
        payload = NeedTakeInputSerializer(data=request.data, context=self.get_serializer_context())
        payload.is_valid(raise_exception=True)
        need = services.need_take(need=need, user=request.user, **payload.validated_data)
        return Response(self._fresh_body(need))

    @extend_schema(
        request=NeedRatingInputSerializer,
        responses={
            201: NeedRatingOutputSerializer,
            400: OpenApiResponse(description="Bad score or comment."),
            409: OpenApiResponse(description="Already rated, or not completed."),
        },
    )
    @action(detail=True, methods=["post"])
    def rating(self, request, pk=None):
        """Enter the resident's rating (1-5, a comment) of a completed need; the need becomes rated (评单)."""
        need = self.get_object()
        payload = NeedRatingInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        need = services.need_rate(need=need, entered_by=request.user, **payload.validated_data)
        return Response(NeedRatingOutputSerializer(need).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=NeedDeadlineRuleSerializer(many=True))
    @action(
        detail=False,
        methods=["get"],
        url_path="deadline-rules",
        permission_classes=[DeadlineRuleEditors],
        filter_backends=[],
        pagination_class=None,
    )
    def deadline_rules(self, request):
        """The district's days to finish by category and urgency, from which a new need's deadline defaults
        (限时办结)."""
        return Response(NeedDeadlineRuleSerializer(selectors.need_deadline_rules(), many=True).data)

    @extend_schema(
        request=NeedDeadlineRulesInputSerializer,
        responses={
            200: NeedDeadlineRuleSerializer(many=True),
            400: OpenApiResponse(description="Bad rows."),
            403: OpenApiResponse(description="Not the district's administrator."),
        },
    )
    @deadline_rules.mapping.put
    def set_deadline_rules(self, request):
        """Set the days to finish of the rows given (the district's administrators); needs already filed keep their
        deadlines."""
        payload = NeedDeadlineRulesInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        services.need_deadline_rules_set(rules=payload.validated_data["rules"], user=request.user)
        return Response(NeedDeadlineRuleSerializer(selectors.need_deadline_rules(), many=True).data)

    @extend_schema(responses=NeedOverdueCountSerializer)
    @action(detail=False, methods=["get"], url_path="overdue-count", filter_backends=[], pagination_class=None)
    def overdue_count(self, request):
        """Needs overdue now, and needs finished in time or late, in the caller's scope (the dashboard)."""
        counts = selectors.need_overdue_counts(user=request.user)
        return Response(NeedOverdueCountSerializer(counts).data)

    @extend_schema(
        request=NeedMergeInputSerializer,
        responses={
            200: NeedMergeOutputSerializer,
            400: OpenApiResponse(description="Bad input, or needs of another community."),
            404: OpenApiResponse(description="A need or the project is outside the caller's scope."),
            409: OpenApiResponse(description="A need is no longer pending or published."),
        },
    )
    @action(detail=False, methods=["post"], filter_backends=[], pagination_class=None)
    def merge(self, request):
        """Merge needs into an existing project of their community or a new one (派单); pending needs are approved."""
        payload = NeedMergeInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        ids = set(data["needs"])
        needs = list(self.get_queryset().filter(pk__in=ids))
        if len(needs) != len(ids):
            raise NotFound()
        project = None
        if data["project"] is not None:
            projects = scope_queryset(Project.objects.all(), request.user, Scope(community="community"), write=True)
            project = projects.filter(pk=data["project"]).first()
            if project is None:
                raise NotFound()
        project = services.need_merge_into_project(
            needs=needs, user=request.user, project=project, new_project=data["new_project"]
        )
        return Response(NeedMergeOutputSerializer(project).data)

    @extend_schema(
        request=NeedToShiftsInputSerializer,
        responses={
            201: NeedToShiftsOutputSerializer,
            400: OpenApiResponse(description="Bad dates, times, seats or skills."),
            409: OpenApiResponse(description="Not pending or published, or a shift exists at that date and time."),
        },
    )
    @action(detail=True, methods=["post"], url_path="shifts")
    def to_shifts(self, request, pk=None):
        """Turn the need into one shift per date (time, seats, skills); a pending need is approved on the way."""
        need = self.get_object()
        payload = NeedToShiftsInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        shifts = services.need_to_shifts(need=need, user=request.user, **payload.validated_data)
        need.refresh_from_db()
        body = NeedToShiftsOutputSerializer({"need": need, "shifts": shifts}, context=self.get_serializer_context())
        return Response(body.data, status=status.HTTP_201_CREATED)
