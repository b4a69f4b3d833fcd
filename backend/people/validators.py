"""Validators of skill requirements: {"skill code": level}, the codes taken from the skill catalogue (people.Skill);
needs, posts, projects, shifts and volunteer profiles hold them as JSON. Also the kinds of service a volunteer may
prefer: the categories of posts and of needs, which the shifts they produce carry."""

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


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


def service_kind_choices() -> list[tuple[str, "StrOrPromise"]]:
    """The kinds of service a volunteer may prefer: the post categories, then the need categories not among them
    (a shift's kind is its post's category, or its need's)."""
    from needs.models import Need  # both apps' models import people's
    from posts.models import Post

    # the labels stay lazy: the serializer that offers them is made once, and answers in each request's language
    kinds: dict[str, StrOrPromise] = dict(Post.Category.choices)
    for value, label in Need.Category.choices:
        kinds.setdefault(value, label)
    return list(kinds.items())


def validate_service_kinds(value) -> None:
    """A list of distinct kinds of service (service_kind_choices)."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError(_("Expected a list of kinds of service."))
    unknown = sorted(set(value) - {kind for kind, _label in service_kind_choices()})
    if unknown:
        raise ValidationError(_("Unknown kind of service: %(kinds)s") % {"kinds": ", ".join(unknown)})
    if len(set(value)) != len(value):
        raise ValidationError(_("A kind of service is named twice."))
