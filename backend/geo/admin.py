"""Admin of the geography: districts, sub-districts (街道), communities (社区), grids (网格) and facilities."""

from django.contrib import admin

from geo.models import Community, District, Facility, Grid, SubDistrict


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "city"]
    search_fields = ["code", "name", "city"]


@admin.register(SubDistrict)
class SubDistrictAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "district"]
    list_filter = ["district"]
    search_fields = ["code", "name"]
    list_select_related = ["district"]


class GridInline(admin.TabularInline):
    model = Grid
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("community")  # __str__ names the community


class FacilityInline(admin.TabularInline):
    model = Facility
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("community")


@admin.register(Community)
class CommunityAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "sub_district", "population", "address"]
    list_filter = ["sub_district"]
    search_fields = ["code", "name", "address"]
    list_select_related = ["sub_district"]
    inlines = [GridInline, FacilityInline]


@admin.register(Grid)
class GridAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "community"]
    list_filter = ["community__sub_district"]
    search_fields = ["code", "name", "community__name"]
    list_select_related = ["community"]
    autocomplete_fields = ["community"]


@admin.register(Facility)
class FacilityAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "community", "capacity"]
    list_filter = ["kind", "community__sub_district"]
    search_fields = ["name", "community__name"]
    list_select_related = ["community"]
    autocomplete_fields = ["community"]
