"""Input and output shapes of needs; the requester is masked for everyone but the owning coordinators."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.json_fields import SkillLevelsField
from core.masking import mask_name, mask_phone
from core.related import ScopedPrimaryKeyRelatedField
from core.scoping import Role, Scope
from core.serializers import DomainSerializer, LineField
from geo.models import Community, Grid
from needs.models import Need, NeedDeadlineRule
from orgs.models import Unit
from people.models import Volunteer
from people.validators import validate_skill_levels
from posts.models import Team


def _person(user) -> str | None:
    return None if user is None else user.display_name or user.username


class NeedTakerSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["volunteer", "team", "unit"])
    id = serializers.IntegerField()
    name = serializers.CharField()


def need_taker(need: Need) -> dict | None:
    """Who took the need (接单), whichever kind it is."""
    for kind, taker in (
        ("volunteer", need.taken_by_volunteer),
        ("team", need.taken_by_team),
        ("unit", need.taken_by_unit),
    ):
        if taker is not None:
            return {"kind": kind, "id": taker.pk, "name": taker.name}
    return None


class NeedSerializer(DomainSerializer):
    ordered_pairs = (("wanted_start", "wanted_end"),)
    community_name = serializers.CharField(source="community.name", read_only=True)
    overdue = serializers.SerializerMethodField(help_text=_("Open and past its deadline (限时办结)."))
    owner_name = serializers.SerializerMethodField(help_text=_("The owner's name (首问责任人)."))
    taker = serializers.SerializerMethodField(help_text=_("Who took the need (接单): a volunteer, a team or a unit."))
    scoped_fields = {
        "community": (Community.objects, Scope(community="self")),
        "grid": (Grid.objects, Scope(community="community")),
    }

    class Meta:
        model = Need
        fields = [
            "id",
            "title",
            "description",
            "source",
            "requester_name",
            "requester_phone",
            "community",
            "community_name",
            "grid",
            "category",
            "type",
            "is_micro_wish",
            "required_skills",
            "headcount",
            "wanted_start",
            "wanted_end",
            "urgency",
            "owner",
            "owner_name",
            "deadline",
            "status",
            "status_changed_at",
            "finished_at",
            "overdue",
            "rating_score",
            "rating_comment",
            "rated_by",
            "rated_at",
            "taker",
            "taken_at",
            "created_at",
        ]
        # Status moves only through the transition action; the owner is the coordinator who files the need, and
        # changes only by a hand-over. The deadline, left out, defaults from the category and urgency (限时办结).
        read_only_fields = ["status", "status_changed_at", "finished_at", "owner", "created_at"]
        json_fields = {"required_skills": SkillLevelsField}

    def get_overdue(self, instance) -> bool:
        return instance.is_overdue(timezone.localdate())

    def get_owner_name(self, instance) -> str | None:
        return _person(instance.owner)

    @extend_schema_field(NeedTakerSerializer(allow_null=True))
    def get_taker(self, instance) -> dict | None:
        return need_taker(instance)

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
            if data["taker"] is not None and data["taker"]["kind"] == "volunteer":  # nor a volunteer's full name
                data["taker"]["name"] = mask_name(data["taker"]["name"])
        return data


class NeedTransitionSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Need.Status.choices)
    minutes = serializers.IntegerField(
        min_value=1,
        max_value=24 * 60,
        required=False,
        help_text=_("At completion: the minutes a volunteer who took the need served (default: its wanted window)."),
    )

    def validate_status(self, value):
        # Rated means the resident's rating is on the need: only the rating action moves it there.
        if value == Need.Status.RATED:
            raise serializers.ValidationError(_("A need becomes rated when its rating is entered."))
        return value


class NeedTakeInputSerializer(serializers.Serializer):
    """Exactly one taker: a volunteer, a team or a unit."""

    volunteer = ScopedPrimaryKeyRelatedField(queryset=Volunteer.objects.filter(active=True), required=False)
    team = ScopedPrimaryKeyRelatedField(queryset=Team.objects.all(), required=False)
    unit = ScopedPrimaryKeyRelatedField(queryset=Unit.objects.all(), required=False)

    def validate(self, attrs):
        if len([key for key in ("volunteer", "team", "unit") if attrs.get(key) is not None]) != 1:
            raise serializers.ValidationError(_("Name exactly one taker: a volunteer, a team or a unit."))
        return attrs


class NeedRatingInputSerializer(serializers.Serializer):
    score = serializers.IntegerField(min_value=1, max_value=5)
    comment = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class NeedRatingOutputSerializer(serializers.ModelSerializer):
    need = serializers.IntegerField(source="pk", read_only=True)
    score = serializers.IntegerField(source="rating_score", read_only=True)
    comment = serializers.CharField(source="rating_comment", read_only=True)
    entered_by = serializers.CharField(source="rated_by.username", read_only=True, default=None, allow_null=True)

    class Meta:
        model = Need
        fields = ["need", "status", "score", "comment", "entered_by", "rated_at"]
        read_only_fields = fields


class NeedOverdueCountSerializer(serializers.Serializer):
    today = serializers.DateField()
    overdue = serializers.IntegerField(help_text=_("Open needs past their deadline now."))
    closed_in_time = serializers.IntegerField(help_text=_("Finished on or before the deadline."))
    closed_late = serializers.IntegerField(help_text=_("Finished after the deadline."))


class NeedNewProjectSerializer(serializers.Serializer):
    name = LineField(max_length=128)
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    goals = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")

    def validate(self, attrs):
        if attrs["end_date"] < attrs["start_date"]:
            raise serializers.ValidationError({"end_date": [_("Must not be before the start date.")]})
        return attrs


class NeedMergeInputSerializer(serializers.Serializer):
    """Either `project` (an existing project of the needs' community) or `new_project`, not both."""

    needs = serializers.ListField(child=serializers.IntegerField(min_value=1), min_length=1, max_length=100)
    project = serializers.IntegerField(min_value=1, required=False, allow_null=True, default=None)
    new_project = NeedNewProjectSerializer(required=False, allow_null=True, default=None)

    def validate(self, attrs):
        if (attrs["project"] is None) == (attrs["new_project"] is None):
            raise serializers.ValidationError({"project": [_("Choose an existing project or describe a new one.")]})
        return attrs


class NeedMergeOutputSerializer(serializers.Serializer):
    project = serializers.IntegerField(source="pk")
    name = serializers.CharField()
    community = serializers.IntegerField(source="community_id")
    needs = serializers.SerializerMethodField()

    def get_needs(self, project) -> list[int]:
        return sorted(project.needs.values_list("pk", flat=True))


class NeedToShiftsInputSerializer(serializers.Serializer):
    dates = serializers.ListField(child=serializers.DateField(), min_length=1, max_length=31)
    start_time = serializers.TimeField()
    end_time = serializers.TimeField()
    seats = serializers.IntegerField(min_value=1, max_value=200)
    required_skills = SkillLevelsField(required=False, allow_null=True, default=None)
    address = LineField(max_length=200, required=False, allow_blank=True, default="")

    def validate_dates(self, value):
        today = timezone.localdate()
        past = sorted(day.isoformat() for day in value if day < today)
        if past:
            raise serializers.ValidationError(_("Dates must not be in the past: %s") % ", ".join(past))
        return value

    def validate_required_skills(self, value):
        if value is not None:
            try:
                validate_skill_levels(value)
            except DjangoValidationError as exc:
                raise serializers.ValidationError(exc.messages) from exc
        return value

    def validate(self, attrs):
        if attrs["end_time"] <= attrs["start_time"]:
            raise serializers.ValidationError({"end_time": [_("Must be later than the start time.")]})
        return attrs


class NeedShiftSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    seats = serializers.IntegerField()
    priority = serializers.IntegerField()
    required_skills = SkillLevelsField()


class NeedToShiftsOutputSerializer(serializers.Serializer):
    need = NeedSerializer()
    shifts = NeedShiftSerializer(many=True)


class NeedHandOverInputSerializer(serializers.Serializer):
    to_user = serializers.IntegerField(min_value=1, help_text=_("The colleague who owns the need from now."))
    reason = LineField(max_length=500, help_text=_("Why the need changes hands."))


class NeedOwnershipSerializer(serializers.Serializer):
    owner = serializers.IntegerField(source="owner_id", allow_null=True)
    owner_name = serializers.SerializerMethodField()
    since = serializers.DateTimeField()
    assigned_by = serializers.IntegerField(source="assigned_by_id", allow_null=True)
    assigned_by_name = serializers.SerializerMethodField()
    reason = serializers.CharField()

    def get_owner_name(self, row) -> str | None:
        return _person(row.owner)

    def get_assigned_by_name(self, row) -> str | None:
        return _person(row.assigned_by)


class NeedOwnerCandidateSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="__str__")
    role = serializers.ChoiceField(choices=Role.choices)


class NeedDeadlineRuleSerializer(serializers.ModelSerializer):
    class Meta:
        model = NeedDeadlineRule
        fields = ["category", "urgency", "days"]
        read_only_fields = fields


class NeedDeadlineRuleInputSerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=Need.Category.choices)
    urgency = serializers.IntegerField(min_value=1, max_value=5)
    days = serializers.IntegerField(min_value=1, max_value=365)


class NeedDeadlineRulesInputSerializer(serializers.Serializer):
    """Rows of the table to set; rows not named keep their days."""

    rules = NeedDeadlineRuleInputSerializer(many=True, allow_empty=False, max_length=len(Need.Category) * 5)

    def validate_rules(self, value):
        pairs = [(row["category"], row["urgency"]) for row in value]
        if len(set(pairs)) != len(pairs):
            raise serializers.ValidationError(_("Each category and urgency is named once."))
        return value
