"""Validators for JSON-held values: feature lists, weekdays (skill requirements: people.validators)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.text import validate_one_line


def validate_string_list(value) -> None:
    """Short words (languages, features), one line each."""
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise ValidationError(_("Expected a list of non-empty strings."))
    for item in value:
        validate_one_line(item)


def validate_weekdays(value) -> None:
    """ISO weekdays 1 (Monday) to 7 (Sunday), at least one, no repeats."""
    if (
        not isinstance(value, list)
        or not value
        or len(set(value)) != len(value)
        or not all(isinstance(d, int) and not isinstance(d, bool) and 1 <= d <= 7 for d in value)
    ):
        raise ValidationError(_("Expected a non-empty list of distinct weekdays 1 (Monday) to 7 (Sunday)."))
