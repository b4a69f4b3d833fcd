"""Input and output shapes of the geography endpoints."""

from django.utils.translation import gettext as _
from rest_framework import serializers

from core.scoping import Scope
from core.serializers import DomainSerializer
from geo.models import Community, District, Facility, Grid, SubDistrict


class DistrictSerializer(DomainSerializer):
    class Meta:
        model = District
        fields = ["id", "name", "city", "code", "post_third_label"]


class SubDistrictSerializer(DomainSerializer):
    class Meta:
        model = SubDistrict
        fields = ["id", "district", "name", "code"]


class CommunitySerializer(DomainSerializer):
    scoped_fields = {"sub_district": (SubDistrict.objects, Scope(community=None))}

    class Meta:
        model = Community
        fields = ["id", "sub_district", "name", "code", "address", "lat", "lng", "population"]


class GridSerializer(DomainSerializer):
    scoped_fields = {"community": (Community.objects, Scope(community="self"))}

    class Meta:
        model = Grid
        fields = ["id", "community", "name", "code"]


class FacilitySerializer(DomainSerializer):
    scoped_fields = {"community": (Community.objects, Scope(community="self"))}

    class Meta:
        model = Facility
        fields = ["id", "community", "kind", "name", "capacity", "bookable"]

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if self.merged(attrs, "bookable") and self.merged(attrs, "kind") == Facility.Kind.BOARD:
            raise serializers.ValidationError({"bookable": [_("A notice board cannot be booked.")]})
        return attrs
