"""The needs list, its status flow, residents' rating (评单) and the deadline counts (限时办结)."""
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api import ScopedViewSet
from core.scoping import Scope
from needs import selectors, services
from needs.filters import NeedFilter
from needs.models import Need
from needs.serializers import (
    NeedOverdueCountSerializer,
    NeedRatingInputSerializer,
    NeedRatingOutputSerializer,
    NeedSerializer,
    NeedTransitionSerializer,
)


class NeedViewSet(ScopedViewSet):
    queryset = Need.objects.select_related("community")
    serializer_class = NeedSerializer
    scope = Scope(community="community")
    filterset_class = NeedFilter
    search_fields = ["title", "description"]
    ordering_fields = ["created_at", "deadline", "urgency", "wanted_start", "id"]

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)

    @extend_schema(request=NeedTransitionSerializer, responses=NeedSerializer)
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        """Move the need to its next status (待审核 → 已发布 → 已认领 → 服务中 → 已办结 → 已评价 / 已关闭)."""
        need = self.get_object()
        payload = NeedTransitionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        need = services.need_transition(need=need, status=payload.validated_data["status"])
        return Response(NeedSerializer(need, context=self.get_serializer_context()).data)

    @extend_schema(request=NeedRatingInputSerializer, responses={
        201: NeedRatingOutputSerializer, 400: OpenApiResponse(description="Bad score or comment."),
        409: OpenApiResponse(description="Already rated, or not completed."),
    })
    @action(detail=True, methods=["post"])
    def rating(self, request, pk=None):
        """Enter the resident's rating (1-5, a comment) of a completed need; the need becomes rated (评单)."""
        need = self.get_object()
        payload = NeedRatingInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        need = services.need_rate(need=need, entered_by=request.user, **payload.validated_data)
        return Response(NeedRatingOutputSerializer(need).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=NeedOverdueCountSerializer)
    @action(detail=False, methods=["get"], url_path="overdue-count", filter_backends=[], pagination_class=None)
    def overdue_count(self, request):
        """Needs overdue now, and needs finished in time or late, in the caller's scope (the dashboard)."""
        counts = selectors.need_overdue_counts(user=request.user)
        return Response(NeedOverdueCountSerializer(counts).data)
