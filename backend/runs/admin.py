"""The admin every kind of run shares (registered by each app for its own models): runs are read-mostly, since they
are started through the API so that a worker runs them, and a run's status changes only through the services
(cancel here; the reaper on beat for a stuck run), which keep the lifecycle's rules and write the audit entry.
Publications are read-only: publishing goes through the API, which also tells the people concerned."""

from collections.abc import Callable

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin import service_action

# The lifecycle's columns: never edited by hand.
RUN_READONLY = [
    "level",
    "scope_key",
    "sub_district",
    "community",
    "version",
    "status",
    "stage",
    "progress",
    "attempts",
    "heartbeat",
    "time_limit",
    "created_by",
    "started_at",
    "finished_at",
    "created_at",
    "updated_at",
]


def cancel_action(cancel: Callable) -> Callable:
    """The admin action that cancels the selected runs through the app's service `cancel(user=, run=)`."""
    return service_action("cancel_runs", _("Cancel the selected runs"), lambda user, run: cancel(user=user, run=run))


class RunAdmin(admin.ModelAdmin):
    search_fields = ["scope_key", "community__name", "sub_district__name", "message"]
    list_select_related = ["created_by"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:
        return False


class RunPublicationAdmin(admin.ModelAdmin):
    search_fields = ["scope_key"]
    list_select_related = ["run", "published_by"]
    raw_id_fields = ["run", "published_by"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
