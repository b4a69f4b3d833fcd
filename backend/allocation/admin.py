"""Admin of post allocation runs (read-mostly: runs are started through the API so that the worker runs them),
their plans, the removed pairs, publications and members' declines. A run's status changes only through the
services (cancel here; the sweeper on beat for a stuck run)."""
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from allocation import services
from allocation.models import AllocationPublication, AllocationRun, Exclusion, HoldingDecline, Proposal, UnfilledPost
from core.admin import service_action


@admin.register(AllocationRun)
class AllocationRunAdmin(admin.ModelAdmin):
    list_display = ["id", "scope_key", "year", "version", "status", "attempts", "created_by", "created_at",
                    "finished_at"]
    list_filter = ["status", "level", "year", "sub_district"]
    search_fields = ["scope_key", "community__name", "sub_district__name", "message"]
    list_select_related = ["created_by"]
    date_hierarchy = "created_at"
    readonly_fields = ["level", "scope_key", "sub_district", "community", "year", "version", "status", "attempts",
                       "time_limit", "created_by", "started_at", "finished_at", "stats", "created_at", "updated_at"]
    actions = [service_action("cancel_runs", _("Cancel the selected runs"),
                              lambda user, run: services.allocation_run_cancel(user=user, run=run))]

    def has_add_permission(self, request) -> bool:
        return False


class _PairAdmin(admin.ModelAdmin):
    list_filter = ["run__year"]
    search_fields = ["volunteer__number", "volunteer__name", "post__name"]
    list_select_related = ["run", "post", "post__community", "volunteer"]
    raw_id_fields = ["run", "post", "volunteer"]


@admin.register(Proposal)
class ProposalAdmin(_PairAdmin):
    list_display = ["id", "run", "post", "volunteer", "pinned", "source"]
    list_filter = ["pinned", "source", "run__year"]


@admin.register(Exclusion)
class ExclusionAdmin(_PairAdmin):
    list_display = ["id", "run", "post", "volunteer"]


@admin.register(UnfilledPost)
class UnfilledPostAdmin(admin.ModelAdmin):
    list_display = ["id", "run", "post", "missing"]
    list_filter = ["run__year"]
    search_fields = ["post__name", "suggestion"]
    list_select_related = ["run", "post", "post__community"]
    raw_id_fields = ["run", "post"]


@admin.register(AllocationPublication)
class AllocationPublicationAdmin(admin.ModelAdmin):
    """Read-only: publishing goes through the API, which also writes the holdings and tells the members."""

    list_display = ["id", "scope_key", "year", "run", "published_by", "published_at", "notified_at"]
    list_filter = ["year"]
    search_fields = ["scope_key"]
    list_select_related = ["run", "published_by"]
    readonly_fields = ["scope_key", "year", "run", "published_by", "published_at", "notified_at"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(HoldingDecline)
class HoldingDeclineAdmin(admin.ModelAdmin):
    list_display = ["id", "holding", "reason", "declined_at"]
    search_fields = ["reason", "holding__volunteer__number", "holding__post__name"]
    list_select_related = ["holding", "holding__post", "holding__post__community", "holding__volunteer"]
    raw_id_fields = ["holding"]
