"""Admin of the needs list (需求清单): status, owner (首问) and deadline (限时办结) at a glance, with each need's owner
history; and the district's table of default deadlines by category and urgency. The status moves only through
need_transition (publish, close), which keeps the status flow and its timestamps; the owner changes only by a
hand-over (the web app), which keeps the owner history."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.admin import ReadOnlyAdmin, service_action
from needs.models import Need, NeedDeadlineRule, NeedOwnership
from needs.services import need_transition


class NeedOwnershipInline(admin.TabularInline):
    model = NeedOwnership
    extra = 0
    can_delete = False
    readonly_fields = ["owner", "since", "assigned_by", "reason"]
    raw_id_fields = ["owner", "assigned_by"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


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
    inlines = [NeedOwnershipInline]
    date_hierarchy = "created_at"
    actions = [
        service_action(
            "publish_needs",
            _("Publish the selected needs"),
            lambda user, need: need_transition(need=need, status=Need.Status.PUBLISHED),
        ),
        service_action(
            "close_needs",
            _("Close the selected needs"),
            lambda user, need: need_transition(need=need, status=Need.Status.CLOSED),
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        # The first owner is chosen when the need is added; later owners come by a hand-over, which records why.
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "owner"] if obj is not None else fields

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change and obj.owner_id is not None:
            NeedOwnership.objects.create(need=obj, owner=obj.owner, since=timezone.now(), assigned_by=request.user)


@admin.register(NeedOwnership)
class NeedOwnershipAdmin(ReadOnlyAdmin):
    """The owner history, written by filing and handing over needs only."""

    list_display = ["need", "owner", "since", "assigned_by", "reason"]
    list_select_related = ["need", "owner", "assigned_by"]
    raw_id_fields = ["need", "owner", "assigned_by"]
    search_fields = ["need__title", "owner__username", "owner__display_name"]
    date_hierarchy = "since"


@admin.register(NeedDeadlineRule)
class NeedDeadlineRuleAdmin(admin.ModelAdmin):
    list_display = ["category", "urgency", "days"]
    list_editable = ["days"]
    list_filter = ["category", "urgency"]
    ordering = ["category", "-urgency"]
