"""Dispatching needs (派单): a coordinator merges needs into a project of their community (existing or new) or turns
a need into dated shifts; pending needs are approved on the way, finished ones are refused, all or nothing."""

import datetime as dt

import pytest
from django.utils import timezone

import factories as f
from core.weeks import monday_of
from needs.models import Need
from projects.models import Project
from shifts.models import Shift
from shifts.services import shift_generate_week

pytestmark = pytest.mark.django_db

MERGE = "/api/needs/merge/"


@pytest.fixture
def api_language():
    return "en"


def _shifts_url(need):
    return f"/api/needs/{need.pk}/shifts/"


def _days_ahead(days):
    return timezone.localdate() + dt.timedelta(days=days)


# merge into a project


def test_needs_merge_into_an_existing_project_and_pending_ones_are_approved(world, client_as):
    # given
    project = f.ProjectFactory(community=world.a1)
    pending = f.NeedFactory(community=world.a1)
    published = f.NeedFactory(community=world.a1, status=Need.Status.PUBLISHED)

    # when
    response = client_as("community").post(
        MERGE, {"needs": [pending.pk, published.pk], "project": project.pk}, format="json"
    )

    # then
    assert response.status_code == 200
    assert response.json() == {
        "project": project.pk,
        "name": project.name,
        "community": world.a1.pk,
        "needs": [pending.pk, published.pk],
    }
    pending.refresh_from_db()
    published.refresh_from_db()
    assert (pending.status, published.status) == ("published", "published")


def test_needs_merge_into_a_new_project_of_their_community(world, client_as):
    # given
    needs = [f.NeedFactory(community=world.a2), f.NeedFactory(community=world.a2)]
    new_project = {"name": "助老服务项目", "start_date": "2027-01-01", "end_date": "2027-03-31", "goals": "上门助老"}

    # when
    response = client_as("subdistrict").post(
        MERGE, {"needs": [need.pk for need in needs], "new_project": new_project}, format="json"
    )

    # then
    assert response.status_code == 200
    project = Project.objects.get(name="助老服务项目")
    assert response.json() == {
        "project": project.pk,
        "name": "助老服务项目",
        "community": world.a2.pk,
        "needs": [needs[0].pk, needs[1].pk],
    }
    assert (project.community, project.start_date, project.end_date, project.goals, project.frequency) == (
        world.a2,
        dt.date(2027, 1, 1),
        dt.date(2027, 3, 31),
        "上门助老",
        "once",
    )


def test_a_new_project_takes_needs_of_one_community_only(world, client_as):
    # given
    needs = [f.NeedFactory(community=world.a1), f.NeedFactory(community=world.a2)]
    new_project = {"name": "跨社区", "start_date": "2027-01-01", "end_date": "2027-01-31"}

    # when
    response = client_as("subdistrict").post(
        MERGE, {"needs": [need.pk for need in needs], "new_project": new_project}, format="json"
    )

    # then
    assert response.status_code == 400
    assert response.json() == {
        "message": "A project belongs to one community; these needs come from 2.",
        "extra": {"code": "other_community", "fields": {"needs": ["Choose needs of one community."]}},
    }
    assert not Project.objects.filter(name="跨社区").exists()
    assert set(Need.objects.values_list("status", flat=True)) == {"pending"}


def test_an_existing_project_of_another_community_is_refused_and_nothing_changes(world, client_as):
    # given
    project = f.ProjectFactory(community=world.a2)
    here, there = f.NeedFactory(community=world.a2, title="此处"), f.NeedFactory(community=world.a1, title="彼处")

    # when
    response = client_as("subdistrict").post(
        MERGE, {"needs": [here.pk, there.pk], "project": project.pk}, format="json"
    )

    # then
    assert response.status_code == 400
    assert response.json() == {
        "message": "The project belongs to another community than 「彼处」.",
        "extra": {"code": "other_community", "fields": {"needs": [str(there.pk)]}},
    }
    assert list(project.needs.all()) == []
    here.refresh_from_db()
    assert here.status == "pending"


@pytest.mark.parametrize("status", ["claimed", "in_service", "completed", "rated", "closed"])
def test_only_pending_or_published_needs_are_merged(world, client_as, status):
    # given
    project = f.ProjectFactory(community=world.a1)
    fine = f.NeedFactory(community=world.a1)
    late = f.NeedFactory(community=world.a1, status=status, title="旧需求")

    # when
    response = client_as("community").post(MERGE, {"needs": [fine.pk, late.pk], "project": project.pk}, format="json")

    # then
    assert response.status_code == 409
    assert response.json() == {
        "message": "Only pending or published needs can be dispatched; "
        f"「旧需求」({Need.Status(status).label}) cannot.",
        "extra": {"code": "not_dispatchable", "fields": {"needs": [str(late.pk)]}},
    }
    fine.refresh_from_db()
    assert (fine.status, list(project.needs.all())) == ("pending", [])


def test_merge_input_names_its_fields(world, client_as):
    response = client_as("community").post(MERGE, {"needs": []}, format="json")
    assert response.status_code == 400
    assert response.json()["extra"]["fields"] == {"needs": ["Ensure this field has at least 1 elements."]}

    need = f.NeedFactory(community=world.a1)
    response = client_as("community").post(MERGE, {"needs": [need.pk]}, format="json")
    assert response.status_code == 400
    assert response.json()["extra"]["fields"] == {"project": ["Choose an existing project or describe a new one."]}

    response = client_as("community").post(
        MERGE,
        {"needs": [need.pk], "new_project": {"name": "x", "start_date": "2027-02-01", "end_date": "2027-01-01"}},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["extra"]["fields"] == {"new_project": {"end_date": ["Must not be before the start date."]}}


def test_needs_and_projects_outside_the_scope_are_not_found(world, client_as):
    # given
    mine, theirs = f.NeedFactory(community=world.a1), f.NeedFactory(community=world.b1)
    project_here, project_there = f.ProjectFactory(community=world.a1), f.ProjectFactory(community=world.b1)

    # when
    foreign_need = client_as("community").post(
        MERGE, {"needs": [mine.pk, theirs.pk], "project": project_here.pk}, format="json"
    )
    foreign_project = client_as("community").post(
        MERGE, {"needs": [mine.pk], "project": project_there.pk}, format="json"
    )

    # then
    assert (foreign_need.status_code, foreign_project.status_code) == (404, 404)
    assert list(project_here.needs.all()) == list(project_there.needs.all()) == []


@pytest.mark.parametrize("role", ["volunteer", "unit"])
def test_only_coordinators_dispatch_needs(world, client_as, role):
    need = f.NeedFactory(community=world.a1)
    project = f.ProjectFactory(community=world.a1)
    merged = client_as(role).post(MERGE, {"needs": [need.pk], "project": project.pk}, format="json")
    shifted = client_as(role).post(
        _shifts_url(need),
        {"dates": [_days_ahead(3).isoformat()], "start_time": "09:00", "end_time": "11:00", "seats": 2},
        format="json",
    )
    assert (merged.status_code, shifted.status_code) == (403, 403)
    assert not Shift.objects.exists()


# turn into shifts


def test_a_need_becomes_one_shift_per_date_and_is_approved(world, client_as):
    # given
    need = f.NeedFactory(community=world.a1, title="助老陪诊", urgency=5, required_skills={"first_aid": 1})
    days = [_days_ahead(9), _days_ahead(2)]

    # when
    response = client_as("community").post(
        _shifts_url(need),
        {
            "dates": [day.isoformat() for day in days],
            "start_time": "09:00",
            "end_time": "11:30",
            "seats": 3,
            "address": "秦江社区服务站",
        },
        format="json",
    )

    # then
    assert response.status_code == 201
    body = response.json()
    assert body["need"]["status"] == "published"
    shifts = list(Shift.objects.filter(need=need).order_by("start"))
    assert [shift["id"] for shift in body["shifts"]] == [shift.pk for shift in shifts]
    assert [
        (
            timezone.localtime(s.start).date(),
            timezone.localtime(s.start).time(),
            timezone.localtime(s.end).time(),
            s.seats,
            s.priority,
            s.required_skills,
            s.origin,
            s.community,
            s.title,
            s.address,
            s.week,
        )
        for s in shifts
    ] == [
        (
            day,
            dt.time(9),
            dt.time(11, 30),
            3,
            5,
            {"first_aid": 1},
            "need",
            world.a1,
            "助老陪诊",
            "秦江社区服务站",
            monday_of(day),
        )
        for day in sorted(days)
    ]


def test_the_skills_given_replace_the_needs_own(world, client_as):
    need = f.NeedFactory(community=world.a1, status=Need.Status.PUBLISHED, required_skills={"first_aid": 1})
    response = client_as("community").post(
        _shifts_url(need),
        {
            "dates": [_days_ahead(1).isoformat()],
            "start_time": "14:00",
            "end_time": "16:00",
            "seats": 1,
            "required_skills": {"legal_advice": 2},
        },
        format="json",
    )
    assert response.status_code == 201
    assert Shift.objects.get(need=need).required_skills == {"legal_advice": 2}


def test_the_same_date_and_time_twice_is_a_conflict_and_nothing_new_is_made(world, client_as):
    # given
    need = f.NeedFactory(community=world.a1)
    day, later = _days_ahead(4), _days_ahead(5)
    client_as("community").post(
        _shifts_url(need),
        {"dates": [day.isoformat()], "start_time": "09:00", "end_time": "10:00", "seats": 2},
        format="json",
    )

    # when
    response = client_as("community").post(
        _shifts_url(need),
        {
            "dates": [later.isoformat(), day.isoformat()],
            "start_time": "09:00",
            "end_time": "10:00",
            "seats": 2,
        },
        format="json",
    )

    # then
    assert response.status_code == 409
    assert response.json() == {
        "message": f"This need already has a shift on {day.isoformat()} at 09:00.",
        "extra": {"code": "shift_exists", "fields": {"dates": [day.isoformat()]}},
    }
    assert Shift.objects.filter(need=need).count() == 1


def test_the_weeks_generation_adds_no_second_shift_for_a_converted_need(world):
    # given: a published need wanted next week, already turned into a shift by hand
    day = _days_ahead(7)
    start = timezone.make_aware(dt.datetime.combine(day, dt.time(9)))
    need = f.NeedFactory(community=world.a1, wanted_start=start, wanted_end=start + dt.timedelta(hours=2))
    from needs.services import need_to_shifts

    need_to_shifts(
        need=need, dates=[day], start_time=dt.time(9), end_time=dt.time(11), seats=2, user=world.users["community"]
    )

    # when
    result = shift_generate_week(week=day)

    # then
    assert result.by_origin.get("need", 0) == 0
    assert Shift.objects.filter(need=need).count() == 1


@pytest.mark.parametrize("status", ["claimed", "completed", "closed"])
def test_only_pending_or_published_needs_become_shifts(world, client_as, status):
    need = f.NeedFactory(community=world.a1, status=status, title="已处理")
    response = client_as("community").post(
        _shifts_url(need),
        {"dates": [_days_ahead(1).isoformat()], "start_time": "09:00", "end_time": "10:00", "seats": 1},
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["extra"] == {"code": "not_dispatchable", "fields": {"needs": [str(need.pk)]}}
    assert not Shift.objects.exists()


def test_shift_input_is_checked_field_by_field(world, client_as):
    # given
    need = f.NeedFactory(community=world.a1)
    yesterday = _days_ahead(-1).isoformat()

    # when
    bad_dates = client_as("community").post(
        _shifts_url(need),
        {
            "dates": [yesterday],
            "start_time": "09:00",
            "end_time": "10:00",
            "seats": 0,
            "required_skills": {"juggling": 9},
        },
        format="json",
    )
    bad_times = client_as("community").post(
        _shifts_url(need),
        {"dates": [_days_ahead(1).isoformat()], "start_time": "10:00", "end_time": "09:00", "seats": 1},
        format="json",
    )

    # then
    assert bad_dates.status_code == bad_times.status_code == 400
    fields = bad_dates.json()["extra"]["fields"]
    assert fields["dates"] == [f"Dates must not be in the past: {yesterday}"]
    assert fields["seats"] == ["Ensure this value is greater than or equal to 1."]
    assert "required_skills" in fields
    assert bad_times.json()["extra"]["fields"] == {"end_time": ["Must be later than the start time."]}
    assert not Shift.objects.exists()


def test_a_need_outside_the_scope_is_not_found(world, client_as):
    need = f.NeedFactory(community=world.b1)
    response = client_as("community").post(
        _shifts_url(need),
        {"dates": [_days_ahead(1).isoformat()], "start_time": "09:00", "end_time": "10:00", "seats": 1},
        format="json",
    )
    assert response.status_code == 404
