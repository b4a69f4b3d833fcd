"""How personal values look in the audit history (AUDITLOG_MASK_CALLABLE): masked when the entry is written,
so the full phone or name is never stored there."""

from core.masking import mask_name, mask_phone


def mask_personal(value: str) -> str:
    """A phone keeps its first three and last four digits, any other text its first character only."""
    if value in ("", "None"):  # auditlog hands over str(None) for an empty value: nothing to hide
        return value
    if sum(character.isdigit() for character in value) >= 7:
        return mask_phone(value)
    return mask_name(value)
