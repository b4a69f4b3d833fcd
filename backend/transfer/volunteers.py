"""The volunteer import of an import run: each row of a sheet read into a planned create, update, nothing or a bad
row (row, column, reason), against lookups loaded once; and a chunk of planned rows written with bulk writes.

A row finds its volunteer by number, else by phone, so that a file imported twice, or a chunk written again after a
worker died, updates rows instead of doubling them. Only the caller's scope is found or written: a phone held by
somebody outside it reads as taken, a number outside it as unknown, a community outside it as unknown.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import services as accounts_services
from accounts.models import Invitation, User
from core.scoping import scope_queryset
from geo.models import Community, Grid
from orgs.models import Unit
from people.models import Skill, Volunteer
from people.services import volunteer_number_next
from transfer import cells
from transfer.reading import header_key
from transfer.resources import VOLUNTEER_SCOPE, WRITABLE_COMMUNITIES, ChoiceWidget, VolunteerSheet

CREATE, UPDATE, UNCHANGED, BAD = "create", "update", "unchanged", "bad"
COLUMNS = ("number", "name", "kind", "phone", "home_community", "grid", "employer_unit", "skills", "languages",
           "max_hours_per_week", "max_distance_km", "lat", "lng", "reported_community", "reported_at", "active",
           "gender")
REQUIRED_COLUMNS = ("name", "kind", "home_community")
# Read and checked, never stored (the profile has no such field): a district's sheet often has it.
IGNORED = ("gender",)
# Header words of districts' own sheets, beyond our columns' labels in every language (VolunteerSheet).
SYNONYMS = {
    "编号": "number", "志愿者编号": "number", "名字": "name", "姓名": "name", "手机": "phone", "手机号": "phone",
    "手机号码": "phone", "电话": "phone", "联系电话": "phone", "联系方式": "phone", "电话号码": "phone",
    "社区": "home_community", "所在社区": "home_community", "居住社区": "home_community", "所属社区": "home_community",
    "网格": "grid", "所属网格": "grid", "类别": "kind", "人员类别": "kind", "党员类别": "kind", "身份": "kind",
    "志愿者类别": "kind", "工作单位": "employer_unit", "单位": "employer_unit", "所在单位": "employer_unit",
    "技能": "skills", "特长": "skills", "专长": "skills", "技能特长": "skills", "语言": "languages",
    "报到社区": "reported_community", "报到日期": "reported_at", "报到时间": "reported_at", "性别": "gender",
    "是否有效": "active", "是否在册": "active", "每周时长": "max_hours_per_week", "每周最多小时": "max_hours_per_week",
}
KIND_SYNONYMS = {"在职": "in_office", "无职": "non_post", "非在岗": "non_post", "无职党员": "non_post",
                 "非在岗党员": "non_post", "离退休": "retired", "退休": "retired", "退休党员": "retired",
                 "离休党员": "retired", "居民": "resident", "群众": "resident"}
# Fields a row may set, in the order of the model; lat and lng default to the home community's.
FIELDS = ("name", "kind", "employer_unit_id", "home_community_id", "grid_id", "skills", "languages",
          "max_hours_per_week", "max_distance_km", "reported_community_id", "reported_at", "active", "lat", "lng")


def column_aliases(*, user: User) -> dict[str, str]:
    """Header words (header_key) -> our column: its name, its label in every language, the districts' words."""
    aliases = {header_key(words): column for words, column in VolunteerSheet(user=user).column_aliases().items()}
    aliases.update({header_key(words): column for words, column in SYNONYMS.items()})
    aliases.update({column: column for column in COLUMNS})
    return aliases


@dataclass
class Planned:
    """One data row: what importing it does, and the values it writes."""

    line: int
    action: str
    volunteer: Volunteer | None = None  # the existing one (update, unchanged)
    values: dict = field(default_factory=dict)  # FIELDS -> value, the changed ones for an update
    phone: str | None = None  # None: the stored number stays
    problems: list[dict] = field(default_factory=list)  # [{"row", "column", "reason"}]


def _key(value) -> str:
    return cells.text(value).replace(" ", "").lower()


class VolunteerBook:
    """The lookups of one import, loaded once: places, units and skills by code and name, the volunteers the caller
    may write by number and by phone, and every phone another active account holds."""

    def __init__(self, *, user: User):
        self.user = user
        writable = scope_queryset(Community.objects.all(), user, WRITABLE_COMMUNITIES, write=True)
        self.writable_ids = set(writable.values_list("pk", flat=True))
        self.communities = self._places(Community.objects.all())
        self.grids: dict[tuple[int, str], int] = {}
        for grid in Grid.objects.filter(community_id__in=self.writable_ids).only("pk", "community_id", "code", "name"):
            self.grids[(grid.community_id, _key(grid.code))] = grid.pk
            self.grids.setdefault((grid.community_id, _key(grid.name)), grid.pk)
        self.community_points = dict(
            (pk, (lat, lng)) for pk, lat, lng in Community.objects.values_list("pk", "lat", "lng")
        )
        self.grid_community = dict(Grid.objects.values_list("pk", "community_id"))
        self.units = {_key(name): pk for pk, name in Unit.objects.values_list("pk", "name")}
        self.skills: dict[str, str] = {}
        for code, name, name_en in Skill.objects.values_list("code", "name", "name_en"):
            self.skills.update({name.lower(): code, **({name_en.lower(): code} if name_en else {}), code.lower(): code})
        self.kinds = {**ChoiceWidget(Volunteer.Kind).lookup(), **KIND_SYNONYMS}
        volunteers = scope_queryset(Volunteer.objects.select_related("user"), user, VOLUNTEER_SCOPE, write=True)
        self.by_number = {v.number: v for v in volunteers}
        self.by_phone = {v.user.phone: v for v in self.by_number.values() if v.user.phone}
        self.phones_taken = set(User.objects.filter(is_active=True, phone_problem="").exclude(phone="")
                                .values_list("phone", flat=True))

    @staticmethod
    def _places(queryset) -> dict[str, int | None]:
        """Code or name (without 社区) -> id; a name two communities share finds neither (None)."""
        found: dict[str, int | None] = {}
        for pk, code, name in queryset.values_list("pk", "code", "name"):
            found[_key(code)] = pk
            key = cells.place_key(name).lower()
            found[key] = pk if found.get(key, pk) == pk else None
        return found

    def remember(self, volunteer: Volunteer) -> None:
        self.by_number[volunteer.number] = volunteer
        if volunteer.user.phone:
            self.by_phone[volunteer.user.phone] = volunteer
            self.phones_taken.add(volunteer.user.phone)


def first_lines(rows: list[tuple[int, list]], mapping: dict[str, int]) -> tuple[dict, dict]:
    """Each phone's and each number's first line in the file: a later row with the same one is a duplicate, on the
    first pass as on a resumed one."""
    phones, numbers = {}, {}
    for line, row in rows:
        if "phone" in mapping:
            try:
                phone = cells.phone(row[mapping["phone"]])
            except cells.CellError:
                phone = ""
            if phone:
                phones.setdefault(phone, line)
        if "number" in mapping:
            number = cells.text(row[mapping["number"]]).upper()
            if number:
                numbers.setdefault(number, line)
    return phones, numbers


class RowReader:
    """Plans rows of one sheet against a VolunteerBook."""

    def __init__(self, *, book: VolunteerBook, mapping: dict[str, int], rows: list[tuple[int, list]]):
        self.book, self.mapping = book, mapping
        self.first_phone, self.first_number = first_lines(rows, mapping)

    def plan(self, line: int, row: list) -> Planned:
        errors: dict[str, str] = {}
        values: dict = {}

        def cell(column):
            return row[self.mapping[column]] if column in self.mapping else None

        def given(column) -> bool:
            return column in self.mapping and cells.narrow(row[self.mapping[column]]) != ""

        def read(column, parse):
            if not given(column):
                return None
            try:
                return parse(cell(column))
            except cells.CellError as exc:
                errors[column] = str(exc)
                return None

        book = self.book
        # Which volunteer: by number, else by phone.
        number = cells.text(cell("number")).upper()
        typed_phone = cells.narrow(cell("phone"))
        masked = "*" in typed_phone
        phone = "" if masked else read("phone", cells.phone) or ""
        existing = None
        if number:
            existing = book.by_number.get(number)
            if existing is None:
                errors["number"] = _("No volunteer “%(value)s” that you may change; leave it blank to add a new one.") \
                    % {"value": number}
            elif self.first_number.get(number, line) != line:
                errors["number"] = _("The same number is on line %(line)d.") % {"line": self.first_number[number]}
        elif phone:
            existing = book.by_phone.get(phone)
        if phone:
            if self.first_phone.get(phone, line) != line:
                errors["phone"] = _("The same phone number is on line %(line)d.") % {"line": self.first_phone[phone]}
            elif phone in book.phones_taken and (existing is None or existing.user.phone != phone):
                errors["phone"] = _("Another active account has this phone number.")

        if given("name"):
            values["name"] = cells.text(cell("name"))
            if len(values["name"]) > Volunteer._meta.get_field("name").max_length:
                errors["name"] = _("Names are at most 64 characters.")
        if given("kind"):
            kind = book.kinds.get(cells.text(cell("kind")).lower())
            if kind is None:
                errors["kind"] = _("Unknown kind: %(value)s.") % {"value": cells.text(cell("kind"))}
            values["kind"] = kind
        if given("home_community"):
            community = book.communities.get(cells.place_key(cell("home_community")).lower()) \
                or book.communities.get(_key(cell("home_community")))
            if community is None or community not in book.writable_ids:
                errors["home_community"] = _("No community “%(value)s” that you may use.") % {
                    "value": cells.text(cell("home_community"))}
            values["home_community_id"] = community
        home = values.get("home_community_id") or (existing.home_community_id if existing else None)
        if given("grid"):
            grid = book.grids.get((home, _key(cell("grid"))))
            if grid is None:
                errors["grid"] = _("No grid “%(value)s” in the home community.") % {"value": cells.text(cell("grid"))}
            values["grid_id"] = grid
        elif "grid" in self.mapping:
            values["grid_id"] = None
        if given("employer_unit"):
            unit = book.units.get(_key(cell("employer_unit")))
            if unit is None:
                errors["employer_unit"] = _("No unit “%(value)s”.") % {"value": cells.text(cell("employer_unit"))}
            values["employer_unit_id"] = unit
        elif "employer_unit" in self.mapping:
            values["employer_unit_id"] = None
        if "skills" in self.mapping:
            values["skills"] = read("skills", lambda v: cells.skill_levels(v, skills=book.skills)) or {}
        if "languages" in self.mapping:
            values["languages"] = cells.items(cell("languages"))
        for column, low, high, whole in (("max_hours_per_week", 0, 60, True), ("max_distance_km", 0, None, False),
                                         ("lat", -90, 90, False), ("lng", -180, 180, False)):
            figure = read(column, lambda v, low=low, high=high, whole=whole: cells.number(
                v, low=low, high=high, whole=whole))
            if figure is not None or (column == "max_distance_km" and column in self.mapping):
                values[column] = figure  # a blank keeps the stored value, but for the distance: no limit
        if given("reported_community"):
            reported = book.communities.get(cells.place_key(cell("reported_community")).lower()) \
                or book.communities.get(_key(cell("reported_community")))
            if reported is None:
                errors["reported_community"] = _("No community “%(value)s”.") % {
                    "value": cells.text(cell("reported_community"))}
            values["reported_community_id"] = reported
        if "reported_at" in self.mapping:
            values["reported_at"] = read("reported_at", cells.date)
        active = read("active", cells.boolean)
        if active is not None:
            values["active"] = active
        read("gender", cells.gender)

        if existing is None:
            for column in ("name", "kind", "home_community"):
                if not given(column) and column not in errors:
                    errors[column] = _("This column is required for a new volunteer.")
            if not phone and "phone" not in errors:
                errors["phone"] = _("Enter the full phone number for a new volunteer.")
        self._domain_check(values, existing, errors)
        if errors:
            return Planned(line, BAD, existing, problems=[
                {"row": line, "column": column, "reason": reason} for column, reason in errors.items()])
        if existing is None:
            point = book.community_points[values["home_community_id"]]
            values.setdefault("lat", point[0])
            values.setdefault("lng", point[1])
            return Planned(line, CREATE, None, values, phone)
        changed = {name: value for name, value in values.items() if getattr(existing, name) != value}
        new_phone = phone if phone and phone != existing.user.phone else None
        action = UPDATE if changed or new_phone else UNCHANGED
        return Planned(line, action, existing, changed, new_phone)

    def _domain_check(self, values: dict, existing: Volunteer | None, errors: dict) -> None:
        def final(name):
            return values[name] if name in values else getattr(existing, name, None)

        if final("kind") == Volunteer.Kind.IN_OFFICE and final("employer_unit_id") is None \
                and "employer_unit" not in errors:
            errors["employer_unit"] = _("An in-office member needs an employer unit.")
        grid = final("grid_id")
        if grid and "grid" not in errors and self.book.grid_community.get(grid) != final("home_community_id"):
            errors["grid"] = _("The grid is not in the home community.")
        if final("reported_community_id") is not None and final("reported_at") is None and "reported_at" not in errors:
            errors["reported_at"] = _("Give the date of reporting.")


# ---------------------------------------------------------------- writing

def chunk_write(planned: list[Planned], *, book: VolunteerBook) -> list[Planned]:
    """Write a chunk's creates and updates inside the caller's transaction, with bulk writes (the new accounts'
    invitations follow once the whole file is in: invitations_issue). Should the chunk collide with a concurrent
    writer (a phone or a number taken since it was planned), each row is written alone in a savepoint and a row that
    still collides becomes a bad row. Returns the rows as written (bad ones among them)."""
    try:
        with transaction.atomic():
            _write(planned, book=book)
        return planned
    except IntegrityError:
        written = []
        for row in planned:
            try:
                with transaction.atomic():
                    _write([row], book=book)
                written.append(row)
            except IntegrityError:
                written.append(Planned(row.line, BAD, row.volunteer, problems=[{
                    "row": row.line, "column": "phone",
                    "reason": _("Another active account has this phone number."),
                }]))
        return written


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
        users = [User(username=number, display_name=row.values["name"], phone=row.phone, role=User.Role.VOLUNTEER,
                      password=make_password(None)) for number, row in zip(numbers, creates, strict=True)]
        User.objects.bulk_create(users)
        volunteers = [Volunteer(user=account, number=number, **row.values)
                      for account, number, row in zip(users, numbers, creates, strict=True)]
        Volunteer.objects.bulk_create(volunteers)
        for volunteer, row in zip(volunteers, creates, strict=True):
            row.volunteer = volunteer
            book.remember(volunteer)
    updates = [row for row in planned if row.action == UPDATE]
    if updates:
        changed = sorted({name for row in updates for name in row.values})
        volunteers = []
        for row in updates:
            for name, value in row.values.items():
                setattr(row.volunteer, name, value)
            row.volunteer.updated_at = now
            volunteers.append(row.volunteer)
        Volunteer.objects.bulk_update(volunteers, [*changed, "updated_at"])
        accounts = []
        for row in updates:
            account = row.volunteer.user
            if row.phone is not None:
                book.phones_taken.discard(account.phone)
                account.phone, account.phone_problem, account.phone_confirmed_at = row.phone, "", None
            account.display_name = row.volunteer.name
            accounts.append(account)
            book.remember(row.volunteer)
        User.objects.bulk_update(accounts, ["phone", "phone_problem", "phone_confirmed_at", "display_name"])
