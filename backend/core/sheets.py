"""Every CSV and XLSX file the platform writes goes through here, cell by cell: text people typed is written as
text, whatever was stored. Characters a sheet cannot hold are dropped, and a value that starts like a formula gets
a leading apostrophe (the spreadsheet convention for "this is text"), so that no spreadsheet runs it. The imports
take that apostrophe off again (`unmarked`), so that an exported sheet imports back as it was."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import BinaryIO, TextIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from core.text import without_unsafe

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"
# Characters Excel refuses in a sheet title, and its length limit.
SHEET_TITLE_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})
SHEET_TITLE_LENGTH = 31
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def cell(value):
    """The value as a sheet holds it: numbers and dates as they are, None as blank, text cleaned and marked."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = without_unsafe(value)
        return f"{TEXT_MARK}{value}" if value.startswith(FORMULA_STARTS) else value
    return value


def unmarked(value: str) -> str:
    """A cell read back: the apostrophe `cell` put before a formula start is taken off."""
    if value.startswith(TEXT_MARK) and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def write_csv(out: TextIO, *, header: Sequence, rows: Iterable[Sequence], note: str | None = None) -> None:
    """`out` is opened with newline=""; `note`, when given, is a first comment line ("# ...") above the header."""
    if note:
        out.write(f"# {without_unsafe(note)}\r\n")
    writer = csv.writer(out)
    writer.writerow([cell(title) for title in header])
    for row in rows:
        writer.writerow([cell(value) for value in row])


def write_xlsx(
    out: BinaryIO, *, sheet: str, header: Sequence, rows: Iterable[Sequence], note: str | None = None
) -> None:
    """A write-only workbook (rows stream to `out`); `note`, when given, is a bold first row above the header."""
    write_xlsx_sheets(out, [Table(sheet, header, rows, note)])


@dataclass(frozen=True)
class Table:
    """One sheet of a workbook: its title, bold header and rows, and an optional bold note above the header."""

    title: str
    header: Sequence
    rows: Iterable[Sequence]
    note: str | None = None


def write_xlsx_sheets(out: BinaryIO, tables: Sequence[Table]) -> None:
    """A write-only workbook of several sheets, in order (the first is the one a reader opens)."""
    book = Workbook(write_only=True)
    for index, table in enumerate(tables, start=1):
        title = without_unsafe(table.title).translate(SHEET_TITLE_FORBIDDEN)[:SHEET_TITLE_LENGTH].strip()
        sheet = book.create_sheet(title=title or f"Sheet{index}")
        if table.note:
            sheet.append([_bold(sheet, table.note)])
        sheet.append([_bold(sheet, name) for name in table.header])
        for row in table.rows:
            sheet.append([cell(value) for value in row])
    book.save(out)


def _bold(table, value) -> WriteOnlyCell:
    bold = WriteOnlyCell(table, value=cell(value))
    bold.font = Font(bold=True)
    return bold


def sheet_bytes(file_format: str, *, sheet: str, header: Sequence, rows: Iterable[Sequence]) -> bytes:
    """A whole file in memory: CSV in UTF-8 with a BOM (so that Excel reads Chinese), or XLSX."""
    if file_format == "csv":
        text = io.StringIO(newline="")
        write_csv(text, header=header, rows=rows)
        return text.getvalue().encode("utf-8-sig")
    out = io.BytesIO()
    write_xlsx(out, sheet=sheet, header=header, rows=rows)
    return out.getvalue()
