"""Filters of units and agreements."""

import django_filters

from orgs.models import Agreement, Unit


class UnitFilter(django_filters.FilterSet):
    sub_district = django_filters.NumberFilter(field_name="community__sub_district")

    class Meta:
        model = Unit
        fields = ["kind", "community"]


class AgreementFilter(django_filters.FilterSet):
    sub_district = django_filters.NumberFilter(field_name="community__sub_district")

    class Meta:
        model = Agreement
        fields = ["unit", "community", "year"]
