"""Filters of the service menu."""

import django_filters

from offers.models import ServiceOffer


class ServiceOfferFilter(django_filters.FilterSet):
    sub_district = django_filters.NumberFilter(field_name="community__sub_district")
    provider = django_filters.ChoiceFilter(
        choices=[("team", "team"), ("unit", "unit")], method="by_provider", label="provider kind"
    )

    class Meta:
        model = ServiceOffer
        fields = ["community", "category", "type", "team", "unit", "active"]

    def by_provider(self, queryset, name, value):
        return queryset.filter(team__isnull=False) if value == "team" else queryset.filter(unit__isnull=False)
