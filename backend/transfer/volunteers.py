"""The volunteer import of an import run: each row of a sheet read into a planned create, update, nothing or a bad
row (row, column, reason), against lookups loaded once; and a chunk of planned rows written with bulk writes.

A row finds its volunteer by number, else by phone, so that a file imported twice, or a chunk written again after a
worker died, updates rows instead of doubling them. Only the caller's scope is found or written: a phone held by
somebody outside it reads as taken, a number outside it as unknown, a community outside it as unknown.
"""

from __future__ import annotations

from django.contrib.auth.hashers import make_password
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from accounts import services as accounts_services
from accounts.models import Invitation, User
from core.scoping import scope_queryset
from geo.models import Grid
from orgs.models import Unit
from people.models import Skill, Volunteer
from people.services import volunteer_number_next
from transfer import cells, rows
from transfer.resources import VOLUNTEER_SCOPE, ChoiceWidget, VolunteerSheet
from transfer.rows import CREATE, UPDATE, Importer, Planned, Row, first_lines, max_length

COLUMNS = (
    "number",
    "name",
    "kind",
    "phone",
    "home_community",
    "grid",
    "employer_unit",
    "skills",
    "languages",
    "max_hours_per_week",
    "max_distance_km",
    "lat",
    "lng",
    "reported_community",
    "reported_at",
    "active",
    "gender",
)
REQUIRED_COLUMNS = ("name", "kind", "home_community")
# Each column's header in the template (and a header word in every language).
LABELS = {
    "number": pgettext_lazy("import column", "Number"),
    "name": pgettext_lazy("import column", "Name"),
    "kind": pgettext_lazy("import column", "Kind"),
    "phone": pgettext_lazy("import column", "Mobile phone"),
    "home_community": pgettext_lazy("import column", "Home community"),
    "grid": pgettext_lazy("import column", "Grid"),
    "employer_unit": pgettext_lazy("import column", "Employer unit"),
    "skills": pgettext_lazy("import column", "Skills"),
    "languages": pgettext_lazy("import column", "Languages"),
    "max_hours_per_week": pgettext_lazy("import column", "Max hours per week"),
    "max_distance_km": pgettext_lazy("import column", "Max distance (km)"),
    "lat": pgettext_lazy("import column", "Latitude"),
    "lng": pgettext_lazy("import column", "Longitude"),
    "reported_community": pgettext_lazy("import column", "Reported to community"),
    "reported_at": pgettext_lazy("import column", "Reported on"),
    "active": pgettext_lazy("import column", "Active"),
    "gender": pgettext_lazy("import column", "Gender (checked, not stored)"),
}
# Read and checked, never stored (the profile has no such field): a district's sheet often has it.
IGNORED = ("gender",)
# Header words of districts' own sheets, beyond our columns' labels in every language (VolunteerSheet).
SYNONYMS = {
    "编号": "number",
    "志愿者编号": "number",
    "名字": "name",
    "姓名": "name",
    "手机": "phone",
    "手机号": "phone",
    "手机号码": "phone",
    "电话": "phone",
    "联系电话": "phone",
    "联系方式": "phone",
    "电话号码": "phone",
    "社区": "home_community",
    "所在社区": "home_community",
    "居住社区": "home_community",
    "所属社区": "home_community",
    "网格": "grid",
    "所属网格": "grid",
    "类别": "kind",
    "人员类别": "kind",
    "党员类别": "kind",
    "身份": "kind",
    "志愿者类别": "kind",
    "工作单位": "employer_unit",
    "单位": "employer_unit",
    "所在单位": "employer_unit",
    "技能": "skills",
    "特长": "skills",
    "专长": "skills",
    "技能特长": "skills",
    "语言": "languages",
    "报到社区": "reported_community",
    "报到日期": "reported_at",
    "报到时间": "reported_at",
    "性别": "gender",
    "是否有效": "active",
    "是否在册": "active",
    "每周时长": "max_hours_per_week",
    "每周最多小时": "max_hours_per_week",
}
KIND_SYNONYMS = {
    "在职": "in_office",
    "无职": "non_post",
    "非在岗": "non_post",
    "无职党员": "non_post",
    "非在岗党员": "non_post",
    "离退休": "retired",
    "退休": "retired",
    "退休党员": "retired",
    "离休党员": "retired",
    "居民": "resident",
    "群众": "resident",
}
# Fields a row may set, in the order of the model; lat and lng default to the home community's.
FIELDS = (
    "name",
    "kind",
    "employer_unit_id",
    "home_community_id",
    "grid_id",
    "skills",
    "languages",
    "max_hours_per_week",
    "max_distance_km",
    "reported_community_id",
    "reported_at",
    "active",
    "lat",
    "lng",
)
# What an update of a volunteer may change in their account (the name shown, a new phone to confirm).
ACCOUNT_FIELDS = ("phone", "phone_problem", "phone_confirmed_at", "display_name")


def _key(value) -> str:
    return cells.text(value).replace(" ", "").lower()


class VolunteerBook:
    """The lookups of one import, loaded once: places, units and skills by code and name, the volunteers the caller
    may write by number and by phone, and every phone another active account holds."""

    def __init__(self, *, user: User):
        self.user = user
        self.places = rows.Places(user=user)
        self.grids: dict[tuple[int, str], int] = {}
        for grid in Grid.objects.filter(community_id__in=self.places.writable).only(
            "pk", "community_id", "code", "name"
        ):
            self.grids[(grid.community_id, _key(grid.code))] = grid.pk
            self.grids.setdefault((grid.community_id, _key(grid.name)), grid.pk)
        self.grid_community = dict(Grid.objects.values_list("pk", "community_id"))
        self.units = {_key(name): pk for pk, name in Unit.objects.values_list("pk", "name")}
        self.skills: dict[str, str] = {}
        for code, name, name_en in Skill.objects.values_list("code", "name", "name_en"):
            self.skills.update({name.lower(): code, **({name_en.lower(): code} if name_en else {}), code.lower(): code})
        self.kinds = {**ChoiceWidget(Volunteer.Kind).lookup(), **KIND_SYNONYMS}
        volunteers = scope_queryset(Volunteer.objects.select_related("user"), user, VOLUNTEER_SCOPE, write=True)
        self.by_number = {v.number: v for v in volunteers}
        self.by_phone = {v.user.phone: v for v in self.by_number.values() if v.user.phone}
        self.phones_taken = set(
            User.objects.filter(is_active=True, phone_problem="").exclude(phone="").values_list("phone", flat=True)
        )

    def remember(self, volunteer: Volunteer) -> None:
        self.by_number[volunteer.number] = volunteer
        if volunteer.user.phone:
            self.by_phone[volunteer.user.phone] = volunteer
            self.phones_taken.add(volunteer.user.phone)


def _phone_key(cells_of_row: list, mapping: dict[str, int]) -> str | None:
    if "phone" not in mapping:
        return None
    try:
        return cells.phone(cells_of_row[mapping["phone"]]) or None
    except cells.CellError:
        return None


def _number_key(cells_of_row: list, mapping: dict[str, int]) -> str | None:
    return cells.text(cells_of_row[mapping["number"]]).upper() or None if "number" in mapping else None


class VolunteerReader(rows.RowReader):
    """Plans rows of one sheet against a VolunteerBook."""

    def __init__(self, *, book: VolunteerBook, mapping: dict[str, int], rows: list[tuple[int, list]]):
        super().__init__(book=book, mapping=mapping, rows=rows)
        self.first_phone = first_lines(rows, lambda found: _phone_key(found, mapping))
        self.first_number = first_lines(rows, lambda found: _number_key(found, mapping))

    def plan(self, line: int, cells_of_row: list) -> Planned:
        row = self.row(line, cells_of_row)
        values: dict = {}
        book = self.book
        # Which volunteer: by number, else by phone.
        number = row.text("number").upper()
        masked = "*" in cells.narrow(row.cell("phone"))
        phone = "" if masked else row.read("phone", cells.phone) or ""
        existing = None
        if number:
            existing = book.by_number.get(number)
            if existing is None:
                row.fail(
                    "number",
                    _("No volunteer “%(value)s” that you may change; leave it blank to add a new one.")
                    % {"value": number},
                )
            elif self.first_number.get(number, line) != line:
                row.fail("number", _("The same number is on line %(line)d.") % {"line": self.first_number[number]})
        elif phone:
            existing = book.by_phone.get(phone)
        if phone:
            if self.first_phone.get(phone, line) != line:
                row.fail("phone", _("The same phone number is on line %(line)d.") % {"line": self.first_phone[phone]})
            elif phone in book.phones_taken and (existing is None or existing.user.phone != phone):
                row.fail("phone", _("Another active account has this phone number."))

        if row.given("name"):
            values["name"] = row.text("name")
            limit = max_length(Volunteer, "name")
            if limit is not None and len(values["name"]) > limit:
                row.fail("name", _("Names are at most 64 characters."))
        if row.given("kind"):
            values["kind"] = row.choice("kind", book.kinds, _("Unknown kind: %(value)s."))
        if row.given("home_community"):
            values["home_community_id"] = book.places.read(row, "home_community")
        home = values.get("home_community_id") or (existing.home_community_id if existing else None)
        if row.given("grid"):
            grid = book.grids.get((home, _key(row.cell("grid"))))
            if grid is None:
                row.fail("grid", _("No grid “%(value)s” in the home community.") % {"value": row.text("grid")})
            values["grid_id"] = grid
        elif row.mapped("grid"):
            values["grid_id"] = None
        if row.given("employer_unit"):
            unit = book.units.get(_key(row.cell("employer_unit")))
            if unit is None:
                row.fail("employer_unit", _("No unit “%(value)s”.") % {"value": row.text("employer_unit")})
            values["employer_unit_id"] = unit
        elif row.mapped("employer_unit"):
            values["employer_unit_id"] = None
        if row.mapped("skills"):
            values["skills"] = row.read("skills", lambda v: cells.skill_levels(v, skills=book.skills)) or {}
        if row.mapped("languages"):
            values["languages"] = cells.items(row.cell("languages"))
        for column, low, high, whole in (
            ("max_hours_per_week", 0, 60, True),
            ("max_distance_km", 0, None, False),
            ("lat", -90, 90, False),
            ("lng", -180, 180, False),
        ):
            figure = row.read(
                column, lambda v, low=low, high=high, whole=whole: cells.number(v, low=low, high=high, whole=whole)
            )
            if figure is not None or (column == "max_distance_km" and row.mapped(column)):
                values[column] = figure  # a blank keeps the stored value, but for the distance: no limit
        if row.given("reported_community"):
            reported = rows.place_find(book.places.names, row.cell("reported_community"))
            if reported is None:
                row.fail(
                    "reported_community", _("No community “%(value)s”.") % {"value": row.text("reported_community")}
                )
            values["reported_community_id"] = reported
        if row.mapped("reported_at"):
            values["reported_at"] = row.read("reported_at", cells.date)
        active = row.read("active", cells.boolean)
        if active is not None:
            values["active"] = active
        row.read("gender", cells.gender)

        if existing is None:
            row.require(REQUIRED_COLUMNS, _("This column is required for a new volunteer."))
            if not phone:
                row.fail("phone", _("Enter the full phone number for a new volunteer."))
        self._domain_check(row, values, existing)
        if existing is None and row.ok:
            book.places.locate(values, values["home_community_id"])
        new_phone = phone if phone and (existing is None or phone != existing.user.phone) else None
        planned = row.planned(existing, values, phone=new_phone)
        if existing is not None:
            planned.account_old = {name: getattr(existing.user, name) for name in ACCOUNT_FIELDS}
        return planned

    def _domain_check(self, row: Row, values: dict, existing: Volunteer | None) -> None:
        def final(name):
            return values[name] if name in values else getattr(existing, name, None)

        if final("kind") == Volunteer.Kind.IN_OFFICE and final("employer_unit_id") is None:
            row.fail("employer_unit", _("An in-office member needs an employer unit."))
        grid = final("grid_id")
        if grid and "grid" not in row.errors and self.book.grid_community.get(grid) != final("home_community_id"):
            row.fail("grid", _("The grid is not in the home community."))
        if final("reported_community_id") is not None and final("reported_at") is None:
            row.fail("reported_at", _("Give the date of reporting."))


# ---------------------------------------------------------------- writing


def chunk_write(planned: list[Planned], *, book: VolunteerBook) -> list[Planned]:
    """Write a chunk's creates and updates inside the caller's transaction, with bulk writes (the new accounts'
    invitations follow once the whole file is in: invitations_issue); a row whose phone or number was taken by a
    concurrent writer since it was planned becomes a bad row."""
    return rows.chunk_write(
        planned,
        write=lambda some: _write(some, book=book),
        column="phone",
        reason=lambda: _("Another active account has this phone number."),
    )


def invitations_issue(user_ids: list[int], *, uploader: User | None) -> int:
    """An invitation for each of these accounts that has never had one, through the one way invitations are made
    (accounts.services, which also queues the SMS). Safe to run again: an account invited already is skipped."""
    invited = set(Invitation.objects.filter(user_id__in=user_ids).values_list("user_id", flat=True))
    issued = 0
    for account in User.objects.filter(pk__in=[pk for pk in user_ids if pk not in invited]).order_by("pk"):
        accounts_services.invitation_issue(user=account, created_by=uploader)
        issued += 1
    return issued


def _write(planned: list[Planned], *, book: VolunteerBook) -> None:
    now = timezone.now()
    creates = [row for row in planned if row.action == CREATE]
    if creates:
        first = int(volunteer_number_next()[2:])
        numbers = [f"ZY{first + offset:07d}" for offset in range(len(creates))]
        # A new volunteer's row has its phone (planned: required), so `or ""` never applies.
        users = [
            User(
                username=number,
                display_name=row.values["name"],
                phone=row.phone or "",
                role=User.Role.VOLUNTEER,
                password=make_password(None),
            )
            for number, row in zip(numbers, creates, strict=True)
        ]
        User.objects.bulk_create(users)
        volunteers = [
            Volunteer(user=account, number=number, **row.values)
            for account, number, row in zip(users, numbers, creates, strict=True)
        ]
        Volunteer.objects.bulk_create(volunteers)
        for volunteer, row in zip(volunteers, creates, strict=True):
            row.instance = volunteer
            book.remember(volunteer)
    updates = [row for row in planned if row.action == UPDATE]
    if updates:
        changed = sorted({name for row in updates for name in row.values})
        volunteers = []
        for row in updates:
            for name, value in row.values.items():
                setattr(row.instance, name, value)
            row.instance.updated_at = now
            volunteers.append(row.instance)
        Volunteer.objects.bulk_update(volunteers, [*changed, "updated_at"])
        accounts = []
        for row in updates:
            account = row.instance.user
            if row.phone is not None:
                book.phones_taken.discard(account.phone)
                account.phone, account.phone_problem, account.phone_confirmed_at = row.phone, "", None
            account.display_name = row.instance.name
            accounts.append(account)
            book.remember(row.instance)
        User.objects.bulk_update(accounts, list(ACCOUNT_FIELDS))


def history(written: list[Planned]) -> rows.History:
    """The volunteers a chunk made and changed (rows.written_history), and their accounts: made with them, or changed
    by an update (a new phone, the name shown)."""
    made, changed = rows.written_history(written)
    made = [row.instance.user for row in written if row.action == CREATE] + made
    for row in written:
        if row.action != UPDATE:
            continue
        account = row.instance.user
        fields = {name: (old, getattr(account, name)) for name, old in row.account_old.items()}
        fields = {name: (old, new) for name, (old, new) in fields.items() if old != new}
        if fields:
            changed.append((account, fields))
    return made, changed


def skill_names(user: User) -> list[str]:
    """The skills a cell may name (a row may add a level: 急救:3), in the active language."""
    english = translation.get_language() == "en"
    return [
        name_en if english and name_en else name
        for name, name_en in Skill.objects.order_by("code").values_list("name", "name_en")
    ]


IMPORTER = Importer(
    columns=COLUMNS,
    required=REQUIRED_COLUMNS,
    labels=LABELS,
    synonyms=SYNONYMS,
    book=lambda user: VolunteerBook(user=user),
    reader=VolunteerReader,
    write=lambda planned, *, book: chunk_write(planned, book=book),
    history=history,
    invite=invitations_issue,
    more_aliases=lambda user: VolunteerSheet(user=user).column_aliases(),
    examples={
        "name": pgettext_lazy("import example", "Zhang San"),
        "phone": "13800138000",
        "max_hours_per_week": 4,
        "max_distance_km": 3,
        "reported_at": "2026-03-05",
        "active": pgettext_lazy("import example", "yes"),
    },
    codes={
        "kind": rows.choice_labels(Volunteer.Kind),
        "home_community": rows.writable_community_names,
        "reported_community": rows.writable_community_names,
        "employer_unit": rows.unit_names,
        "skills": skill_names,
    },
)
