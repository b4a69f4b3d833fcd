"""Input and output shapes of shifts and their resource requests."""
from django.utils.translation import gettext as _
from rest_framework import serializers

from core.json_fields import SkillLevelsField, StringListField
from core.related import ScopedPrimaryKeyRelatedField
from core.scoping import Scope
from core.serializers import DomainSerializer, ModelSerializer
from geo.models import Community
from needs.models import Need
from posts.models import Post
from projects.models import Project
from shifts import services
from shifts.models import ResourceRequest, Shift

IN_COMMUNITY = Scope(community="community")


class ShiftResourceRequirementSerializer(ModelSerializer):
    class Meta:
        model = ResourceRequest
        fields = ["kind", "min_capacity", "features", "max_distance_km"]
        json_fields = {"features": StringListField}

    def validate_features(self, value):
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            raise serializers.ValidationError(_("Expected a list of non-empty strings."))
        return value


class ShiftSerializer(DomainSerializer):
    ordered_pairs = (("start", "end"),)
    community_name = serializers.CharField(source="community.name", read_only=True)
    resource_request = ShiftResourceRequirementSerializer(required=False, allow_null=True)
    scoped_fields = {
        "community": (Community.objects, Scope(community="self")),
        "post": (Post.objects, IN_COMMUNITY),
        "project": (Project.objects, IN_COMMUNITY),
        "need": (Need.objects, IN_COMMUNITY),
    }

    class Meta:
        model = Shift
        fields = [
            "id", "community", "community_name", "title", "origin", "post", "project", "need", "week", "start", "end",
            "seats", "priority", "required_skills", "lat", "lng", "address", "resource_request",
        ]
        read_only_fields = ["origin", "week"]
        json_fields = {"required_skills": SkillLevelsField}

    def validate(self, attrs):
        attrs = super().validate(attrs)
        start = self.merged(attrs, "start")
        end = self.merged(attrs, "end")
        if start and end and (end - start).total_seconds() > 24 * 3600:
            raise serializers.ValidationError({"end": [_("A shift lasts at most 24 hours.")]})
        return attrs

    def _save(self, instance, validated_data):
        has_request_key = "resource_request" in validated_data
        request = validated_data.pop("resource_request", None)
        return services.shift_save(
            shift=instance, resource_request=request, remove_request=has_request_key and request is None,
            **validated_data,
        )

    def create(self, validated_data):
        return self._save(None, validated_data)

    def update(self, instance, validated_data):
        return self._save(instance, validated_data)


class ShiftGenerateSerializer(serializers.Serializer):
    week = serializers.DateField(help_text=_("Any day of the week; shifts are made for Monday to Sunday."))
    community = ScopedPrimaryKeyRelatedField(queryset=Community.objects.all(), required=False, allow_null=True)


class ShiftGenerateResultSerializer(serializers.Serializer):
    week = serializers.DateField()
    created = serializers.IntegerField()
    existing = serializers.IntegerField()
    by_origin = serializers.DictField(child=serializers.IntegerField())
