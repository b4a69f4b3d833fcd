"""`publish_demo_week`: the demo opens on a published plan of the week, one per sub-district; re-running it
publishes nothing twice."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from planning.models import Assignment, MatchingRun, Publication
from shifts.models import Shift

pytestmark = pytest.mark.django_db

WEEK = dt.date(2026, 11, 30)


def _run(*extra) -> str:
    out = io.StringIO()
    call_command("publish_demo_week", f"--week={WEEK.isoformat()}", "--time-limit=10", *extra, stdout=out)
    return out.getvalue()


def test_every_sub_district_with_shifts_gets_a_published_plan_once():
    # given the small demo seeded for the week
    call_command("seed_demo", "--scale=small", "--seed=2", f"--week={WEEK.isoformat()}", stdout=io.StringIO())
    sub_districts = set(Shift.objects.filter(week=WEEK).values_list("community__sub_district_id", flat=True))
    # when the week is published
    first = _run()
    # then each of those sub-districts has one done, published run with assignments
    publications = Publication.objects.filter(week=WEEK)
    assert {p.scope_key for p in publications} == {f"sub_district:{pk}" for pk in sub_districts}
    assert set(MatchingRun.objects.filter(week=WEEK).values_list("status", flat=True)) == {"done"}
    assert Assignment.objects.filter(run__publication__isnull=False).exists()
    assert first.rstrip().endswith("published.")
    # and a second time nothing new is run or published
    again = _run()
    assert again.count("already published") == len(sub_districts)
    assert MatchingRun.objects.filter(week=WEEK).count() == len(sub_districts)


def test_without_the_demo_it_says_what_to_do():
    with pytest.raises(CommandError, match="seed_demo"):
        _run()
