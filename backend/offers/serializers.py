"""Input and output shapes of the service menu: an offer (its provider names its community), and an order taken
from it (the need it files)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.json_fields import SkillLevelsField
from core.related import ScopedPrimaryKeyRelatedField
from core.scoping import COORDINATORS, Role, Scope
from core.serializers import DomainSerializer, LineField
from geo.models import Grid
from offers.models import ServiceOffer
from orgs.models import Unit
from posts.models import Team

# A unit's offers are kept by its representative and the coordinators of the unit's community (as the unit itself:
# orgs.apis.UnitViewSet); a team's by the coordinators of its community.
UNIT_WRITERS = Scope(community="community", unit="pk", write=COORDINATORS | {Role.UNIT})


class ServiceOfferSerializer(DomainSerializer):
    community_name = serializers.CharField(source="community.name", read_only=True)
    provider_name = serializers.CharField(read_only=True, help_text=_("The team's or the unit's name."))
    orders = serializers.IntegerField(
        source="orders_count", read_only=True, default=0, help_text=_("Orders taken from it so far.")
    )
    open_orders = serializers.IntegerField(
        read_only=True, default=0, help_text=_("Its orders not yet done, rated or closed.")
    )
    scoped_fields = {
        "team": (Team.objects, Scope(community="community")),
        "unit": (Unit.objects, UNIT_WRITERS),
    }

    class Meta:
        model = ServiceOffer
        fields = [
            "id",
            "community",
            "community_name",
            "team",
            "unit",
            "provider_name",
            "title",
            "category",
            "type",
            "description",
            "conditions",
            "schedule",
            "required_skills",
            "headcount",
            "open_orders_limit",
            "open_orders",
            "active",
            "orders",
            "created_at",
        ]
        # Listed under the provider's community, set from the provider.
        read_only_fields = ["community", "created_at"]
        json_fields = {"required_skills": SkillLevelsField}

    def validate(self, attrs):
        attrs = super().validate(attrs)
        team, unit = self.merged(attrs, "team"), self.merged(attrs, "unit")
        if (team is None) == (unit is None):
            raise serializers.ValidationError({"team": [_("Name the team or the unit that offers it, one of them.")]})
        attrs["community"] = team.community if team is not None else unit.community
        return attrs


class OfferOrderInputSerializer(serializers.Serializer):
    """An order a coordinator takes from the menu for a resident (by phone or at the desk)."""

    requester_name = LineField(max_length=64, required=False, allow_blank=True, default="")
    requester_phone = LineField(max_length=20, required=False, allow_blank=True, default="")
    grid = ScopedPrimaryKeyRelatedField(queryset=Grid.objects.all(), required=False, allow_null=True)
    description = serializers.CharField(
        required=False, allow_blank=True, default="", help_text=_("What the resident asks for, in their words.")
    )
    wanted_start = serializers.DateTimeField(required=False, allow_null=True, default=None)
    wanted_end = serializers.DateTimeField(required=False, allow_null=True, default=None)
    urgency = serializers.IntegerField(min_value=1, max_value=5, default=3)

    def validate(self, attrs):
        start, end = attrs.get("wanted_start"), attrs.get("wanted_end")
        if start and end and end <= start:
            raise serializers.ValidationError({"wanted_end": [_("Must be later than %s.") % "wanted_start"]})
        return attrs


class OfferOrderOutputSerializer(serializers.Serializer):
    need = serializers.IntegerField(help_text=_("The need the order filed (待审核)."))
    title = serializers.CharField()
    status = serializers.CharField()
    deadline = serializers.DateField(allow_null=True)
    created_at = serializers.DateTimeField()
