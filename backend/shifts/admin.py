"""Admin of shifts with their resource request inline; the week is derived from the start on save."""

from django.contrib import admin
from django.utils import timezone

from core.weeks import district_zone, monday_of
from shifts.models import ResourceRequest, Shift


class ResourceRequestInline(admin.StackedInline):
    model = ResourceRequest
    extra = 0
    max_num = 1


@admin.register(Shift)
class ShiftAdmin(admin.ModelAdmin):
    list_display = ["title", "origin", "community", "start", "end", "seats", "priority", "week"]
    list_filter = ["origin", "priority", "week", "community__sub_district"]
    search_fields = ["title", "address", "community__name"]
    list_select_related = ["community"]
    autocomplete_fields = ["community", "post", "project", "need"]
    readonly_fields = ["week", "created_at", "updated_at"]
    date_hierarchy = "start"
    inlines = [ResourceRequestInline]

    def save_model(self, request, obj, form, change):
        obj.week = monday_of(timezone.localdate(obj.start, district_zone()))
        super().save_model(request, obj, form, change)


@admin.register(ResourceRequest)
class ResourceRequestAdmin(admin.ModelAdmin):
    list_display = ["shift", "kind", "min_capacity", "max_distance_km"]
    list_filter = ["kind"]
    search_fields = ["shift__title"]
    list_select_related = ["shift"]
    autocomplete_fields = ["shift"]
