"""Validators for JSON-held domain values: skill requirements, feature lists, weekdays."""
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.text import validate_one_line


def validate_skill_levels(value) -> None:
    """{"skill code": level 1-5}; codes must exist in the skill catalogue."""
    from people.models import Skill

    if not isinstance(value, dict):
        raise ValidationError(_("Expected an object of skill code to level."))
    for code, level in value.items():
        if not isinstance(level, int) or isinstance(level, bool) or not 1 <= level <= 5:
            raise ValidationError(_("Level of %(code)s must be an integer from 1 to 5.") % {"code": code})
    if value:
        known = set(Skill.objects.filter(code__in=list(value)).values_list("code", flat=True))
        unknown = sorted(set(value) - known)
        if unknown:
            raise ValidationError(_("Unknown skill: %(codes)s") % {"codes": ", ".join(unknown)})


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
