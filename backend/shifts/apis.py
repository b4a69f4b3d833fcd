"""Shifts of a week: list, ad-hoc create/edit, cancellation, and generation from posts, projects and needs with
its preview."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from core.api import ScopedViewSet
from core.permissions import CoordinatorsOnly
from core.scoping import Scope, scope_queryset
from geo.models import Community
from shifts import selectors, services
from shifts.filters import ShiftFilter
from shifts.models import Shift
from shifts.serializers import (
    ShiftCancelSerializer,
    ShiftGeneratePreviewSerializer,
    ShiftGenerateResultSerializer,
    ShiftGenerateSerializer,
    ShiftSerializer,
)


class GeneratorsOnly(CoordinatorsOnly):
    message = _("Only coordinators generate shifts.")


class ShiftViewSet(ScopedViewSet):
    queryset = Shift.objects.select_related("community", "resource_request")
    serializer_class = ShiftSerializer
    scope = Scope(community="community")
    filterset_class = ShiftFilter
    search_fields = ["title", "address"]
    ordering_fields = ["start", "priority", "seats", "id"]

    def base_queryset(self):
        return selectors.shift_list_with_published(self.queryset.all())

    def _generation(self, request, data, *, dry_run: bool):
        payload = ShiftGenerateSerializer(data=data)
        payload.is_valid(raise_exception=True)
        communities = scope_queryset(Community.objects.all(), request.user, Scope(community="self"), write=True)
        community = payload.validated_data.get("community")
        if community is not None:
            if not communities.filter(pk=community.pk).exists():
                raise ValidationError({"community": [_("Outside your scope.")]})
            communities = communities.filter(pk=community.pk)
        return communities, services.shift_generate_week(
            week=payload.validated_data["week"], communities=communities, dry_run=dry_run
        )

    @extend_schema(request=ShiftGenerateSerializer, responses=ShiftGenerateResultSerializer)
    @action(detail=False, methods=["post"])
    def generate(self, request):
        """Create the week's shifts from posts' schedule rules, weekly and one-off projects and published needs."""
        _communities, result = self._generation(request, request.data, dry_run=False)
        return Response(ShiftGenerateResultSerializer(result).data)

    @extend_schema(
        parameters=[
            OpenApiParameter("week", str, required=True, description="Any day of the week (YYYY-MM-DD)."),
            OpenApiParameter("community", int, required=False, description="One community of the caller's scope."),
        ],
        responses=ShiftGeneratePreviewSerializer,
    )
    @action(
        detail=False,
        methods=["get"],
        url_path="generate-preview",
        url_name="generate-preview",
        permission_classes=[GeneratorsOnly],
        filter_backends=[],
        pagination_class=None,
    )
    def generate_preview(self, request):
        """What `generate` would add for the week, shift by shift, and what is already there; writes nothing."""
        communities, result = self._generation(request, request.query_params, dry_run=True)
        names = dict(communities.values_list("pk", "name"))
        return Response(ShiftGeneratePreviewSerializer(result, context={"community_names": names}).data)

    @extend_schema(request=ShiftCancelSerializer, responses=ShiftSerializer)
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        """Cancel a shift that has not started, with a reason; the volunteers of its published plan are told once."""
        shift = self.get_object()
        payload = ShiftCancelSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        cancelled = services.shift_cancel(shift=shift, user=request.user, reason=payload.validated_data["reason"])
        return Response(ShiftSerializer(cancelled, context=self.get_serializer_context()).data)
