"""Who sees what: every list and every object is filtered by the caller's role and scope on the server.

A `Scope` names, per model, the path from a row to its community, to its unit and to its volunteer.
Rows outside the caller's scope are simply not in their queryset, so detail views answer 404.
"""

from dataclasses import dataclass
from typing import Literal, Protocol

from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The role an account acts in (accounts.User.role); the scopes below say what each one sees."""

    ADMIN = "admin", _("District administrator")
    SUBDISTRICT = "subdistrict_coordinator", _("Sub-district coordinator")
    COMMUNITY = "community_coordinator", _("Community coordinator")
    UNIT = "unit_representative", _("Unit representative")
    VOLUNTEER = "volunteer", _("Volunteer")


COORDINATORS = frozenset({Role.ADMIN, Role.SUBDISTRICT, Role.COMMUNITY})
ALL_ROLES = frozenset(Role)
NOTHING = Q(pk__in=[])


class SignedIn(Protocol):
    """What scoping reads of a signed-in account (accounts.User, which core does not import)."""

    @property
    def is_authenticated(self) -> Literal[True]: ...
    @property
    def is_superuser(self) -> bool: ...
    @property
    def role(self) -> str: ...
    @property
    def community_id(self) -> int | None: ...
    @property
    def sub_district_id(self) -> int | None: ...
    @property
    def unit_id(self) -> int | None: ...


# The caller, as request.user gives it.
Caller = SignedIn | AnonymousUser


@dataclass(frozen=True)
class Scope:
    # Path from the row to its Community ("self" when the row is a Community); None: not community-scoped.
    community: str | None = "community"
    # Path to the provider/employer Unit for unit representatives; None: they see nothing.
    unit: str | None = None
    # Path to the Volunteer profile for volunteers; None: they see nothing.
    volunteer: str | None = None
    # Roles that read every row (catalogues such as skills and geography).
    read_all: frozenset = frozenset()
    # Roles that may write (create, update, delete) rows inside their scope.
    write: frozenset = COORDINATORS


def _community_q(path: str | None, user: SignedIn) -> Q:
    if path is None:
        return NOTHING
    if user.role == Role.COMMUNITY:
        key = "pk" if path == "self" else path
        return Q(**{key: user.community_id})
    if user.role == Role.SUBDISTRICT:
        key = "sub_district" if path == "self" else f"{path}__sub_district"
        return Q(**{key: user.sub_district_id})
    return NOTHING


def scope_filter(user: Caller, scope: Scope, *, write: bool) -> Q | None:
    """The filter for the caller's rows; None means every row."""
    if not user.is_authenticated:
        return NOTHING
    if user.role == Role.ADMIN or user.is_superuser:
        return None
    if write and user.role not in scope.write:
        return NOTHING
    if not write and user.role in scope.read_all:
        return None
    if user.role in (Role.COMMUNITY, Role.SUBDISTRICT):
        return _community_q(scope.community, user)
    if user.role == Role.UNIT:
        return Q(**{scope.unit: user.unit_id}) if scope.unit else NOTHING
    if user.role == Role.VOLUNTEER:
        volunteer_id = getattr(getattr(user, "volunteer", None), "pk", None)
        return Q(**{scope.volunteer: volunteer_id}) if scope.volunteer and volunteer_id else NOTHING
    return NOTHING


def scope_queryset(queryset: QuerySet, user: Caller, scope: Scope, *, write: bool = False) -> QuerySet:
    condition = scope_filter(user, scope, write=write)
    return queryset if condition is None else queryset.filter(condition)
