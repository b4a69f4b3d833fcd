"""A week's shifts come from posts' schedule rules, weekly projects and published needs, once."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

import factories as f
from shifts.models import Shift
from shifts.services import shift_generate_week

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2026, 11, 30)


def _local(shift):
    return timezone.localtime(shift.start).strftime("%a %H:%M"), timezone.localtime(shift.end).strftime("%H:%M")


def test_posts_projects_and_needs_make_the_weeks_shifts(world):
    # given a post on Tuesdays and Saturdays, a weekly project on Wednesdays that needs a room, a published
    # venue need on Thursday, and a need still pending review
    post = f.PostFactory(community=world.a1, weekdays=[2, 6], seats=3, required_skills={"legal_advice": 2})
    project = f.ProjectFactory(
        community=world.a1,
        weekdays=[3],
        start_time=dt.time(16, 30),
        end_time=dt.time(18),
        seats=2,
        resource_kind="venue",
        resource_min_capacity=30,
    )
    need = f.NeedFactory(
        community=world.a1,
        status="published",
        type="venue",
        headcount=4,
        urgency=5,
        wanted_start=f.at(MONDAY + dt.timedelta(days=3), 14),
        wanted_end=f.at(MONDAY + dt.timedelta(days=3), 16),
    )
    f.NeedFactory(community=world.a1, status="pending", wanted_start=f.at(MONDAY, 9), wanted_end=f.at(MONDAY, 10))
    # when the week is generated (from any day of it)
    result = shift_generate_week(week=MONDAY + dt.timedelta(days=2))
    # then
    assert (result.week, result.created, result.existing) == (MONDAY, 4, 0)
    assert result.by_origin == {"post": 2, "project": 1, "need": 1}
    post_shifts = Shift.objects.filter(post=post).order_by("start")
    assert [_local(s) for s in post_shifts] == [("Tue 09:00", "11:00"), ("Sat 09:00", "11:00")]
    assert {(s.seats, s.week, tuple(s.required_skills.items())) for s in post_shifts} == {
        (3, MONDAY, (("legal_advice", 2),))
    }
    project_shift = Shift.objects.get(project=project)
    assert _local(project_shift) == ("Wed 16:30", "18:00")
    assert (project_shift.resource_request.kind, project_shift.resource_request.min_capacity) == ("venue", 30)
    need_shift = Shift.objects.get(need=need)
    assert (need_shift.seats, need_shift.priority, need_shift.resource_request.min_capacity) == (4, 5, 4)


def test_generating_twice_creates_nothing_new(world):
    f.PostFactory(community=world.a1, weekdays=[1, 2, 3])
    first = shift_generate_week(week=MONDAY)
    second = shift_generate_week(week=MONDAY)
    assert (first.created, second.created, second.existing) == (3, 0, 3)
    assert Shift.objects.count() == 3


def test_generation_is_limited_to_the_given_communities(world):
    f.PostFactory(community=world.a1)
    f.PostFactory(community=world.b1)
    from geo.models import Community

    shift_generate_week(week=MONDAY, communities=Community.objects.filter(pk=world.a1.pk))
    assert list(Shift.objects.values_list("community", flat=True)) == [world.a1.pk]


def test_generate_api_uses_the_callers_scope(world, client_as):
    f.PostFactory(community=world.a1)
    f.PostFactory(community=world.b1)
    response = client_as("subdistrict").post("/api/shifts/generate/", {"week": "2026-11-30"}, format="json")
    assert response.status_code == 200
    assert response.json() == {"week": "2026-11-30", "created": 1, "existing": 0, "by_origin": {"post": 1}}
    assert set(Shift.objects.values_list("community", flat=True)) == {world.a1.pk}
    refused = client_as("community").post(
        "/api/shifts/generate/", {"week": "2026-11-30", "community": world.b1.pk}, format="json"
    )
    assert refused.status_code == 400
    assert "community" in refused.json()["extra"]["fields"]


def test_volunteers_may_not_generate(world, client_as):
    assert (
        client_as("volunteer").post("/api/shifts/generate/", {"week": "2026-11-30"}, format="json").status_code == 403
    )


def test_management_command(world, capsys):
    f.PostFactory(community=world.a1, weekdays=[6, 7])
    call_command("generate_shifts", "--week", "2026-12-02")
    assert "2026-11-30: 2 new shifts" in capsys.readouterr().out


def test_ad_hoc_shift_with_a_resource_request(world, client_as):
    # next week's Thursday: an edit of a shift that has started is refused
    from core.weeks import next_monday

    thursday = next_monday() + dt.timedelta(days=3)
    payload = {
        "community": world.a1.pk,
        "title": "健康讲座",
        "start": f.at(thursday, 14).isoformat(),
        "end": f.at(thursday, 16).isoformat(),
        "seats": 3,
        "lat": 34.75,
        "lng": 113.62,
        "required_skills": {"first_aid": 2},
        "resource_request": {"kind": "venue", "min_capacity": 40, "features": ["projector"]},
    }
    client = client_as("community")
    created = client.post("/api/shifts/", payload, format="json")
    assert created.status_code == 201
    body = created.json()
    assert (body["week"], body["origin"]) == (next_monday().isoformat(), "ad_hoc")
    assert body["resource_request"] == {
        "kind": "venue",
        "min_capacity": 40,
        "features": ["projector"],
        "max_distance_km": None,
    }
    removed = client.patch(f"/api/shifts/{body['id']}/", {"resource_request": None}, format="json")
    assert removed.json()["resource_request"] is None


def test_next_week_task_generates_from_next_monday(world):
    from core.weeks import next_monday
    from shifts.tasks import shift_generate_next_week_task

    f.PostFactory(community=world.a1, weekdays=[1])
    result = shift_generate_next_week_task.run()
    monday = next_monday()
    assert result == {"week": monday.isoformat(), "created": 1, "existing": 0}


def test_a_one_day_project_is_accepted_and_makes_one_shift(world, client_as):
    # given a one-off project on the Wednesday of the week, entered through the API (it ends on the day it starts)
    wednesday = MONDAY + dt.timedelta(days=2)
    response = client_as("community").post(
        "/api/projects/",
        {
            "community": world.a1.pk,
            "name": "一次性义诊",
            "frequency": "once",
            "start_date": wednesday.isoformat(),
            "end_date": wednesday.isoformat(),
            "weekdays": [3],
            "start_time": "09:00",
            "end_time": "11:00",
            "seats": 2,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    # and one that would end the day before it starts is still refused, naming the end
    refused = client_as("community").patch(
        f"/api/projects/{response.json()['id']}/",
        {"end_date": (wednesday - dt.timedelta(days=1)).isoformat()},
        format="json",
    )
    assert refused.status_code == 400
    assert "end_date" in refused.json()["extra"]["fields"]
    # when the week is generated, the project makes its one shift on that day
    result = shift_generate_week(week=MONDAY)
    assert result.by_origin == {"project": 1}
    assert [_local(s) for s in Shift.objects.filter(project_id=response.json()["id"])] == [("Wed 09:00", "11:00")]
