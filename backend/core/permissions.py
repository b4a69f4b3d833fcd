"""Role gates shared by the action APIs: coordinators, volunteers with a profile, unit representatives.

Each app subclasses them only to say, in its own words, why the other roles get a 403; which objects a
permitted caller may touch is still decided per object by the scopes (core.scoping).
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import permissions

from core.scoping import COORDINATORS, Role


def _signed_in(request) -> bool:
    return bool(request.user and request.user.is_authenticated)


class CoordinatorsOnly(permissions.BasePermission):
    """Community and sub-district coordinators and the district's administrators."""

    message = _("Only coordinators may do this.")

    def has_permission(self, request, view) -> bool:
        return _signed_in(request) and (request.user.is_superuser or request.user.role in COORDINATORS)


class VolunteersOnly(permissions.BasePermission):
    """Volunteers with a volunteer profile (an account of the volunteer role without one has nothing to show)."""

    message = _("Only volunteers may do this.")

    def has_permission(self, request, view) -> bool:
        user = request.user
        # the profile is people.Volunteer, reached by its one-to-one `volunteer` (core imports no domain app)
        return _signed_in(request) and user.role == Role.VOLUNTEER and hasattr(user, "volunteer")


class CoordinatorsAndVolunteersOnly(permissions.BasePermission):
    """Coordinators, and volunteers for what is their own (the scopes choose their rows)."""

    message = _("Only coordinators and volunteers may do this.")

    def has_permission(self, request, view) -> bool:
        user = request.user
        return _signed_in(request) and (user.is_superuser or user.role in COORDINATORS | {Role.VOLUNTEER})


class UnitRepresentativesOnly(permissions.BasePermission):
    """Representatives of a unit (驻区单位)."""

    message = _("Only unit representatives may do this.")

    def has_permission(self, request, view) -> bool:
        return _signed_in(request) and request.user.role == Role.UNIT
