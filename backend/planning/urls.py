"""Weekly planning endpoints (matching runs and their results); names are prefixed `planning-`.

Plain paths rather than the domain router: these are action APIs, not scoped CRUD entities.
"""

from django.urls import path

from planning.apis import (
    RUN_APIS,
    MatchingRunAssignmentDetailApi,
    MatchingRunAssignmentListApi,
    MatchingRunBookingAlternativesApi,
    MatchingRunBookingDetailApi,
    MatchingRunBookingListApi,
    MatchingRunBookingSwapApi,
    MatchingRunCompareApi,
    MatchingRunUnfilledListApi,
)
from runs.apis import run_paths

urlpatterns = run_paths("planning", RUN_APIS) + [
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
    path("planning/runs/<int:pk>/bookings/", MatchingRunBookingListApi.as_view(), name="planning-run-bookings"),
    path(
        "planning/runs/<int:pk>/bookings/<int:booking_id>/",
        MatchingRunBookingDetailApi.as_view(),
        name="planning-run-booking",
    ),
    path(
        "planning/runs/<int:pk>/bookings/<int:booking_id>/alternatives/",
        MatchingRunBookingAlternativesApi.as_view(),
        name="planning-run-booking-alternatives",
    ),
    path(
        "planning/runs/<int:pk>/bookings/<int:booking_id>/swap/",
        MatchingRunBookingSwapApi.as_view(),
        name="planning-run-booking-swap",
    ),
    path("planning/runs/<int:pk>/unfilled/", MatchingRunUnfilledListApi.as_view(), name="planning-run-unfilled"),
]
