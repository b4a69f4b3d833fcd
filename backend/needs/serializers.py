"""Input and output shapes of needs; the requester is masked for everyone but the owning coordinators."""
from rest_framework import serializers

from core.masking import mask_name, mask_phone
from core.scoping import Scope
from core.serializers import DomainSerializer
from geo.models import Community, Grid
from needs.models import Need


class NeedSerializer(DomainSerializer):
    ordered_pairs = (("wanted_start", "wanted_end"),)
    community_name = serializers.CharField(source="community.name", read_only=True)
    scoped_fields = {"community": (Community.objects, Scope(community="self")), "grid": (Grid.objects, Scope(community="community"))}

    class Meta:
        model = Need
        fields = [
            "id", "title", "description", "source", "requester_name", "requester_phone", "community", "community_name",
            "grid", "category", "type", "is_micro_wish", "required_skills", "headcount", "wanted_start", "wanted_end",
            "urgency", "owner", "deadline", "status", "status_changed_at", "created_at",
        ]
        # Status moves only through the transition action; the owner is the coordinator who files the need.
        read_only_fields = ["status", "status_changed_at", "owner", "created_at"]

    def validate(self, attrs):
        attrs = super().validate(attrs)
        grid = self.merged(attrs, "grid")
        community = self.merged(attrs, "community")
        if grid is not None and community is not None and grid.community_id != community.pk:
            raise serializers.ValidationError({"grid": ["The grid is not in this community."]})
        return attrs

    def to_representation(self, instance):
        data = super().to_representation(instance)
        view = self.context.get("view")
        if getattr(view, "action", None) == "list":  # lists never carry the requester's contact
            data["requester_name"] = mask_name(instance.requester_name)
            data["requester_phone"] = mask_phone(instance.requester_phone)
        return data


class NeedTransitionSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Need.Status.choices)
