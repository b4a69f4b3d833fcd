"""Input and output shapes of groups, posts and post holdings."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.json_fields import SkillLevelsField, WeekdaysField
from core.scoping import Scope
from core.serializers import DomainSerializer
from geo.models import Community
from people.models import Volunteer
from posts.models import Post, PostHolding, Team

IN_COMMUNITY = Scope(community="community")


class TeamSerializer(DomainSerializer):
    scoped_fields = {
        "community": (Community.objects, Scope(community="self")),
        "leader": (Volunteer.objects, Scope(community="home_community")),
        "members": (Volunteer.objects, Scope(community="home_community")),
    }

    class Meta:
        model = Team
        fields = ["id", "community", "kind", "name", "specialty", "leader", "members"]


class PostSerializer(DomainSerializer):
    ordered_pairs = (("start_time", "end_time"),)
    schedule = serializers.CharField(read_only=True)
    community_name = serializers.CharField(source="community.name", read_only=True)
    scoped_fields = {"community": (Community.objects, Scope(community="self")), "team": (Team.objects, IN_COMMUNITY)}

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
            "priority",
            "lat",
            "lng",
            "active",
        ]
        json_fields = {"required_skills": SkillLevelsField, "weekdays": WeekdaysField}

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
