from django.contrib import admin

from offers.models import OfferOrder, ServiceOffer


@admin.register(ServiceOffer)
class ServiceOfferAdmin(admin.ModelAdmin):
    list_display = ["title", "community", "team", "unit", "category", "active"]
    list_filter = ["category", "type", "active"]
    search_fields = ["title", "team__name", "unit__name"]
    list_select_related = ["community", "team", "unit"]
    raw_id_fields = ["team", "unit"]
    readonly_fields = ["community"]  # the provider's (ServiceOffer.clean)


@admin.register(OfferOrder)
class OfferOrderAdmin(admin.ModelAdmin):
    list_display = ["need", "offer", "created_at"]
    list_select_related = ["need", "offer"]
    raw_id_fields = ["need", "offer"]
    readonly_fields = ["need", "offer", "created_at"]
