"""Admin of the resources list (资源清单) with each resource's free slots inline."""

from django.contrib import admin

from resources.models import Resource, ResourceSlot


class ResourceSlotInline(admin.TabularInline):
    model = ResourceSlot
    extra = 0


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = ["name", "category", "unit", "community", "capacity", "status"]
    list_filter = ["category", "status", "community__sub_district"]
    search_fields = ["name", "address", "conditions", "unit__name", "community__name"]
    list_select_related = ["unit", "community"]
    autocomplete_fields = ["unit", "community"]
    inlines = [ResourceSlotInline]


@admin.register(ResourceSlot)
class ResourceSlotAdmin(admin.ModelAdmin):
    list_display = ["resource", "weekday", "date", "start_time", "end_time"]
    list_filter = ["weekday"]
    search_fields = ["resource__name"]
    list_select_related = ["resource"]
    autocomplete_fields = ["resource"]
