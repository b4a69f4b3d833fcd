"""Report endpoints; names are prefixed `reports-`."""

from django.urls import path

from reports.apis import (
    ExportDetailApi,
    ExportDownloadApi,
    ExportListApi,
    FeedbackReportListApi,
    FeedbackReportPdfApi,
    FeedbackReportWriteApi,
    FeedbackReportXlsxApi,
)

urlpatterns = [
    path("exports/", ExportListApi.as_view(), name="reports-export-list"),
    path("exports/<int:job_id>/", ExportDetailApi.as_view(), name="reports-export-detail"),
    path("exports/<int:job_id>/download/", ExportDownloadApi.as_view(), name="reports-export-download"),
    path("feedback-reports/", FeedbackReportListApi.as_view(), name="reports-feedback-list"),
    path("feedback-reports/write/", FeedbackReportWriteApi.as_view(), name="reports-feedback-write"),
    path("feedback-reports/<int:report_id>/pdf/", FeedbackReportPdfApi.as_view(), name="reports-feedback-pdf"),
    path("feedback-reports/<int:report_id>/xlsx/", FeedbackReportXlsxApi.as_view(), name="reports-feedback-xlsx"),
]
