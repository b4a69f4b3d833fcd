"""Filters of the resources list."""

import django_filters

from resources.models import Resource, ResourceSlot


class ResourceFilter(django_filters.FilterSet):
    sub_district = django_filters.NumberFilter(field_name="community__sub_district")
    min_capacity = django_filters.NumberFilter(field_name="capacity", lookup_expr="gte", min_value=0)
    feature = django_filters.CharFilter(method="filter_feature")
    free_on = django_filters.NumberFilter(field_name="slots__weekday", min_value=1, max_value=7, distinct=True)
    own_rooms = django_filters.BooleanFilter(field_name="unit", lookup_expr="isnull")

    class Meta:
        model = Resource
        fields = ["unit", "community", "category", "status"]

    def filter_feature(self, queryset, name, value):
        return queryset.filter(features__icontains=f'"{value}"')


class ResourceSlotFilter(django_filters.FilterSet):
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte")
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte")

    class Meta:
        model = ResourceSlot
        fields = ["resource", "weekday"]
