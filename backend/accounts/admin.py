"""Admin of user accounts: Django's UserAdmin plus the role and the scope (sub-district, community, unit)."""
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import User

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
