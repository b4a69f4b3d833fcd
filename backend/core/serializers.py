"""Base serializer for domain entities: ordered time pairs and related-choice scoping."""
from django.utils.translation import gettext as _
from rest_framework import serializers

from core.api import ScopedRelatedMixin


class DomainSerializer(ScopedRelatedMixin, serializers.ModelSerializer):
    # Pairs (start, end) that must be ordered; checked on the merged new and stored values.
    ordered_pairs: tuple = ()

    def validate(self, attrs):
        attrs = super().validate(attrs)
        for start_name, end_name in self.ordered_pairs:
            start = attrs.get(start_name, getattr(self.instance, start_name, None))
            end = attrs.get(end_name, getattr(self.instance, end_name, None))
            if start is not None and end is not None and end <= start:
                raise serializers.ValidationError({end_name: [_("Must be later than %s.") % start_name]})
        return attrs
