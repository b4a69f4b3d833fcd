"""Skills catalogue, volunteer profiles (with their consent history and coordinators' skill verification),
weekly availability and blackouts."""
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from core import permissions as permissions_
from core.api import ScopedViewSet
from core.scoping import ALL_ROLES, COORDINATORS, Role, Scope
from people import selectors, services
from people.filters import BlackoutFilter, UnitMemberFilter, VolunteerFilter, WeeklyAvailabilityFilter
from people.models import Blackout, Skill, Volunteer, WeeklyAvailability
from people.serializers import (
    BlackoutSerializer,
    ConsentChangeOutputSerializer,
    SkillRevokeInputSerializer,
    SkillSerializer,
    SkillVerificationOutputSerializer,
    SkillVerifyInputSerializer,
    VolunteerSelfSerializer,
    VolunteerSerializer,
    VolunteerUnitSerializer,
    WeeklyAvailabilitySerializer,
)

WITH_VOLUNTEERS = COORDINATORS | {Role.VOLUNTEER}


class CoordinatorsVerify(permissions_.CoordinatorsOnly):
    """Verifying a skill level is a coordinator's check; the volunteer's own level is a claim."""

    message = _("Only coordinators verify skill levels.")


class ConsentHistoryReaders(permissions_.CoordinatorsAndVolunteersOnly):
    """The volunteer reads their own consent history, and coordinators the histories in their scope."""

    message = _("Only the volunteer and their coordinators read the history of their consents.")


class SkillViewSet(ScopedViewSet):
    queryset = Skill.objects.all()
    serializer_class = SkillSerializer
    scope = Scope(community=None, read_all=ALL_ROLES, write=frozenset({Role.ADMIN}))
    filterset_fields = ["category", "requires_verification"]
    search_fields = ["code", "name", "name_en"]
    ordering_fields = ["code", "name"]


class VolunteerViewSet(ScopedViewSet):
    queryset = Volunteer.objects.select_related("user", "home_community", "employer_unit")
    # A volunteer reads and edits only their own profile; a unit sees its members who consented to share.
    scope = Scope(community="home_community", unit="employer_unit", volunteer="pk", write=WITH_VOLUNTEERS)
    create_roles = delete_roles = COORDINATORS
    search_fields = ["name", "number"]
    ordering_fields = ["number", "name", "max_hours_per_week", "reported_at"]

    def _is_unit(self) -> bool:
        user = getattr(getattr(self, "request", None), "user", None)
        return bool(user and user.is_authenticated and user.role == Role.UNIT and not user.is_superuser)

    @property
    def filterset_class(self):
        # A unit representative may not narrow its members by what it is not shown (grid, languages, availability).
        return UnitMemberFilter if self._is_unit() else VolunteerFilter

    def base_queryset(self):
        queryset = super().base_queryset().prefetch_related(selectors.verifications_prefetch())
        if self._is_unit():
            # Setting an employer unit shares nothing: only the member's own consent does.
            queryset = queryset.filter(consent_share_with_unit=True)
        return queryset

    def get_serializer_class(self):
        if self.request.user.is_authenticated and self.request.user.role == Role.VOLUNTEER:
            return VolunteerSelfSerializer
        if self._is_unit():
            return VolunteerUnitSerializer
        return VolunteerSerializer

    @extend_schema(responses={200: ConsentChangeOutputSerializer(many=True)})
    @action(detail=True, methods=["get"], url_path="consent-history", permission_classes=[ConsentHistoryReaders],
            filter_backends=[], pagination_class=None)
    def consent_history(self, request, pk=None):
        """Every change of the volunteer's consents, newest first: which consent, from what to what, when, by whom."""
        volunteer = self.get_object()
        changes = selectors.consent_change_list(volunteer=volunteer)
        return Response(ConsentChangeOutputSerializer(changes, many=True).data)

    @extend_schema(request=SkillVerifyInputSerializer, responses={
        200: SkillVerificationOutputSerializer, 404: OpenApiResponse(description="No such volunteer in your scope."),
    })
    @action(detail=True, methods=["post"], url_path="verify-skill", permission_classes=[CoordinatorsVerify])
    def verify_skill(self, request, pk=None):
        """Verify the volunteer's level in a skill (with a note or a certificate reference); a skill that requires
        verification counts for matching up to this level, never above the volunteer's own claim."""
        volunteer = self.get_object()
        payload = SkillVerifyInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        verification = services.skill_verify(volunteer=volunteer, verified_by=request.user, **payload.validated_data)
        return Response(SkillVerificationOutputSerializer(verification).data)

    @extend_schema(request=SkillRevokeInputSerializer, responses={
        204: None, 400: OpenApiResponse(description="The skill is not verified."),
        404: OpenApiResponse(description="No such volunteer in your scope."),
    })
    @action(detail=True, methods=["post"], url_path="revoke-skill", permission_classes=[CoordinatorsVerify])
    def revoke_skill(self, request, pk=None):
        """Withdraw the verification of a skill: the volunteer's level in it is a claim again."""
        volunteer = self.get_object()
        payload = SkillRevokeInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        services.skill_verification_revoke(volunteer=volunteer, skill=payload.validated_data["skill"])
        return Response(status=status.HTTP_204_NO_CONTENT)


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
