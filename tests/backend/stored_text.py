"""Text as it may have been stored before the API refused control characters: every text column of every row of
the project's models (and every text inside JSON columns, and the keys of skill maps) made to start like a formula
and end with control characters, straight through the ORM, for the tests that check the exports still open."""
from pathlib import Path

from django.apps import apps
from django.db import models

from conftest import BACKEND
from people.validators import validate_skill_levels

FORMULA_START = "="
CONTROLS = "\u0001\u0008\u000b\u001f\u007f\uffff"  # no NUL: PostgreSQL could not store it to begin with


def poisoned(value, *, keys: bool = False):
    """The value with its text poisoned; inside JSON, every text, and object keys too when `keys`."""
    if isinstance(value, str):
        return f"{FORMULA_START}{value}{CONTROLS}" if value else value
    if isinstance(value, list):
        return [poisoned(item) for item in value]
    if isinstance(value, dict):
        return {(poisoned(key) if keys else key): poisoned(inner) for key, inner in value.items()}
    return value


def poison_all_stored_text() -> int:
    """Poisons every row in place, without validation. Choices stay, or the rows would fall out of every filter;
    so do passwords. Returns the columns poisoned."""
    count = 0
    for model in apps.get_models():
        if not Path(apps.get_app_config(model._meta.app_label).path).resolve().is_relative_to(BACKEND):
            continue
        columns = [field for field in model._meta.concrete_fields
                   if isinstance(field, (models.CharField, models.TextField, models.JSONField))
                   and not field.choices and field.name != "password"]
        for row in model.objects.all():
            changes = {field.attname: poisoned(getattr(row, field.attname), keys=validate_skill_levels in field.validators)
                       for field in columns}
            model.objects.filter(pk=row.pk).update(**changes)
            count += len(changes)
    return count
