"""The annual evaluation's arithmetic (驻区单位年度考评), free of the database: a scheme's items and grades checked up
front, one unit's figures turned into points per item, the appraisal combined in, and the grade.

The default scheme follows a community's written rule (see DEFAULT_ITEMS):
- 出勤 attendance, 40 points: meetings attended / meetings held (ledger meeting entries / the coordinator's count),
  capped at full marks; no meetings held entered gives 0.
- 共建活动 co-building activities, 40 points for 8 a year (two a quarter), pro rata, capped: the ledgers' activity
  entries of the year plus, per month, the projects the unit joined that month (UnitLedger.project_count).
- 学习 study, 10, and 队伍指导 team guidance, 10: points entered by a coordinator, clipped to 0..10.
- Bonuses on top of the 100: 建议被采纳 +2 per adopted suggestion, at most +10; 全勤 full attendance +5 when every
  meeting held was attended (and at least one was held).
Scheme score = items + bonuses (it may pass 100). With democratic appraisal ratings for the unit in the year, the final
score = scheme score × (1 − w) + satisfaction rate × 100 × w, w = the scheme's appraisal weight (default 0.2);
without any rating the scheme score stands alone. Every item is rounded half up to 0.01, and so is the final score.
Grades: the first grade, from the top, whose minimum the final score reaches: 优秀 ≥ 95, 较好 ≥ 90, 一般 ≥ 60,
不合格 below; so exactly 95.00 is 优秀 and exactly 90.00 is 较好.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CENT = Decimal("0.01")
HUNDRED = Decimal(100)

# Where each measure comes from: the unit ledgers, or a coordinator's EvaluationInput row.
LEDGER_MEASURES = ("meetings_attended", "activities")
INPUT_MEASURES = ("meetings_held", "study", "guidance", "suggestions_adopted")
MEASURES = LEDGER_MEASURES + INPUT_MEASURES

# rule -> (is a bonus, keys it needs besides code/label/rule/points)
RULES = {
    "ratio": (False, ("measure", "of")),  # points × min(1, measure / of); 0 when `of` is 0
    "target": (False, ("measure", "target")),  # points × min(1, measure / target)
    "entered": (False, ("measure",)),  # the measure itself, clipped to 0..points
    "per_count": (True, ("measure", "cap")),  # points per unit of the measure, at most cap
    "full_attendance": (True, ("measure", "of")),  # points when measure ≥ of > 0
}

DEFAULT_ITEMS = [
    {
        "code": "attendance",
        "label": "出勤",
        "rule": "ratio",
        "measure": "meetings_attended",
        "of": "meetings_held",
        "points": 40,
    },
    {"code": "activities", "label": "共建活动", "rule": "target", "measure": "activities", "target": 8, "points": 40},
    {"code": "study", "label": "学习", "rule": "entered", "measure": "study", "points": 10},
    {"code": "guidance", "label": "队伍指导", "rule": "entered", "measure": "guidance", "points": 10},
    {
        "code": "suggestions",
        "label": "建议被采纳",
        "rule": "per_count",
        "measure": "suggestions_adopted",
        "points": 2,
        "cap": 10,
    },
    {
        "code": "full_attendance",
        "label": "全勤",
        "rule": "full_attendance",
        "measure": "meetings_attended",
        "of": "meetings_held",
        "points": 5,
    },
]
DEFAULT_GRADES = [
    {"code": "excellent", "label": "优秀", "min": 95},
    {"code": "good", "label": "较好", "min": 90},
    {"code": "fair", "label": "一般", "min": 60},
    {"code": "failing", "label": "不合格", "min": 0},
]
DEFAULT_APPRAISAL_WEIGHT = Decimal("0.20")


def default_items() -> list:
    return [dict(item) for item in DEFAULT_ITEMS]


def default_grades() -> list:
    return [dict(grade) for grade in DEFAULT_GRADES]


def _number(value) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _valid(value) -> Decimal:
    """A number of a scheme that validate_scheme accepted, where it must be one."""
    number = _number(value)
    if number is None:
        raise ValueError(f"not a number in a validated scheme: {value!r}")
    return number


def _positive(item: dict, key: str, where: str, errors: list) -> None:
    number = _number(item.get(key))
    if number is None or number <= 0:
        errors.append(_('%(where)s: "%(key)s" must be a number above 0.') % {"where": where, "key": key})


def _measure(item: dict, key: str, where: str, errors: list) -> None:
    if item.get(key) not in MEASURES:
        errors.append(
            _('%(where)s: "%(key)s" must be one of %(measures)s.')
            % {"where": where, "key": key, "measures": ", ".join(MEASURES)}
        )


def validate_items(value) -> None:
    """A non-empty list of items with unique codes, a known rule, and the keys that rule needs."""
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Give the items as a non-empty list."))
    errors, codes = [], set()
    for position, item in enumerate(value, start=1):
        where = _("item %(n)d") % {"n": position}
        if not isinstance(item, dict):
            errors.append(_("%(where)s: give an object.") % {"where": where})
            continue
        code = item.get("code")
        if not isinstance(code, str) or not code or code in codes:
            errors.append(_('%(where)s: "code" must be a text unique in the scheme.') % {"where": where})
        codes.add(code)
        if not isinstance(item.get("label"), str) or not item["label"]:
            errors.append(_('%(where)s: "label" must be a text.') % {"where": where})
        rule = item.get("rule")
        if rule not in RULES:
            errors.append(
                _('%(where)s: "rule" must be one of %(rules)s.') % {"where": where, "rules": ", ".join(RULES)}
            )
            continue
        _positive(item, "points", where, errors)
        for key in RULES[rule][1]:
            if key in ("measure", "of"):
                _measure(item, key, where, errors)
            else:
                _positive(item, key, where, errors)
    if errors:
        raise ValidationError(errors)


def validate_grades(value) -> None:
    """A non-empty list of grades from the highest minimum down, the last at 0 so that every score has a grade."""
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Give the grades as a non-empty list."))
    errors, previous, codes = [], None, set()
    for position, grade in enumerate(value, start=1):
        where = _("grade %(n)d") % {"n": position}
        if not isinstance(grade, dict):
            errors.append(_("%(where)s: give an object.") % {"where": where})
            continue
        code, minimum = grade.get("code"), _number(grade.get("min"))
        if not isinstance(code, str) or not code or code in codes:
            errors.append(_('%(where)s: "code" must be a text unique in the scheme.') % {"where": where})
        codes.add(code)
        if not isinstance(grade.get("label"), str) or not grade["label"]:
            errors.append(_('%(where)s: "label" must be a text.') % {"where": where})
        if minimum is None or minimum < 0 or (previous is not None and minimum >= previous):
            errors.append(
                _('%(where)s: "min" must be a number of 0 or more, below the grade above.') % {"where": where}
            )
        else:
            previous = minimum
    if not errors and _number(value[-1].get("min")) != 0:
        errors.append(_('The last grade\'s "min" must be 0, so that every score has a grade.'))
    if errors:
        raise ValidationError(errors)


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def item_points(item: dict, figures: dict[str, Decimal]) -> Decimal:
    """One item's points from the unit's figures (a missing figure counts as 0)."""
    points = _valid(item["points"])
    value = figures.get(item["measure"], Decimal(0))
    rule = item["rule"]
    if rule in ("ratio", "full_attendance"):
        of = figures.get(item["of"], Decimal(0))
        if of <= 0:
            return Decimal(0)
        if rule == "full_attendance":
            return points if value >= of else Decimal(0)
        return cents(points * min(Decimal(1), value / of))
    if rule == "target":
        return cents(points * min(Decimal(1), value / _valid(item["target"])))
    if rule == "entered":
        return cents(max(Decimal(0), min(points, value)))
    return cents(min(_valid(item["cap"]), points * max(Decimal(0), value)))  # per_count


def is_bonus(item: dict) -> bool:
    return RULES[item["rule"]][0]


def item_maximum(item: dict) -> Decimal:
    return _valid(item["cap"]) if item["rule"] == "per_count" else _valid(item["points"])


def combined(*, scheme_score: Decimal, satisfaction: Decimal | None, weight: Decimal) -> Decimal:
    """The final score: the appraisal weighs in only when the unit has ratings."""
    if satisfaction is None:
        return cents(scheme_score)
    return cents(scheme_score * (1 - weight) + satisfaction * HUNDRED * weight)


@dataclass(frozen=True)
class Grade:
    code: str
    label: str


def grade_of(grades: list, score: Decimal) -> Grade:
    for grade in grades:
        if score >= _valid(grade["min"]):
            return Grade(code=grade["code"], label=grade["label"])
    last = grades[-1]
    return Grade(code=last["code"], label=last["label"])  # a negative score cannot happen; the lowest grade anyway
