"""Input and output shapes of skills, volunteer profiles (the coordinator's, the volunteer's own and the unit
representative's narrower view, with the volunteer's preferences), consent history, skill verification,
availability and blackouts."""

import datetime as dt

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.json_fields import SkillLevelsField, StringListField
from core.masking import mask_phone
from core.phones import phone_national
from core.related import ScopedPrimaryKeyRelatedField, ScopedSlugRelatedField
from core.scoping import COORDINATORS, Role, Scope
from core.serializers import DomainSerializer, PhoneField
from core.weeks import district_today, district_zone
from geo.models import Community, Grid
from people import selectors, services
from people.models import Blackout, ConsentChange, Skill, SkillVerification, Volunteer, WeeklyAvailability
from people.validators import service_kind_choices

# Whose profile a caller may file availability or blackouts for: their own, or those they look after.
VOLUNTEER_WRITE_SCOPE = Scope(community="home_community", volunteer="pk", write=COORDINATORS | {Role.VOLUNTEER})


class SkillSerializer(DomainSerializer):
    class Meta:
        model = Skill
        fields = ["id", "code", "name", "name_en", "category", "requires_verification"]


class SkillVerificationOutputSerializer(serializers.ModelSerializer):
    skill = serializers.CharField(source="skill.code", read_only=True)
    verified_by = serializers.CharField(
        source="verified_by.display_name", read_only=True, default=None, allow_null=True
    )

    class Meta:
        model = SkillVerification
        fields = ["skill", "level", "note", "verified_by", "verified_at"]
        read_only_fields = fields


class VolunteerSerializer(DomainSerializer):
    """The coordinator's view: every field of the profile in their scope."""

    phone = PhoneField(required=False, allow_blank=True, write_only=True)
    email = serializers.EmailField(required=False, allow_blank=True, write_only=True, max_length=254)
    activated = serializers.SerializerMethodField(help_text=_("The person has opened their invitation."))
    phone_display = serializers.SerializerMethodField(label=_("phone"))
    home_community_name = serializers.CharField(source="home_community.name", read_only=True)
    employer_unit_name = serializers.CharField(
        source="employer_unit.name", read_only=True, default=None, allow_null=True
    )
    verified_skills = serializers.SerializerMethodField(
        help_text=_("Skill levels a coordinator has verified; the levels in `skills` are the volunteer's claims.")
    )
    preferred_kinds = serializers.ListField(
        child=serializers.ChoiceField(choices=service_kind_choices()),
        required=False,
        max_length=20,
        help_text=_("Kinds of service the volunteer prefers (post and need categories)."),
    )
    preferred_communities = ScopedPrimaryKeyRelatedField(
        many=True,
        queryset=Community.objects.all(),
        required=False,
        help_text=_("Communities where the volunteer prefers to serve."),
    )
    # Consents are the volunteer's own act (their profile); a coordinator sending a different value is refused.
    volunteer_sets_consent = False
    scoped_fields = {
        "home_community": (Community.objects, Scope(community="self")),
        "grid": (Grid.objects, Scope(community="community")),
    }

    class Meta:
        model = Volunteer
        fields = [
            "id",
            "number",
            "name",
            "kind",
            "phone",
            "phone_display",
            "employer_unit",
            "employer_unit_name",
            "home_community",
            "home_community_name",
            "grid",
            "lat",
            "lng",
            "skills",
            "languages",
            "max_hours_per_week",
            "max_distance_km",
            "reported_community",
            "reported_at",
            "report_confirmed_at",
            "consent_rank_name",
            "consent_share_with_unit",
            "active",
            "verified_skills",
            "email",
            "activated",
            "preferred_kinds",
            "preferred_communities",
        ]
        read_only_fields = ["number", "report_confirmed_at", *services.CONSENTS]
        json_fields = {"skills": SkillLevelsField, "languages": StringListField}

    def get_activated(self, obj) -> bool:
        return obj.user.activated_at is not None

    @extend_schema_field(SkillVerificationOutputSerializer(many=True))
    def get_verified_skills(self, obj) -> list[dict]:
        return SkillVerificationOutputSerializer(obj.skill_verifications.all(), many=True).data

    def get_phone_display(self, obj) -> str:
        # Full number only to the person and, on a single profile, to the coordinators who look after them.
        request = self.context.get("request")
        user = getattr(request, "user", None)
        view = self.context.get("view")
        if user is not None and (
            obj.user_id == user.pk or (user.is_coordinator and getattr(view, "action", None) != "list")
        ):
            return phone_national(obj.user.phone)
        return mask_phone(obj.user.phone)

    def _consents_refused(self) -> dict:
        """Consent fields sent with a value other than the stored one (on creation: other than not given)."""
        data = self.initial_data if hasattr(self.initial_data, "get") else {}
        refused = {}
        for name in services.CONSENTS:
            if name not in data:
                continue
            try:
                sent = serializers.BooleanField().to_internal_value(data.get(name))
            except serializers.ValidationError:
                sent = None
            if sent != getattr(self.instance, name, False):
                refused[name] = [_("Only the volunteer can change this, on their own profile.")]
        return refused

    def validate_preferred_kinds(self, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise serializers.ValidationError(_("A kind of service is named twice."))
        return value

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if not self.volunteer_sets_consent:
            refused = self._consents_refused()
            if refused:
                raise serializers.ValidationError(refused)
        merged = {f: self.merged(attrs, f) for f in ("kind", "employer_unit", "grid", "home_community")}
        if merged["kind"] == Volunteer.Kind.IN_OFFICE and merged["employer_unit"] is None:
            raise serializers.ValidationError({"employer_unit": [_("An in-office member needs an employer unit.")]})
        if merged["grid"] is not None and merged["grid"].community_id != getattr(merged["home_community"], "pk", None):
            raise serializers.ValidationError({"grid": [_("The grid is not in the home community.")]})
        reported_community = self.merged(attrs, "reported_community")
        reported_at = self.merged(attrs, "reported_at")
        if reported_community is not None and reported_at is None:
            raise serializers.ValidationError({"reported_at": [_("Give the date of reporting.")]})
        return attrs

    def create(self, validated_data):
        request = self.context.get("request")
        return services.volunteer_create(created_by=getattr(request, "user", None), **validated_data)

    def update(self, instance, validated_data):
        request = self.context.get("request")
        return services.volunteer_update(
            volunteer=instance, changed_by=getattr(request, "user", None), **validated_data
        )


class VolunteerSelfSerializer(VolunteerSerializer):
    """What a volunteer may change on their own profile, their consents among it; the rest is kept by their
    community."""

    volunteer_sets_consent = True

    class Meta(VolunteerSerializer.Meta):
        read_only_fields = [
            "number",
            "name",
            "kind",
            "employer_unit",
            "home_community",
            "grid",
            "lat",
            "lng",
            "reported_community",
            "reported_at",
            "report_confirmed_at",
            "active",
        ]


# What a unit representative does not see of its consenting members: where they live, and what only
# matching needs. The schema documents these fields of the volunteer as optional for that reason.
UNIT_HIDDEN_FIELDS = (
    "lat",
    "lng",
    "grid",
    "languages",
    "max_hours_per_week",
    "max_distance_km",
    "verified_skills",
    "preferred_kinds",
    "preferred_communities",
)


class VolunteerUnitSerializer(VolunteerSerializer):
    """A unit representative's view of its members who consented to share their record: name, number, kind,
    reporting, skills, a masked phone and whether they have activated their account (so the unit can remind
    them); not their home coordinates or grid, nor their e-mail."""

    class Meta(VolunteerSerializer.Meta):
        fields = [
            name for name in VolunteerSerializer.Meta.fields if name not in (*UNIT_HIDDEN_FIELDS, "phone", "email")
        ]
        read_only_fields = fields


@extend_schema_field(serializers.ListField(child=serializers.CharField()))
class UnverifiedSkillsField(serializers.Field):
    """Output of a plan's row (an assignment, a 定岗 proposal): the codes of the skills its seat requires that the
    row's volunteer holds only by their own claim. `seat` names the row's attribute with `required_skills`; lists
    prefetch `people.selectors.verifications_prefetch("volunteer__")`."""

    def __init__(self, *, seat: str, **kwargs):
        self.seat = seat
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, row) -> list[str]:
        return selectors.unverified_skills(
            required=getattr(row, self.seat).required_skills or {},
            verified=selectors.verifications_of(row.volunteer),
        )


class ConsentChangeOutputSerializer(serializers.ModelSerializer):
    changed_by = serializers.CharField(source="changed_by.display_name", read_only=True, default=None, allow_null=True)
    by_volunteer = serializers.SerializerMethodField(help_text=_("The volunteer made this change themself."))

    def get_by_volunteer(self, change: ConsentChange) -> bool:
        return change.changed_by_id is not None and change.changed_by_id == change.volunteer.user_id

    class Meta:
        model = ConsentChange
        fields = ["id", "consent", "old_value", "new_value", "changed_at", "changed_by", "by_volunteer"]
        read_only_fields = fields


class SkillVerifyInputSerializer(serializers.Serializer):
    skill = ScopedSlugRelatedField(slug_field="code", queryset=Skill.objects.all())
    level = serializers.IntegerField(min_value=1, max_value=5)
    note = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default="", help_text=_("A note or a certificate reference.")
    )


class SkillRevokeInputSerializer(serializers.Serializer):
    skill = ScopedSlugRelatedField(slug_field="code", queryset=Skill.objects.all())


class WeeklyAvailabilitySerializer(DomainSerializer):
    ordered_pairs = (("start_time", "end_time"),)
    scoped_fields = {"volunteer": (Volunteer.objects, VOLUNTEER_WRITE_SCOPE)}

    class Meta:
        model = WeeklyAvailability
        fields = ["id", "volunteer", "weekday", "start_time", "end_time"]


class BlackoutSerializer(DomainSerializer):
    """A dated absence; times are aware (the web app takes them in the district's zone). A new or moved blackout may
    not start before today: a past one changes no plan."""

    ordered_pairs = (("start", "end"),)
    scoped_fields = {"volunteer": (Volunteer.objects, VOLUNTEER_WRITE_SCOPE)}

    class Meta:
        model = Blackout
        fields = ["id", "volunteer", "start", "end", "reason"]

    def validate_start(self, value: dt.datetime) -> dt.datetime:
        today = dt.datetime.combine(district_today(), dt.time(0), tzinfo=district_zone())
        if value < today and (self.instance is None or value != self.instance.start):
            raise serializers.ValidationError(_("Must not be before today."))
        return value


class VolunteerReportInputSerializer(serializers.Serializer):
    community = ScopedPrimaryKeyRelatedField(
        queryset=Community.objects.all(),
        required=False,
        help_text=_("The community reported to; by default the member's home community."),
    )


class VolunteerActivationOutputSerializer(serializers.Serializer):
    community = serializers.IntegerField()
    community_name = serializers.CharField()
    volunteers = serializers.IntegerField(help_text=_("Active volunteers of the community."))
    activated = serializers.IntegerField(help_text=_("Of them, those who have opened their invitation."))
