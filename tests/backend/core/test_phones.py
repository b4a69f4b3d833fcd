"""Mainland mobile numbers in one stored form (E.164) whatever was typed, and the migration that brought the stored
numbers to it without losing any."""

import importlib

import pytest
from django.apps import apps

from accounts.models import User
from core.masking import mask_phone
from core.phones import phone_national, phone_parse


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("13812345678", "+8613812345678"),
        ("138 1234 5678", "+8613812345678"),
        ("138-1234-5678", "+8613812345678"),
        ("+86 138 1234 5678", "+8613812345678"),
        ("8613812345678", "+8613812345678"),
        ("１３８１２３４５６７８", "+8613812345678"),
        ("19912345678", "+8619912345678"),
        ("", ""),
        ("0371-67881234", None),
        ("12345678901", None),
        ("1381234567", None),
        ("+1 415 555 0100", None),
        ("手机", None),
    ],
)
def test_typed_numbers_are_stored_in_one_form(typed, stored):
    assert phone_parse(typed) == stored


def test_numbers_are_shown_and_masked_in_the_national_form():
    assert (phone_national("+8613812345678"), mask_phone("+8613812345678")) == ("13812345678", "138****5678")


@pytest.mark.django_db
def test_the_migration_normalises_and_marks_without_losing_a_number():
    # given numbers stored before they were checked: typed variously, one held twice, one no mobile number
    first = User.objects.create(username="a", phone="138 1234 5678")
    second = User.objects.create(username="b", phone="+86 13812345678")
    gone = User.objects.create(username="c", phone="13812345678 ", is_active=False)
    landline = User.objects.create(username="d", phone="0371-6788")
    # when the migration's step runs
    migration = importlib.import_module("accounts.migrations.0005_phones_normalized")
    migration.phones_normalize(apps, None)
    # then every number is kept: normalised where it can be, the oldest active holder keeps a shared one clean
    stored = {
        u.username: (u.phone, u.phone_problem)
        for u in User.objects.filter(pk__in=[first.pk, second.pk, gone.pk, landline.pk])
    }
    assert stored == {
        "a": ("+8613812345678", ""),
        "b": ("+8613812345678", "duplicate"),
        "c": ("+8613812345678", ""),
        "d": ("0371-6788", "invalid"),
    }
