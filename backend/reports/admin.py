"""Reports in the admin: export jobs and feedback reports to read and search; files are written by the tasks."""

from django.contrib import admin

from reports.models import ExportJob, FeedbackReport


@admin.register(ExportJob)
class ExportJobAdmin(admin.ModelAdmin):
    """Read-mostly, like every run (runs.admin): the worker and the reaper move a job, never a hand."""

    list_display = ["id", "kind", "format", "created_by", "status", "progress", "created_at", "finished_at"]
    list_filter = ["kind", "format", "status"]
    list_select_related = ["created_by"]
    raw_id_fields = ["created_by"]
    search_fields = ["created_by__username"]
    readonly_fields = [
        "scope_key",
        "version",
        "status",
        "stage",
        "progress",
        "attempts",
        "rows_done",
        "rows_total",
        "file",
        "message",
        "heartbeat",
        "time_limit",
        "started_at",
        "finished_at",
    ]


@admin.register(FeedbackReport)
class FeedbackReportAdmin(admin.ModelAdmin):
    list_display = ["unit", "year", "quarter", "member_count", "minutes", "generated_at"]
    list_filter = ["year", "quarter"]
    list_select_related = ["unit"]
    raw_id_fields = ["unit"]
    search_fields = ["unit__name"]
    readonly_fields = ["member_count", "minutes", "pdf_file", "xlsx_file", "generated_at"]
