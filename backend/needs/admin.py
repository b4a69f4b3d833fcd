"""Admin of the needs list (需求清单): status, owner (首问) and deadline (限时办结) at a glance."""
from django.contrib import admin

from needs.models import Need


@admin.register(Need)
class NeedAdmin(admin.ModelAdmin):
    list_display = [
        "title", "status", "category", "type", "is_micro_wish", "community", "urgency", "owner", "deadline", "rating_score",
    ]
    list_filter = ["status", "category", "type", "source", "is_micro_wish", "urgency", "community__sub_district"]
    search_fields = ["title", "description", "requester_name", "community__name"]
    list_select_related = ["community", "owner"]
    autocomplete_fields = ["community", "grid", "owner"]
    readonly_fields = [
        "status_changed_at", "finished_at", "rating_score", "rating_comment", "rated_by", "rated_at", "created_at", "updated_at",
    ]
    date_hierarchy = "created_at"

