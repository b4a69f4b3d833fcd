"""Admin of the annual evaluation: schemes (items and grades checked on save), coordinators' figures, appraisal
rounds with their ballots (only hashes of the codes) and ratings, and the computed results (read only: a recompute
through the API replaces them)."""

from django.contrib import admin

from evaluation.models import (
    AppraisalBallot,
    AppraisalRating,
    AppraisalRound,
    EvaluationInput,
    EvaluationScheme,
    UnitEvaluation,
)


@admin.register(EvaluationScheme)
class EvaluationSchemeAdmin(admin.ModelAdmin):
    list_display = ["name", "year", "is_active", "appraisal_weight", "updated_at"]
    list_filter = ["is_active"]
    search_fields = ["name"]


@admin.register(EvaluationInput)
class EvaluationInputAdmin(admin.ModelAdmin):
    list_display = ["unit", "year", "measure", "value", "entered_by", "entered_at"]
    list_filter = ["year", "measure"]
    search_fields = ["unit__name"]
    list_select_related = ["unit", "entered_by"]
    raw_id_fields = ["unit", "entered_by"]
    readonly_fields = ["entered_at"]


class AppraisalBallotInline(admin.TabularInline):
    model = AppraisalBallot
    extra = 0
    can_delete = False
    fields = ["code_hash", "used_at"]
    readonly_fields = ["code_hash", "used_at"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # codes are made by the API, which shows them once


@admin.register(AppraisalRound)
class AppraisalRoundAdmin(admin.ModelAdmin):
    list_display = ["title", "year", "community", "sub_district", "created_by", "created_at"]
    list_filter = ["year"]
    search_fields = ["title"]
    list_select_related = ["community", "sub_district", "created_by"]
    raw_id_fields = ["community", "sub_district", "created_by"]
    filter_horizontal = ["units"]
    inlines = [AppraisalBallotInline]


@admin.register(AppraisalBallot)
class AppraisalBallotAdmin(admin.ModelAdmin):
    list_display = ["id", "round", "used_at"]
    list_filter = ["round__year"]
    list_select_related = ["round"]
    raw_id_fields = ["round"]
    readonly_fields = ["code_hash", "used_at"]


@admin.register(AppraisalRating)
class AppraisalRatingAdmin(admin.ModelAdmin):
    list_display = ["ballot", "unit", "rating"]
    list_filter = ["rating", "ballot__round__year"]
    search_fields = ["unit__name"]
    list_select_related = ["ballot", "unit"]
    raw_id_fields = ["ballot", "unit"]


@admin.register(UnitEvaluation)
class UnitEvaluationAdmin(admin.ModelAdmin):
    list_display = ["unit", "year", "rank", "score", "grade_label", "scheme_score", "appraisal_rate", "computed_at"]
    list_filter = ["year", "grade"]
    search_fields = ["unit__name"]
    list_select_related = ["unit"]
    raw_id_fields = ["unit", "scheme", "computed_by"]
    readonly_fields = [
        "unit",
        "year",
        "scheme",
        "item_score",
        "bonus_score",
        "scheme_score",
        "appraisal_count",
        "appraisal_rate",
        "score",
        "grade",
        "grade_label",
        "rank",
        "breakdown",
        "computed_at",
        "computed_by",
    ]
