"""File writers of the reports: CSV (UTF-8 with a BOM so that Excel reads Chinese), XLSX (openpyxl, write-only, so
that a district's records stream to disk) and the PDF table of a feedback report (reportlab; Chinese through the
built-in CID font STSong-Light, so no font file ships). Each writes to a temporary name and renames at the end:
a reader never finds half a file."""
from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
# Characters Excel refuses in a sheet title.
SHEET_TITLE_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})
CJK_FONT = "STSong-Light"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

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


def _cell(value):
    """Text typed by people is kept as text: control characters (which XLSX cannot hold) are dropped, and a value
    that starts like a formula gets a leading apostrophe so that the spreadsheet does not run it."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        return f"'{value}" if value.startswith(FORMULA_STARTS) else value
    return value


def write_csv(path: Path, *, header: Sequence[str], rows: Iterable[Sequence], note: str | None = None,
              on_row: OnRow | None = None) -> None:
    """`note`, when given, is a first comment line ("# ...") above the header."""
    part = _part(path)
    with part.open("w", encoding="utf-8-sig", newline="") as out:
        if note:
            out.write(f"# {note}\r\n")
        writer = csv.writer(out)
        writer.writerow(header)
        for row in _rows(rows, on_row):
            writer.writerow([_cell(value) for value in row])
    os.replace(part, path)


def write_xlsx(path: Path, *, sheet: str, header: Sequence[str], rows: Iterable[Sequence], note: str | None = None,
               on_row: OnRow | None = None) -> None:
    """`note`, when given, is a bold first row above the header."""
    part = _part(path)
    book = Workbook(write_only=True)
    table = book.create_sheet(title=sheet.translate(SHEET_TITLE_FORBIDDEN)[:31])
    if note:
        table.append([_bold(table, note)])
    table.append([_bold(table, title) for title in header])
    for row in _rows(rows, on_row):
        table.append([_cell(value) for value in row])
    with part.open("wb") as out:
        book.save(out)
    os.replace(part, path)


def _bold(table, value) -> WriteOnlyCell:
    cell = WriteOnlyCell(table, value=value)
    cell.font = Font(bold=True)
    return cell


def write_pdf(path: Path, *, title: str, lines: Sequence[str], header: Sequence[str], rows: Sequence[Sequence],
              widths: Sequence[float] | None = None) -> None:
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

    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    heading = ParagraphStyle("heading", fontName=CJK_FONT, fontSize=15, leading=20, spaceAfter=4 * mm)
    body = ParagraphStyle("body", fontName=CJK_FONT, fontSize=10, leading=14)
    cell = ParagraphStyle("cell", fontName=CJK_FONT, fontSize=9, leading=12)

    def para(value, style=cell):
        if not isinstance(value, str):
            return "" if value is None else str(value)
        return Paragraph(value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"), style)

    page_width, _height = landscape(A4)
    usable = page_width - 24 * mm
    shares = list(widths) if widths else [1] * len(header)
    story = [para(title, heading), *(para(line, body) for line in lines), Spacer(1, 4 * mm)]
    table = Table([[para(v) for v in header], *([para(v) for v in row] for row in rows)], repeatRows=1,
                  colWidths=[usable * share / sum(shares) for share in shares])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), CJK_FONT, 9),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    story.append(table)
    part = _part(path)
    document = SimpleDocTemplate(str(part), pagesize=landscape(A4), title=title, leftMargin=12 * mm,
                                 rightMargin=12 * mm, topMargin=12 * mm, bottomMargin=12 * mm)
    document.build(story)
    os.replace(part, path)
