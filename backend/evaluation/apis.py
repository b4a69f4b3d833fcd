"""Annual evaluation endpoints: schemes (administrators write), coordinators' figures, the year's computation,
the scoped results with their breakdown and a CSV/XLSX export; democratic appraisal rounds, their results, and the
representatives' one-time ballots (no login: the code is the key)."""

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field, extend_schema_serializer
from rest_framework import permissions, renderers, serializers, status
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User
from core import permissions as permissions_
from core.api import ScopedRelatedMixin
from core.json_fields import described
from core.related import ScopedPrimaryKeyRelatedField
from core.scoping import COORDINATORS
from core.serializers import LineField, ModelSerializer
from core.throttling import AnonRateThrottle
from evaluation import export, scoring, selectors, services
from evaluation.models import AppraisalRating, AppraisalRound, EvaluationInput, EvaluationScheme, UnitEvaluation
from geo.models import Community, SubDistrict
from orgs.models import Unit

Role = User.Role
YEAR = {"min_value": 2000, "max_value": 2100}
NOT_IN_SCOPE = OpenApiResponse(description="Not in your scope.")
BAD_INPUT = OpenApiResponse(description="Input refused; the field is named.")


class EvaluationReaders(permissions.BasePermission):
    message = _("Only coordinators and unit representatives read evaluations.")

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and (user.is_superuser or user.role in COORDINATORS | {Role.UNIT}))


class CoordinatorsOnly(permissions_.CoordinatorsOnly):
    message = _("Only coordinators run the evaluation and the appraisal.")


class SchemePermission(permissions.BasePermission):
    """Coordinators read the schemes; only district administrators change them."""

    message = _("Only district administrators change evaluation schemes.")

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if user.is_superuser or user.role == Role.ADMIN:
            return True
        return request.method in permissions.SAFE_METHODS and user.role in COORDINATORS


# ---------------------------------------------------------------- schemes


class SchemeItemSerializer(serializers.Serializer):
    """A scored item or a bonus; `rule` says which of measure, of, target and cap it needs (evaluation.scoring)."""

    code = serializers.CharField()
    label = serializers.CharField()
    rule = serializers.ChoiceField(choices=list(scoring.RULES))
    points = serializers.FloatField()
    measure = serializers.ChoiceField(choices=list(scoring.MEASURES), required=False)
    of = serializers.ChoiceField(choices=list(scoring.MEASURES), required=False)
    target = serializers.FloatField(required=False)
    cap = serializers.FloatField(required=False)


class SchemeGradeSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    min = serializers.FloatField()


@extend_schema_serializer(component_name="EvaluationScheme")
class SchemeSerializer(ModelSerializer):
    items = described(SchemeItemSerializer(many=True))(
        required=False,
        validators=[scoring.validate_items],
        help_text=_("Scored items and bonuses; see evaluation.scoring for the rules."),
    )
    grades = described(SchemeGradeSerializer(many=True))(
        required=False,
        validators=[scoring.validate_grades],
        help_text=_("Grades from the highest minimum down; the last minimum is 0."),
    )

    class Meta:
        model = EvaluationScheme
        fields = ["id", "name", "year", "is_active", "items", "grades", "appraisal_weight", "updated_at"]
        read_only_fields = ["id", "updated_at"]
        validators = []  # the one-per-year rule is checked by the service's full_clean, with the field named


class SchemeListApi(APIView):
    """Evaluation schemes; an administrator adds one (items and grades default to the community rule)."""

    permission_classes = [SchemePermission]

    @extend_schema(responses={200: SchemeSerializer(many=True), 403: OpenApiResponse(description="Coordinators only.")})
    def get(self, request):
        return Response(SchemeSerializer(selectors.scheme_list(), many=True).data)

    @extend_schema(
        request=SchemeSerializer,
        responses={
            201: SchemeSerializer,
            400: BAD_INPUT,
            403: OpenApiResponse(description="Administrators only."),
        },
    )
    def post(self, request):
        payload = SchemeSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        scheme = services.scheme_save(**payload.validated_data)
        return Response(SchemeSerializer(scheme).data, status=status.HTTP_201_CREATED)


class SchemeDetailApi(APIView):
    """One scheme; an administrator changes it (results already computed keep their numbers until recomputed)."""

    permission_classes = [SchemePermission]

    @extend_schema(
        responses={
            200: SchemeSerializer,
            403: OpenApiResponse(description="Coordinators only."),
            404: OpenApiResponse(description="No such scheme."),
        }
    )
    def get(self, request, scheme_id: int):
        return Response(SchemeSerializer(selectors.scheme_get(scheme_id=scheme_id)).data)

    @extend_schema(
        request=SchemeSerializer,
        responses={
            200: SchemeSerializer,
            400: BAD_INPUT,
            403: OpenApiResponse(description="Administrators only."),
            404: OpenApiResponse(description="No such scheme."),
        },
    )
    def patch(self, request, scheme_id: int):
        scheme = selectors.scheme_get(scheme_id=scheme_id)
        payload = SchemeSerializer(scheme, data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        scheme = services.scheme_save(scheme=scheme, **payload.validated_data)
        return Response(SchemeSerializer(scheme).data)


# ---------------------------------------------------------------- inputs


@extend_schema_serializer(component_name="EvaluationInput")
class InputOutputSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    value = serializers.FloatField(read_only=True)
    entered_by = serializers.CharField(source="entered_by.username", read_only=True, default=None, allow_null=True)

    class Meta:
        model = EvaluationInput
        fields = ["id", "unit", "unit_name", "year", "measure", "value", "note", "entered_by", "entered_at"]
        read_only_fields = fields


class EvaluationInputListApi(APIView):
    """The figures the ledgers do not hold (meetings held, study and team guidance points, suggestions adopted),
    per unit and year; a coordinator enters or corrects one for a unit of their scope."""

    @extend_schema_serializer(component_name="EvaluationInputFilter")
    class FilterSerializer(serializers.Serializer):
        year = serializers.IntegerField(required=False, **YEAR)
        unit = serializers.IntegerField(required=False, min_value=1)

    @extend_schema_serializer(component_name="EvaluationInputSet")
    class InputSerializer(ScopedRelatedMixin, serializers.Serializer):
        scoped_fields = {"unit": (Unit.objects, selectors.UNITS)}

        unit = ScopedPrimaryKeyRelatedField(queryset=Unit.objects.all())
        year = serializers.IntegerField(**YEAR)
        measure = serializers.ChoiceField(choices=EvaluationInput.Measure.choices)
        # Documented as a number, which the form sends: coerce_to_string shapes only the output, which an input
        # serializer never renders, yet would document the field as a string.
        value = serializers.DecimalField(max_digits=8, decimal_places=2, min_value=0, coerce_to_string=False)
        note = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)

    def get_permissions(self):
        return [EvaluationReaders() if self.request.method in permissions.SAFE_METHODS else CoordinatorsOnly()]

    @extend_schema(
        parameters=[FilterSerializer],
        responses={
            200: InputOutputSerializer(many=True),
            400: BAD_INPUT,
            403: OpenApiResponse(description="Volunteers."),
        },
    )
    def get(self, request):
        filters = self.FilterSerializer(data=request.query_params.dict())
        filters.is_valid(raise_exception=True)
        rows = selectors.evaluation_input_list(user=request.user, **filters.validated_data)
        return Response(InputOutputSerializer(rows, many=True).data)

    @extend_schema(
        request=InputSerializer,
        responses={
            200: InputOutputSerializer,
            400: OpenApiResponse(description="Input refused, or the unit is not in your scope."),
            403: OpenApiResponse(description="Coordinators only."),
        },
    )
    def post(self, request):
        payload = self.InputSerializer(data=request.data, context={"request": request})
        payload.is_valid(raise_exception=True)
        row = services.evaluation_input_set(entered_by=request.user, **payload.validated_data)
        return Response(InputOutputSerializer(row).data)


# ---------------------------------------------------------------- results


@extend_schema_serializer(component_name="UnitEvaluation")
class EvaluationOutputSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    community_name = serializers.CharField(source="unit.community.name", read_only=True)
    item_score = serializers.FloatField(read_only=True)
    bonus_score = serializers.FloatField(read_only=True)
    scheme_score = serializers.FloatField(read_only=True)
    appraisal_rate = serializers.FloatField(read_only=True, allow_null=True)
    score = serializers.FloatField(read_only=True)

    class Meta:
        model = UnitEvaluation
        fields = [
            "id",
            "unit",
            "unit_name",
            "community_name",
            "year",
            "rank",
            "item_score",
            "bonus_score",
            "scheme_score",
            "appraisal_count",
            "appraisal_rate",
            "score",
            "grade",
            "grade_label",
            "computed_at",
        ]
        read_only_fields = fields


class BreakdownFigureSerializer(serializers.Serializer):
    measure = serializers.CharField()
    value = serializers.FloatField()
    source = serializers.ChoiceField(choices=["ledger", "input", "none"])
    entered_by = serializers.CharField(allow_null=True)


class BreakdownItemSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    rule = serializers.CharField()
    bonus = serializers.BooleanField()
    max = serializers.FloatField()
    points = serializers.FloatField()
    figures = BreakdownFigureSerializer(many=True)


class BreakdownAppraisalSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    satisfaction_rate = serializers.FloatField(allow_null=True)
    weight = serializers.FloatField()


class BreakdownSerializer(serializers.Serializer):
    items = BreakdownItemSerializer(many=True)
    appraisal = BreakdownAppraisalSerializer()


@extend_schema_serializer(component_name="UnitEvaluationDetail")
class EvaluationDetailOutputSerializer(EvaluationOutputSerializer):
    scheme_name = serializers.CharField(source="scheme.name", read_only=True, default=None, allow_null=True)
    computed_by = serializers.CharField(source="computed_by.username", read_only=True, default=None, allow_null=True)
    breakdown = described(BreakdownSerializer)(
        read_only=True,
        help_text=_(
            "items: each item's points, maximum and figures with their source (ledger, input, none); appraisal: "
            "ratings, satisfaction rate and its weight."
        ),
    )

    class Meta(EvaluationOutputSerializer.Meta):
        fields = [*EvaluationOutputSerializer.Meta.fields, "scheme", "scheme_name", "computed_by", "breakdown"]
        read_only_fields = fields


@extend_schema_serializer(component_name="EvaluationYear")
class YearSerializer(serializers.Serializer):
    year = serializers.IntegerField(**YEAR)


class EvaluationComputeApi(APIView):
    """Compute the year's result of every unit in the coordinator's scope (replacing earlier ones) and re-rank."""

    @extend_schema_serializer(component_name="EvaluationComputeResult")
    class OutputSerializer(serializers.Serializer):
        year = serializers.IntegerField()
        computed = serializers.IntegerField()

    permission_classes = [CoordinatorsOnly]

    @extend_schema(
        request=YearSerializer,
        responses={
            200: OutputSerializer,
            400: BAD_INPUT,
            403: OpenApiResponse(description="Coordinators only."),
        },
    )
    def post(self, request):
        payload = YearSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        year = payload.validated_data["year"]
        computed = services.evaluation_compute(user=request.user, year=year)
        return Response(self.OutputSerializer({"year": year, "computed": computed}).data)


class EvaluationListApi(APIView):
    """The year's results in the caller's scope, best first, with their district-wide rank."""

    permission_classes = [EvaluationReaders]

    @extend_schema(
        parameters=[YearSerializer],
        responses={
            200: EvaluationOutputSerializer(many=True),
            400: BAD_INPUT,
            403: OpenApiResponse(description="Volunteers have no evaluation to read."),
        },
    )
    def get(self, request):
        filters = YearSerializer(data=request.query_params.dict())
        filters.is_valid(raise_exception=True)
        rows = selectors.evaluation_list(user=request.user, year=filters.validated_data["year"])
        return Response(EvaluationOutputSerializer(rows, many=True).data)


class EvaluationDetailApi(APIView):
    """One unit's result with each item's points and where its figures came from."""

    permission_classes = [EvaluationReaders]

    @extend_schema(
        responses={
            200: EvaluationDetailOutputSerializer,
            403: OpenApiResponse(description="Volunteers."),
            404: NOT_IN_SCOPE,
        }
    )
    def get(self, request, evaluation_id: int):
        row = selectors.evaluation_get(user=request.user, evaluation_id=evaluation_id)
        return Response(EvaluationDetailOutputSerializer(row).data)


class JsonAnswers(DefaultContentNegotiation):
    """Here `format` names the export's file type, not a DRF renderer: every answer but the file itself is JSON."""

    def select_renderer(self, request, renderers_, format_suffix=None):
        return renderers_[0], renderers_[0].media_type


class EvaluationExportApi(APIView):
    """The year's results in the caller's scope as a CSV or an XLSX file."""

    @extend_schema_serializer(component_name="EvaluationExportFilter")
    class FilterSerializer(YearSerializer):
        format = serializers.ChoiceField(choices=sorted(export.FORMATS), default="csv")

    permission_classes = [EvaluationReaders]
    renderer_classes = [renderers.JSONRenderer]
    content_negotiation_class = JsonAnswers

    @extend_schema(
        parameters=[FilterSerializer],
        responses={
            (200, "text/csv"): OpenApiTypes.BINARY,
            (200, export.FORMATS["xlsx"]): OpenApiTypes.BINARY,
            400: BAD_INPUT,
            403: OpenApiResponse(description="Volunteers."),
        },
    )
    def get(self, request):
        filters = self.FilterSerializer(data=request.query_params.dict())
        filters.is_valid(raise_exception=True)
        year, file_format = filters.validated_data["year"], filters.validated_data["format"]
        rows = list(selectors.evaluation_list(user=request.user, year=year))
        body = export.evaluation_export(rows=rows, year=year, file_format=file_format)
        response = HttpResponse(body, content_type=export.FORMATS[file_format])
        response["Content-Disposition"] = f'attachment; filename="evaluation-{year}.{file_format}"'
        return response


# ---------------------------------------------------------------- appraisal


@extend_schema_serializer(component_name="AppraisalRound")
class RoundOutputSerializer(serializers.ModelSerializer):
    community_name = serializers.CharField(source="community.name", read_only=True, default=None, allow_null=True)
    sub_district_name = serializers.CharField(source="sub_district.name", read_only=True, default=None, allow_null=True)
    ballot_count = serializers.IntegerField(read_only=True)
    used_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = AppraisalRound
        fields = [
            "id",
            "year",
            "title",
            "community",
            "community_name",
            "sub_district",
            "sub_district_name",
            "units",
            "ballot_count",
            "used_count",
            "created_at",
        ]
        read_only_fields = fields


@extend_schema_serializer(component_name="AppraisalUnitResult")
class UnitResultSerializer(serializers.Serializer):
    unit = serializers.IntegerField()
    unit_name = serializers.CharField()
    count = serializers.IntegerField()
    satisfied = serializers.IntegerField()
    basically_satisfied = serializers.IntegerField()
    dissatisfied = serializers.IntegerField()
    satisfaction_rate = serializers.FloatField(
        allow_null=True, help_text=_("(satisfied + basically satisfied) / ratings; empty without ratings.")
    )


@extend_schema_serializer(component_name="AppraisalRoundDetail")
class RoundDetailOutputSerializer(RoundOutputSerializer):
    results = serializers.SerializerMethodField()

    class Meta(RoundOutputSerializer.Meta):
        fields = [*RoundOutputSerializer.Meta.fields, "results"]
        read_only_fields = fields

    @extend_schema_field(UnitResultSerializer(many=True))
    def get_results(self, appraisal_round) -> list:
        return UnitResultSerializer(selectors.appraisal_results(appraisal_round=appraisal_round), many=True).data


class AppraisalRoundListApi(APIView):
    """Appraisal rounds in the coordinator's scope; POST opens one with its units and one-time ballot codes (returned
    only in this answer: print them, hand one to each representative)."""

    @extend_schema_serializer(component_name="AppraisalRoundCreate")
    class InputSerializer(serializers.Serializer):
        year = serializers.IntegerField(**YEAR)
        title = LineField(max_length=128)
        community = ScopedPrimaryKeyRelatedField(
            queryset=Community.objects.all(), required=False, allow_null=True, default=None
        )
        sub_district = ScopedPrimaryKeyRelatedField(
            queryset=SubDistrict.objects.all(), required=False, allow_null=True, default=None
        )
        units = ScopedPrimaryKeyRelatedField(
            queryset=Unit.objects.select_related("community"), many=True, allow_empty=False
        )
        ballots = serializers.IntegerField(min_value=1, max_value=200, help_text=_("About fifty representatives."))

        def validate(self, attrs):
            if (attrs["community"] is None) == (attrs["sub_district"] is None):
                raise serializers.ValidationError({"community": [_("Give either a community or a sub-district.")]})
            return attrs

    @extend_schema_serializer(component_name="AppraisalRoundCreated")
    class CreatedSerializer(RoundOutputSerializer):
        codes = serializers.ListField(
            child=serializers.CharField(), read_only=True, help_text=_("The one-time ballot codes, shown only now.")
        )

        class Meta(RoundOutputSerializer.Meta):
            fields = [*RoundOutputSerializer.Meta.fields, "codes"]
            read_only_fields = fields

    permission_classes = [CoordinatorsOnly]

    @extend_schema(
        responses={
            200: RoundOutputSerializer(many=True),
            403: OpenApiResponse(description="Coordinators only."),
        }
    )
    def get(self, request):
        return Response(RoundOutputSerializer(selectors.appraisal_round_list(user=request.user), many=True).data)

    @extend_schema(
        request=InputSerializer,
        responses={
            201: CreatedSerializer,
            400: BAD_INPUT,
            403: OpenApiResponse(description="Coordinators only."),
        },
    )
    def post(self, request):
        payload = self.InputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        appraisal_round, codes = services.appraisal_round_create(user=request.user, **payload.validated_data)
        appraisal_round = selectors.appraisal_round_get(user=request.user, round_id=appraisal_round.pk)
        appraisal_round.codes = codes
        return Response(self.CreatedSerializer(appraisal_round).data, status=status.HTTP_201_CREATED)


class AppraisalRoundDetailApi(APIView):
    """One round with each unit's ratings and satisfaction rate."""

    permission_classes = [CoordinatorsOnly]

    @extend_schema(
        responses={
            200: RoundDetailOutputSerializer,
            403: OpenApiResponse(description="Coordinators only."),
            404: NOT_IN_SCOPE,
        }
    )
    def get(self, request, round_id: int):
        appraisal_round = selectors.appraisal_round_get(user=request.user, round_id=round_id)
        return Response(RoundDetailOutputSerializer(appraisal_round).data)


class BallotThrottle(AnonRateThrottle):
    """Per address: generous enough for a meeting room behind one router, tight enough to make guessing pointless."""

    scope = "appraisal_ballot"
    rate = "120/minute"


@extend_schema_serializer(component_name="AppraisalBallotUnit")
class BallotUnitSerializer(serializers.Serializer):
    """A unit a ballot rates."""

    id = serializers.IntegerField()
    name = serializers.CharField()


@extend_schema_serializer(component_name="AppraisalBallotRatingChoice")
class BallotRatingChoiceSerializer(serializers.Serializer):
    """A rating a ballot offers: its value (the RatingEnum a ballot sends back) and its label."""

    value = serializers.ChoiceField(choices=AppraisalRating.Rating.choices)
    label = serializers.CharField()


@extend_schema_serializer(component_name="AppraisalBallot")
class BallotOutputSerializer(serializers.Serializer):
    year = serializers.IntegerField(source="round.year")
    title = serializers.CharField(source="round.title")
    units = serializers.SerializerMethodField()
    ratings = serializers.SerializerMethodField(help_text=_("The ratings to choose from."))

    @extend_schema_field(BallotUnitSerializer(many=True))
    def get_units(self, ballot) -> list:
        return [
            {"id": pk, "name": name} for pk, name in ballot.round.units.order_by("name", "pk").values_list("pk", "name")
        ]

    @extend_schema_field(BallotRatingChoiceSerializer(many=True))
    def get_ratings(self, ballot) -> list:
        return [{"value": value, "label": str(label)} for value, label in AppraisalRating.Rating.choices]


@extend_schema_serializer(component_name="AppraisalBallotRating")
class RatingInputSerializer(serializers.Serializer):
    unit = serializers.IntegerField(min_value=1)
    rating = serializers.ChoiceField(
        choices=AppraisalRating.Rating.choices,
        help_text=_("satisfied (满意), basically_satisfied (基本满意) or dissatisfied (不满意)"),
    )


class AppraisalBallotApi(APIView):
    """A representative's ballot, by its one-time code and without an account: GET shows the units to rate, POST
    rates every one of them at once. Unknown code: 404; a used ballot: 409."""

    @extend_schema_serializer(component_name="AppraisalBallotSubmit")
    class InputSerializer(serializers.Serializer):
        ratings = RatingInputSerializer(many=True, allow_empty=False)

    authentication_classes = []
    permission_classes = [permissions.AllowAny]
    throttle_classes = [BallotThrottle]

    @extend_schema(
        auth=[],
        responses={
            200: BallotOutputSerializer,
            404: OpenApiResponse(description="No such ballot."),
            409: OpenApiResponse(description="The ballot has been used."),
            429: OpenApiResponse(description="Too many tries."),
        },
    )
    def get(self, request, code: str):
        ballot = selectors.appraisal_ballot_get(code=code)
        services.appraisal_ballot_check(ballot=ballot)
        return Response(BallotOutputSerializer(ballot).data)

    @extend_schema(
        auth=[],
        request=InputSerializer,
        responses={
            204: None,
            400: BAD_INPUT,
            404: OpenApiResponse(description="No such ballot."),
            409: OpenApiResponse(description="The ballot has been used."),
            429: OpenApiResponse(description="Too many tries."),
        },
    )
    def post(self, request, code: str):
        payload = self.InputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        services.appraisal_ballot_submit(code=code, ratings=payload.validated_data["ratings"])
        return Response(status=status.HTTP_204_NO_CONTENT)
