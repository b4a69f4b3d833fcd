"""Filters of the projects list."""

import django_filters

from projects.models import Project


class ProjectFilter(django_filters.FilterSet):
    sub_district = django_filters.NumberFilter(field_name="community__sub_district")
    active_on = django_filters.DateFilter(method="filter_active_on")

    class Meta:
        model = Project
        fields = ["community", "unit", "team", "frequency"]

    def filter_active_on(self, queryset, name, value):
        return queryset.filter(start_date__lte=value, end_date__gte=value)
