"""The year's results as a table for CSV or XLSX: rank, unit, community, each item's points, scheme score,
satisfaction rate, final score and grade. Item columns follow the first row's scheme (a year has one scheme), or
the year's scheme when nothing has been computed yet."""
from __future__ import annotations

import tablib
from django.utils.translation import gettext as _

from evaluation import scoring, selectors
from evaluation.models import UnitEvaluation

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMATS = {"csv": "text/csv; charset=utf-8",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _text(value: str) -> str:
    """Names are typed by people: one that starts like a formula is kept as text, not run by the spreadsheet."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def evaluation_table(*, rows: list[UnitEvaluation], year: int) -> tablib.Dataset:
    if rows:
        items = [(item["code"], item["label"]) for item in rows[0].breakdown.get("items", [])]
    else:
        scheme = selectors.scheme_for_year(year=year)
        items = [(item["code"], item["label"]) for item in (scheme.items if scheme else scoring.DEFAULT_ITEMS)]
    headers = [_("Rank"), _("Unit"), _("Community"), *(_text(label) for _code, label in items), _("Scheme score"),
               _("Satisfaction rate"), _("Score"), _("Grade")]
    table = tablib.Dataset(headers=headers, title=str(year))
    for row in rows:
        points = {item["code"]: item["points"] for item in row.breakdown.get("items", [])}
        table.append([
            row.rank, _text(row.unit.name), _text(row.unit.community.name),
            *(points.get(code, "") for code, _label in items), float(row.scheme_score), "" if row.appraisal_rate is None else float(row.appraisal_rate), float(row.score),
            _text(row.grade_label),
        ])
    return table


def evaluation_export(*, rows: list[UnitEvaluation], year: int, file_format: str) -> bytes:
    table = evaluation_table(rows=rows, year=year)
    if file_format == "csv":
        return ("\ufeff" + table.export("csv")).encode("utf-8")  # the BOM lets spreadsheet programs read UTF-8
    return table.export("xlsx")
