"""Admin of the needs list (需求清单): status, owner (首问) and deadline (限时办结) at a glance. The status moves only
through need_transition (publish, close), which keeps the status flow and its timestamps."""
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin import service_action
from needs.models import Need
from needs.services import need_transition


@admin.register(Need)
class NeedAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "status",
        "category",
        "type",
        "is_micro_wish",
        "community",
        "urgency",
        "owner",
        "deadline",
        "rating_score",
    ]
    list_filter = ["status", "category", "type", "source", "is_micro_wish", "urgency", "community__sub_district"]
    search_fields = ["title", "description", "requester_name", "community__name"]
    list_select_related = ["community", "owner"]
    autocomplete_fields = ["community", "grid", "owner"]
    readonly_fields = [
        "status",
        "status_changed_at",
        "finished_at",
        "rating_score",
        "rating_comment",
        "rated_by",
        "rated_at",
        "created_at",
        "updated_at",
    ]
    date_hierarchy = "created_at"
    actions = [
        service_action("publish_needs", _("Publish the selected needs"),
                       lambda user, need: need_transition(need=need, status=Need.Status.PUBLISHED)),
        service_action("close_needs", _("Close the selected needs"),
                       lambda user, need: need_transition(need=need, status=Need.Status.CLOSED)),
    ]

