"""Input and output shapes of resources and their free slots."""

from django.utils.translation import gettext as _
from rest_framework import serializers

from core.json_fields import StringListField
from core.scoping import COORDINATORS, Role, Scope
from core.serializers import DomainSerializer, ModelSerializer
from resources.models import Resource, ResourceSlot

RESOURCE_WRITE_SCOPE = Scope(community="community", unit="unit", write=COORDINATORS | {Role.UNIT})


# The fields of a facility's listing that the facility keeps (resources.services.resource_sync_facility).
FROM_FACILITY = ("community", "name", "category", "capacity", "address", "lat", "lng", "status")


class ResourceSlotInlineSerializer(ModelSerializer):
    class Meta:
        model = ResourceSlot
        fields = ["id", "weekday", "date", "start_time", "end_time"]


class ResourceSerializer(DomainSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True, default=None, allow_null=True)
    community_name = serializers.CharField(source="community.name", read_only=True)
    slots = ResourceSlotInlineSerializer(many=True, read_only=True)

    class Meta:
        model = Resource
        fields = [
            "id",
            "unit",
            "unit_name",
            "community",
            "community_name",
            "name",
            "category",
            "capacity",
            "features",
            "address",
            "lat",
            "lng",
            "conditions",
            "status",
            "facility",
            "slots",
        ]
        # A representative lists for their own unit; a coordinator's resources are the community's rooms; a
        # facility's listing is made by marking the facility bookable.
        read_only_fields = ["unit", "facility"]
        json_fields = {"features": StringListField}

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if self.instance is not None and self.instance.facility_id is not None:
            kept = {
                name: [_("Comes from the community facility; change it there.")]
                for name in FROM_FACILITY
                if name in attrs and attrs[name] != getattr(self.instance, name)
            }
            if kept:
                raise serializers.ValidationError(kept)
        return attrs

    def validate_community(self, community):
        user = self.context["request"].user
        if user.role == Role.COMMUNITY and community.pk != user.community_id:
            raise serializers.ValidationError(_("Outside your community."))
        if user.role == Role.SUBDISTRICT and community.sub_district_id != user.sub_district_id:
            raise serializers.ValidationError(_("Outside your sub-district."))
        return community


class ResourceSlotSerializer(DomainSerializer):
    ordered_pairs = (("start_time", "end_time"),)
    scoped_fields = {"resource": (Resource.objects, RESOURCE_WRITE_SCOPE)}

    class Meta:
        model = ResourceSlot
        fields = ["id", "resource", "weekday", "date", "start_time", "end_time"]

    def validate(self, attrs):
        attrs = super().validate(attrs)
        weekday = self.merged(attrs, "weekday")
        date = self.merged(attrs, "date")
        if (weekday is None) == (date is None):
            raise serializers.ValidationError(
                {"weekday": [_("Give either a weekday (recurring) or a date, not both.")]}
            )
        return attrs
