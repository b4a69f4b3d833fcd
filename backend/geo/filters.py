"""Filters of the geography lists."""

import django_filters

from geo.models import Community, Facility, Grid


class CommunityFilter(django_filters.FilterSet):
    class Meta:
        model = Community
        fields = ["sub_district"]


class GridFilter(django_filters.FilterSet):
    sub_district = django_filters.NumberFilter(field_name="community__sub_district")

    class Meta:
        model = Grid
        fields = ["community"]


class FacilityFilter(django_filters.FilterSet):
    class Meta:
        model = Facility
        fields = ["community", "kind"]
