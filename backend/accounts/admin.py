"""Admin of user accounts: Django's UserAdmin plus the role and the scope (sub-district, community, unit); the API
tokens of scripts, to see and to end one by one; invitations and one-time codes, to read (made and used only
through the API, their digests never shown)."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.models import ApiToken, Invitation, PhoneCode, User
from core.admin import ReadOnlyAdmin
from core.masking import mask_phone
from core.phones import phone_normalize

admin.site.site_header = _("Community volunteer and resource platform")
admin.site.site_title = _("Community volunteer and resource platform")
admin.site.index_title = _("Administration")


class PhoneFormMixin:
    """The phone as people type it (spaces, +86, full-width digits), stored in E.164 (core.phones)."""

    def clean_phone(self) -> str:
        try:
            return phone_normalize(self.cleaned_data.get("phone", ""))
        except ValidationError as exc:
            raise forms.ValidationError(exc.messages) from None


class UserAdminChangeForm(PhoneFormMixin, UserChangeForm):
    pass


class UserAdminCreationForm(PhoneFormMixin, AdminUserCreationForm):
    pass


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserAdminChangeForm
    add_form = UserAdminCreationForm
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
class ApiTokenAdmin(ReadOnlyAdmin):
    """Who has a token, since when, last used when; deleting one ends it. Nobody makes a token here: a token is
    made by signing in as its account, so an administrator never holds another person's credential."""

    list_display = ["user", "created_at", "last_used_at", "expires_at"]
    search_fields = ["user__username", "user__display_name"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    fields = readonly_fields = ["user", "created_at", "last_used_at", "expires_at"]

    @admin.display(description=_("expires at"))
    def expires_at(self, token: ApiToken):
        return token.expires_at()


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ["user", "created_at", "expires_at", "used_at", "revoked_at", "created_by"]
    list_filter = ["used_at", "revoked_at"]
    search_fields = ["user__username", "user__display_name"]
    list_select_related = ["user", "created_by"]
    raw_id_fields = ["user", "created_by"]
    fields = readonly_fields = [
        "user",
        "created_at",
        "expires_at",
        "used_at",
        "revoked_at",
        "created_by",
        "failed_attempts",
    ]


@admin.register(PhoneCode)
class PhoneCodeAdmin(ReadOnlyAdmin):
    list_display = ["masked_phone", "purpose", "user", "created_at", "expires_at", "used_at", "failed_attempts"]
    list_filter = ["purpose"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    fields = readonly_fields = [
        "masked_phone",
        "purpose",
        "user",
        "ip",
        "created_at",
        "expires_at",
        "used_at",
        "failed_attempts",
    ]

    @admin.display(description=_("phone"))
    def masked_phone(self, code: PhoneCode) -> str:
        return mask_phone(code.phone)
