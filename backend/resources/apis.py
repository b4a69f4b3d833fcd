"""Idle resources and their free slots: units manage their own, coordinators their communities' rooms."""

from django.db.models import Prefetch

from core.api import ScopedViewSet
from core.scoping import Role, Scope
from resources.filters import ResourceFilter, ResourceSlotFilter
from resources.models import Resource, ResourceSlot
from resources.serializers import RESOURCE_WRITE_SCOPE, ResourceSerializer, ResourceSlotSerializer


class ResourceViewSet(ScopedViewSet):
    queryset = Resource.objects.select_related("unit", "community").prefetch_related(
        Prefetch("slots", queryset=ResourceSlot.objects.all())  # recurring first, then dated (Meta.ordering)
    )
    serializer_class = ResourceSerializer
    scope = RESOURCE_WRITE_SCOPE
    filterset_class = ResourceFilter
    search_fields = ["name", "address", "conditions"]
    ordering_fields = ["name", "capacity", "category", "id"]

    def perform_create(self, serializer):
        user = self.request.user
        serializer.save(unit=user.unit if user.role == Role.UNIT else None)


class ResourceSlotViewSet(ScopedViewSet):
    queryset = ResourceSlot.objects.all()
    serializer_class = ResourceSlotSerializer
    scope = Scope(community="resource__community", unit="resource__unit", write=RESOURCE_WRITE_SCOPE.write)
    filterset_class = ResourceSlotFilter
    ordering_fields = ["weekday", "date", "start_time"]
