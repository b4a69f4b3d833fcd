"""The spreadsheet shapes of volunteers and resources (django-import-export resources), with natural keys.

Each sheet is built for one caller: related rows are looked up only inside what that caller may write,
so a row that names another community fails on that column instead of being filed out of scope.
"""

from functools import cached_property

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ObjectDoesNotExist, ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from import_export.instance_loaders import CachedInstanceLoader

from accounts import selectors as accounts_selectors
from accounts.models import User
from core import sheets, text
from core.masking import mask_phone
from core.phones import phone_parse
from core.scoping import COORDINATORS, Role, Scope, scope_queryset
from geo.models import Community, Grid
from orgs.models import Unit
from people import services as people_services
from people.models import Volunteer
from resources.models import Resource

LIST_SEPARATOR = ";"
WRITABLE_COMMUNITIES = Scope(community="self")
# The same scopes as the API's VolunteerViewSet and ResourceViewSet (a test keeps them equal).
VOLUNTEER_SCOPE = Scope(
    community="home_community", unit="employer_unit", volunteer="pk", write=COORDINATORS | {Role.VOLUNTEER}
)
RESOURCE_SCOPE = Scope(community="community", unit="unit", write=COORDINATORS | {Role.UNIT})


class NaturalKeyWidget(widgets.ForeignKeyWidget):
    """A foreign key by code or name, looked up in the rows the caller may use; a miss names the value."""

    def __init__(self, model, field, queryset=None):
        super().__init__(model, field=field)
        self.queryset = queryset if queryset is not None else model.objects.all()
        self._cache: dict = {}

    def clean(self, value, row=None, **kwargs):
        value = "" if value is None else str(value).strip()
        if not value:
            return None
        if value not in self._cache:
            try:
                self._cache[value] = self.queryset.get(**{self.field: value})
            except ObjectDoesNotExist:
                self._cache[value] = None
        if self._cache[value] is None:
            raise ValueError(
                _("No %(model)s “%(value)s” that you may use.")
                % {"model": self.model._meta.verbose_name, "value": value}
            )
        return self._cache[value]


class SkillLevelsWidget(widgets.Widget):
    """Skills as "first_aid:3;legal:2" in the sheet, {"first_aid": 3, "legal": 2} in the database."""

    def clean(self, value, row=None, **kwargs):
        text = "" if value is None else str(value).strip()
        levels = {}
        for part in filter(None, (p.strip() for p in text.split(LIST_SEPARATOR))):
            code, sep, level = part.partition(":")
            code, level = code.strip(), level.strip()
            if not sep or not code or not level.isdigit():
                raise ValueError(_("Write skills as code:level separated by “;”, e.g. first_aid:3;legal:2."))
            levels[code] = int(level)
        return levels

    def render(self, value, obj=None, **kwargs):
        return LIST_SEPARATOR.join(f"{code}:{level}" for code, level in (value or {}).items())


class StringListWidget(widgets.Widget):
    """Lists as "zh;en" in the sheet."""

    def clean(self, value, row=None, **kwargs):
        text = "" if value is None else str(value).strip()
        return [item for item in (p.strip() for p in text.split(LIST_SEPARATOR)) if item]

    def render(self, value, obj=None, **kwargs):
        return LIST_SEPARATOR.join(value or [])


class StrictBooleanWidget(widgets.BooleanWidget):
    """1/0, true/false, 是/否; anything else is an error rather than a silent False."""

    TRUE_TEXT = {"1", "true", "yes", "y", "是"}
    FALSE_TEXT = {"0", "false", "no", "n", "否"}

    def clean(self, value, row=None, **kwargs):
        if value is None or isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text.endswith(".0"):  # a spreadsheet number 1.0
            text = text[:-2]
        if not text:
            return None
        if text in self.TRUE_TEXT:
            return True
        if text in self.FALSE_TEXT:
            return False
        raise ValueError(_("Write 1 or 0 (yes or no)."))


class TextWidget(widgets.CharWidget):
    """Text cells; spreadsheet numbers (a phone typed as 13812345678) come back without a trailing .0."""

    def clean(self, value, row=None, **kwargs):
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()


class IdWidget(widgets.IntegerWidget):
    """Row ids; a value that is not a number finds no row (and is reported as such) instead of failing the file."""

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except (ValueError, TypeError, ArithmeticError):
            return None


class ChoiceWidget(TextWidget):
    """A choice by its code (in_office) or its label in any of the site's languages (在职党员); exports the code."""

    def __init__(self, choices, *, blank_keeps=False):
        super().__init__()
        self.choices = choices
        self.blank_keeps = blank_keeps
        self._lookup = None

    def lookup(self) -> dict:
        if self._lookup is None:
            self._lookup = {}
            for language, _name in settings.LANGUAGES:
                with translation.override(language):
                    self._lookup.update({str(label).strip().lower(): value for value, label in self.choices.choices})
            self._lookup.update({value.lower(): value for value in self.choices.values})
        return self._lookup

    def clean(self, value, row=None, **kwargs):
        text = super().clean(value, row, **kwargs)
        if not text:
            return None if self.blank_keeps else text
        return self.lookup().get(text.lower(), text)  # an unknown value is reported by the model's choices check


def _field(name, widget=None, **kwargs):
    return fields.Field(attribute=name, column_name=name, widget=widget or TextWidget(), **kwargs)


def _keep_if_blank(name, widget):
    """A blank cell keeps the stored value (or the model default on a new row)."""
    return fields.Field(attribute=name, column_name=name, widget=widget, saves_null_values=False)


class ScopedSheet(resources.ModelResource):
    """Shared behaviour: the caller's scope, an id column that only finds rows in scope, errors by column."""

    id_column: str = "id"
    required_columns: tuple = ()
    location_from: str = "community"  # blank lat/lng are taken from this community
    extra_aliases: dict = {}

    def __init__(self, *, user: User):
        super().__init__()
        self.user = user

    def writable_queryset(self):
        raise NotImplementedError

    def get_queryset(self):
        return self.writable_queryset()

    def before_import(self, dataset, **kwargs):
        # A sheet of new rows may leave out the id column.
        if self.id_column not in (dataset.headers or []):
            dataset.append_col([""] * len(dataset), header=self.id_column)

    @cached_property
    def one_line_columns(self) -> set[str]:
        """Columns of a model CharField (a name, an address); a TextField's (conditions) keep their line breaks."""
        return {
            field.column_name
            for field in self.fields.values()
            if isinstance(self._model_field(field), models.CharField)
        }

    def _model_field(self, field):
        try:
            return self._meta.model._meta.get_field(field.attribute or field.column_name)
        except FieldDoesNotExist:
            return User._meta.get_field(field.column_name) if field.column_name == "phone" else None

    def before_import_row(self, row, **kwargs):
        """The row's text, cell by cell, before anything is looked up: the export's text mark ("'=...") comes off,
        a control character is refused and so is a line break in one-line text, each on its column."""
        errors = {}
        for column, value in row.items():
            if not isinstance(value, str):
                continue
            row[column] = value = sheets.unmarked(value)
            if text.UNSAFE_CHARACTERS.search(value):
                errors[column] = [str(text.UNSAFE_MESSAGE)]
            elif column in self.one_line_columns and text.LINE_BREAKS.search(value.strip()):
                errors[column] = [str(text.ONE_LINE_MESSAGE)]
        if errors:
            raise ValidationError(errors)

    def get_or_init_instance(self, instance_loader, row):
        value = row.get(self.id_column)
        if value is None or str(value).strip() == "":
            return self.init_instance(row), True
        try:
            instance = self.get_instance(instance_loader, row)
        except (ValueError, TypeError):
            instance = None
        if instance is None:
            raise ValidationError(
                {
                    self.id_column: _("No %(model)s “%(value)s” that you may change; leave it blank to add a new one.")
                    % {"model": self._meta.model._meta.verbose_name, "value": value}
                }
            )
        return instance, False

    def column_aliases(self) -> dict:
        """Headers may also be a column's label in any of the site's languages (居住社区, Home community)."""
        aliases = {}
        for field in self.fields.values():
            model_field = self._model_field(field)
            if model_field is None:
                continue
            for language, _name in settings.LANGUAGES:
                with translation.override(language):
                    aliases[str(model_field.verbose_name).strip().lower()] = field.column_name
        aliases.update(self.extra_aliases)
        aliases.update({field.column_name.lower(): field.column_name for field in self.fields.values()})
        return aliases

    def fill_location(self, instance, community):
        if community is not None:
            if instance.lat is None:
                instance.lat = community.lat
            if instance.lng is None:
                instance.lng = community.lng

    def domain_errors(self, instance) -> dict:
        return {}

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        for name, message in self.domain_errors(instance).items():
            errors.setdefault(name, ValidationError(message))
        exclude = set(errors) | {"user", "number"}
        # Related rows set from the sheet were found by their widgets already; skip a query each.
        exclude |= {
            f.name
            for f in instance._meta.concrete_fields
            if f.is_relation and f.name in self.fields and getattr(instance, f.attname) is not None
        }
        if self.location_from in errors:
            exclude |= {"lat", "lng"}  # they come from the community, which is already reported
        try:
            # Check constraints are covered by domain_errors, which name the column.
            instance.full_clean(exclude=exclude, validate_unique=validate_unique, validate_constraints=False)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)


def row_errors_of(invalid_or_error) -> dict:
    """{column: [messages]} of one failed row, with the API's non_field_errors key."""
    error_dict = getattr(invalid_or_error, "error_dict", None)
    if error_dict is None:
        return {"non_field_errors": [str(invalid_or_error)]}
    return {
        ("non_field_errors" if key == NON_FIELD_ERRORS else key): [str(m) for m in messages]
        for key, messages in error_dict.items()
    }


class VolunteerSheet(ScopedSheet):
    """Columns: number, name, kind, phone, home_community, grid, employer_unit, skills, languages,
    max_hours_per_week, max_distance_km, lat, lng, reported_community, reported_at, consent_rank_name,
    consent_share_with_unit (exported, never imported: the volunteer gives consent), active."""

    id_column = "number"
    required_columns = ("name", "kind", "home_community")
    location_from = "home_community"
    extra_aliases = {"姓名": "name", "手机": "phone", "电话": "phone", "联系电话": "phone"}

    number = fields.Field(attribute="number", column_name="number", widget=TextWidget(), readonly=True)
    name = _field("name")
    kind = _field("kind", ChoiceWidget(Volunteer.Kind))
    phone = fields.Field(column_name="phone", widget=TextWidget())
    skills = _field("skills", SkillLevelsWidget())
    languages = _field("languages", StringListWidget())
    max_hours_per_week = _keep_if_blank("max_hours_per_week", widgets.IntegerWidget())
    max_distance_km = _field("max_distance_km", widgets.FloatWidget())
    lat = _keep_if_blank("lat", widgets.FloatWidget())
    lng = _keep_if_blank("lng", widgets.FloatWidget())
    reported_at = _field("reported_at", widgets.DateWidget())
    # Consent is the volunteer's own act (people.services): the sheet shows it and an import never sets it.
    consent_rank_name = fields.Field(
        attribute="consent_rank_name", column_name="consent_rank_name", widget=StrictBooleanWidget(), readonly=True
    )
    consent_share_with_unit = fields.Field(
        attribute="consent_share_with_unit",
        column_name="consent_share_with_unit",
        widget=StrictBooleanWidget(),
        readonly=True,
    )
    active = _keep_if_blank("active", StrictBooleanWidget())

    class Meta:
        model = Volunteer
        fields = [
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
            "consent_rank_name",
            "consent_share_with_unit",
            "active",
        ]
        import_id_fields = ["number"]
        clean_model_instances = True
        skip_diff = True
        use_transactions = True
        instance_loader_class = CachedInstanceLoader  # one query for every row's existing record

    def __init__(self, *, user: User):
        super().__init__(user=user)
        communities = scope_queryset(Community.objects.all(), user, WRITABLE_COMMUNITIES, write=True)
        self.fields["home_community"] = _field("home_community", NaturalKeyWidget(Community, "code", communities))
        self.fields["grid"] = _field(
            "grid", NaturalKeyWidget(Grid, "code", Grid.objects.filter(community__in=communities))
        )
        self.fields["employer_unit"] = _field("employer_unit", NaturalKeyWidget(Unit, "name"))
        self.fields["reported_community"] = _field("reported_community", NaturalKeyWidget(Community, "code"))

    def writable_queryset(self):
        queryset = Volunteer.objects.select_related(
            "user", "home_community", "grid", "employer_unit", "reported_community"
        )
        return scope_queryset(queryset, self.user, VOLUNTEER_SCOPE, write=True).order_by("id")

    def dehydrate_phone(self, volunteer) -> str:
        # Personal data: the sheet carries the masked number; a coordinator re-enters it to change it.
        return mask_phone(volunteer.user.phone)

    def import_instance(self, instance, row, **kwargs):
        errors: dict[str, list] = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        phone = TextWidget().clean(row.get("phone"))
        instance._imported_phone = None  # None: keep the stored number
        if "*" in phone:
            if instance.pk is None:
                errors["phone"] = [_("Enter the full phone number for a new volunteer.")]
        elif "phone" in row:
            normal = phone_parse(phone)
            if normal is None:
                errors["phone"] = [_("Enter a valid mainland mobile number (11 digits, e.g. 13812345678).")]
            elif normal and accounts_selectors.phone_taken(phone=normal, except_user=instance.user_id):
                errors["phone"] = [_("Another active account has this phone number.")]
            else:
                instance._imported_phone = normal
        self.fill_location(instance, getattr(instance, "home_community", None) if instance.home_community_id else None)
        if errors:
            raise ValidationError(errors)

    def domain_errors(self, instance) -> dict:
        errors = {}
        if instance.kind == Volunteer.Kind.IN_OFFICE and instance.employer_unit_id is None:
            errors["employer_unit"] = _("An in-office member needs an employer unit.")
        if instance.grid_id and instance.home_community_id and instance.grid.community_id != instance.home_community_id:
            errors["grid"] = _("The grid is not in the home community.")
        if instance.reported_community_id is not None and instance.reported_at is None:
            errors["reported_at"] = _("Give the date of reporting.")
        return errors

    def do_instance_save(self, instance, is_create):
        # The same path as the API: a new profile gets its account and a generated number.
        if is_create:
            values = {
                f.name: getattr(instance, f.name)
                for f in Volunteer._meta.concrete_fields
                if f.name not in {"id", "user", "number", "created_at", "updated_at"}
            }
            created = people_services.volunteer_create(phone=instance._imported_phone or "", **values)
            instance.pk, instance.user, instance.number = created.pk, created.user, created.number
            instance._state.adding = False
        else:
            people_services.volunteer_update(volunteer=instance, phone=instance._imported_phone, name=instance.name)


class ResourceSheet(ScopedSheet):
    """Columns: id, name, category, unit, community, capacity, features, address, lat, lng, conditions, status."""

    id_column = "id"
    required_columns = ("name", "category", "community")

    id = fields.Field(attribute="id", column_name="id", widget=IdWidget(), readonly=True)
    name = _field("name")
    category = _field("category", ChoiceWidget(Resource.Category))
    capacity = _keep_if_blank("capacity", widgets.IntegerWidget())
    features = _field("features", StringListWidget())
    address = _field("address")
    lat = _keep_if_blank("lat", widgets.FloatWidget())
    lng = _keep_if_blank("lng", widgets.FloatWidget())
    conditions = _field("conditions")
    status = _keep_if_blank("status", ChoiceWidget(Resource.Status, blank_keeps=True))

    class Meta:
        model = Resource
        fields = [
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
        ]
        import_id_fields = ["id"]
        clean_model_instances = True
        skip_diff = True
        use_transactions = True
        instance_loader_class = CachedInstanceLoader  # one query for every row's existing record

    def __init__(self, *, user: User):
        super().__init__(user=user)
        if user.role == Role.UNIT and not user.is_superuser:
            # A representative lists resources of their unit, located in any community.
            communities = Community.objects.all()
            units = Unit.objects.filter(pk=user.unit_id) if user.unit_id is not None else Unit.objects.none()
        else:
            communities = scope_queryset(Community.objects.all(), user, WRITABLE_COMMUNITIES, write=True)
            units = Unit.objects.all()
        self.is_unit_representative = user.role == Role.UNIT and not user.is_superuser
        self.fields["community"] = _field("community", NaturalKeyWidget(Community, "code", communities))
        self.fields["unit"] = _field("unit", NaturalKeyWidget(Unit, "name", units))

    def writable_queryset(self):
        queryset = Resource.objects.select_related("unit", "community")
        return scope_queryset(queryset, self.user, RESOURCE_SCOPE, write=True).order_by("id")

    def import_instance(self, instance, row, **kwargs):
        errors: dict[str, list] = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        if self.is_unit_representative and "unit" not in errors:
            if instance.unit_id is None:
                instance.unit_id = self.user.unit_id  # forced to theirs
        elif self.is_unit_representative:
            errors["unit"] = [_("You may list only your own unit's resources.")]
        self.fill_location(instance, instance.community if instance.community_id else None)
        if errors:
            raise ValidationError(errors)
