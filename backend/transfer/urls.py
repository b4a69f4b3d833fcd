"""Import and export URLs; included under /api/ before the router, so `volunteers/import/` is not read as a pk."""

from django.urls import path

from transfer.apis import (
    ImportRunCancelApi,
    ImportRunConfirmApi,
    ImportRunDetailApi,
    ImportRunListApi,
    ImportRunMappingApi,
    ImportRunReportApi,
    ImportTemplateApi,
    ResourceExportApi,
    ResourceImportApi,
    VolunteerExportApi,
    VolunteerImportApi,
)

urlpatterns = [
    path("volunteers/import/", VolunteerImportApi.as_view(), name="volunteer-import"),
    path("volunteers/export/", VolunteerExportApi.as_view(), name="volunteer-export"),
    path("resources/import/", ResourceImportApi.as_view(), name="resource-import"),
    path("resources/export/", ResourceExportApi.as_view(), name="resource-export"),
    path("imports/", ImportRunListApi.as_view(), name="import-run-list"),
    path("imports/<int:pk>/", ImportRunDetailApi.as_view(), name="import-run-detail"),
    path("imports/<int:pk>/mapping/", ImportRunMappingApi.as_view(), name="import-run-mapping"),
    path("imports/<int:pk>/confirm/", ImportRunConfirmApi.as_view(), name="import-run-confirm"),
    path("imports/<int:pk>/cancel/", ImportRunCancelApi.as_view(), name="import-run-cancel"),
    path("imports/<int:pk>/report/", ImportRunReportApi.as_view(), name="import-run-report"),
    path("imports/template/", ImportTemplateApi.as_view(), name="import-template"),
]
