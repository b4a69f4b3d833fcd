"""Base serializers: single-line text for every model serializer and input field that names one line, and the
domain entities' ordered time pairs and related-choice scoping."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.utils.translation import gettext as _
from rest_framework import serializers

from core.api import ScopedRelatedMixin
from core.phones import phone_national, phone_normalize
from core.related import ScopedPrimaryKeyRelatedField
from core.text import validate_one_line


class ModelSerializer(serializers.ModelSerializer):
    """DRF's, where a model CharField (a name, a title, an address) takes one line; a TextField keeps its line
    breaks. Control characters are refused before any serializer runs (core.parsers). Related fields name only
    rows the caller may see (core.related)."""

    serializer_related_field = ScopedPrimaryKeyRelatedField

    def build_standard_field(self, field_name, model_field):
        field_class, field_kwargs = super().build_standard_field(field_name, model_field)
        # Meta.json_fields: a model JSONField's name -> the core.json_fields class that gives it a schema
        # (the model field's validators, label and default are kept).
        json_field = getattr(self.Meta, "json_fields", {}).get(field_name)
        if json_field is not None:
            field_class = json_field
        if isinstance(model_field, models.CharField) and issubclass(field_class, serializers.CharField):
            field_kwargs["validators"] = [*field_kwargs.get("validators", []), validate_one_line]
        return field_class, field_kwargs


class LineField(serializers.CharField):
    """Single-line text in a plain input serializer, for what is stored in a model CharField."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators.append(validate_one_line)


class PhoneField(LineField):
    """A mainland mobile number as people type it (spaces, dashes, +86, full-width digits), given to the code in
    its stored form, E.164 (core.phones); shown in the national form."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 32)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        text = super().to_internal_value(data)
        try:
            return phone_normalize(text)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages, code="invalid_phone") from None

    def to_representation(self, value):
        return phone_national(value)


class DomainSerializer(ScopedRelatedMixin, ModelSerializer):
    # Pairs (start, end) that must be ordered; checked on the merged new and stored values.
    ordered_pairs: tuple = ()
    # Ends of those pairs that may fall on their start (a project of one day ends on the day it starts).
    may_end_at_start: tuple = ()
    # ((field, ...), field the error is reported on, message): a uniqueness rule named by one field, where
    # DRF's own validator would report it as a nameless non-field error. Set Meta.validators = [] beside it.
    unique_together: tuple | None = None

    def merged(self, attrs: dict, name: str):
        """The value after this write: the new one if given, else the stored one."""
        return attrs.get(name, getattr(self.instance, name, None))

    def validate(self, attrs):
        attrs = super().validate(attrs)
        for start_name, end_name in self.ordered_pairs:
            start, end = self.merged(attrs, start_name), self.merged(attrs, end_name)
            if start is None or end is None:
                continue
            if end_name in self.may_end_at_start:
                if end < start:
                    raise serializers.ValidationError({end_name: [_("Must not be before the start date.")]})
            elif end <= start:
                raise serializers.ValidationError({end_name: [_("Must be later than %s.") % start_name]})
        if self.unique_together:
            names, error_field, message = self.unique_together
            clash = self.Meta.model.objects.filter(**{name: self.merged(attrs, name) for name in names})
            if self.instance is not None:
                clash = clash.exclude(pk=self.instance.pk)
            if clash.exists():
                raise serializers.ValidationError({error_field: [message]})
        return attrs
