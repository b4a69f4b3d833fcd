"""Geography endpoints: readable by every signed-in user, written by the administrator or in scope."""

from core.api import ScopedViewSet
from core.scoping import ALL_ROLES, COORDINATORS, Role, Scope
from geo.filters import CommunityFilter, FacilityFilter, GridFilter
from geo.models import Community, District, Facility, Grid, SubDistrict
from geo.serializers import (
    CommunitySerializer,
    DistrictSerializer,
    FacilitySerializer,
    GridSerializer,
    SubDistrictSerializer,
)

ADMIN_ONLY = frozenset({Role.ADMIN})


class DistrictViewSet(ScopedViewSet):
    queryset = District.objects.all()
    serializer_class = DistrictSerializer
    scope = Scope(community=None, read_all=ALL_ROLES, write=ADMIN_ONLY)
    search_fields = ["name", "city"]
    ordering_fields = ["code", "name"]


class SubDistrictViewSet(ScopedViewSet):
    queryset = SubDistrict.objects.all()
    serializer_class = SubDistrictSerializer
    scope = Scope(community=None, read_all=ALL_ROLES, write=ADMIN_ONLY)
    filterset_fields = ["district"]
    search_fields = ["name", "code"]
    ordering_fields = ["code", "name"]


class CommunityViewSet(ScopedViewSet):
    queryset = Community.objects.all()
    serializer_class = CommunitySerializer
    # Coordinators edit their own community's details; only the administrator adds or removes communities.
    scope = Scope(community="self", read_all=ALL_ROLES, write=COORDINATORS)
    create_roles = delete_roles = ADMIN_ONLY
    filterset_class = CommunityFilter
    search_fields = ["name", "code", "address"]
    ordering_fields = ["code", "name", "population"]


class GridViewSet(ScopedViewSet):
    queryset = Grid.objects.select_related("community")
    serializer_class = GridSerializer
    scope = Scope(community="community", read_all=ALL_ROLES)
    filterset_class = GridFilter
    search_fields = ["name", "code"]
    ordering_fields = ["code", "name"]


class FacilityViewSet(ScopedViewSet):
    queryset = Facility.objects.all()
    serializer_class = FacilitySerializer
    scope = Scope(community="community", read_all=ALL_ROLES)
    filterset_class = FacilityFilter
    search_fields = ["name"]
    ordering_fields = ["name", "capacity"]
