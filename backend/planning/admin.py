"""Admin of matching runs (read-mostly, as every run: runs.admin) and of their plans."""

from django.contrib import admin

from planning import services
from planning.models import Assignment, MatchingRun, Publication, RemovedPair, ResourceBooking, UnfilledSeat
from runs.admin import RUN_READONLY, RunAdmin, RunPublicationAdmin, cancel_action


@admin.register(MatchingRun)
class MatchingRunAdmin(RunAdmin):
    list_display = [
        "id",
        "scope_key",
        "week",
        "version",
        "status",
        "stage",
        "progress",
        "gap",
        "attempts",
        "created_by",
        "created_at",
        "finished_at",
    ]
    list_filter = ["status", "level", "week", "sub_district"]
    readonly_fields = RUN_READONLY + ["district", "week", "gap", "solver", "stats", "metrics"]
    actions = [cancel_action(services.matching_run_cancel)]


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
class PublicationAdmin(RunPublicationAdmin):
    list_display = ["id", "scope_key", "week", "run", "published_by", "published_at"]
    list_filter = ["week"]
    readonly_fields = ["scope_key", "week", "run", "published_by", "published_at"]
