"""The resource import of an import run (资源清单: rooms, vans, expertise, ...): each row planned against the resources
and communities the uploader may write, and a chunk written with bulk writes.

A row finds its resource by id (as exported), else by its community, provider unit and name, so that a file imported
twice updates instead of doubling. The same rules as the API's (resources.apis.ResourceViewSet): a coordinator lists
resources in the communities of their scope, of any unit or of the community itself (no unit).
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from accounts.models import User
from core.scoping import scope_queryset
from orgs.models import Unit
from resources.models import Resource
from transfer import cells, rows
from transfer.resources import RESOURCE_SCOPE, ChoiceWidget
from transfer.rows import Importer, Planned, Row, first_lines, max_length, plain

COLUMNS = (
    "id",
    "name",
    "category",
    "unit",
    "community",
    "capacity",
    "features",
    "address",
    "lat",
    "lng",
    "conditions",
    "status",
)
REQUIRED_COLUMNS = ("name", "category", "community")
LABELS = {
    "id": pgettext_lazy("import column", "Resource id"),
    "name": pgettext_lazy("import column", "Resource name"),
    "category": pgettext_lazy("import column", "Category"),
    "unit": pgettext_lazy("import column", "Provider unit"),
    "community": pgettext_lazy("import column", "Community"),
    "capacity": pgettext_lazy("import column", "Capacity"),
    "features": pgettext_lazy("import column", "Features"),
    "address": pgettext_lazy("import column", "Address"),
    "lat": pgettext_lazy("import column", "Latitude"),
    "lng": pgettext_lazy("import column", "Longitude"),
    "conditions": pgettext_lazy("import column", "Conditions of use"),
    "status": pgettext_lazy("import column", "Status"),
}
SYNONYMS = {
    "名称": "name",
    "资源": "name",
    "资源名称": "name",
    "类别": "category",
    "资源类别": "category",
    "类型": "category",
    "单位": "unit",
    "提供单位": "unit",
    "所属单位": "unit",
    "社区": "community",
    "所在社区": "community",
    "所属社区": "community",
    "容量": "capacity",
    "可容纳人数": "capacity",
    "数量": "capacity",
    "特点": "features",
    "设施": "features",
    "地址": "address",
    "使用条件": "conditions",
    "备注": "conditions",
    "状态": "status",
}
CATEGORY_SYNONYMS = {
    "场地": "venue",
    "活动室": "venue",
    "会议室": "venue",
    "车辆": "vehicle",
    "车": "vehicle",
    "设备": "equipment",
    "物资": "goods",
    "资金": "funds",
    "专业": "expertise",
    "专长": "expertise",
    "技能": "expertise",
    "专业技能": "expertise",
}
TEXT_COLUMNS = ("address", "conditions")  # a blank cell of a mapped column empties the field


class ResourceBook:
    """The lookups of one import, loaded once: the communities the caller may list in, every unit by name, the
    resources the caller may change by id and by (community, unit, name)."""

    def __init__(self, *, user: User):
        self.user = user
        self.places = rows.Places(user=user)
        self.units = {name: pk for pk, name in Unit.objects.values_list("pk", "name")}
        self.by_id = {
            resource.pk: resource
            for resource in scope_queryset(Resource.objects.all(), user, RESOURCE_SCOPE, write=True)
        }
        self.by_key = {self.key_of(resource): resource for resource in self.by_id.values()}
        self.categories = {**ChoiceWidget(Resource.Category).lookup(), **CATEGORY_SYNONYMS}
        self.statuses = ChoiceWidget(Resource.Status).lookup()

    @staticmethod
    def key_of(resource: Resource) -> tuple:
        return resource.community_id, resource.unit_id, resource.name

    def remember(self, resource: Resource) -> None:
        self.by_id[resource.pk] = resource
        self.by_key[self.key_of(resource)] = resource


class ResourceReader(rows.RowReader):
    """Plans rows of one sheet against a ResourceBook."""

    multi_line = frozenset({"conditions"})

    def __init__(self, *, book: ResourceBook, mapping: dict[str, int], rows: list[tuple[int, list]]):
        super().__init__(book=book, mapping=mapping, rows=rows)
        self.first_id = first_lines(rows, lambda found: self._id_of(found))
        self.first_key = first_lines(rows, lambda found: self._key_of(found))

    def _id_of(self, cells_of_row: list) -> str | None:
        return cells.text(cells_of_row[self.mapping["id"]]) or None if "id" in self.mapping else None

    def _key_of(self, cells_of_row: list) -> tuple | None:
        """(community, unit, name) as the row names them; None without a community and a name."""

        def cell(column):
            return cells_of_row[self.mapping[column]] if column in self.mapping else None

        community = rows.place_find(self.book.places.names, cell("community"))
        name = plain(cell("name"))
        if community is None or not name:
            return None
        return community, self.book.units.get(plain(cell("unit"))), name

    def plan(self, line: int, cells_of_row: list) -> Planned:
        row = self.row(line, cells_of_row)
        book = self.book
        values: dict = {}
        existing = self._existing(row, cells_of_row)
        if row.given("name"):
            values["name"] = row.bounded_text("name", max_length(Resource, "name"))
        if row.given("category"):
            values["category"] = row.choice("category", book.categories, _("Unknown category: %(value)s."))
        if row.given("community"):
            values["community_id"] = book.places.read(row, "community")
        if row.given("unit"):
            values["unit_id"] = book.units.get(row.plain("unit"))
            if values["unit_id"] is None:
                row.fail("unit", _("No unit “%(value)s”.") % {"value": row.plain("unit")})
        elif row.mapped("unit"):
            values["unit_id"] = None  # the community's own
        capacity = row.read("capacity", lambda v: cells.number(v, low=0, high=2_147_483_647, whole=True))
        if capacity is not None:
            values["capacity"] = capacity  # a blank keeps the stored capacity
        if row.mapped("features"):
            values["features"] = cells.items(row.plain("features"))
        for column in TEXT_COLUMNS:
            if row.mapped(column):
                values[column] = row.bounded_text(column, max_length(Resource, column))
        row.read_point(values)
        if row.given("status"):
            values["status"] = row.choice("status", book.statuses, _("Unknown status: %(value)s."))
        if existing is None:
            row.require(REQUIRED_COLUMNS, _("This column is required for a new resource."))
            if row.ok:
                book.places.locate(values, values["community_id"])
        return row.planned(existing, values)

    def _existing(self, row: Row, cells_of_row: list) -> Resource | None:
        """The resource of the row: by its id, else by (community, unit, name); a second row of either is bad."""
        typed_id = self._id_of(cells_of_row)
        if typed_id is not None:
            existing = self.book.by_id.get(int(typed_id)) if typed_id.isdigit() else None
            if existing is None:
                row.fail(
                    "id",
                    _("No resource “%(value)s” that you may change; leave it blank to add a new one.")
                    % {"value": typed_id},
                )
            elif self.first_id[typed_id] != row.line:
                row.fail("id", _("The same resource is on line %(line)d.") % {"line": self.first_id[typed_id]})
            return existing
        key = self._key_of(cells_of_row)
        if key is not None and self.first_key[key] != row.line:
            row.fail("name", _("The same resource is on line %(line)d.") % {"line": self.first_key[key]})
        return self.book.by_key.get(key) if key is not None else None


IMPORTER = Importer(
    columns=COLUMNS,
    required=REQUIRED_COLUMNS,
    labels=LABELS,
    synonyms=SYNONYMS,
    book=lambda user: ResourceBook(user=user),
    reader=ResourceReader,
    # Resources have no unique key a concurrent writer could take; a row the database refuses all the same is bad.
    write=lambda planned, *, book: rows.model_chunk_write(
        Resource,
        planned,
        book=book,
        column="name",
        reason=lambda: _("The row could not be written; check it and import it again."),
    ),
    examples={"name": pgettext_lazy("import example", "Multi-purpose room"), "capacity": 40},
    codes={
        "category": rows.choice_labels(Resource.Category),
        "community": rows.writable_community_names,
        "unit": rows.unit_names,
        "status": rows.choice_labels(Resource.Status),
    },
)
