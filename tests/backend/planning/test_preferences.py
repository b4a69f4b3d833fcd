"""Volunteers' stated preferences reach the optimizer through the mapper (the week's shifts of a preferred kind or in
a preferred community, named by their post where they have one), and the plan's metrics count the assignments
that matched one."""

import datetime as dt

import pytest

import factories as f
import matching
from planning import mapper, services
from planning.models import MatchingRun

from .conftest import SATURDAY

pytestmark = pytest.mark.django_db


def _saturday_shift(community, **kwargs):
    return f.ShiftFactory(community=community, start=f.at(SATURDAY, 9), end=f.at(SATURDAY, 11), **kwargs)


def test_the_mapper_turns_kinds_and_communities_into_the_weeks_preferred_shifts(world, queued_run):
    # given V1 prefers patrols and community A2; the week of S1 has a patrol post's shift in A1, a legal need's
    # shift in A1, a shift in A2 and a shift of no kind in A1; a second volunteer states nothing
    world.v1.preferred_kinds = ["patrol"]
    world.v1.save()
    world.v1.preferred_communities.set([world.a2])
    other = f.VolunteerFactory(home_community=world.a1)
    patrol = f.PostFactory(community=world.a1)
    patrol_shift = _saturday_shift(world.a1, post=patrol)
    _saturday_shift(world.a1, need=f.NeedFactory(community=world.a1, category="legal"))
    in_a2 = _saturday_shift(world.a2)
    _saturday_shift(world.a1)
    # when the sub-district's problem is built
    data = mapper.build_problem(queued_run(sub_district=world.s1)).data
    # then V1 prefers the patrol post (all its shifts) and the A2 shift, and the other volunteer nothing
    volunteers = {v["id"]: v for v in data["volunteers"]}
    assert volunteers[f"v{world.v1.pk}"]["preferences"] == sorted([f"p{patrol.pk}", f"s{in_a2.pk}"])
    assert "preferences" not in volunteers[f"v{other.pk}"]
    assert {s["id"]: s.get("post") for s in data["shifts"]}[f"s{patrol_shift.pk}"] == f"p{patrol.pk}"
    assert matching.parse_problem(data).volunteers[0].preferences == tuple(sorted([f"p{patrol.pk}", f"s{in_a2.pk}"]))


def test_a_kind_of_a_need_is_preferred_like_a_posts(world, queued_run):
    # given V1 prefers legal work; one shift serves a legal need, another an elderly-care need
    world.v1.preferred_kinds = ["legal"]
    world.v1.save()
    legal = _saturday_shift(world.a1, need=f.NeedFactory(community=world.a1, category="legal"))
    _saturday_shift(world.a1, need=f.NeedFactory(community=world.a1, category="elderly"))
    # when / then
    data = mapper.build_problem(queued_run(community=world.a1)).data
    assert data["volunteers"][0]["preferences"] == [f"s{legal.pk}"]


def test_the_plan_counts_the_assignments_that_matched_a_stated_preference(world, queued_run, client_as):
    # given two volunteers of A1 free on Saturday 9-12, two shifts at the same hour with a seat each (a patrol
    # post's and one of no kind): V1 prefers patrols, the other states nothing
    for volunteer in (world.v1, f.VolunteerFactory(home_community=world.a1)):
        f.WeeklyAvailabilityFactory(volunteer=volunteer, weekday=6, start_time=dt.time(9), end_time=dt.time(12))
    world.v1.preferred_kinds = ["patrol"]
    world.v1.save()
    patrol_shift = _saturday_shift(world.a1, post=f.PostFactory(community=world.a1), seats=1)
    _saturday_shift(world.a1, seats=1)
    run = queued_run(community=world.a1)
    # when the week is solved for real
    assert services.matching_run_execute(run_id=run.pk) == "done"
    # then V1 has the patrol, and the metrics say one assignment of one stating volunteer matched
    run = MatchingRun.objects.get(pk=run.pk)
    assert run.assignments.get(volunteer=world.v1).shift_id == patrol_shift.pk
    assert (run.metrics["preferences_matched"], run.metrics["preferences_stated"]) == (1, 1)
    assert run.metrics["soft_rules"]["preferences"]["honoured"] == 1
    metrics = client_as("community").get(f"/api/planning/runs/{run.pk}/").json()["metrics"]
    assert (metrics["preferences_matched"], metrics["preferences_stated"]) == (1, 1)


def test_preferences_matched_counts_a_shift_named_by_itself_or_by_its_post():
    # given a problem's volunteers and shifts as the mapper writes them
    data = {
        "volunteers": [{"id": "v1", "preferences": ["p7", "s3"]}, {"id": "v2"}],
        "shifts": [{"id": "s1", "post": "p7"}, {"id": "s2"}, {"id": "s3"}],
    }
    # when / then: v1 on the post's shift and on s3 match; v1 on s2 and v2 anywhere do not
    assert mapper.preferences_matched(data, [("v1", "s1"), ("v1", "s3"), ("v1", "s2"), ("v2", "s1")]) == {
        "preferences_matched": 2,
        "preferences_stated": 1,
    }
