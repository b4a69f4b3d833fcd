"""Admin of 一编三定: groups and teams (编), the post catalogue (岗, 责, 时) and post holdings."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from posts.models import Post, PostHolding, Team


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "community", "leader", "specialty"]
    list_filter = ["kind", "community__sub_district"]
    search_fields = ["name", "specialty", "community__name"]
    list_select_related = ["community", "leader"]
    autocomplete_fields = ["community", "leader", "members"]


class PostHoldingInline(admin.TabularInline):
    model = PostHolding
    extra = 0
    autocomplete_fields = ["volunteer"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("volunteer", "post__community")


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["name", "category", "community", "team", "seats", "schedule_display", "priority", "active"]
    list_filter = ["category", "active", "priority", "community__sub_district"]
    search_fields = ["name", "duties", "target", "community__name"]
    list_select_related = ["community", "team"]
    autocomplete_fields = ["community", "team"]
    inlines = [PostHoldingInline]

    @admin.display(description=_("schedule"))
    def schedule_display(self, obj) -> str:
        return obj.schedule


@admin.register(PostHolding)
class PostHoldingAdmin(admin.ModelAdmin):
    list_display = ["year", "post", "volunteer", "status"]
    list_filter = ["year", "status"]
    search_fields = ["post__name", "volunteer__number", "volunteer__name"]
    list_select_related = ["post__community", "volunteer"]
    autocomplete_fields = ["post", "volunteer"]
