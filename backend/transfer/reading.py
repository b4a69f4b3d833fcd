"""A district's own sheet read as rows: the header found below any title rows (a header over two rows, merged
cells and all, is read as one), blank rows skipped, and each column of ours suggested from the header's words."""

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import openpyxl

from transfer import cells

CSV_ENCODINGS = ("utf-8-sig", "gb18030")  # Excel in Chinese saves CSV as GBK
HEADER_SEARCH_ROWS = 15  # title rows above the header are rarely more than a few
HEADER_NOTES = re.compile(r"[(（\[【].*?[)）\]】]|[*＊:：]")  # "手机号码（必填）*" -> "手机号码"


class FileUnreadable(ValueError):
    """Not a CSV or XLSX sheet that could be read."""


class HeaderNotFound(FileUnreadable):
    """None of the first rows names any column of ours."""


@dataclass(frozen=True)
class Sheet:
    headers: list[str]  # the header text of each column ("" for none)
    header_line: int  # the header's (last) line in the file
    rows: list[tuple[int, list]]  # (line in the file, cells) of every row below the header that is not blank


def raw_rows(path: Path, fmt: str) -> list[list]:
    """Every row of the file's first sheet as a list of cells (None for blank)."""
    try:
        if fmt == "xlsx":
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
            try:
                return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
            finally:
                book.close()
        data = path.read_bytes()
        for encoding in CSV_ENCODINGS:
            try:
                content = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise FileUnreadable("encoding")
        return [[cell if cell != "" else None for cell in row] for row in csv.reader(io.StringIO(content))]
    except FileUnreadable:
        raise
    except Exception as exc:  # openpyxl and csv raise many kinds; all mean the same to the caller
        raise FileUnreadable(str(exc)) from exc


def header_key(value) -> str:
    """A header's words as a lookup key: no notes in brackets, no stars, no spaces, lower case."""
    return re.sub(r"\s+", "", HEADER_NOTES.sub("", cells.narrow(value))).lower()


def column_of(header: str, aliases: dict[str, str]) -> str | None:
    """Our column for a header: its exact words, else the longest alias the header contains (联系电话 in
    "本人联系电话")."""
    key = header_key(header)
    if not key:
        return None
    if key in aliases:
        return aliases[key]
    inside = [alias for alias in aliases if len(alias) >= 2 and alias in key]
    return aliases[max(inside, key=len)] if inside else None


def _shown(value) -> str:
    """A header cell's text as the uploader typed it (the mapping shows it back to them)."""
    return "" if value is None else re.sub(r"\s+", " ", str(value)).strip()


def _blank(row: list) -> bool:
    return all(cell is None or str(cell).strip() == "" for cell in row)


def sheet_read(path: Path, fmt: str, *, aliases: dict[str, str]) -> Sheet:
    """The sheet with its header: the row among the first ones whose cells name most of our columns. A header cell
    left blank (merged from the row above) takes the text above it, so a two-row header reads as one."""
    rows = raw_rows(path, fmt)
    best, best_score = None, 0
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = len({column_of(cell, aliases) for cell in row if column_of(cell, aliases)})
        if score > best_score:
            best, best_score = index, score
    if best is None:
        raise HeaderNotFound("no header")
    width = max(len(row) for row in rows)
    headers = []
    for column in range(width):
        text = ""
        for above in range(best, max(best - 2, -1), -1):  # the header row, then up to two rows above it
            row = rows[above]
            value = _shown(row[column]) if column < len(row) else ""
            if value:
                text = value
                break
        headers.append(text)
    data = []
    for line, row in enumerate(rows[best + 1 :], start=best + 2):
        if _blank(row):
            continue
        cells_of_row = list(row) + [None] * (width - len(row))
        if [_shown(cell) for cell in cells_of_row] == headers:
            continue  # the header repeated (a sheet printed page by page)
        data.append((line, cells_of_row))
    return Sheet(headers=headers, header_line=best + 1, rows=data)


def mapping_suggest(headers: list[str], *, aliases: dict[str, str], remembered: dict[str, str]) -> dict[str, int]:
    """Our column -> the index of the sheet's column: what the uploader chose before for the same header, else the
    header's words; a column of ours taken by an earlier header is not taken again."""
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        column = remembered.get(header_key(header)) or column_of(header, aliases)
        if column and column not in mapping:
            mapping[column] = index
    return mapping
