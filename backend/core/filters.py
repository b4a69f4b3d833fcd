"""Shared filter pieces: ordering that rejects unknown fields, and dates and times the database can compare."""

import django_filters
import django_filters.fields
from django import forms
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter


class StrictOrderingFilter(OrderingFilter):
    def get_ordering(self, request, queryset, view):
        params = request.query_params.get(self.ordering_param)
        if params:
            fields = [param.strip() for param in params.split(",")]
            valid = {item[0] for item in self.get_valid_fields(queryset, view, {"request": request})}
            unknown = [f for f in fields if f.lstrip("-") not in valid]
            if unknown:
                raise ValidationError({self.ordering_param: [_("Unknown ordering field: %s") % ", ".join(unknown)]})
        return super().get_ordering(request, queryset, view)


class BoundedIsoDateTimeField(django_filters.fields.IsoDateTimeField):
    """An ISO 8601 date and time the database can compare: a year from 2000 to 2100 and a real UTC offset (at most
    14 hours; PostgreSQL refuses "-23:33"). Anything else is the filter's 400, not the database's 500."""

    def clean(self, value):
        moment = super().clean(value)
        if moment is None:
            return moment
        offset = moment.utcoffset()
        if not 2000 <= moment.year <= 2100 or (offset is not None and abs(offset.total_seconds()) > 14 * 3600):
            raise forms.ValidationError(
                _("Enter a date and time between the years 2000 and 2100 with a UTC offset of at most 14 hours."),
                code="out_of_range",
            )
        return moment


class IsoDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = BoundedIsoDateTimeField
