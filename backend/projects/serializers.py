"""Input and output shapes of service projects."""
from django.utils.translation import gettext as _
from rest_framework import serializers

from core.scoping import Scope
from core.serializers import DomainSerializer
from core.validators import validate_weekdays
from geo.models import Community
from needs.models import Need
from posts.models import Team
from projects.models import Project
from resources.models import Resource


class ProjectSerializer(DomainSerializer):
    ordered_pairs = (("start_date", "end_date"), ("start_time", "end_time"))
    community_name = serializers.CharField(source="community.name", read_only=True)
    scoped_fields = {
        "community": (Community.objects, Scope(community="self")),
        "team": (Team.objects, Scope(community="community")),
        "needs": (Need.objects, Scope(community="community")),
    }

    class Meta:
        model = Project
        fields = [
            "id", "community", "community_name", "name", "goals", "unit", "team", "needs", "resources", "frequency",
            "start_date", "end_date", "weekdays", "start_time", "end_time", "seats", "required_skills",
            "resource_kind", "resource_min_capacity",
        ]
        extra_kwargs = {"resources": {"queryset": Resource.objects.filter(status=Resource.Status.LISTED)}}

    def validate(self, attrs):
        attrs = super().validate(attrs)
        merged = {f: self.merged(attrs, f) for f in ("weekdays", "start_time", "end_time", "seats", "resource_kind")}
        if merged["weekdays"]:
            try:
                validate_weekdays(merged["weekdays"])
            except Exception:
                raise serializers.ValidationError({"weekdays": [_("Expected distinct weekdays 1 (Monday) to 7 (Sunday).")]})
            if merged["start_time"] is None or merged["end_time"] is None or not merged["seats"]:
                raise serializers.ValidationError({"start_time": [_("A project that meets needs session times and seats.")]})
        if merged["resource_kind"] and merged["resource_kind"] not in Resource.Category.values:
            raise serializers.ValidationError({"resource_kind": [_("Unknown resource kind.")]})
        return attrs
