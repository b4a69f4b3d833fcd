"""Masking of personal data for readers without need (phones, names of requesters)."""

from core.phones import phone_national


def mask_phone(phone: str) -> str:
    """13812345678 (stored as +8613812345678) -> 138****5678; short or empty values are hidden entirely."""
    digits = phone_national((phone or "").strip())
    if not digits:
        return ""
    if len(digits) < 7:
        return "*" * len(digits)
    return f"{digits[:3]}{'*' * (len(digits) - 7)}{digits[-4:]}"


def mask_name(name: str) -> str:
    """张三丰 -> 张**; keeps the family name only."""
    name = (name or "").strip()
    if not name:
        return ""
    return name[0] + "*" * max(1, len(name) - 1)
