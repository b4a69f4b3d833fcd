"""Input and output shapes of skills, volunteer profiles, availability and blackouts."""
from django.utils.translation import gettext as _
from rest_framework import serializers

from core.masking import mask_phone
from core.scoping import COORDINATORS, Role, Scope
from core.serializers import DomainSerializer, LineField
from geo.models import Community, Grid
from people import services
from people.models import Blackout, Skill, Volunteer, WeeklyAvailability

# Whose profile a caller may file availability or blackouts for: their own, or those they look after.
VOLUNTEER_WRITE_SCOPE = Scope(community="home_community", volunteer="pk", write=COORDINATORS | {Role.VOLUNTEER})


class SkillSerializer(DomainSerializer):
    class Meta:
        model = Skill
        fields = ["id", "code", "name", "name_en", "category"]


class VolunteerSerializer(DomainSerializer):
    """The coordinator's view: every field of the profile in their scope."""

    phone = LineField(max_length=20, required=False, allow_blank=True, write_only=True)
    phone_display = serializers.SerializerMethodField(label=_("phone"))
    home_community_name = serializers.CharField(source="home_community.name", read_only=True)
    employer_unit_name = serializers.CharField(source="employer_unit.name", read_only=True, default=None, allow_null=True)
    scoped_fields = {
        "home_community": (Community.objects, Scope(community="self")),
        "grid": (Grid.objects, Scope(community="community")),
    }

    class Meta:
        model = Volunteer
        fields = [
            "id", "number", "name", "kind", "phone", "phone_display", "employer_unit", "employer_unit_name",
            "home_community", "home_community_name", "grid", "lat", "lng", "skills", "languages",
            "max_hours_per_week", "max_distance_km", "reported_community", "reported_at",
            "consent_rank_name", "consent_share_with_unit", "active",
        ]
        read_only_fields = ["number"]

    def get_phone_display(self, obj) -> str:
        # Full number only to the person and, on a single profile, to the coordinators who look after them.
        request = self.context.get("request")
        user = getattr(request, "user", None)
        view = self.context.get("view")
        if user is not None and (
            obj.user_id == user.pk or (user.is_coordinator and getattr(view, "action", None) != "list")
        ):
            return obj.user.phone
        return mask_phone(obj.user.phone)

    def validate(self, attrs):
        attrs = super().validate(attrs)
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
        return services.volunteer_create(**validated_data)

    def update(self, instance, validated_data):
        return services.volunteer_update(volunteer=instance, **validated_data)


class VolunteerSelfSerializer(VolunteerSerializer):
    """What a volunteer may change on their own profile; the rest is kept by their community."""

    class Meta(VolunteerSerializer.Meta):
        read_only_fields = [
            "number", "name", "kind", "employer_unit", "home_community", "grid", "lat", "lng",
            "reported_community", "reported_at", "active",
        ]


class WeeklyAvailabilitySerializer(DomainSerializer):
    ordered_pairs = (("start_time", "end_time"),)
    scoped_fields = {"volunteer": (Volunteer.objects, VOLUNTEER_WRITE_SCOPE)}

    class Meta:
        model = WeeklyAvailability
        fields = ["id", "volunteer", "weekday", "start_time", "end_time"]


class BlackoutSerializer(DomainSerializer):
    ordered_pairs = (("start", "end"),)
    scoped_fields = {"volunteer": (Volunteer.objects, VOLUNTEER_WRITE_SCOPE)}

    class Meta:
        model = Blackout
        fields = ["id", "volunteer", "start", "end", "reason"]
