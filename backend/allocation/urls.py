"""Post allocation endpoints (定岗 runs, their review and publication; my post holdings); names are prefixed
`allocation-`. Plain paths rather than the domain router: these are action APIs, not scoped CRUD entities."""

from django.urls import path

from allocation.apis import (
    RUN_APIS,
    AllocationRunProposalDetailApi,
    AllocationRunProposalListApi,
    AllocationRunRerunApi,
    AllocationRunUnfilledListApi,
    MyPostHoldingDeclineApi,
    MyPostHoldingListApi,
)
from runs.apis import run_paths

urlpatterns = run_paths("allocation", RUN_APIS) + [
    path("allocation/runs/<int:pk>/rerun/", AllocationRunRerunApi.as_view(), name="allocation-run-rerun"),
    path(
        "allocation/runs/<int:pk>/proposals/", AllocationRunProposalListApi.as_view(), name="allocation-run-proposals"
    ),
    path(
        "allocation/runs/<int:pk>/proposals/<int:proposal_id>/",
        AllocationRunProposalDetailApi.as_view(),
        name="allocation-run-proposal",
    ),
    path("allocation/runs/<int:pk>/unfilled/", AllocationRunUnfilledListApi.as_view(), name="allocation-run-unfilled"),
    path("me/post-holdings/", MyPostHoldingListApi.as_view(), name="allocation-my-holding-list"),
    path(
        "me/post-holdings/<int:holding_id>/decline/",
        MyPostHoldingDeclineApi.as_view(),
        name="allocation-my-holding-decline",
    ),
]
