"""Base serializer for domain entities: ordered time pairs and related-choice scoping."""
from django.utils.translation import gettext as _
from rest_framework import serializers

from core.api import ScopedRelatedMixin


class DomainSerializer(ScopedRelatedMixin, serializers.ModelSerializer):
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
