"""Import and export URLs; included under /api/ before the router, so `volunteers/import/` is not read as a pk."""
from django.urls import path

from transfer.apis import ResourceExportApi, ResourceImportApi, VolunteerExportApi, VolunteerImportApi

urlpatterns = [
    path("volunteers/import/", VolunteerImportApi.as_view(), name="volunteer-import"),
    path("volunteers/export/", VolunteerExportApi.as_view(), name="volunteer-export"),
    path("resources/import/", ResourceImportApi.as_view(), name="resource-import"),
    path("resources/export/", ResourceExportApi.as_view(), name="resource-export"),
]
