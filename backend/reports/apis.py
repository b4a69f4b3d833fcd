"""Report endpoints: export jobs (request one, follow its progress, download the file: the requester or staff
only) and the quarterly feedback reports to employer units (unit representatives: their unit; coordinators:
the units of their scope; coordinators write a quarter on demand)."""

from django.http import FileResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field, extend_schema_serializer
from rest_framework import generics, permissions, serializers, status
from rest_framework.response import Response

from accounts.models import User
from core import permissions as permissions_
from core.json_fields import described
from core.scoping import COORDINATORS
from reports import selectors, services
from reports.models import ExportJob, FeedbackReport
from reports.writers import CONTENT_TYPES

NOT_FOUND = OpenApiResponse(description="Not yours, or not in your scope.")
UNAUTHENTICATED = OpenApiResponse(description="Not signed in.")


# Documented as plain strings: enum components named after "kind", "format" and "status" would collide with other
# apps' enums of the same names (a schema warning); the input is still a checked choice.
@extend_schema_field({"type": "string"})
class PlainChoiceField(serializers.ChoiceField):
    pass


def _choice(choices, **kwargs) -> PlainChoiceField:
    return PlainChoiceField(choices=choices, help_text=" | ".join(value for value, _label in choices), **kwargs)


def _absolute(serializer: serializers.Serializer, name: str, pk: int) -> str:
    """The URL of a named route, absolute when the serializer has the request."""
    url = reverse(name, args=[pk])
    request = serializer.context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


# The statuses an export reaches, those the web app knows: never cancelled (reports.models).
EXPORT_STATUSES = [choice for choice in ExportJob.Status.choices if choice[0] != ExportJob.Status.CANCELLED]


class ExportParametersSerializer(serializers.Serializer):
    """The filters the export was requested with."""

    date_from = serializers.DateField(required=False)
    date_to = serializers.DateField(required=False)
    community = serializers.IntegerField(required=False)
    unit = serializers.IntegerField(required=False)
    volunteer = serializers.IntegerField(required=False)


class ExportJobOutputSerializer(serializers.ModelSerializer):
    kind = _choice(ExportJob.Kind.choices, read_only=True)
    format = _choice(ExportJob.Format.choices, read_only=True)
    status = _choice(EXPORT_STATUSES, read_only=True)
    # The kernel's message, under the name the web app reads: why the export failed.
    error = serializers.CharField(source="message", label=_("error message"), read_only=True)
    download_url = serializers.SerializerMethodField(help_text=_("Present once the export is done."))
    parameters = described(ExportParametersSerializer)(read_only=True)

    class Meta:
        model = ExportJob
        fields = [
            "id",
            "kind",
            "format",
            "parameters",
            "status",
            "progress",
            "rows_done",
            "rows_total",
            "error",
            "created_at",
            "started_at",
            "finished_at",
            "expires_at",
            "download_url",
        ]
        read_only_fields = fields

    def get_download_url(self, job: ExportJob) -> str | None:
        if job.status != ExportJob.Status.DONE:
            return None
        return _absolute(self, "reports-export-download", job.pk)


class ExportListApi(generics.ListCreateAPIView):
    """The caller's own export jobs, newest first. POST requests one: the rows are those the caller may see,
    narrowed by the filters; the file is written by a worker (202, then follow the job's progress)."""

    @extend_schema_serializer(component_name="ExportJobInput")
    class InputSerializer(serializers.Serializer):
        kind = _choice(ExportJob.Kind.choices)
        format = _choice(ExportJob.Format.choices)
        date_from = serializers.DateField(required=False)
        date_to = serializers.DateField(required=False)
        community = serializers.IntegerField(required=False, min_value=1)
        unit = serializers.IntegerField(required=False, min_value=1, help_text=_("Records: the employer unit."))
        volunteer = serializers.IntegerField(required=False, min_value=1)

        def validate(self, attrs):
            if "date_from" in attrs and "date_to" in attrs and attrs["date_to"] < attrs["date_from"]:
                raise serializers.ValidationError({"date_to": [_("The end of the range comes before its start.")]})
            available = services.KIND_FORMATS[attrs["kind"]]
            if attrs["format"] not in available:
                message = _("This export is available as %(formats)s.") % {"formats": ", ".join(available)}
                raise serializers.ValidationError({"format": [message]})
            return attrs

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = ExportJobOutputSerializer
    filter_backends = []

    def get_queryset(self):
        return selectors.export_job_list(user=self.request.user)

    @extend_schema(responses={200: ExportJobOutputSerializer(many=True), 401: UNAUTHENTICATED})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=InputSerializer,
        responses={
            202: ExportJobOutputSerializer,
            400: OpenApiResponse(description="Bad input; the field is named."),
            401: UNAUTHENTICATED,
            403: OpenApiResponse(description="Volunteers export their own records only."),
        },
    )
    def post(self, request, *args, **kwargs):
        payload = self.InputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        kind, format_ = data.pop("kind"), data.pop("format")
        parameters = {key: value.isoformat() if hasattr(value, "isoformat") else value for key, value in data.items()}
        job = services.export_job_create(user=request.user, kind=kind, format=format_, parameters=parameters)
        return Response(self.get_serializer(job).data, status=status.HTTP_202_ACCEPTED)


class ExportDetailApi(generics.GenericAPIView):
    """One export job: its status and progress, and its download link once done."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = ExportJobOutputSerializer

    @extend_schema(responses={200: ExportJobOutputSerializer, 401: UNAUTHENTICATED, 404: NOT_FOUND})
    def get(self, request, job_id: int):
        job = selectors.export_job_get(user=request.user, job_id=job_id)
        return Response(self.get_serializer(job).data)


def _file_response(path, *, filename: str) -> FileResponse:
    suffix = path.suffix.lstrip(".")
    return FileResponse(path.open("rb"), as_attachment=True, filename=filename, content_type=CONTENT_TYPES[suffix])


def _binary(*suffixes: str) -> dict:
    return {(200, CONTENT_TYPES[suffix].split(";")[0]): OpenApiTypes.BINARY for suffix in suffixes}


class ExportDownloadApi(generics.GenericAPIView):
    """The export's file (the requester or staff only)."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = None

    @extend_schema(
        responses={
            **_binary("csv", "xlsx"),
            401: UNAUTHENTICATED,
            404: NOT_FOUND,
            409: OpenApiResponse(description="Not done yet (queued, running or failed)."),
            410: OpenApiResponse(description="Expired; request the export again."),
        }
    )
    def get(self, request, job_id: int):
        job = selectors.export_job_get(user=request.user, job_id=job_id)
        path = services.export_job_file(job=job)
        return _file_response(path, filename=services.export_download_name(job))


# ---------------------------------------------------------------- feedback reports


class FeedbackReaders(permissions.BasePermission):
    message = _("Only coordinators and unit representatives read feedback reports.")

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(
            user and user.is_authenticated and (user.is_superuser or user.role in COORDINATORS | {User.Role.UNIT})
        )


class CoordinatorsOnly(permissions_.CoordinatorsOnly):
    message = _("Only coordinators write feedback reports.")


class FeedbackReportOutputSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    hours = serializers.SerializerMethodField()
    pdf_url = serializers.SerializerMethodField()
    xlsx_url = serializers.SerializerMethodField()

    class Meta:
        model = FeedbackReport
        fields = [
            "id",
            "unit",
            "unit_name",
            "year",
            "quarter",
            "member_count",
            "minutes",
            "hours",
            "generated_at",
            "pdf_url",
            "xlsx_url",
        ]
        read_only_fields = fields

    def get_hours(self, report: FeedbackReport) -> float:
        return round(report.minutes / 60, 2)

    def get_pdf_url(self, report: FeedbackReport) -> str:
        return _absolute(self, "reports-feedback-pdf", report.pk)

    def get_xlsx_url(self, report: FeedbackReport) -> str:
        return _absolute(self, "reports-feedback-xlsx", report.pk)


class FeedbackReportListApi(generics.ListAPIView):
    """Quarterly feedback reports: a unit representative's own unit, a coordinator's units; newest first."""

    @extend_schema_serializer(component_name="FeedbackReportFilter")
    class FilterSerializer(serializers.Serializer):
        year = serializers.IntegerField(required=False, min_value=2000, max_value=2100)
        quarter = serializers.IntegerField(required=False, min_value=1, max_value=4)
        unit = serializers.IntegerField(required=False, min_value=1)

    permission_classes = [FeedbackReaders]
    serializer_class = FeedbackReportOutputSerializer
    filter_backends = []

    def get_queryset(self):
        filters = self.FilterSerializer(data=self.request.query_params.dict())
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        return selectors.feedback_report_list(
            user=self.request.user, year=data.get("year"), quarter=data.get("quarter"), unit_id=data.get("unit")
        )

    @extend_schema(
        parameters=[FilterSerializer],
        responses={
            200: FeedbackReportOutputSerializer(many=True),
            400: OpenApiResponse(description="Bad filter; it is named."),
            401: UNAUTHENTICATED,
            403: OpenApiResponse(description="Volunteers do not read feedback reports."),
        },
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class _FeedbackFileApi(generics.GenericAPIView):
    permission_classes = [FeedbackReaders]
    serializer_class = None
    suffix = ""

    def get(self, request, report_id: int):
        report = selectors.feedback_report_get(user=request.user, report_id=report_id)
        path = services.export_path(getattr(report, f"{self.suffix}_file"))
        if not path.exists():
            raise services.ExportExpired(str(_("The report's file is missing; write the quarter again.")))
        return _file_response(path, filename=f"feedback-{report.unit_id}-{report.year}Q{report.quarter}.{self.suffix}")


FEEDBACK_FILE_ERRORS = {
    401: UNAUTHENTICATED,
    403: OpenApiResponse(description="Volunteers do not read feedback reports."),
    404: NOT_FOUND,
    410: OpenApiResponse(description="The file is missing; write the quarter again."),
}


class FeedbackReportPdfApi(_FeedbackFileApi):
    """The report as PDF."""

    suffix = "pdf"

    @extend_schema(responses={**_binary("pdf"), **FEEDBACK_FILE_ERRORS})
    def get(self, request, report_id: int):
        return super().get(request, report_id)


class FeedbackReportXlsxApi(_FeedbackFileApi):
    """The report as XLSX."""

    suffix = "xlsx"

    @extend_schema(responses={**_binary("xlsx"), **FEEDBACK_FILE_ERRORS})
    def get(self, request, report_id: int):
        return super().get(request, report_id)


class FeedbackReportWriteApi(generics.GenericAPIView):
    """(Re)write the feedback reports of a quarter for the units of the coordinator's scope, as the quarterly task
    does for every unit: queued for a worker (202); the list shows the reports as they are written."""

    @extend_schema_serializer(component_name="FeedbackWriteInput")
    class InputSerializer(serializers.Serializer):
        year = serializers.IntegerField(min_value=2000, max_value=2100)
        quarter = serializers.IntegerField(min_value=1, max_value=4)

        def validate(self, attrs):
            first, _last = selectors.quarter_bounds(attrs["year"], attrs["quarter"])
            if first > timezone.localdate():
                raise serializers.ValidationError({"quarter": [_("The quarter has not begun yet.")]})
            return attrs

    @extend_schema_serializer(component_name="FeedbackWriteResult")
    class OutputSerializer(serializers.Serializer):
        year = serializers.IntegerField()
        quarter = serializers.IntegerField()
        units = serializers.IntegerField(help_text=_("Units whose report is queued (one report per unit)."))

    permission_classes = [CoordinatorsOnly]
    serializer_class = OutputSerializer

    @extend_schema(
        request=InputSerializer,
        responses={
            202: OutputSerializer,
            400: OpenApiResponse(description="Bad year or quarter; the field is named."),
            401: UNAUTHENTICATED,
            403: OpenApiResponse(description="Coordinators only."),
        },
    )
    def post(self, request):
        payload = self.InputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        result = services.feedback_write_request(user=request.user, **payload.validated_data)
        return Response(self.OutputSerializer(result).data, status=status.HTTP_202_ACCEPTED)
