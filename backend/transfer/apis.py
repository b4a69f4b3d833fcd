"""Import and export endpoints of volunteers and resources: a sheet in, a summary or a row report out.

Exports answer a file, so `?format=` names the sheet format here, not DRF's renderer; errors stay JSON.
"""
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import permissions, serializers
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.response import Response
from rest_framework.views import APIView

from core.errors import error_body
from core.parsers import MultiPartParser
from core.scoping import COORDINATORS, Role, scope_queryset
from people.apis import VolunteerViewSet
from people.filters import VolunteerFilter
from resources.apis import ResourceViewSet
from resources.filters import ResourceFilter
from transfer import services

SHEET_CONTENT_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class RoleAllowed(permissions.BasePermission):
    """Only the roles the view names (and superusers) may import or export its rows."""

    message = _("Your role may not import or export these rows.")

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False
        return user.is_superuser or user.role in view.roles


class IgnoreFormatQuery(DefaultContentNegotiation):
    """`?format=` chooses the sheet, not a renderer: always answer errors as JSON."""

    def select_renderer(self, request, renderers, format_suffix=None):
        renderer = renderers[0]
        return renderer, renderer.media_type


class ImportInputSerializer(serializers.Serializer):
    file = serializers.FileField(help_text=_("A .csv (UTF-8 or GBK) or .xlsx sheet; the header is line 1."))
    dry_run = serializers.BooleanField(default=False, help_text=_("Check every row and write nothing."))


class ImportOutputSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    dry_run = serializers.BooleanField()


class ExportFilterSerializer(serializers.Serializer):
    format = serializers.ChoiceField(choices=list(SHEET_CONTENT_TYPES), default="csv")


IMPORT_ERRORS = OpenApiResponse(
    description=(
        'The one error shape. A bad file: `extra.fields.file`. Bad rows: nothing is written and '
        '`extra.fields.rows = [{"row": 3, "errors": {"home_community": ["..."]}}]`, where `row` is the line '
        "in the file (the header is line 1)."
    )
)
EXPORT_RESPONSES = {
    (200, SHEET_CONTENT_TYPES["csv"]): OpenApiTypes.BINARY,
    (200, SHEET_CONTENT_TYPES["xlsx"]): OpenApiTypes.BINARY,
    400: OpenApiResponse(description="Unknown format or filter value."),
}
FORMAT_PARAMETER = OpenApiParameter(
    "format", OpenApiTypes.STR, enum=list(SHEET_CONTENT_TYPES), description="csv (default) or xlsx"
)


class SheetImportApi(APIView):
    parser_classes = [MultiPartParser]
    permission_classes = [RoleAllowed]
    roles: frozenset = COORDINATORS

    def run_import(self, *, user, upload, dry_run: bool) -> services.ImportSummary:
        raise NotImplementedError

    def post(self, request):
        payload = ImportInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            summary = self.run_import(
                user=request.user, upload=payload.validated_data["file"], dry_run=payload.validated_data["dry_run"]
            )
        except services.ImportRejected as exc:
            # Answered here rather than by the exception handler, which would turn the row numbers into strings.
            return Response(error_body(exc.message, exc.code, exc.fields), status=exc.status_code)
        return Response(ImportOutputSerializer(summary).data)


class SheetExportApi(APIView):
    permission_classes = [RoleAllowed]
    content_negotiation_class = IgnoreFormatQuery
    roles: frozenset = COORDINATORS
    filterset_class = None

    def scoped_queryset(self, user):
        raise NotImplementedError

    def run_export(self, *, user, queryset, fmt: str) -> services.ExportFile:
        raise NotImplementedError

    def get(self, request):
        params = ExportFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        queryset = self.scoped_queryset(request.user)
        filterset = self.filterset_class(data=request.query_params, queryset=queryset, request=request)
        if not filterset.is_valid():
            raise serializers.ValidationError(filterset.errors)
        exported = self.run_export(user=request.user, queryset=filterset.qs, fmt=params.validated_data["format"])
        response = HttpResponse(exported.content, content_type=exported.content_type)
        response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
        return response


class VolunteerImportApi(SheetImportApi):
    """Import volunteers from a CSV or XLSX sheet (coordinators): every row is written, or none.

    Columns (the header row; only name, kind and home_community are required). A header may also be the
    column's label in Chinese or English, e.g. 姓名, 居住社区, 技能:

    | column | content |
    |---|---|
    | number | volunteer number to update (e.g. ZY0000012); blank: a new volunteer, who gets an account and a number |
    | name | full name |
    | kind | in_office, non_post, retired or resident, or the label in Chinese or English, e.g. 在职党员 |
    | phone | full number; a masked one (138****5678, as exported) keeps the stored number; required for new rows |
    | home_community | community code, in your community or sub-district |
    | grid | grid code, inside the home community |
    | employer_unit | employer unit name (required for in_office) |
    | skills | code:level separated by ";", e.g. first_aid:3;legal:2 (levels 1-5, codes from the skill catalogue) |
    | languages | separated by ";", e.g. zh;en |
    | max_hours_per_week | 0-60; blank keeps the stored value (default 6) |
    | max_distance_km | kilometres, blank for no limit |
    | lat, lng | home location; blank takes the community's |
    | reported_community | code of the community reported to (报到) |
    | reported_at | date reported, YYYY-MM-DD (required with reported_community) |
    | consent_rank_name, consent_share_with_unit | exported only: consent is the volunteer's own act, an import ignores them |
    | active | 1/0 (yes/no, 是/否); blank keeps the stored value |
    """

    @extend_schema(
        request={"multipart/form-data": ImportInputSerializer},
        responses={200: ImportOutputSerializer, 400: IMPORT_ERRORS},
    )
    def post(self, request):
        return super().post(request)

    def run_import(self, *, user, upload, dry_run):
        return services.volunteer_import(user=user, upload=upload, dry_run=dry_run)


class VolunteerExportApi(SheetExportApi):
    """Export the volunteers in your scope (coordinators) as CSV or XLSX, in the import's columns.

    Phones are masked (138****5678); re-enter a number in the sheet to change it on import. The list's
    filters (community, kind, skill, ...) apply. Text that starts like a formula (=, +, -, @) gets a leading
    apostrophe, so that no spreadsheet runs it; the import takes it off again.
    """

    filterset_class = VolunteerFilter

    @extend_schema(parameters=[FORMAT_PARAMETER], responses=EXPORT_RESPONSES)
    def get(self, request):
        return super().get(request)

    def scoped_queryset(self, user):
        return scope_queryset(VolunteerViewSet.queryset.all(), user, VolunteerViewSet.scope).order_by("id")

    def run_export(self, *, user, queryset, fmt):
        return services.volunteer_export(user=user, queryset=queryset, fmt=fmt)


class ResourceImportApi(SheetImportApi):
    """Import resources from a CSV or XLSX sheet (coordinators, unit representatives): every row, or none.

    Columns (the header row; only name, category and community are required). A header may also be the
    column's label in Chinese or English, e.g. 名称, 类别, 社区, 提供单位:

    | column | content |
    |---|---|
    | id | resource id to update; blank: a new resource |
    | name | name |
    | category | venue, vehicle, equipment, goods, funds or expertise, or the label (场地, 车辆, ...) |
    | unit | provider unit name; blank: the community's own (for a unit representative: always their unit, another unit is refused) |
    | community | community code (coordinators: in their community or sub-district) |
    | capacity | people or pieces; blank keeps the stored value (default 0) |
    | features | separated by ";", e.g. projector;accessible |
    | address | address |
    | lat, lng | location; blank takes the community's |
    | conditions | conditions of use |
    | status | listed or withdrawn (or the label); blank keeps the stored value (new: listed) |
    """

    roles = COORDINATORS | {Role.UNIT}

    @extend_schema(
        request={"multipart/form-data": ImportInputSerializer},
        responses={200: ImportOutputSerializer, 400: IMPORT_ERRORS},
    )
    def post(self, request):
        return super().post(request)

    def run_import(self, *, user, upload, dry_run):
        return services.resource_import(user=user, upload=upload, dry_run=dry_run)


class ResourceExportApi(SheetExportApi):
    """Export the resources in your scope as CSV or XLSX, in the import's columns; the list's filters apply."""

    roles = COORDINATORS | {Role.UNIT}
    filterset_class = ResourceFilter

    @extend_schema(parameters=[FORMAT_PARAMETER], responses=EXPORT_RESPONSES)
    def get(self, request):
        return super().get(request)

    def scoped_queryset(self, user):
        return scope_queryset(ResourceViewSet.queryset.all(), user, ResourceViewSet.scope).order_by("id")

    def run_export(self, *, user, queryset, fmt):
        return services.resource_export(user=user, queryset=queryset, fmt=fmt)
