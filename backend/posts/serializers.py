"""Input and output shapes of groups, posts and post holdings."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.json_fields import SkillLevelsField, WeekdaysField
from core.scoping import Scope
from core.serializers import DomainSerializer
from geo.models import Community, District
from people.models import Volunteer
from posts.models import Post, PostHolding, Team

IN_COMMUNITY = Scope(community="community")


def _serves_in(volunteer: Volunteer, community: Community) -> bool:
    """A volunteer lives in the community, or (an in-office member) reported there (报到)."""
    return community.pk in (volunteer.home_community_id, volunteer.reported_community_id)


class TeamSerializer(DomainSerializer):
    # A method, not source="leader.name" with a default: DRF leaves a default out of a partial update's answer.
    leader_name = serializers.SerializerMethodField()
    member_names = serializers.SerializerMethodField()
    scoped_fields = {
        "community": (Community.objects, Scope(community="self")),
        "leader": (Volunteer.objects, Scope(community="home_community")),
        "members": (Volunteer.objects, Scope(community="home_community")),
    }
    unique_together = (("community", "name"), "name", _("The community already has a group of this name."))

    class Meta:
        model = Team
        fields = ["id", "community", "kind", "name", "specialty", "leader", "leader_name", "members", "member_names"]
        validators = []  # see unique_together

    def get_leader_name(self, team: Team) -> str | None:
        return team.leader.name if team.leader_id else None

    def get_member_names(self, team: Team) -> list[str]:
        return [member.name for member in team.members.all()]

    def validate(self, attrs):
        attrs = super().validate(attrs)
        community, leader = self.merged(attrs, "community"), self.merged(attrs, "leader")
        members = attrs["members"] if "members" in attrs else (self.instance.members.all() if self.instance else [])
        errors = {}
        outsiders = [m.name for m in members if not _serves_in(m, community)]
        if outsiders:
            errors["members"] = [_("Not volunteers of this community: %s") % ", ".join(outsiders)]
        if leader is not None and not _serves_in(leader, community):
            errors["leader"] = [_("The leader is not a volunteer of this community.")]
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class PostSerializer(DomainSerializer):
    ordered_pairs = (("start_time", "end_time"),)
    schedule = serializers.CharField(read_only=True)
    community_name = serializers.CharField(source="community.name", read_only=True)
    third_label = serializers.ChoiceField(
        source="community.sub_district.district.post_third_label",
        choices=District.PostThirdLabel.choices,
        read_only=True,
        help_text=_("The district's third 定 of 一编三定: time (定时) or target (定目标)."),
    )
    scoped_fields = {"community": (Community.objects, Scope(community="self")), "team": (Team.objects, IN_COMMUNITY)}
    unique_together = (("community", "name"), "name", _("The community already has a post of this name."))

    class Meta:
        model = Post
        fields = [
            "id",
            "community",
            "community_name",
            "team",
            "name",
            "category",
            "duties",
            "seats",
            "required_skills",
            "weekdays",
            "start_time",
            "end_time",
            "schedule",
            "target",
            "third_label",
            "priority",
            "lat",
            "lng",
            "active",
        ]
        json_fields = {"required_skills": SkillLevelsField, "weekdays": WeekdaysField}
        validators = []  # see unique_together

    def validate(self, attrs):
        attrs = super().validate(attrs)
        team, community = self.merged(attrs, "team"), self.merged(attrs, "community")
        if team is not None and community is not None and team.community_id != community.pk:
            raise serializers.ValidationError({"team": [_("The group belongs to another community.")]})
        return attrs


class PostHoldingSerializer(DomainSerializer):
    post_name = serializers.CharField(source="post.name", read_only=True)
    volunteer_name = serializers.CharField(source="volunteer.name", read_only=True)
    scoped_fields = {
        "post": (Post.objects, IN_COMMUNITY),
        "volunteer": (Volunteer.objects, Scope(community="home_community")),
    }
    unique_together = (("post", "volunteer", "year"), "volunteer", _("Already holds this post that year."))

    class Meta:
        model = PostHolding
        fields = ["id", "post", "post_name", "volunteer", "volunteer_name", "year", "status"]
        validators = []  # see unique_together

    def validate(self, attrs):
        attrs = super().validate(attrs)
        post, volunteer = self.merged(attrs, "post"), self.merged(attrs, "volunteer")
        missing = {code: level for code, level in post.required_skills.items() if volunteer.skills.get(code, 0) < level}
        if missing:
            raise serializers.ValidationError(
                {"volunteer": [_("Lacks required skills: %s") % ", ".join(f"{c}≥{lv}" for c, lv in missing.items())]}
            )
        return attrs
