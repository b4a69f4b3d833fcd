"""Admin of matching runs (read-mostly: runs are started through the API so that the worker runs them) and of
their plans. A run's status changes only through the services (cancel here; the reaper on beat for a stuck run),
which keep the lifecycle's rules and write the audit entry."""
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin import service_action
from planning import services
from planning.models import Assignment, MatchingRun, Publication, RemovedPair, ResourceBooking, UnfilledSeat


@admin.register(MatchingRun)
class MatchingRunAdmin(admin.ModelAdmin):
    list_display = ["id", "scope_key", "week", "version", "status", "stage", "progress", "gap", "attempts",
                    "created_by", "created_at", "finished_at"]
    list_filter = ["status", "level", "week", "sub_district"]
    search_fields = ["scope_key", "community__name", "sub_district__name", "message"]
    list_select_related = ["created_by"]
    date_hierarchy = "created_at"
    readonly_fields = ["level", "scope_key", "district", "sub_district", "community", "week", "version", "status",
                       "stage", "progress", "gap", "attempts", "heartbeat", "time_limit", "solver", "created_by",
                       "started_at", "finished_at", "stats", "metrics", "created_at", "updated_at"]
    actions = [service_action("cancel_runs", _("Cancel the selected runs"),
                              lambda user, run: services.matching_run_cancel(user=user, run=run))]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["id", "run", "shift", "volunteer", "pinned", "source"]
    list_filter = ["pinned", "source", "run__week"]
    search_fields = ["volunteer__number", "volunteer__name", "shift__title"]
    list_select_related = ["run", "shift", "volunteer"]
    raw_id_fields = ["run", "shift", "volunteer"]


@admin.register(ResourceBooking)
class ResourceBookingAdmin(admin.ModelAdmin):
    list_display = ["id", "run", "request", "resource"]
    list_filter = ["run__week"]
    search_fields = ["resource__name", "request__shift__title"]
    list_select_related = ["run", "request__shift", "resource"]
    raw_id_fields = ["run", "request", "resource"]


@admin.register(UnfilledSeat)
class UnfilledSeatAdmin(admin.ModelAdmin):
    list_display = ["id", "run", "shift", "missing"]
    list_filter = ["run__week"]
    search_fields = ["shift__title", "suggestion"]
    list_select_related = ["run", "shift"]
    raw_id_fields = ["run", "shift"]


@admin.register(RemovedPair)
class RemovedPairAdmin(admin.ModelAdmin):
    """Pairs taken out in review; deleting one lets the next run offer the pair again."""

    list_display = ["id", "run", "shift", "volunteer", "removed_by", "removed_at"]
    list_filter = ["run__week"]
    search_fields = ["volunteer__number", "volunteer__name", "shift__title"]
    list_select_related = ["run", "shift", "volunteer", "removed_by"]
    raw_id_fields = ["run", "shift", "volunteer", "removed_by"]
    readonly_fields = ["removed_at"]


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    """Read-only: publishing goes through the API, which also notifies the volunteers."""

    list_display = ["id", "scope_key", "week", "run", "published_by", "published_at"]
    list_filter = ["week"]
    search_fields = ["scope_key"]
    list_select_related = ["run", "published_by"]
    raw_id_fields = ["run", "published_by"]
    readonly_fields = ["scope_key", "week", "run", "published_by", "published_at"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
