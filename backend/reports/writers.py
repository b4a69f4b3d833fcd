"""File writers of the reports: CSV and XLSX through core.sheets (the one cell rule of every export; XLSX write-only,
so that a district's records stream to disk) and the PDF table of a feedback report (reportlab; Chinese through the
built-in CID font STSong-Light, so no font file ships). Each writes to a temporary name and renames at the end:
a reader never finds half a file."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from core import sheets
from core.text import without_unsafe

CONTENT_TYPES = {**sheets.CONTENT_TYPES, "pdf": "application/pdf"}
CJK_FONT = "STSong-Light"

OnRow = Callable[[int], None]


def _rows(rows: Iterable[Sequence], on_row: OnRow | None):
    for done, row in enumerate(rows, start=1):
        yield row
        if on_row is not None:
            on_row(done)


def _part(path: Path) -> Path:
    """A temporary name of this process's own, beside the file: two writers never share one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.with_name(f"{path.name}.{os.getpid()}.part")


def write_csv(
    path: Path, *, header: Sequence[str], rows: Iterable[Sequence], note: str | None = None, on_row: OnRow | None = None
) -> None:
    """`note`, when given, is a first comment line ("# ...") above the header."""
    part = _part(path)
    with part.open("w", encoding="utf-8-sig", newline="") as out:
        sheets.write_csv(out, header=header, rows=_rows(rows, on_row), note=note)
    os.replace(part, path)


def write_xlsx(
    path: Path,
    *,
    sheet: str,
    header: Sequence[str],
    rows: Iterable[Sequence],
    note: str | None = None,
    on_row: OnRow | None = None,
) -> None:
    """`note`, when given, is a bold first row above the header."""
    part = _part(path)
    with part.open("wb") as out:
        sheets.write_xlsx(out, sheet=sheet, header=header, rows=_rows(rows, on_row), note=note)
    os.replace(part, path)


def write_pdf(
    path: Path,
    *,
    title: str,
    lines: Sequence[str],
    header: Sequence[str],
    rows: Sequence[Sequence],
    widths: Sequence[float] | None = None,
) -> None:
    """A landscape A4 document: the title, a few lines of text, then the table (its header repeated per page).
    `widths` are the columns' shares of the page width (equal by default). Text cells wrap; numbers are drawn as
    they are, which spares most of the layout work on long tables."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    title = without_unsafe(title)
    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    heading = ParagraphStyle("heading", fontName=CJK_FONT, fontSize=15, leading=20, spaceAfter=4 * mm)
    body = ParagraphStyle("body", fontName=CJK_FONT, fontSize=10, leading=14)
    cell = ParagraphStyle("cell", fontName=CJK_FONT, fontSize=9, leading=12)

    def para(value, style=cell):
        if not isinstance(value, str):
            return "" if value is None else str(value)
        value = without_unsafe(value)
        return Paragraph(value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"), style)

    page_width, _height = landscape(A4)
    usable = page_width - 24 * mm
    shares = list(widths) if widths else [1] * len(header)
    story = [para(title, heading), *(para(line, body) for line in lines), Spacer(1, 4 * mm)]
    table = Table(
        [[para(v) for v in header], *([para(v) for v in row] for row in rows)],
        repeatRows=1,
        colWidths=[usable * share / sum(shares) for share in shares],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), CJK_FONT, 9),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story.append(table)
    part = _part(path)
    document = SimpleDocTemplate(
        str(part),
        pagesize=landscape(A4),
        title=title,
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
    )
    document.build(story)
    os.replace(part, path)
