"""Filters of the shift list: place, week, date range, skill, origin."""

import django_filters

from core.filters import IsoDateTimeFilter
from people.filters import SkillCodeFilter
from shifts.models import Shift


class ShiftFilter(django_filters.FilterSet):
    sub_district = django_filters.NumberFilter(field_name="community__sub_district")
    start_from = IsoDateTimeFilter(field_name="start", lookup_expr="gte")
    start_to = IsoDateTimeFilter(field_name="start", lookup_expr="lt")
    date = django_filters.DateFilter(field_name="start__date")
    skill = SkillCodeFilter()
    has_resource_request = django_filters.BooleanFilter(
        field_name="resource_request", lookup_expr="isnull", exclude=True
    )
    min_priority = django_filters.NumberFilter(field_name="priority", lookup_expr="gte", min_value=1, max_value=5)

    class Meta:
        model = Shift
        fields = ["community", "week", "origin", "post", "project", "need", "priority"]
