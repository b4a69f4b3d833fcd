"""Validators of skill requirements: {"skill code": level}, the codes taken from the skill catalogue (people.Skill);
needs, posts, projects, shifts and volunteer profiles hold them as JSON."""
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def validate_skill_levels(value) -> None:
    """{"skill code": level 1-5}; codes must exist in the skill catalogue."""
    from people.models import Skill  # people.models uses this validator

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
