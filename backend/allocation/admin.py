"""Admin of post allocation runs (read-mostly, as every run: runs.admin), their plans, the removed pairs,
publications and members' declines."""

from django.contrib import admin

from allocation import services
from allocation.models import AllocationPublication, AllocationRun, Exclusion, HoldingDecline, Proposal, UnfilledPost
from runs.admin import RUN_READONLY, RunAdmin, RunPublicationAdmin, cancel_action


@admin.register(AllocationRun)
class AllocationRunAdmin(RunAdmin):
    list_display = [
        "id",
        "scope_key",
        "year",
        "version",
        "status",
        "attempts",
        "created_by",
        "created_at",
        "finished_at",
    ]
    list_filter = ["status", "level", "year", "sub_district"]
    readonly_fields = RUN_READONLY + ["year", "stats"]
    actions = [cancel_action(services.allocation_run_cancel)]


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
class AllocationPublicationAdmin(RunPublicationAdmin):
    """Read-only: publishing goes through the API, which also writes the holdings and tells the members."""

    list_display = ["id", "scope_key", "year", "run", "published_by", "published_at", "notified_at"]
    list_filter = ["year"]
    readonly_fields = ["scope_key", "year", "run", "published_by", "published_at", "notified_at"]


@admin.register(HoldingDecline)
class HoldingDeclineAdmin(admin.ModelAdmin):
    list_display = ["id", "holding", "reason", "declined_at"]
    search_fields = ["reason", "holding__volunteer__number", "holding__post__name"]
    list_select_related = ["holding", "holding__post", "holding__post__community", "holding__volunteer"]
    raw_id_fields = ["holding"]
