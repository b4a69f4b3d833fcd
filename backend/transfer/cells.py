"""Cell values as districts type them, made into ours: phones with spaces, dashes, +86 or full-width digits; place
names with or without 社区 / 街道; dates as 2026/3/5, 2026-03-05, 2026年3月5日 or spreadsheet serial numbers;
男/女 and 是/否; several skills in one cell. Each function returns the value or raises CellError with the reason."""

import datetime as dt
import re
import unicodedata

from django.utils.translation import gettext as _

from core import sheets
from core.phones import phone_parse


class CellError(ValueError):
    """The cell cannot be read as the column's kind of value; the message says what is expected."""


SPACES = re.compile(r"\s+")
DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
# Excel's day 0 (its 1900 leap-year bug makes 1899-12-30, not 12-31, the zero of every serial after February 1900).
SERIAL_ZERO = dt.date(1899, 12, 30)
SERIAL_RANGE = (1, 2958465)  # 1900-01-01 to 9999-12-31
PLACE_SUFFIXES = ("社区居民委员会", "社区居委会", "居民委员会", "居委会", "社区", "街道办事处", "街道办", "街道")
LIST_SPLIT = re.compile(r"[、，,;；\s]+")
TRUE_TEXT = {"1", "true", "yes", "y", "是", "对", "有", "在", "√"}
FALSE_TEXT = {"0", "false", "no", "n", "否", "不", "无", "×"}
GENDERS = {
    "男": "male",
    "男性": "male",
    "m": "male",
    "male": "male",
    "女": "female",
    "女性": "female",
    "f": "female",
    "female": "female",
}


def narrow(value) -> str:
    """Text of a cell with full-width letters, digits and signs made ASCII (NFKC), the export's text mark taken
    off, and a spreadsheet number 13812345678.0 written without its .0."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return sheets.unmarked(unicodedata.normalize("NFKC", str(value)).strip())


def text(value) -> str:
    """One-line text with runs of spaces made one."""
    return SPACES.sub(" ", narrow(value))


def phone(value) -> str:
    """The E.164 form of a mainland mobile number ("" for a blank cell)."""
    typed = re.sub(r"[\s\-–—()（）.]", "", narrow(value))
    normal = phone_parse(typed)
    if normal is None:
        raise CellError(_("Enter a valid mainland mobile number (11 digits, e.g. 13812345678)."))
    return normal


def place_key(value) -> str:
    """A community's or sub-district's name as a lookup key: no spaces and no 社区 / 街道 ending, so that 和平里,
    和平里社区 and ' 和平里 社区' are one."""
    name = SPACES.sub("", narrow(value))
    for suffix in PLACE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def date(value) -> dt.date | None:
    """A date from a date cell, a spreadsheet serial number, or text as 2026/3/5, 2026-03-05 or 2026年3月5日."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    typed = narrow(value)
    if not typed:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", typed):
        serial = float(typed)
        if SERIAL_RANGE[0] <= serial <= SERIAL_RANGE[1]:
            return SERIAL_ZERO + dt.timedelta(days=int(serial))
    match = DATE.match(typed)
    if match:
        try:
            return dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            pass
    raise CellError(_("Write a date as 2026-03-05, 2026/3/5 or 2026年3月5日."))


def boolean(value) -> bool | None:
    """是/否, 1/0, yes/no, true/false; None for a blank cell."""
    if value is None or isinstance(value, bool):
        return value
    typed = narrow(value).lower()
    if not typed:
        return None
    if typed in TRUE_TEXT:
        return True
    if typed in FALSE_TEXT:
        return False
    raise CellError(_("Write 是 or 否 (1 or 0, yes or no)."))


def gender(value) -> str:
    """男/女 (male, female, M, F) as "male" or "female"; "" for a blank cell."""
    typed = narrow(value).lower()
    if not typed:
        return ""
    if typed not in GENDERS:
        raise CellError(_("Write 男 or 女."))
    return GENDERS[typed]


def number(value, *, low: float | None = None, high: float | None = None, whole: bool = False) -> float | int | None:
    """A number within [low, high]; None for a blank cell."""
    typed = narrow(value)
    if not typed:
        return None
    try:
        figure = float(typed)
    except ValueError:
        raise CellError(_("Write a number.")) from None
    if whole:
        if not figure.is_integer():
            raise CellError(_("Write a whole number."))
        figure = int(figure)
    if (low is not None and figure < low) or (high is not None and figure > high):
        raise CellError(_("Write a number from %(low)s to %(high)s.") % {"low": low, "high": high})
    return figure


def items(value) -> list[str]:
    """Several values in one cell, split by 、，, ; or spaces."""
    return [part for part in LIST_SPLIT.split(narrow(value)) if part]


def skill_levels(value, *, skills: dict[str, str]) -> dict[str, int]:
    """Skills in one cell: codes or names (first_aid, 急救), each optionally with a level (急救:3); a skill without a
    level is at level 1, which a coordinator raises. `skills` maps a code or name (lower case) to its code."""
    levels = {}
    for part in items(value):
        name, _sep, level = part.partition(":")
        code = skills.get(name.strip().lower())
        if code is None:
            raise CellError(_("Unknown skill: %(name)s") % {"name": name})
        if level and not (level.isdigit() and 1 <= int(level) <= 5):
            raise CellError(_("Level of %(code)s must be an integer from 1 to 5.") % {"code": code})
        levels[code] = int(level) if level else 1
    return levels
