"""What text the platform takes: no control characters anywhere (a spreadsheet cannot hold them, PostgreSQL refuses
some), and one line in single-line text. The API's parsers (core.parsers), its serializers and the sheet imports
refuse such text; the exports (core.sheets) drop what was stored before these rules."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# C0 controls but tab, line feed and carriage return; DEL; lone surrogates (JSON can carry them, UTF-8 cannot);
# and the two non-characters XML refuses. An XLSX file holding any of them cannot be written or cannot be read back.
UNSAFE_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
LINE_BREAKS = re.compile("[\t\n\r]")
UNSAFE_MESSAGE = _("Contains a control character, which is not allowed.")
ONE_LINE_MESSAGE = _("Must be one line, without tabs or line breaks.")
WHOLE_BODY = "non_field_errors"


def without_unsafe(text: str) -> str:
    return UNSAFE_CHARACTERS.sub("", text)


def validate_one_line(value) -> None:
    if isinstance(value, str) and LINE_BREAKS.search(value):
        raise ValidationError(ONE_LINE_MESSAGE, code="one_line")


def unsafe_fields(data) -> list[str]:
    """The fields of a parsed request body whose text (a value, or a key of an object) holds an unsafe character,
    named as the serializers name them: `languages` for a list of plain values, `items.0.description` inside a
    list of objects, `non_field_errors` for the body itself."""
    paths = dict.fromkeys(".".join(path) or WHOLE_BODY for path in _unsafe_paths(data, ()))
    return list(paths)


def _unsafe_paths(value, path: tuple):
    if isinstance(value, str):
        if UNSAFE_CHARACTERS.search(value):
            yield path
    elif isinstance(value, dict):
        for key, inner in value.items():
            if isinstance(key, str) and UNSAFE_CHARACTERS.search(key):
                yield path
            else:
                yield from _unsafe_paths(inner, (*path, str(key)))
    elif isinstance(value, (list, tuple)):
        for index, inner in enumerate(value):
            yield from _unsafe_paths(inner, (*path, str(index)) if isinstance(inner, dict) else path)
