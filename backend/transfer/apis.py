"""Import and export endpoints of volunteers and resources: a sheet in, a summary or a row report out; and import
runs: an upload checked at once, confirmed, written by a worker, with its report of bad rows.

Exports answer a file, so `?format=` names the sheet format here, not DRF's renderer; errors stay JSON.
"""

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_serializer,
)
from rest_framework import permissions, serializers, status
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
from transfer import selectors, services
from transfer.models import ImportRun

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
        "The one error shape. A bad file: `extra.fields.file`. Bad rows: nothing is written and "
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
    | consent_rank_name, consent_share_with_unit | exported only: consent is the volunteer's own, imports ignore it |
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
    | unit | provider unit name; blank: the community's own (a unit representative: always theirs, another is refused) |
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


# ---------------------------------------------------------------- import runs


class ImportRunProblemSerializer(serializers.Serializer):
    row = serializers.IntegerField(help_text=_("The line in the file."))
    column = serializers.CharField(help_text=_("Our column (phone, home_community, ...)."))
    reason = serializers.CharField()


class ImportRunPreviewSerializer(serializers.Serializer):
    create = serializers.IntegerField(default=0)
    update = serializers.IntegerField(default=0)
    unchanged = serializers.IntegerField(default=0)
    bad = serializers.IntegerField(default=0)
    missing_columns = serializers.ListField(child=serializers.CharField(), default=list)


class ImportRunColumnSerializer(serializers.Serializer):
    name = serializers.CharField(help_text=_("The column's name, as the mapping names it."))
    label = serializers.CharField(help_text=_("Its header in the template, in the language of the request."))
    required = serializers.BooleanField(
        help_text=_(
            "Rows without it are bad; the import cannot be confirmed until a column of the sheet is mapped to it."
        )
    )


class ImportRunOutputSerializer(serializers.ModelSerializer):
    created_by = serializers.CharField(source="created_by.username", read_only=True, default=None, allow_null=True)
    headers = serializers.ListField(
        child=serializers.CharField(allow_blank=True), help_text=_("The sheet's header text of each column, by index.")
    )
    mapping = serializers.DictField(
        child=serializers.IntegerField(), help_text=_("Our column -> the index of the sheet's column it is read from.")
    )
    preview = ImportRunPreviewSerializer(help_text=_("The dry run: rows to create, to update, unchanged, bad."))
    problems = serializers.SerializerMethodField(
        help_text=_(
            "Bad rows (the first 500; the report has every one): of the check until the import is written, then of "
            "the import."
        )
    )
    columns = serializers.SerializerMethodField(
        help_text=_("Our columns of this kind of import, in order: what the mapping may name.")
    )

    class Meta:
        model = ImportRun
        fields = [
            "id",
            "kind",
            "status",
            "stage",
            "progress",
            "message",
            "version",
            "community",
            "sub_district",
            "file_name",
            "headers",
            "header_line",
            "mapping",
            "rows_total",
            "rows_done",
            "preview",
            "created",
            "updated",
            "unchanged",
            "bad",
            "invited",
            "problems",
            "columns",
            "created_by",
            "created_at",
            "started_at",
            "finished_at",
        ]
        read_only_fields = fields

    @extend_schema_field(ImportRunProblemSerializer(many=True))
    def get_problems(self, run: ImportRun) -> list:
        return run.problems[: services.PREVIEW_PROBLEMS]

    @extend_schema_field(ImportRunColumnSerializer(many=True))
    def get_columns(self, run: ImportRun) -> list:
        return services.import_columns(run.kind)


class ImportRunApi(APIView):
    permission_classes = [RoleAllowed]
    roles: frozenset = COORDINATORS

    def run(self) -> ImportRun:
        return selectors.import_run_get(user=self.request.user, run_id=self.kwargs["pk"])

    @staticmethod
    def body(run: ImportRun) -> dict:
        return ImportRunOutputSerializer(run).data


class ImportRunListApi(ImportRunApi):
    """Import runs in your scope, newest first (GET); upload a file to import (POST, multipart): the file is
    checked at once and the run answered with its preview, waiting for its confirmation.

    The sheet may be our template or a district's own: title rows above the header, a header over two rows and
    blank rows are skipped; the columns are suggested from the header's words (or as you mapped the same headers
    before), and cells are normalised (phones with spaces, dashes, +86 or full-width digits; community names with
    or without 社区; dates as 2026/3/5, 2026-03-05, 2026年3月5日 or serial numbers; 是/否; skills split by 、，, or
    spaces)."""

    parser_classes = [MultiPartParser]

    @extend_schema_serializer(component_name="ImportRunUploadInput")
    class InputSerializer(serializers.Serializer):
        file = serializers.FileField(help_text=_("A .csv (UTF-8 or GBK) or .xlsx sheet."))
        kind = serializers.ChoiceField(choices=ImportRun.Kind.choices)
        mapping = serializers.JSONField(
            required=False,
            help_text=_(
                'Our column -> the index of the sheet\'s column, e.g. {"name": 0, "phone": 2}; suggested when omitted.'
            ),
        )

    @extend_schema(responses={200: ImportRunOutputSerializer(many=True)})
    def get(self, request):
        runs = selectors.import_run_list(user=request.user)[:100]
        return Response(ImportRunOutputSerializer(runs, many=True).data)

    @extend_schema(
        request={"multipart/form-data": InputSerializer}, responses={201: ImportRunOutputSerializer, 400: IMPORT_ERRORS}
    )
    def post(self, request):
        payload = self.InputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        mapping = payload.validated_data.get("mapping")
        if mapping is not None and not isinstance(mapping, dict):
            raise serializers.ValidationError({"mapping": [_("Give an object of our column to a column index.")]})
        run = services.import_run_create(
            user=request.user,
            upload=payload.validated_data["file"],
            kind=payload.validated_data["kind"],
            mapping=mapping,
        )
        return Response(self.body(run), status=status.HTTP_201_CREATED)


class ImportRunDetailApi(ImportRunApi):
    """An import run: its preview, then its status and progress while a worker writes it (the browser polls)."""

    @extend_schema(responses={200: ImportRunOutputSerializer})
    def get(self, request, pk: int):
        return Response(self.body(self.run()))


class ImportRunMappingApi(ImportRunApi):
    """Map the sheet's columns to ours by hand and check the file again (a checked run only); the choice is
    remembered for your next file with the same headers."""

    @extend_schema_serializer(component_name="ImportRunMappingInput")
    class InputSerializer(serializers.Serializer):
        mapping = serializers.DictField(child=serializers.IntegerField(min_value=0))

    @extend_schema(request=InputSerializer, responses={200: ImportRunOutputSerializer})
    def post(self, request, pk: int):
        run = self.run()  # outside the scope: 404 whatever the body
        payload = self.InputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        run = services.import_run_map(run=run, user=request.user, mapping=payload.validated_data["mapping"])
        return Response(self.body(run))


class ImportRunConfirmApi(ImportRunApi):
    """Confirm a checked import: a worker writes its good rows (202); 409 once confirmed, or while another import
    of your scope is being written."""

    @extend_schema(request=None, responses={202: ImportRunOutputSerializer})
    def post(self, request, pk: int):
        run = services.import_run_confirm(run=self.run(), user=request.user)
        return Response(self.body(run), status=status.HTTP_202_ACCEPTED)


class ImportRunCancelApi(ImportRunApi):
    """Cancel a checked import: nothing of it is written, its upload is deleted and the run ends cancelled; 409 once
    it has been confirmed."""

    @extend_schema(request=None, responses={200: ImportRunOutputSerializer})
    def post(self, request, pk: int):
        run = services.import_run_cancel(run=self.run(), user=request.user)
        return Response(self.body(run))


class ImportTemplateApi(APIView):
    """The XLSX template of a kind of import, in the language of the request: the sheet to fill in (our columns'
    headers), how to fill in each column (required or not, an example), and the code lists the caller may use."""

    permission_classes = [RoleAllowed]
    roles: frozenset = COORDINATORS
    content_negotiation_class = IgnoreFormatQuery

    class FilterSerializer(serializers.Serializer):
        kind = serializers.ChoiceField(choices=ImportRun.Kind.choices)

    @extend_schema(
        parameters=[FilterSerializer],
        responses={
            (200, SHEET_CONTENT_TYPES["xlsx"]): OpenApiTypes.BINARY,
            400: OpenApiResponse(description="Unknown kind."),
        },
    )
    def get(self, request):
        params = self.FilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        template = services.import_template(kind=params.validated_data["kind"], user=request.user)
        response = HttpResponse(template.content, content_type=template.content_type)
        response["Content-Disposition"] = f'attachment; filename="{template.filename}"'
        return response


class ImportRunReportApi(ImportRunApi):
    """Every bad row of the import (row, column, header in the file, reason) as CSV or XLSX."""

    content_negotiation_class = IgnoreFormatQuery

    @extend_schema(parameters=[FORMAT_PARAMETER], responses=EXPORT_RESPONSES)
    def get(self, request, pk: int):
        params = ExportFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        report = services.import_run_report(run=self.run(), fmt=params.validated_data["format"])
        response = HttpResponse(report.content, content_type=report.content_type)
        response["Content-Disposition"] = f'attachment; filename="{report.filename}"'
        return response
