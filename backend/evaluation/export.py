"""The year's results as a table for CSV or XLSX: rank, unit, community, each item's points, scheme score,
satisfaction rate, final score and grade. Item columns follow the first row's scheme (a year has one scheme), or
the year's scheme when nothing has been computed yet."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core import sheets
from evaluation import scoring, selectors
from evaluation.models import UnitEvaluation

FORMATS = sheets.CONTENT_TYPES


def evaluation_table(*, rows: list[UnitEvaluation], year: int) -> tuple[list, list[list]]:
    """(header, rows); core.sheets writes each cell as text, so a name that starts like a formula stays text."""
    if rows:
        items = [(item["code"], item["label"]) for item in rows[0].breakdown.get("items", [])]
    else:
        scheme = selectors.scheme_for_year(year=year)
        items = [(item["code"], item["label"]) for item in (scheme.items if scheme else scoring.DEFAULT_ITEMS)]
    header = [
        _("Rank"),
        _("Unit"),
        _("Community"),
        *(label for _code, label in items),
        _("Scheme score"),
        _("Satisfaction rate"),
        _("Score"),
        _("Grade"),
    ]
    table = []
    for row in rows:
        points = {item["code"]: item["points"] for item in row.breakdown.get("items", [])}
        table.append(
            [
                row.rank,
                row.unit.name,
                row.unit.community.name,
                *(points.get(code, "") for code, _label in items),
                float(row.scheme_score),
                "" if row.appraisal_rate is None else float(row.appraisal_rate),
                float(row.score),
                row.grade_label,
            ]
        )
    return header, table


def evaluation_export(*, rows: list[UnitEvaluation], year: int, file_format: str) -> bytes:
    header, table = evaluation_table(rows=rows, year=year)
    return sheets.sheet_bytes(file_format, sheet=str(year), header=header, rows=table)
