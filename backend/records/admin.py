"""Service records in the admin: read and search; reviews (the approve action here) and corrections go through the
services so that every change of hours or status leaves its RecordChange row."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin import service_action
from records.models import RecordChange, ServiceRecord
from records.services import record_approve


class RecordChangeInline(admin.TabularInline):
    model = RecordChange
    extra = 0
    can_delete = False
    readonly_fields = ["changed_at", "changed_by", "field", "old", "new", "note"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ServiceRecord)
class ServiceRecordAdmin(admin.ModelAdmin):
    list_display = ["date", "volunteer", "title", "community", "minutes", "source", "status"]
    list_filter = ["source", "status"]
    list_select_related = ["volunteer", "community"]
    raw_id_fields = ["volunteer", "community", "shift", "post", "attendance", "recorder", "reviewed_by"]
    search_fields = ["volunteer__name", "volunteer__number", "title"]
    inlines = [RecordChangeInline]
    actions = [
        service_action(
            "approve_records",
            _("Approve the selected records"),
            lambda user, record: record_approve(user=user, record_id=record.pk),
        )
    ]

    # Hours and status of a record change only through the services, which write the trace; a record is made by an
    # attendance or by 补录 in the web app (record_create_manual), never in the admin, whose add form would set both.
    readonly_fields = ["minutes", "status", "reviewed_by", "reviewed_at"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(RecordChange)
class RecordChangeAdmin(admin.ModelAdmin):
    list_display = ["record", "field", "old", "new", "changed_by", "changed_at"]
    list_filter = ["field"]
    raw_id_fields = ["record", "changed_by"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False
