"""Filters of the needs list."""

import django_filters
from django.utils import timezone

from core.filters import IsoDateTimeFilter
from needs.models import Need
from needs.selectors import overdue_q
from people.filters import SkillCodeFilter


class NeedFilter(django_filters.FilterSet):
    sub_district = django_filters.NumberFilter(field_name="community__sub_district")
    skill = SkillCodeFilter()
    status = django_filters.MultipleChoiceFilter(choices=Need.Status.choices)
    wanted_from = IsoDateTimeFilter(field_name="wanted_end", lookup_expr="gte")
    wanted_to = IsoDateTimeFilter(field_name="wanted_start", lookup_expr="lt")
    deadline_before = django_filters.DateFilter(field_name="deadline", lookup_expr="lte")
    overdue = django_filters.BooleanFilter(method="filter_overdue")

    class Meta:
        model = Need
        fields = ["community", "grid", "category", "type", "source", "is_micro_wish", "urgency", "owner"]

    def filter_overdue(self, queryset, name, value):
        overdue = overdue_q(timezone.localdate())
        return queryset.filter(overdue) if value else queryset.exclude(overdue)
