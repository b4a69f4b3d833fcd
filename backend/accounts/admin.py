"""Admin of user accounts: Django's UserAdmin plus the role and the scope (sub-district, community, unit); the API
tokens of scripts, to see and to end one by one."""
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import ApiToken, User

admin.site.site_header = _("Community volunteer and resource platform")
admin.site.site_title = _("Community volunteer and resource platform")
admin.site.index_title = _("Administration")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "display_name", "role", "sub_district", "community", "unit", "is_active", "is_staff"]
    list_filter = ["role", "is_active", "is_staff", "is_superuser", "sub_district"]
    search_fields = ["username", "display_name", "phone", "email"]
    list_select_related = ["sub_district", "community", "unit"]
    autocomplete_fields = ["sub_district", "community", "unit"]
    ordering = ["username"]
    fieldsets = DjangoUserAdmin.fieldsets + (
        (_("Role and scope"), {"fields": ["display_name", "phone", "role", "sub_district", "community", "unit"]}),
    )
    add_fieldsets = DjangoUserAdmin.add_fieldsets + (
        (_("Role and scope"), {"fields": ["display_name", "phone", "role", "sub_district", "community", "unit"]}),
    )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Who has a token, since when, last used when; deleting one ends it. Nobody makes a token here: a token is
    made by signing in as its account, so an administrator never holds another person's credential."""

    list_display = ["user", "created_at", "last_used_at", "expires_at"]
    search_fields = ["user__username", "user__display_name"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    fields = readonly_fields = ["user", "created_at", "last_used_at", "expires_at"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("expires at"))
    def expires_at(self, token: ApiToken):
        return token.expires_at()
