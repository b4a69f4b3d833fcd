"""Service projects that bind needs, resources and people."""

from core.api import ScopedViewSet
from core.scoping import Scope
from projects.filters import ProjectFilter
from projects.models import Project
from projects.serializers import ProjectSerializer


class ProjectViewSet(ScopedViewSet):
    queryset = Project.objects.select_related("community").prefetch_related("needs", "resources")
    serializer_class = ProjectSerializer
    # A unit reads the projects it undertakes.
    scope = Scope(community="community", unit="unit")
    filterset_class = ProjectFilter
    search_fields = ["name", "goals"]
    ordering_fields = ["name", "start_date", "id"]
