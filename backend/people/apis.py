"""Skills catalogue, volunteer profiles (with their consent history and coordinators' skill verification),
weekly availability and blackouts."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, PolymorphicProxySerializer, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import services as accounts_services
from core import permissions as permissions_
from core.api import ScopedViewSet
from core.scoping import ALL_ROLES, COORDINATORS, Role, Scope, scope_queryset
from geo.models import Community
from people import invitation_sheet, selectors, services
from people.filters import BlackoutFilter, UnitMemberFilter, VolunteerFilter, WeeklyAvailabilityFilter
from people.models import Blackout, Skill, Volunteer, WeeklyAvailability
from people.serializers import (
    BlackoutSerializer,
    ConsentChangeOutputSerializer,
    SkillRevokeInputSerializer,
    SkillSerializer,
    SkillVerificationOutputSerializer,
    SkillVerifyInputSerializer,
    VolunteerActivationOutputSerializer,
    VolunteerReportInputSerializer,
    VolunteerSelfSerializer,
    VolunteerSerializer,
    VolunteerUnitSerializer,
    WeeklyAvailabilitySerializer,
)

WITH_VOLUNTEERS = COORDINATORS | {Role.VOLUNTEER}
COMMUNITY_SELF = Scope(community="self")


class CoordinatorsVerify(permissions_.CoordinatorsOnly):
    """Verifying a skill level is a coordinator's check; the volunteer's own level is a claim."""

    message = _("Only coordinators verify skill levels.")


class ConsentHistoryReaders(permissions_.CoordinatorsAndVolunteersOnly):
    """The volunteer reads their own consent history, and coordinators the histories in their scope."""

    message = _("Only the volunteer and their coordinators read the history of their consents.")


class CoordinatorsInvite(permissions_.CoordinatorsOnly):
    """Inviting members and following who has activated is their coordinators' work."""

    message = _("Only coordinators invite volunteers.")


class CoordinatorsConfirm(permissions_.CoordinatorsOnly):
    """A report (报到) is confirmed by the community reported to."""

    message = _("Only coordinators confirm a report.")


class CommunityInvitationSheetApi(APIView):
    """A printable PDF of invitation QR codes for a community's members who have not activated yet (for those
    without SMS). Printing issues new invitations for them: the ones sent or printed before stop working."""

    permission_classes = [CoordinatorsInvite]

    @extend_schema(
        responses={
            (200, "application/pdf"): OpenApiTypes.BINARY,
            404: OpenApiResponse(description="No such community in your scope."),
        }
    )
    def get(self, request, pk: int):
        community = get_object_or_404(
            scope_queryset(Community.objects.all(), request.user, COMMUNITY_SELF, write=True),
            pk=pk,
        )
        pdf = invitation_sheet.invitation_sheet_pdf(community=community, issued_by=request.user)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="invitations-{community.code}.pdf"'
        return response


class SkillViewSet(ScopedViewSet):
    queryset = Skill.objects.all()
    serializer_class = SkillSerializer
    scope = Scope(community=None, read_all=ALL_ROLES, write=frozenset({Role.ADMIN}))
    filterset_fields = ["category", "requires_verification"]
    search_fields = ["code", "name", "name_en"]
    ordering_fields = ["code", "name"]


# A volunteer edits their own profile through VolunteerSelfSerializer (their consents among it), a coordinator through
# VolunteerSerializer: the PATCH body is either, so that the web app's consent switch is typed as the server takes it.
@extend_schema_view(
    partial_update=extend_schema(
        request=PolymorphicProxySerializer(
            component_name="VolunteerPatch",
            serializers=[VolunteerSerializer, VolunteerSelfSerializer],
            resource_type_field_name=None,
        )
    )
)
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
        queryset = super().base_queryset().prefetch_related(selectors.verifications_prefetch(), "preferred_communities")
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

    @extend_schema(
        request=None, responses={204: None, 404: OpenApiResponse(description="No such volunteer in your scope.")}
    )
    @action(detail=True, methods=["post"], url_path="resend-invitation", permission_classes=[CoordinatorsInvite])
    def resend_invitation(self, request, pk=None):
        """Send the volunteer a new invitation by SMS (and e-mail where known); the one sent before stops working."""
        volunteer = self.get_object()
        accounts_services.invitation_issue(user=volunteer.user, created_by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        request=VolunteerReportInputSerializer,
        responses={
            200: VolunteerSerializer,
            400: OpenApiResponse(description="Not an in-office member (`not_in_office`)."),
            404: OpenApiResponse(description="No such volunteer in your scope."),
        },
    )
    @action(detail=True, methods=["post"], permission_classes=[permissions_.CoordinatorsAndVolunteersOnly])
    def report(self, request, pk=None):
        """报到: an in-office member reports to a community (their home community unless named), from their own
        account or recorded by a coordinator; a coordinator's record is confirmed at once, the member's own
        report waits for the community's confirmation."""
        volunteer = self.get_object()
        payload = VolunteerReportInputSerializer(data=request.data, context=self.get_serializer_context())
        payload.is_valid(raise_exception=True)
        community = payload.validated_data.get("community") or volunteer.home_community
        volunteer = services.volunteer_report(
            volunteer=volunteer,
            community=community,
            reported_by=request.user,
            confirmed=self._keeps_community(community),
        )
        return Response(self.get_serializer(volunteer).data)

    def _keeps_community(self, community) -> bool:
        """Whether the caller coordinates the community (a volunteer coordinates none)."""
        user = self.request.user
        return (user.is_superuser or user.role in COORDINATORS) and scope_queryset(
            Community.objects.filter(pk=community.pk), user, COMMUNITY_SELF, write=True
        ).exists()

    @extend_schema(
        request=None,
        responses={
            200: VolunteerSerializer,
            400: OpenApiResponse(description="No report to confirm (`not_reported`)."),
            404: OpenApiResponse(description="No such volunteer reported to a community in your scope."),
        },
    )
    @action(detail=True, methods=["post"], url_path="report-confirm", permission_classes=[CoordinatorsConfirm])
    def report_confirm(self, request, pk=None):
        """The community reported to confirms the member's 报到 (its coordinators, or the sub-district's)."""
        volunteer = self.get_object()
        if volunteer.reported_community is not None and not self._keeps_community(volunteer.reported_community):
            raise Http404
        volunteer = services.volunteer_report_confirm(volunteer=volunteer, confirmed_by=request.user)
        return Response(self.get_serializer(volunteer).data)

    @extend_schema(responses={200: VolunteerActivationOutputSerializer(many=True)}, filters=False)
    @action(
        detail=False,
        methods=["get"],
        permission_classes=[CoordinatorsInvite],
        filter_backends=[],
        pagination_class=None,
    )
    def activation(self, request):
        """Per community in your scope: its active volunteers and how many of them have opened their invitation."""
        rows = selectors.volunteer_activation_counts(volunteers=self.get_queryset())
        return Response(VolunteerActivationOutputSerializer(rows, many=True).data)

    @extend_schema(responses={200: ConsentChangeOutputSerializer(many=True)})
    @action(
        detail=True,
        methods=["get"],
        url_path="consent-history",
        permission_classes=[ConsentHistoryReaders],
        filter_backends=[],
        pagination_class=None,
    )
    def consent_history(self, request, pk=None):
        """Every change of the volunteer's consents, newest first: which consent, from what to what, when, by whom."""
        volunteer = self.get_object()
        changes = selectors.consent_change_list(volunteer=volunteer)
        return Response(ConsentChangeOutputSerializer(changes, many=True).data)

    @extend_schema(
        request=SkillVerifyInputSerializer,
        responses={
            200: SkillVerificationOutputSerializer,
            404: OpenApiResponse(description="No such volunteer in your scope."),
        },
    )
    @action(detail=True, methods=["post"], url_path="verify-skill", permission_classes=[CoordinatorsVerify])
    def verify_skill(self, request, pk=None):
        """Verify the volunteer's level in a skill (with a note or a certificate reference); a skill that requires
        verification counts for matching up to this level, never above the volunteer's own claim."""
        volunteer = self.get_object()
        payload = SkillVerifyInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        verification = services.skill_verify(volunteer=volunteer, verified_by=request.user, **payload.validated_data)
        return Response(SkillVerificationOutputSerializer(verification).data)

    @extend_schema(
        request=SkillRevokeInputSerializer,
        responses={
            204: None,
            400: OpenApiResponse(description="The skill is not verified."),
            404: OpenApiResponse(description="No such volunteer in your scope."),
        },
    )
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
