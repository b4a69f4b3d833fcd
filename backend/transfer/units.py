"""The unit import of an import run (驻区单位): each row planned against the units and communities the uploader may
write, and a chunk written with bulk writes.

A row finds its unit by name (names are unique), so that a file imported twice updates instead of doubling. The same
rules as the API's (orgs.apis.UnitViewSet): a coordinator changes the units located in their scope, and moves them
only within it; only the administrator adds units.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from accounts.models import User
from core.scoping import COORDINATORS, Role, Scope, scope_queryset
from orgs.models import Unit
from transfer import rows
from transfer.resources import ChoiceWidget
from transfer.rows import Importer, Planned, first_lines, max_length, plain

# The same scope as the API's UnitViewSet writes with (a test keeps them equal).
UNIT_SCOPE = Scope(community="community", unit="pk", read_all=COORDINATORS, write=COORDINATORS | {Role.UNIT})
COLUMNS = (
    "name",
    "kind",
    "community",
    "party_organisation",
    "address",
    "lat",
    "lng",
    "contact_name",
    "contact_phone",
    "description",
)
REQUIRED_COLUMNS = ("name", "kind", "community")
LABELS = {
    "name": pgettext_lazy("import column", "Unit name"),
    "kind": pgettext_lazy("import column", "Unit kind"),
    "community": pgettext_lazy("import column", "Located in community"),
    "party_organisation": pgettext_lazy("import column", "Party organisation"),
    "address": pgettext_lazy("import column", "Address"),
    "lat": pgettext_lazy("import column", "Latitude"),
    "lng": pgettext_lazy("import column", "Longitude"),
    "contact_name": pgettext_lazy("import column", "Contact person"),
    "contact_phone": pgettext_lazy("import column", "Contact phone"),
    "description": pgettext_lazy("import column", "Description"),
}
SYNONYMS = {
    "单位": "name",
    "名称": "name",
    "单位全称": "name",
    "类型": "kind",
    "单位类型": "kind",
    "单位性质": "kind",
    "性质": "kind",
    "社区": "community",
    "所在社区": "community",
    "所属社区": "community",
    "党组织": "party_organisation",
    "党组织名称": "party_organisation",
    "地址": "address",
    "单位地址": "address",
    "联系人": "contact_name",
    "联系电话": "contact_phone",
    "电话": "contact_phone",
    "简介": "description",
    "备注": "description",
}
KIND_SYNONYMS = {
    "机关": "agency",
    "党政机关": "agency",
    "事业单位": "agency",
    "国企": "state_firm",
    "国有企业": "state_firm",
    "学校": "school",
    "医院": "hospital",
    "企业": "company",
    "公司": "company",
    "民营企业": "company",
    "其他": "other",
}
# Plain text: a blank cell of a mapped column empties the field.
TEXT_COLUMNS = ("party_organisation", "address", "contact_name", "contact_phone", "description")


class UnitBook:
    """The lookups of one import, loaded once: every unit by name (a name is the district's, whoever may write it),
    the ones the caller may change, the communities they may place a unit in."""

    def __init__(self, *, user: User):
        self.user = user
        self.may_add = user.is_superuser or user.role == Role.ADMIN
        self.places = rows.Places(user=user)
        self.writable_units = set(
            scope_queryset(Unit.objects.all(), user, UNIT_SCOPE, write=True).values_list("pk", flat=True)
        )
        self.by_name = {unit.name: unit for unit in Unit.objects.all()}
        self.kinds = {**ChoiceWidget(Unit.Kind).lookup(), **KIND_SYNONYMS}

    def remember(self, unit: Unit) -> None:
        self.by_name[unit.name] = unit
        self.writable_units.add(unit.pk)


class UnitReader(rows.RowReader):
    """Plans rows of one sheet against a UnitBook."""

    multi_line = frozenset({"description"})

    def __init__(self, *, book: UnitBook, mapping: dict[str, int], rows: list[tuple[int, list]]):
        super().__init__(book=book, mapping=mapping, rows=rows)
        self.first_name = first_lines(
            rows, lambda found: (plain(found[mapping["name"]]) or None) if "name" in mapping else None
        )

    def plan(self, line: int, cells_of_row: list) -> Planned:
        row = self.row(line, cells_of_row)
        book = self.book
        values: dict = {}
        name = row.plain("name")
        existing = book.by_name.get(name)
        if not name:
            row.fail("name", _("Every row needs the unit's name."))
        elif self.first_name.get(name, line) != line:
            row.fail("name", _("The same unit is on line %(line)d.") % {"line": self.first_name[name]})
        elif existing is not None and existing.pk not in book.writable_units:
            row.fail("name", _("The unit “%(value)s” is outside your scope.") % {"value": name})
        elif existing is None and not book.may_add:
            row.fail("name", _("No unit “%(value)s”: only the district administrator adds units.") % {"value": name})
        if name:
            values["name"] = row.bounded_text("name", max_length(Unit, "name"))
        if row.given("kind"):
            values["kind"] = row.choice("kind", book.kinds, _("Unknown kind: %(value)s."))
        if row.given("community"):
            values["community_id"] = book.places.read(row, "community")
        for column in TEXT_COLUMNS:
            if row.mapped(column):
                values[column] = row.bounded_text(column, max_length(Unit, column))
        row.read_point(values)
        if existing is None:
            row.require(REQUIRED_COLUMNS, _("This column is required for a new unit."))
            if row.ok:
                book.places.locate(values, values["community_id"])
        return row.planned(existing, values)


IMPORTER = Importer(
    columns=COLUMNS,
    required=REQUIRED_COLUMNS,
    labels=LABELS,
    synonyms=SYNONYMS,
    book=lambda user: UnitBook(user=user),
    reader=UnitReader,
    # A row that a concurrent writer made collide (a name taken meanwhile) becomes a bad row.
    write=lambda planned, *, book: rows.model_chunk_write(
        Unit, planned, book=book, column="name", reason=lambda: _("Another unit has this name.")
    ),
    examples={
        "name": pgettext_lazy("import example", "Baihua Road Primary School"),
        "address": pgettext_lazy("import example", "12 Baihua Road"),
        "contact_name": pgettext_lazy("import example", "Li Si"),
        "contact_phone": "13900139000",
    },
    codes={"kind": rows.choice_labels(Unit.Kind), "community": rows.writable_community_names},
)
