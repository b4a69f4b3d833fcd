"""Shifts of a week: list, ad-hoc create/edit, and generation from posts, projects and needs."""
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from core.api import ScopedViewSet
from core.scoping import Scope, scope_queryset
from geo.models import Community
from shifts import services
from shifts.filters import ShiftFilter
from shifts.models import Shift
from shifts.serializers import ShiftGenerateResultSerializer, ShiftGenerateSerializer, ShiftSerializer


class ShiftViewSet(ScopedViewSet):
    queryset = Shift.objects.select_related("community", "resource_request")
    serializer_class = ShiftSerializer
    scope = Scope(community="community")
    filterset_class = ShiftFilter
    search_fields = ["title", "address"]
    ordering_fields = ["start", "priority", "seats", "id"]

    @extend_schema(request=ShiftGenerateSerializer, responses=ShiftGenerateResultSerializer)
    @action(detail=False, methods=["post"])
    def generate(self, request):
        """Create the week's shifts from posts' schedule rules, weekly and one-off projects and published needs."""
        payload = ShiftGenerateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        communities = scope_queryset(Community.objects.all(), request.user, Scope(community="self"), write=True)
        community = payload.validated_data.get("community")
        if community is not None:
            if not communities.filter(pk=community.pk).exists():
                raise ValidationError({"community": ["Outside your scope."]})
            communities = communities.filter(pk=community.pk)
        result = services.shift_generate_week(week=payload.validated_data["week"], communities=communities)
        return Response(ShiftGenerateResultSerializer(result).data)
