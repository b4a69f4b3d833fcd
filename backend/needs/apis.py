"""The needs list and its status flow."""
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api import ScopedViewSet
from core.scoping import Scope
from needs import services
from needs.filters import NeedFilter
from needs.models import Need
from needs.serializers import NeedSerializer, NeedTransitionSerializer


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
