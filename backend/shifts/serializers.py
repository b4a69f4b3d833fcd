"""Input and output shapes of shifts and their resource requests."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.json_fields import SkillLevelsField, StringListField
from core.related import ScopedPrimaryKeyRelatedField
from core.scoping import Scope
from core.serializers import DomainSerializer, LineField, ModelSerializer
from geo.models import Community
from needs.models import Need
from posts.models import Post
from projects.models import Project
from resources.models import Resource
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
    published_volunteers = serializers.IntegerField(
        read_only=True, default=0, help_text=_("Volunteers a published plan holds on this shift.")
    )
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
            "id",
            "community",
            "community_name",
            "title",
            "origin",
            "post",
            "project",
            "need",
            "week",
            "start",
            "end",
            "seats",
            "priority",
            "required_skills",
            "lat",
            "lng",
            "address",
            "resource_request",
            "status",
            "cancelled_at",
            "cancel_reason",
            "published_volunteers",
        ]
        read_only_fields = ["origin", "week", "status", "cancelled_at", "cancel_reason"]
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
            shift=instance,
            resource_request=request,
            remove_request=has_request_key and request is None,
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


class ShiftPlannedSerializer(serializers.Serializer):
    """One shift of the preview: what the source asks for on one day, and the shift already made from it."""

    key = serializers.CharField(source="shift.generation_key")
    new = serializers.SerializerMethodField()
    origin = serializers.ChoiceField(source="shift.origin", choices=Shift.Origin.choices)
    source = serializers.SerializerMethodField(help_text=_("The post, project or need the shift comes from."))
    community = serializers.IntegerField(source="shift.community_id")
    community_name = serializers.SerializerMethodField()
    title = serializers.CharField(source="shift.title")
    start = serializers.DateTimeField(source="shift.start")
    end = serializers.DateTimeField(source="shift.end")
    seats = serializers.IntegerField(source="shift.seats")
    resource_kind = serializers.SerializerMethodField()
    existing_shift = serializers.SerializerMethodField()
    existing_status = serializers.SerializerMethodField()

    def get_new(self, item) -> bool:
        return item.existing is None

    def get_source(self, item) -> int:
        shift = item.shift
        return shift.post_id or shift.project_id or shift.need_id

    def get_community_name(self, item) -> str:
        return self.context["community_names"].get(item.shift.community_id, "")

    @extend_schema_field(serializers.ChoiceField(choices=Resource.Category.choices, allow_null=True))
    def get_resource_kind(self, item) -> str | None:
        return item.request["kind"] if item.request else None

    def get_existing_shift(self, item) -> int | None:
        return item.existing.pk if item.existing else None

    @extend_schema_field(serializers.ChoiceField(choices=Shift.Status.choices, allow_null=True))
    def get_existing_status(self, item) -> str | None:
        return item.existing.status if item.existing else None


class ShiftGeneratePreviewSerializer(ShiftGenerateResultSerializer):
    """What a generation would add (`created`, counted `by_origin`) and what is already there, shift by shift."""

    items = ShiftPlannedSerializer(many=True)


class ShiftCancelSerializer(serializers.Serializer):
    reason = LineField(max_length=500, help_text=_("Why the shift is cancelled; its volunteers read it."))
