"""Weekly planning endpoints (matching runs and their results); names are prefixed `planning-`.

Plain paths rather than the domain router: these are action APIs, not scoped CRUD entities.
"""
from django.urls import path

from planning.apis import (
    MatchingRunAssignmentDetailApi,
    MatchingRunAssignmentListApi,
    MatchingRunCancelApi,
    MatchingRunCompareApi,
    MatchingRunDetailApi,
    MatchingRunListApi,
    MatchingRunPublishApi,
    MatchingRunUnfilledListApi,
)
from runs.apis import run_paths

urlpatterns = run_paths(
    "planning",
    list_api=MatchingRunListApi,
    detail_api=MatchingRunDetailApi,
    cancel_api=MatchingRunCancelApi,
    publish_api=MatchingRunPublishApi,
) + [
    path(
        "planning/runs/<int:pk>/assignments/", MatchingRunAssignmentListApi.as_view(), name="planning-run-assignments"
    ),
    path(
        "planning/runs/<int:pk>/assignments/<int:assignment_id>/",
        MatchingRunAssignmentDetailApi.as_view(),
        name="planning-run-assignment",
    ),
    path(
        "planning/runs/<int:pk>/compare/<int:other_id>/", MatchingRunCompareApi.as_view(), name="planning-run-compare"
    ),
    path("planning/runs/<int:pk>/unfilled/", MatchingRunUnfilledListApi.as_view(), name="planning-run-unfilled"),
]
