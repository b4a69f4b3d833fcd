"""Read-only endpoints of the coordinators' trend charts: one per figure, each answering the figures, the period
(whole ISO weeks, Mondays in the district's time zone) and the scope they cover. Coordinators only."""

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_serializer, extend_schema_view
from rest_framework import generics, serializers
from rest_framework.response import Response

from core import permissions as permissions_
from insights import selectors
from resources.models import Resource

MAX_ID = 2**31 - 1  # beyond an integer column: refused here rather than failing in the database
# Dates far from now cannot be meant; the bounds keep the weeks' arithmetic away from date.max.
DAYS = {"validators": [MinValueValidator(dt.date(2000, 1, 1)), MaxValueValidator(dt.date(2100, 12, 31))]}


class CoordinatorsOnly(permissions_.CoordinatorsOnly):
    message = _("Only coordinators read the dashboards.")


# ---------------------------------------------------------------- input


@extend_schema_serializer(component_name="InsightFilter")
class FilterSerializer(serializers.Serializer):
    """`weeks` (the latest weeks up to the current one) or `from` and `to` (Mondays); optionally one community or
    sub-district inside the caller's scope."""

    weeks = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=selectors.MAX_WEEKS,
        help_text=_("The latest weeks, the current one included (default 12)."),
    )
    community = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    sub_district = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID)

    def get_fields(self):
        fields = super().get_fields()  # "from" is a Python keyword: these two cannot be class attributes
        for name, help_text in (("from", _("The first week's Monday.")), ("to", _("The last week's Monday."))):
            fields[name] = serializers.DateField(required=False, help_text=help_text, **DAYS)
        return fields

    def validate(self, attrs):
        start, end = attrs.get("from"), attrs.get("to")
        if "weeks" in attrs and (start or end):
            raise serializers.ValidationError({"weeks": [_("Give either weeks or from and to, not both.")]})
        if "community" in attrs and "sub_district" in attrs:
            raise serializers.ValidationError({"sub_district": [_("Give either a community or a sub-district.")]})
        if (start is None) != (end is None):
            missing = "to" if end is None else "from"
            raise serializers.ValidationError({missing: [_("Give both from and to.")]})
        if start is None:
            return attrs
        for name, day in (("from", start), ("to", end)):
            if day.weekday() != 0:
                raise serializers.ValidationError({name: [_("Give a Monday.")]})
        if end < start:
            raise serializers.ValidationError({"to": [_("The end of the range comes before its start.")]})
        if (end - start).days // 7 + 1 > selectors.MAX_WEEKS:
            raise serializers.ValidationError({"to": [_("At most %(weeks)d weeks.") % {"weeks": selectors.MAX_WEEKS}]})
        return attrs


# ---------------------------------------------------------------- output


@extend_schema_serializer(component_name="InsightPeriod")
class PeriodSerializer(serializers.Serializer):
    start = serializers.DateField(help_text=_("The first week's Monday."))
    end = serializers.DateField(help_text=_("The last week's Monday."))
    last_day = serializers.DateField(help_text=_("The last week's Sunday."))
    weeks = serializers.ListField(child=serializers.DateField(), help_text=_("Every week's Monday."))
    time_zone = serializers.CharField()


@extend_schema_serializer(component_name="InsightScope")
class ScopeSerializer(serializers.Serializer):
    level = serializers.ChoiceField(choices=["community", "sub_district", "district"])
    id = serializers.IntegerField(allow_null=True)
    name = serializers.CharField()
    communities = serializers.ListField(child=serializers.IntegerField(), source="ids")


class _Figures(serializers.Serializer):
    """Every answer: the period and the scope, then the figures."""

    period = PeriodSerializer()
    scope = ScopeSerializer()


@extend_schema_serializer(component_name="InsightRate")
class RateSerializer(serializers.Serializer):
    total = serializers.IntegerField(help_text=_("Seats of shifts in the published plans."))
    filled = serializers.IntegerField(help_text=_("Seats filled (declined or moved assignments excluded)."))
    rate = serializers.FloatField(allow_null=True, help_text=_("filled / total; null without seats."))


# Labels come first in each row: DRF lists the fields of the bases in the order the bases are given.
class _PriorityLabel(serializers.Serializer):
    priority = serializers.IntegerField()


@extend_schema_serializer(component_name="InsightPriorityRate")
class PriorityRateSerializer(_PriorityLabel, RateSerializer):
    pass


@extend_schema_serializer(component_name="InsightSeats")
class SeatsSerializer(RateSerializer):
    communities_published = serializers.IntegerField(help_text=_("Communities with a published plan that week."))
    by_priority = PriorityRateSerializer(many=True)


@extend_schema_serializer(component_name="InsightNeedsDue")
class NeedsDueSerializer(serializers.Serializer):
    due = serializers.IntegerField(help_text=_("Needs whose deadline falls in the week."))
    closed_in_time = serializers.IntegerField(help_text=_("Finished on or before the deadline day."))
    closed_late = serializers.IntegerField()
    open = serializers.IntegerField(help_text=_("Not finished yet."))


@extend_schema_serializer(component_name="InsightWeek")
class WeekSerializer(serializers.Serializer):
    week = serializers.DateField(help_text=_("Monday of the ISO week."))
    seats = SeatsSerializer()
    needs = NeedsDueSerializer()
    hours = serializers.FloatField(help_text=_("Approved service hours."))
    volunteers_served = serializers.IntegerField(help_text=_("Distinct volunteers with approved service."))


@extend_schema_serializer(component_name="InsightWeeks")
class WeeksSerializer(_Figures):
    weeks = WeekSerializer(many=True)


@extend_schema_serializer(component_name="InsightCommunityHours")
class CommunityHoursSerializer(serializers.Serializer):
    community = serializers.IntegerField()
    name = serializers.CharField()
    hours = serializers.ListField(child=serializers.FloatField(), help_text=_("One value per week of the period."))
    total = serializers.FloatField()


@extend_schema_serializer(component_name="InsightHoursByCommunity")
class HoursByCommunitySerializer(_Figures):
    weeks = serializers.ListField(child=serializers.DateField())
    communities = CommunityHoursSerializer(many=True)
    totals = serializers.ListField(child=serializers.FloatField(), help_text=_("All communities, per week."))
    total = serializers.FloatField()


@extend_schema_serializer(component_name="InsightSpread")
class SpreadSerializer(serializers.Serializer):
    volunteers = serializers.IntegerField(help_text=_("Active volunteers (home community)."))
    volunteers_with_hours = serializers.IntegerField()
    hours = serializers.FloatField()
    gini = serializers.FloatField(
        help_text=_(
            "Gini coefficient of hours per person: sum over i of (2i - n - 1) x_i / (n sum x), x sorted ascending."
        )
    )
    top_10_share = serializers.FloatField(
        allow_null=True, help_text=_("Share of the hours done by the top tenth of people (at least one person).")
    )
    mean = serializers.FloatField()
    median = serializers.FloatField()
    max = serializers.FloatField()


class _CommunityLabel(serializers.Serializer):
    community = serializers.IntegerField()
    name = serializers.CharField()


@extend_schema_serializer(component_name="InsightCommunitySpread")
class CommunitySpreadSerializer(_CommunityLabel, SpreadSerializer):
    pass


@extend_schema_serializer(component_name="InsightFairness")
class FairnessSerializer(_Figures):
    communities = CommunitySpreadSerializer(many=True)
    overall = SpreadSerializer()


@extend_schema_serializer(component_name="InsightUse")
class UseSerializer(serializers.Serializer):
    offered_hours = serializers.FloatField(help_text=_("Free slot-hours in the period."))
    booked_hours = serializers.FloatField(help_text=_("Hours booked in the published plans."))
    use_rate = serializers.FloatField(allow_null=True, help_text=_("booked / offered; null when nothing is offered."))
    bookings = serializers.IntegerField()
    withdrawals = serializers.IntegerField(help_text=_("Days a resource was taken back."))


class _UnitLabel(serializers.Serializer):
    unit = serializers.IntegerField(allow_null=True, help_text=_("Null: the community's own rooms."))
    unit_name = serializers.CharField()


# Categories are documented as a plain string: a second enum of them would collide with the resources' own.
class _CategoryLabel(serializers.Serializer):
    category = serializers.CharField(help_text=" | ".join(Resource.Category.values))


@extend_schema_serializer(component_name="InsightUnitUse")
class UnitUseSerializer(_UnitLabel, UseSerializer):
    pass


@extend_schema_serializer(component_name="InsightCategoryUse")
class CategoryUseSerializer(_CategoryLabel, UseSerializer):
    pass


@extend_schema_serializer(component_name="InsightUnitCategoryUse")
class UnitCategoryUseSerializer(_UnitLabel, _CategoryLabel, UseSerializer):
    pass


@extend_schema_serializer(component_name="InsightResources")
class ResourcesSerializer(_Figures):
    rows = UnitCategoryUseSerializer(many=True)
    by_unit = UnitUseSerializer(many=True)
    by_category = CategoryUseSerializer(many=True)
    total = UseSerializer()


@extend_schema_serializer(component_name="InsightMissingSkill")
class MissingSkillSerializer(serializers.Serializer):
    rank = serializers.IntegerField()
    skill = serializers.CharField(help_text=_("Skill code."))
    name = serializers.CharField()
    name_en = serializers.CharField()
    seats = serializers.IntegerField(help_text=_("Unfilled seats of shifts that required the skill."))
    seats_nobody_in_range = serializers.IntegerField(help_text=_("Of those, seats where nobody in range has it."))
    shifts = serializers.IntegerField()
    communities = serializers.IntegerField()
    max_level = serializers.IntegerField()
    weeks = serializers.ListField(child=serializers.DateField(), help_text=_("Mondays of the weeks it occurred."))


@extend_schema_serializer(component_name="InsightMissingSkills")
class MissingSkillsSerializer(_Figures):
    skills = MissingSkillSerializer(many=True)
    seats_needing_no_skill = serializers.IntegerField()
    seats_missing_a_room = serializers.IntegerField(help_text=_("Unfilled only for want of a resource."))


# ---------------------------------------------------------------- endpoints

ERRORS = {
    400: OpenApiResponse(description="A query parameter is refused; the field is named."),
    403: OpenApiResponse(description="Coordinators only."),
    404: OpenApiResponse(description="The community or sub-district is not in your scope."),
}


class _InsightApi(generics.GenericAPIView):
    """Validate the filters, resolve the scope and the period, call the figure's selector."""

    permission_classes = [CoordinatorsOnly]
    filter_backends = []
    pagination_class = None
    selector = None

    def get(self, request):
        filters = FilterSerializer(data=request.query_params.dict())
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        scope = selectors.insight_scope_get(
            user=request.user, community=data.get("community"), sub_district=data.get("sub_district")
        )
        period = selectors.period_get(weeks=data.get("weeks"), start=data.get("from"), end=data.get("to"))
        figures = self.figures(scope=scope, period=period)
        body = {
            "period": {
                "start": period.start,
                "end": period.end,
                "last_day": period.last_day,
                "weeks": period.weeks,
                "time_zone": settings.TIME_ZONE,
            },
            "scope": scope,
            **figures,
        }
        return Response(self.get_serializer(body).data)

    def figures(self, *, scope: selectors.InsightScope, period: selectors.Period) -> dict:
        return type(self).selector(scope=scope, period=period)


def _documented(output, summary: str):
    return extend_schema(summary=summary, parameters=[FilterSerializer], responses={200: output, **ERRORS})


@extend_schema_view(get=_documented(WeeksSerializer, "Figures per week"))
class InsightWeekListApi(_InsightApi):
    """Per week: seats offered and filled in the published plans, needs due closed in time or late or still open,
    approved service hours and distinct volunteers served."""

    serializer_class = WeeksSerializer

    def figures(self, *, scope: selectors.InsightScope, period: selectors.Period) -> dict:
        return {"weeks": selectors.week_list(scope=scope, period=period)}


@extend_schema_view(get=_documented(HoursByCommunitySerializer, "Approved hours per community per week"))
class InsightHoursByCommunityApi(_InsightApi):
    """Approved hours per community per week, for a stacked chart, and the totals."""

    serializer_class = HoursByCommunitySerializer
    selector = selectors.hours_by_community


@extend_schema_view(get=_documented(FairnessSerializer, "Fairness of hours per community"))
class InsightFairnessApi(_InsightApi):
    """How evenly the period's hours spread over each community's active volunteers."""

    serializer_class = FairnessSerializer
    selector = selectors.fairness_by_community


@extend_schema_view(get=_documented(ResourcesSerializer, "Idle resources offered versus used"))
class InsightResourceUseApi(_InsightApi):
    """Idle resources offered versus used, per unit and per category."""

    serializer_class = ResourcesSerializer
    selector = selectors.resource_use


@extend_schema_view(get=_documented(MissingSkillsSerializer, "Skills most often missing"))
class InsightMissingSkillListApi(_InsightApi):
    """The skills most often missing on unfilled seats: what to recruit."""

    serializer_class = MissingSkillsSerializer
    selector = selectors.missing_skill_list
