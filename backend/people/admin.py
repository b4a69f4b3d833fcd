"""Admin of the skill catalogue, volunteer profiles (with availability and blackouts inline) and their windows,
consent histories and skill verifications.

With 22k volunteers and as many users, every foreign key to them is an autocomplete, never a select box.
Consents are the volunteer's own act: the admin shows them and their history, and changes neither.
"""

from django.contrib import admin

from people.models import Blackout, ConsentChange, Skill, SkillVerification, Volunteer, WeeklyAvailability


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_en", "category", "requires_verification"]
    list_filter = ["category", "requires_verification"]
    search_fields = ["code", "name", "name_en"]


class WeeklyAvailabilityInline(admin.TabularInline):
    model = WeeklyAvailability
    extra = 0


class BlackoutInline(admin.TabularInline):
    model = Blackout
    extra = 0


@admin.register(Volunteer)
class VolunteerAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "kind", "home_community", "grid", "employer_unit", "max_hours_per_week", "active"]
    list_filter = ["kind", "active", "consent_rank_name", "consent_share_with_unit", "home_community__sub_district"]
    search_fields = ["number", "name", "user__username", "user__phone"]
    list_select_related = ["home_community", "grid__community", "employer_unit"]
    autocomplete_fields = [
        "user",
        "employer_unit",
        "home_community",
        "grid",
        "reported_community",
        "report_confirmed_by",
    ]
    readonly_fields = ["consent_rank_name", "consent_share_with_unit", "created_at", "updated_at"]
    inlines = [WeeklyAvailabilityInline, BlackoutInline]


@admin.register(WeeklyAvailability)
class WeeklyAvailabilityAdmin(admin.ModelAdmin):
    list_display = ["volunteer", "weekday", "start_time", "end_time"]
    list_filter = ["weekday"]
    search_fields = ["volunteer__number", "volunteer__name"]
    list_select_related = ["volunteer"]
    autocomplete_fields = ["volunteer"]


@admin.register(Blackout)
class BlackoutAdmin(admin.ModelAdmin):
    list_display = ["volunteer", "start", "end", "reason"]
    search_fields = ["volunteer__number", "volunteer__name", "reason"]
    list_select_related = ["volunteer"]
    autocomplete_fields = ["volunteer"]
    date_hierarchy = "start"


@admin.register(ConsentChange)
class ConsentChangeAdmin(admin.ModelAdmin):
    list_display = ["volunteer", "consent", "old_value", "new_value", "changed_at", "changed_by"]
    list_filter = ["consent", "new_value"]
    search_fields = ["volunteer__number", "volunteer__name"]
    list_select_related = ["volunteer", "changed_by"]
    autocomplete_fields = ["volunteer", "changed_by"]
    date_hierarchy = "changed_at"

    def has_add_permission(self, request) -> bool:
        return False  # a history is written by people.services, never by hand

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(SkillVerification)
class SkillVerificationAdmin(admin.ModelAdmin):
    list_display = ["volunteer", "skill", "level", "note", "verified_by", "verified_at"]
    list_filter = ["skill__requires_verification", "skill"]
    search_fields = ["volunteer__number", "volunteer__name", "note"]
    list_select_related = ["volunteer", "skill", "verified_by"]
    autocomplete_fields = ["volunteer", "verified_by"]
