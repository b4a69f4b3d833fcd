"""Figures of weekly planning for /metrics (core.metrics), read from the database when scraped: the same truth from
every process, kept across restarts."""

from django.db.models import Count, FloatField, Sum
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from prometheus_client.core import GaugeMetricFamily, SummaryMetricFamily

from core.metrics import PREFIX
from planning.models import MatchingRun


def matching_runs_collect():
    runs = GaugeMetricFamily(f"{PREFIX}matching_runs", "Matching runs by status.", labels=["status"])
    counts = dict(MatchingRun.objects.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    for status in MatchingRun.Status.values:
        runs.add_metric([status], counts.get(status, 0))
    yield runs
    solved = SummaryMetricFamily(
        f"{PREFIX}matching_solve_seconds", "Solver seconds of the finished matching runs, by solver.", labels=["solver"]
    )
    rows = (
        MatchingRun.objects.filter(status=MatchingRun.Status.DONE)
        .values("solver")
        .annotate(n=Count("id"), seconds=Sum(Cast(KT("stats__seconds"), FloatField())))
        .order_by("solver")
    )
    for row in rows:
        solved.add_metric([row["solver"]], count_value=row["n"], sum_value=row["seconds"] or 0.0)
    yield solved
