"""Skills catalogue, volunteer profiles, weekly availability and blackouts."""
from core.api import ScopedViewSet
from core.scoping import ALL_ROLES, COORDINATORS, Role, Scope
from people.filters import BlackoutFilter, VolunteerFilter, WeeklyAvailabilityFilter
from people.models import Blackout, Skill, Volunteer, WeeklyAvailability
from people.serializers import (
    BlackoutSerializer,
    SkillSerializer,
    VolunteerSelfSerializer,
    VolunteerSerializer,
    WeeklyAvailabilitySerializer,
)

WITH_VOLUNTEERS = COORDINATORS | {Role.VOLUNTEER}


class SkillViewSet(ScopedViewSet):
    queryset = Skill.objects.all()
    serializer_class = SkillSerializer
    scope = Scope(community=None, read_all=ALL_ROLES, write=frozenset({Role.ADMIN}))
    filterset_fields = ["category"]
    search_fields = ["code", "name", "name_en"]
    ordering_fields = ["code", "name"]


class VolunteerViewSet(ScopedViewSet):
    queryset = Volunteer.objects.select_related("user", "home_community", "employer_unit")
    # A volunteer reads and edits only their own profile; a unit sees its members who consented to share.
    scope = Scope(community="home_community", unit="employer_unit", volunteer="pk", write=WITH_VOLUNTEERS)
    create_roles = delete_roles = COORDINATORS
    filterset_class = VolunteerFilter
    search_fields = ["name", "number"]
    ordering_fields = ["number", "name", "max_hours_per_week", "reported_at"]

    def base_queryset(self):
        queryset = super().base_queryset()
        if self.request.user.role == Role.UNIT:
            queryset = queryset.filter(consent_share_with_unit=True)
        return queryset

    def get_serializer_class(self):
        if self.request.user.is_authenticated and self.request.user.role == Role.VOLUNTEER:
            return VolunteerSelfSerializer
        return VolunteerSerializer


class WeeklyAvailabilityViewSet(ScopedViewSet):
    queryset = WeeklyAvailability.objects.all()
    serializer_class = WeeklyAvailabilitySerializer
    scope = Scope(community="volunteer__home_community", volunteer="volunteer", write=WITH_VOLUNTEERS)
    filterset_class = WeeklyAvailabilityFilter
    ordering_fields = ["weekday", "start_time"]


class BlackoutViewSet(ScopedViewSet):
    queryset = Blackout.objects.all()
    serializer_class = BlackoutSerializer
    scope = Scope(community="volunteer__home_community", volunteer="volunteer", write=WITH_VOLUNTEERS)
    filterset_class = BlackoutFilter
    ordering_fields = ["start"]
