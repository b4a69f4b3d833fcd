"""Admin of units stationed in the district (驻区单位) and their co-building agreements (共建协议) with items."""

from django.contrib import admin

from orgs.models import Agreement, AgreementItem, Unit


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "community", "party_organisation", "contact_name"]
    list_filter = ["kind", "community__sub_district"]
    search_fields = ["name", "party_organisation", "contact_name", "address"]
    list_select_related = ["community"]
    autocomplete_fields = ["community"]


class AgreementItemInline(admin.TabularInline):
    model = AgreementItem
    extra = 1


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["year", "title", "unit", "community", "signed_on"]
    list_filter = ["year", "community__sub_district"]
    search_fields = ["title", "unit__name", "community__name"]
    list_select_related = ["unit", "community"]
    autocomplete_fields = ["unit", "community"]
    date_hierarchy = "signed_on"
    inlines = [AgreementItemInline]


@admin.register(AgreementItem)
class AgreementItemAdmin(admin.ModelAdmin):
    list_display = ["description", "agreement", "quantity", "done"]
    list_filter = ["done", "agreement__year"]
    search_fields = ["description", "agreement__title", "agreement__unit__name"]
    list_select_related = ["agreement__unit", "agreement__community"]
    autocomplete_fields = ["agreement"]
