"""Admin actions that change a row's status through its service, so that the domain's rules, its audit entries and
its side effects apply in the admin as in the API; the status field itself is read-only in every admin form. And the
read-only admin of rows that only the services write (histories, deliveries, credentials)."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import ApplicationError

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def service_action(name: str, description: "StrOrPromise", call: Callable) -> Callable:
    """An admin action `name` that calls `call(user, row)` (one service call) for each selected row, each in its
    own savepoint: a row the service refuses is reported with the service's reason and the others go on."""

    def action(modeladmin: admin.ModelAdmin, request, queryset) -> None:
        done = 0
        for row in queryset:
            try:
                with transaction.atomic():
                    call(request.user, row)
            except ApplicationError as refusal:
                modeladmin.message_user(request, f"{row}: {refusal.message}", level=messages.ERROR)
            else:
                done += 1
        if done:
            modeladmin.message_user(request, _("%(action)s: %(count)d done.") % {"action": description, "count": done})

    action.__name__ = name
    return admin.action(description=description)(action)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows the services alone write: the admin lists and shows them (and may delete one), never adds or edits."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
