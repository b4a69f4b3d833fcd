"""Admin of the projects list (项目清单) with their needs and resources."""

from django.contrib import admin

from projects.models import Project


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["name", "community", "unit", "team", "frequency", "start_date", "end_date", "seats"]
    list_filter = ["frequency", "community__sub_district"]
    search_fields = ["name", "goals", "community__name", "unit__name"]
    list_select_related = ["community", "unit", "team"]
    autocomplete_fields = ["community", "unit", "team", "needs", "resources"]
    date_hierarchy = "start_date"
