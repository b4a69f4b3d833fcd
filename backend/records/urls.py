"""Service records endpoints; names are prefixed `records-`.

Plain paths rather than the domain router: review, summary and rankings are actions, not scoped CRUD.
"""

from django.urls import path

from records.apis import (
    PointsRulesApi,
    RecordApproveApi,
    RecordCorrectApi,
    RecordListApi,
    RecordRankingApi,
    RecordRejectApi,
    RecordSummaryApi,
)

urlpatterns = [
    path("records/", RecordListApi.as_view(), name="records-list"),
    path("records/mine/summary/", RecordSummaryApi.as_view(), name="records-summary"),
    path("records/points-rules/", PointsRulesApi.as_view(), name="records-points-rules"),
    path("records/rankings/", RecordRankingApi.as_view(), name="records-rankings"),
    path("records/<int:record_id>/approve/", RecordApproveApi.as_view(), name="records-approve"),
    path("records/<int:record_id>/reject/", RecordRejectApi.as_view(), name="records-reject"),
    path("records/<int:record_id>/correct/", RecordCorrectApi.as_view(), name="records-correct"),
]
