"""Annual evaluation and democratic appraisal endpoints; names are prefixed `evaluations-` and `appraisal-`."""

from django.urls import path

from evaluation.apis import (
    AppraisalBallotApi,
    AppraisalRoundDetailApi,
    AppraisalRoundListApi,
    EvaluationComputeApi,
    EvaluationDetailApi,
    EvaluationExportApi,
    EvaluationInputListApi,
    EvaluationListApi,
    SchemeDetailApi,
    SchemeListApi,
)

urlpatterns = [
    path("evaluations/", EvaluationListApi.as_view(), name="evaluations-list"),
    path("evaluations/compute/", EvaluationComputeApi.as_view(), name="evaluations-compute"),
    path("evaluations/export/", EvaluationExportApi.as_view(), name="evaluations-export"),
    path("evaluations/inputs/", EvaluationInputListApi.as_view(), name="evaluations-inputs"),
    path("evaluations/schemes/", SchemeListApi.as_view(), name="evaluations-schemes"),
    path("evaluations/schemes/<int:scheme_id>/", SchemeDetailApi.as_view(), name="evaluations-scheme-detail"),
    path("evaluations/<int:evaluation_id>/", EvaluationDetailApi.as_view(), name="evaluations-detail"),
    path("appraisal/rounds/", AppraisalRoundListApi.as_view(), name="appraisal-rounds"),
    path("appraisal/rounds/<int:round_id>/", AppraisalRoundDetailApi.as_view(), name="appraisal-round-detail"),
    path("appraisal/ballots/<str:code>/", AppraisalBallotApi.as_view(), name="appraisal-ballot"),
]
