"""Input and output shapes of needs; the requester is masked for everyone but the owning coordinators."""
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.masking import mask_name, mask_phone
from core.scoping import Scope
from core.serializers import DomainSerializer
from geo.models import Community, Grid
from needs.models import Need


class NeedSerializer(DomainSerializer):
    ordered_pairs = (("wanted_start", "wanted_end"),)
    community_name = serializers.CharField(source="community.name", read_only=True)
    overdue = serializers.SerializerMethodField(help_text=_("Open and past its deadline (限时办结)."))
    scoped_fields = {"community": (Community.objects, Scope(community="self")), "grid": (Grid.objects, Scope(community="community"))}

    class Meta:
        model = Need
        fields = [
            "id", "title", "description", "source", "requester_name", "requester_phone", "community", "community_name",
            "grid", "category", "type", "is_micro_wish", "required_skills", "headcount", "wanted_start", "wanted_end",
            "urgency", "owner", "deadline", "status", "status_changed_at", "finished_at", "overdue", "rating_score",
            "rating_comment", "rated_by", "rated_at", "created_at",
        ]
        # Status moves only through the transition action; the owner is the coordinator who files the need.
        read_only_fields = ["status", "status_changed_at", "finished_at", "owner", "created_at"]

    def get_overdue(self, instance) -> bool:
        return instance.is_overdue(timezone.localdate())

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

    def validate_status(self, value):
        # Rated means the resident's rating is on the need: only the rating action moves it there.
        if value == Need.Status.RATED:
            raise serializers.ValidationError(_("A need becomes rated when its rating is entered."))
        return value


class NeedRatingInputSerializer(serializers.Serializer):
    score = serializers.IntegerField(min_value=1, max_value=5)
    comment = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class NeedRatingOutputSerializer(serializers.ModelSerializer):
    need = serializers.IntegerField(source="pk", read_only=True)
    score = serializers.IntegerField(source="rating_score", read_only=True)
    comment = serializers.CharField(source="rating_comment", read_only=True)
    entered_by = serializers.CharField(source="rated_by.username", read_only=True, default=None)

    class Meta:
        model = Need
        fields = ["need", "status", "score", "comment", "entered_by", "rated_at"]
        read_only_fields = fields


class NeedOverdueCountSerializer(serializers.Serializer):
    today = serializers.DateField()
    overdue = serializers.IntegerField(help_text=_("Open needs past their deadline now."))
    closed_in_time = serializers.IntegerField(help_text=_("Finished on or before the deadline."))
    closed_late = serializers.IntegerField(help_text=_("Finished after the deadline."))
