"""Admin of unit ledgers (写实性档案): the month's figures per unit and the entries coordinators added."""

from django.contrib import admin

from ledgers.models import LedgerEntry, UnitLedger


class LedgerEntryInline(admin.TabularInline):
    model = LedgerEntry
    extra = 0
    fields = ["kind", "date", "title", "note", "created_by", "created_at"]
    readonly_fields = ["created_by", "created_at"]


@admin.register(UnitLedger)
class UnitLedgerAdmin(admin.ModelAdmin):
    list_display = [
        "unit",
        "month",
        "project_count",
        "booking_count",
        "resource_minutes",
        "member_count",
        "member_minutes",
        "written_at",
    ]
    list_filter = ["month", "unit__kind"]
    search_fields = ["unit__name"]
    list_select_related = ["unit"]
    raw_id_fields = ["unit"]
    readonly_fields = [
        "projects",
        "resources",
        "project_count",
        "booking_count",
        "resource_minutes",
        "member_count",
        "member_minutes",
        "written_at",
        "created_at",
        "updated_at",
    ]
    inlines = [LedgerEntryInline]


@admin.register(LedgerEntry)
class LedgerEntryAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "date", "ledger", "created_by", "created_at"]
    list_filter = ["kind"]
    search_fields = ["title", "note", "ledger__unit__name"]
    list_select_related = ["ledger", "ledger__unit", "created_by"]
    raw_id_fields = ["ledger"]
    readonly_fields = ["created_by", "created_at"]
