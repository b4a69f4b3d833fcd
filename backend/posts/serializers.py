"""Input and output shapes of groups, posts and post holdings."""
from django.utils.translation import gettext as _
from rest_framework import serializers

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
            "id", "community", "community_name", "team", "name", "category", "duties", "seats", "required_skills",
            "weekdays", "start_time", "end_time", "schedule", "target", "priority", "lat", "lng", "active",
        ]

    def validate(self, attrs):
        attrs = super().validate(attrs)
        team = attrs.get("team", getattr(self.instance, "team", None))
        community = attrs.get("community", getattr(self.instance, "community", None))
        if team is not None and community is not None and team.community_id != community.pk:
            raise serializers.ValidationError({"team": [_("The group belongs to another community.")]})
        return attrs


class PostHoldingSerializer(DomainSerializer):
    post_name = serializers.CharField(source="post.name", read_only=True)
    volunteer_name = serializers.CharField(source="volunteer.name", read_only=True)
    scoped_fields = {"post": (Post.objects, IN_COMMUNITY), "volunteer": (Volunteer.objects, Scope(community="home_community"))}

    class Meta:
        model = PostHolding
        fields = ["id", "post", "post_name", "volunteer", "volunteer_name", "year", "status"]
        validators = []

    def validate(self, attrs):
        attrs = super().validate(attrs)
        post = attrs.get("post", getattr(self.instance, "post", None))
        volunteer = attrs.get("volunteer", getattr(self.instance, "volunteer", None))
        year = attrs.get("year", getattr(self.instance, "year", None))
        clash = PostHolding.objects.filter(post=post, volunteer=volunteer, year=year)
        if self.instance is not None:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise serializers.ValidationError({"volunteer": [_("Already holds this post that year.")]})
        missing = {
            code: level for code, level in post.required_skills.items() if volunteer.skills.get(code, 0) < level
        }
        if missing:
            raise serializers.ValidationError(
                {"volunteer": [_("Lacks required skills: %s") % ", ".join(f"{c}≥{lv}" for c, lv in missing.items())]}
            )
        return attrs
