"""Mainland mobile numbers: one normal form (E.164, +8613812345678) in storage, whatever was typed (spaces, dashes,
+86, full-width digits), and the national form (13812345678) shown to people. Google's libphonenumber
(`phonenumbers`) decides what a valid mobile number is, so new number ranges need a package update, not code."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

REGION = "CN"
MOBILE_TYPES = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)
INVALID_PHONE = "invalid_phone"


def phone_parse(value: str) -> str | None:
    """The E.164 form of a mainland mobile number as typed, or None when it is not one ("" stays "")."""
    text = (value or "").strip()
    if not text:
        return ""
    try:
        number = phonenumbers.parse(text, REGION)
    except phonenumbers.NumberParseException:
        return None
    if (
        number.country_code != 86
        or not phonenumbers.is_valid_number(number)
        or phonenumbers.number_type(number) not in MOBILE_TYPES
    ):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_normalize(value: str) -> str:
    """The E.164 form of a mainland mobile number ("" for none); anything else is a ValidationError."""
    normal = phone_parse(value)
    if normal is None:
        raise ValidationError(
            _("Enter a valid mainland mobile number (11 digits, e.g. 13812345678)."), code=INVALID_PHONE
        )
    return normal


def validate_phone(value: str) -> None:
    """Model validator: the stored value is already in E.164 (phone_normalize at every way in)."""
    if value and phone_parse(value) != value:
        raise ValidationError(
            _("Enter a valid mainland mobile number (11 digits, e.g. 13812345678)."), code=INVALID_PHONE
        )


def phone_national(value: str) -> str:
    """+8613812345678 -> 13812345678, as people write and read it; any other value is shown as stored."""
    value = value or ""
    return value[3:] if value.startswith("+86") else value
