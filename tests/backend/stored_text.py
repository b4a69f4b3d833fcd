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
# Secrets are not text anybody typed, and a poisoned one would sign everybody out of the test. An account's phone
# is checked and normalised on the way in (E.164, core.phones), unique among active accounts: cut to fit its column,
# poisoned numbers would collide.
SECRETS = {
    ("accounts.ApiToken", "digest"),
    ("volunteering.CalendarToken", "token"),
    ("evaluation.AppraisalBallot", "code_hash"),
    ("accounts.User", "phone"),
    ("accounts.Invitation", "token_digest"),
    ("accounts.Invitation", "code_digest"),
    ("accounts.PhoneCode", "code_digest"),
}


def poisoned(value, *, keys: bool = False, max_length: int | None = None):
    """The value with its text poisoned; inside JSON, every text, and object keys too when `keys`. Text is cut so
    that the poisoned value still fits the column (PostgreSQL enforces max_length, SQLite does not)."""
    if isinstance(value, str):
        if not value:
            return value
        room = None if max_length is None else max(1, max_length - len(FORMULA_START) - len(CONTROLS))
        return f"{FORMULA_START}{value[:room]}{CONTROLS}"
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
        columns = [
            field
            for field in model._meta.concrete_fields
            if isinstance(field, (models.CharField, models.TextField, models.JSONField))
            and not field.choices
            and field.name != "password"
            and (model._meta.label, field.name) not in SECRETS
        ]
        for row in model.objects.all():
            changes = {
                field.attname: poisoned(
                    getattr(row, field.attname),
                    keys=validate_skill_levels in field.validators,
                    max_length=getattr(field, "max_length", None),
                )
                for field in columns
            }
            model.objects.filter(pk=row.pk).update(**changes)
            count += len(changes)
    return count
