"""Dashboards over weeks: the coordinators' trend figures; names are prefixed `insights-`."""

from django.urls import path

from insights.apis import (
    InsightFairnessApi,
    InsightHoursByCommunityApi,
    InsightMissingSkillListApi,
    InsightResourceUseApi,
    InsightWeekListApi,
)

urlpatterns = [
    path("insights/weeks/", InsightWeekListApi.as_view(), name="insights-weeks"),
    path("insights/hours-by-community/", InsightHoursByCommunityApi.as_view(), name="insights-hours-by-community"),
    path("insights/fairness/", InsightFairnessApi.as_view(), name="insights-fairness"),
    path("insights/resources/", InsightResourceUseApi.as_view(), name="insights-resources"),
    path("insights/missing-skills/", InsightMissingSkillListApi.as_view(), name="insights-missing-skills"),
]
