"""Admin of import runs (read-mostly, as every run: runs.admin) and of the columns uploaders mapped."""

from django.contrib import admin

from runs.admin import RUN_READONLY, RunAdmin
from transfer.models import ColumnMemory, ImportRun


@admin.register(ImportRun)
class ImportRunAdmin(RunAdmin):
    list_display = [
        "id",
        "scope_key",
        "kind",
        "version",
        "status",
        "rows_total",
        "created",
        "updated",
        "unchanged",
        "bad",
        "created_by",
        "created_at",
        "finished_at",
    ]
    list_filter = ["status", "kind", "sub_district"]
    readonly_fields = [name for name in RUN_READONLY if name != "level"] + [
        "kind",
        "file",
        "file_name",
        "headers",
        "mapping",
        "header_line",
        "rows_total",
        "rows_done",
        "preview",
        "created",
        "updated",
        "unchanged",
        "bad",
        "problems",
        "message",
    ]


@admin.register(ColumnMemory)
class ColumnMemoryAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "header", "column"]
    list_filter = ["kind"]
    search_fields = ["header", "user__username"]
    raw_id_fields = ["user"]
