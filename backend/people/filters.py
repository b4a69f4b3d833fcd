"""Filters of the volunteer lists: by place, kind, skill and level, language, availability and reporting."""

import django_filters
from django.db.models.fields.json import KeyTransform
from django.utils.translation import gettext_lazy as _
from django_filters.constants import EMPTY_VALUES
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from core.filters import IsoDateTimeFilter
from people.models import Blackout, Skill, Volunteer, WeeklyAvailability


@extend_schema_field(OpenApiTypes.STR)
class SkillCodeFilter(django_filters.ModelChoiceFilter):
    """`?skill=legal_advice`: rows whose JSON skill map (field_name) names that catalogue skill; unknown code is a 400.
    Needs, posts and shifts filter their required skills with it too."""

    def __init__(self, field_name="required_skills", **kwargs):
        kwargs.setdefault("queryset", Skill.objects.all())
        kwargs.setdefault("to_field_name", "code")
        super().__init__(field_name=field_name, **kwargs)

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        return qs.filter(**{f"{self.field_name}__has_key": value.code})


class VolunteerFilter(django_filters.FilterSet):
    community = django_filters.NumberFilter(field_name="home_community")
    sub_district = django_filters.NumberFilter(field_name="home_community__sub_district")
    skill = SkillCodeFilter(field_name="skills", method="filter_skill", label=_("skill code"))
    min_level = django_filters.NumberFilter(method="filter_noop", min_value=1, max_value=5, label=_("minimum level"))
    language = django_filters.CharFilter(method="filter_language")
    available_on = django_filters.NumberFilter(
        field_name="availability__weekday", min_value=1, max_value=7, distinct=True, label=_("available on weekday")
    )
    reported = django_filters.BooleanFilter(field_name="reported_community", lookup_expr="isnull", exclude=True)
    report_confirmed = django_filters.BooleanFilter(
        field_name="report_confirmed_at", lookup_expr="isnull", exclude=True
    )
    activated = django_filters.BooleanFilter(
        field_name="user__activated_at", lookup_expr="isnull", exclude=True, label=_("activated from the invitation")
    )

    class Meta:
        model = Volunteer
        fields = ["kind", "grid", "employer_unit", "reported_community", "active"]

    def filter_noop(self, queryset, name, value):
        return queryset  # read together with `skill`

    def filter_skill(self, queryset, name, skill):
        level = self.form.cleaned_data.get("min_level") or 1
        return queryset.alias(skill_level=KeyTransform(skill.code, "skills")).filter(skill_level__gte=int(level))

    def filter_language(self, queryset, name, value):
        return queryset.filter(languages__icontains=f'"{value}"')


class UnitMemberFilter(django_filters.FilterSet):
    """A unit representative's filters of its members: none on what the unit is not shown (grid, languages,
    weekly availability), which a filter would give away row by row."""

    community = django_filters.NumberFilter(field_name="home_community")
    reported = django_filters.BooleanFilter(field_name="reported_community", lookup_expr="isnull", exclude=True)
    report_confirmed = django_filters.BooleanFilter(
        field_name="report_confirmed_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = Volunteer
        fields = ["kind", "reported_community", "active"]


class WeeklyAvailabilityFilter(django_filters.FilterSet):
    class Meta:
        model = WeeklyAvailability
        fields = ["volunteer", "weekday"]


class BlackoutFilter(django_filters.FilterSet):
    start_after = IsoDateTimeFilter(field_name="end", lookup_expr="gte")
    start_before = IsoDateTimeFilter(field_name="start", lookup_expr="lt")

    class Meta:
        model = Blackout
        fields = ["volunteer"]
