"""Input and output shapes of service projects."""

from django.utils.translation import gettext as _
from rest_framework import serializers

from core.json_fields import SkillLevelsField, WeekdaysField
from core.scoping import Scope
from core.serializers import DomainSerializer
from geo.models import Community
from needs.models import Need
from posts.models import Team
from projects.models import Project
from resources.models import Resource


class ProjectSerializer(DomainSerializer):
    ordered_pairs = (("start_date", "end_date"), ("start_time", "end_time"))
    may_end_at_start = ("end_date",)  # a one-off project may last one day
    community_name = serializers.CharField(source="community.name", read_only=True)
    scoped_fields = {
        "community": (Community.objects, Scope(community="self")),
        "team": (Team.objects, Scope(community="community")),
        "needs": (Need.objects, Scope(community="community")),
    }

    class Meta:
        model = Project
        fields = [
            "id",
            "community",
            "community_name",
            "name",
            "goals",
            "unit",
            "team",
            "needs",
            "resources",
            "frequency",
            "start_date",
            "end_date",
            "weekdays",
            "start_time",
            "end_time",
            "seats",
            "required_skills",
            "resource_kind",
            "resource_min_capacity",
        ]
        extra_kwargs = {"resources": {"queryset": Resource.objects.filter(status=Resource.Status.LISTED)}}
        json_fields = {"required_skills": SkillLevelsField, "weekdays": WeekdaysField}

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if self.merged(attrs, "weekdays") and (
            self.merged(attrs, "start_time") is None
            or self.merged(attrs, "end_time") is None
            or not self.merged(attrs, "seats")
        ):
            raise serializers.ValidationError(
                {"start_time": [_("A project that meets needs session times and seats.")]}
            )
        return attrs
