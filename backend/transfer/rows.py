"""What every kind of import run shares: the description of a kind (`Importer`: its columns, the lookups of one
import, how a row is planned and how planned rows are written), one data row read through the column mapping with
its reasons by column, and a chunk written at once or, should it collide with a concurrent writer, row by row."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from core import sheets, text
from core.scoping import scope_queryset
from geo.models import Community
from orgs.models import Unit
from transfer import cells
from transfer.reading import header_key
from transfer.resources import WRITABLE_COMMUNITIES

CREATE, UPDATE, UNCHANGED, BAD = "create", "update", "unchanged", "bad"

# The values a column takes, for the template's code lists: (the uploader) -> the values, in the active language.
CodeList = Callable[[User], list[str]]
# What a chunk wrote, for the audit history (audit.services.audit_record_change_bulk): the rows made, and each changed
# row with its fields' old and new values.
History = tuple[list[models.Model], list[tuple[models.Model, dict[str, tuple[object, object]]]]]


def choice_labels(choices: type[models.Choices]) -> CodeList:
    """A model choice's labels (the import reads them in either language, and the codes too)."""
    return lambda user: [str(label) for label in choices.labels]


def unit_names(user: User) -> list[str]:
    """The units a row may name (every unit of the district)."""
    return list(Unit.objects.order_by("name").values_list("name", flat=True))


def writable_community_names(user: User) -> list[str]:
    """The communities the uploader's rows may name."""
    return list(
        scope_queryset(Community.objects.all(), user, WRITABLE_COMMUNITIES, write=True)
        .order_by("name")
        .values_list("name", flat=True)
    )


@dataclass
class Planned:
    """One data row: what importing it does, and the values it writes."""

    line: int
    action: str
    instance: Any = None  # the existing row (update, unchanged), then the written one
    values: dict = field(default_factory=dict)  # field -> value, the changed ones for an update
    phone: str | None = None  # volunteers: None keeps the stored number
    problems: list[dict] = field(default_factory=list)  # [{"row", "column", "reason"}]
    # An update's changed fields as they were when planned, for the history: a chunk written again after a collision
    # (chunk_write) finds its instances changed already.
    old: dict = field(default_factory=dict)
    account_old: dict = field(default_factory=dict)  # volunteers: the account's fields (volunteers.ACCOUNT_FIELDS)


def written_history(written: list[Planned]) -> History:
    """The rows a chunk made and changed, an update with the values it had when planned; unchanged and bad rows have
    none."""
    made = [row.instance for row in written if row.action == CREATE]
    changed = [
        (row.instance, {name: (row.old[name], value) for name, value in row.values.items()})
        for row in written
        if row.action == UPDATE and row.values
    ]
    return made, changed


def max_length(model: type[models.Model], column: str) -> int | None:
    """The most characters a text column of `model` holds (None: no limit)."""
    found = model._meta.get_field(column)
    return found.max_length if isinstance(found, models.Field) else None


@dataclass(frozen=True)
class Importer:
    """One kind of import run, as services.py runs every kind: our columns in order (those a new row needs among
    them), each one's header in the template, the districts' own header words, the lookups of one import
    (`book(user)`), its row planner and its chunk writer, and, for kinds that make accounts, their invitations."""

    columns: tuple[str, ...]
    required: tuple[str, ...]
    labels: Mapping[str, Any]  # column -> its header (lazy: in the language of whoever reads it)
    synonyms: Mapping[str, str]  # header words -> column
    book: Callable[[User], Any]
    reader: Callable[..., RowReader]  # (book=, mapping=, rows=)
    write: Callable[..., list[Planned]]  # (planned, *, book) -> the rows as written
    # (the rows as written) -> (rows made, [(row changed, {field: (old, new)})]) for the audit history
    history: Callable[[list[Planned]], History] = written_history
    invite: Callable[..., int] | None = None  # (user ids, *, uploader) -> invitations issued
    more_aliases: Callable[[User], Mapping[str, str]] | None = None  # e.g. a sheet's labels of its model fields
    # The template's guide: a column's example value (lazy), and the values a column takes (its code list).
    examples: Mapping[str, Any] = field(default_factory=dict)
    codes: Mapping[str, CodeList] = field(default_factory=dict)

    def column_aliases(self, *, user: User) -> dict[str, str]:
        """Header words (header_key) -> our column: its name, its header in every language, the districts' words."""
        aliases = {}
        if self.more_aliases is not None:
            aliases.update({header_key(words): column for words, column in self.more_aliases(user).items()})
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                aliases.update({header_key(str(label)): column for column, label in self.labels.items()})
        aliases.update({header_key(words): column for words, column in self.synonyms.items()})
        aliases.update({column: column for column in self.columns})
        return aliases


def plain(value) -> str:
    """A cell's text as typed, trimmed, the export's text mark off: no width folding (cells.text), so that a name
    keeps its full-width brackets and finds the row stored with them."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return sheets.unmarked(str(value).strip())


class Row:
    """One data row through the mapping. Its reasons are kept by column, the first one of a column wins; a control
    character anywhere, or a line break in one-line text, is the reason of its column whatever else is wrong."""

    def __init__(
        self, line: int, cells_of_row: list, mapping: Mapping[str, int], *, multi_line: frozenset = frozenset()
    ):
        self.line, self.cells, self.mapping = line, cells_of_row, mapping
        self.errors: dict[str, str] = {}
        self.text_errors: dict[str, str] = {}
        for column, index in mapping.items():
            value = cells_of_row[index]
            if not isinstance(value, str):
                continue
            if text.UNSAFE_CHARACTERS.search(value):
                self.text_errors[column] = str(text.UNSAFE_MESSAGE)
            elif column not in multi_line and text.LINE_BREAKS.search(value.strip()):
                self.text_errors[column] = str(text.ONE_LINE_MESSAGE)

    def mapped(self, column: str) -> bool:
        return column in self.mapping

    def cell(self, column: str):
        return self.cells[self.mapping[column]] if column in self.mapping else None

    def given(self, column: str) -> bool:
        return column in self.mapping and cells.narrow(self.cell(column)) != ""

    def text(self, column: str) -> str:
        return cells.text(self.cell(column))

    def fail(self, column: str, reason: str) -> None:
        self.errors.setdefault(column, reason)

    def read(self, column: str, parse: Callable):
        """The cell parsed (cells.*), None when it is blank or bad (the reason is kept)."""
        if not self.given(column):
            return None
        try:
            return parse(self.cell(column))
        except cells.CellError as exc:
            self.fail(column, str(exc))
            return None

    def plain(self, column: str) -> str:
        return plain(self.cell(column))

    def bounded_text(self, column: str, max_length: int | None = None) -> str:
        """The cell's text (plain), or the reason that it is longer than `max_length`."""
        value = self.plain(column)
        if max_length is not None and len(value) > max_length:
            self.fail(column, _("At most %(count)d characters.") % {"count": max_length})
        return value

    def choice(self, column: str, lookup: Mapping[str, str], unknown: str) -> str | None:
        """The code the cell names (a code or a label, any case: `lookup`), or the reason `unknown` % {"value"}."""
        found = lookup.get(self.text(column).lower())
        if found is None:
            self.fail(column, unknown % {"value": self.text(column)})
        return found

    def require(self, columns, reason: str) -> None:
        """A new row: each of `columns` left blank gets `reason`."""
        for column in columns:
            if not self.given(column):
                self.fail(column, reason)

    @property
    def ok(self) -> bool:
        return not (self.errors or self.text_errors)

    def read_point(self, values: dict) -> None:
        """lat and lng into `values` when given (a blank keeps the stored place, or takes the community's)."""
        for column, low, high in (("lat", -90, 90), ("lng", -180, 180)):
            figure = self.read(column, lambda v, low=low, high=high: cells.number(v, low=low, high=high))
            if figure is not None:
                values[column] = figure

    def problems(self) -> list[dict]:
        reasons = {**self.errors, **self.text_errors}
        return [{"row": self.line, "column": column, "reason": reason} for column, reason in reasons.items()]

    def planned(
        self, instance, values: dict, *, phone: str | None = None, changed: Callable[[Any, dict], bool] | None = None
    ) -> Planned:
        """Bad if any reason was kept; else a create (no instance), or an update of the values that differ."""
        if not self.ok:
            return Planned(self.line, BAD, instance, problems=self.problems())
        if instance is None:
            return Planned(self.line, CREATE, None, values, phone)
        differ = {name: value for name, value in values.items() if getattr(instance, name) != value}
        old = {name: getattr(instance, name) for name in differ}
        return Planned(self.line, UPDATE if differ or phone else UNCHANGED, instance, differ, phone, old=old)


class RowReader:
    """Plans the rows of one sheet against one import's lookups (`book`); each kind says how (`plan`)."""

    multi_line: frozenset = frozenset()  # columns of long text, whose line breaks are kept

    def __init__(self, *, book, mapping: Mapping[str, int], rows: list[tuple[int, list]]):
        self.book, self.mapping = book, mapping

    def row(self, line: int, cells_of_row: list) -> Row:
        return Row(line, cells_of_row, self.mapping, multi_line=self.multi_line)

    def plan(self, line: int, cells_of_row: list) -> Planned:
        raise NotImplementedError


def first_lines(rows: list[tuple[int, list]], key: Callable[[list], Any]) -> dict:
    """Each key's first line in the file (a blank key, None, is left out): a later row with the same key is a
    duplicate, on the first pass as on a resumed one."""
    first: dict = {}
    for line, cells_of_row in rows:
        found = key(cells_of_row)
        if found is not None:
            first.setdefault(found, line)
    return first


def chunk_write(
    planned: list[Planned], *, write: Callable[[list[Planned]], None], column: str, reason: Callable[[], str]
) -> list[Planned]:
    """Write a chunk inside the caller's transaction with `write` (bulk writes). Should it collide with a concurrent
    writer (a key taken since the chunk was planned), each row is written alone in a savepoint and a row that still
    collides becomes a bad row on `column` with `reason()`. Returns the rows as written (bad ones among them)."""
    try:
        with transaction.atomic():
            write(planned)
        return planned
    except IntegrityError:
        written = []
        for row in planned:
            try:
                with transaction.atomic():
                    write([row])
                written.append(row)
            except IntegrityError:
                written.append(
                    Planned(
                        row.line, BAD, row.instance, problems=[{"row": row.line, "column": column, "reason": reason()}]
                    )
                )
        return written


class Places:
    """The communities of one import: each by code or name, their points, and the ones the caller may write in."""

    def __init__(self, *, user: User):
        self.names = places_of(Community.objects.all())
        self.points = {pk: (lat, lng) for pk, lat, lng in Community.objects.values_list("pk", "lat", "lng")}
        self.writable = set(
            scope_queryset(Community.objects.all(), user, WRITABLE_COMMUNITIES, write=True).values_list("pk", flat=True)
        )

    def read(self, row: Row, column: str) -> int | None:
        """The community the cell names, with the reason when it is none the caller may write in."""
        found = place_find(self.names, row.cell(column))
        if found not in self.writable:
            row.fail(column, _("No community “%(value)s” that you may use.") % {"value": row.text(column)})
        return found

    def locate(self, values: dict, community: int) -> None:
        """A new row without a place of its own takes its community's."""
        values.setdefault("lat", self.points[community][0])
        values.setdefault("lng", self.points[community][1])


def places_of(queryset) -> dict[str, int | None]:
    """Places (communities) by code or name (without 社区) -> id; a name two places share finds neither (None)."""
    found: dict[str, int | None] = {}
    for pk, code, name in queryset.values_list("pk", "code", "name"):
        found[cells.text(code).replace(" ", "").lower()] = pk
        key = cells.place_key(name).lower()
        found[key] = pk if found.get(key, pk) == pk else None
    return found


def place_find(places: dict[str, int | None], value) -> int | None:
    """The place a cell names by its name (with or without 社区, spaces) or its code."""
    return places.get(cells.place_key(value).lower()) or places.get(cells.text(value).replace(" ", "").lower())


def bulk_write(model, planned: list[Planned]) -> None:
    """The creates and updates of a chunk of a model that has no accounts to make: one bulk_create, one
    bulk_update of the fields that changed. Each written row becomes the row's `instance`."""
    now = timezone.now()
    creates = [row for row in planned if row.action == CREATE]
    made = model.objects.bulk_create([model(**row.values) for row in creates])
    for instance, row in zip(made, creates, strict=True):
        row.instance = instance
    updates = [row for row in planned if row.action == UPDATE]
    if updates:
        for row in updates:
            for name, value in row.values.items():
                setattr(row.instance, name, value)
            row.instance.updated_at = now
        changed = sorted({name for row in updates for name in row.values})
        model.objects.bulk_update([row.instance for row in updates], [*changed, "updated_at"])


def model_chunk_write(model, planned: list[Planned], *, book, column: str, reason: Callable[[], str]) -> list[Planned]:
    """chunk_write of a model without accounts (bulk_write); each row written is remembered by the import's lookups
    (`book.remember`), so that a later chunk finds it."""

    def write(some: list[Planned]) -> None:
        bulk_write(model, some)
        for row in some:
            if row.instance is not None:
                book.remember(row.instance)

    return chunk_write(planned, write=write, column=column, reason=reason)
