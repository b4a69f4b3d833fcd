"""Every list endpoint runs the same number of queries whatever the page size (no query per row)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import factories as f
from endpoints import ENDPOINTS
from planning.models import Assignment, MatchingRun, UnfilledSeat
from records.models import RecordChange, ServiceRecord
from volunteering.models import AssignmentResponse

pytestmark = pytest.mark.django_db


def _with(obj, **many):
    for name, rows in many.items():
        getattr(obj, name).set(rows)
    return obj


# More rows of each kind, with the related rows a serializer could be tempted to fetch one by one.
EXTRA = {
    "district": lambda w: f.DistrictFactory(
        code=f"D{f.SubDistrictFactory().pk}", name=f"区{f.SubDistrictFactory().pk}"
    ),
    "sub-district": lambda w: f.SubDistrictFactory(district=w.s1.district),
    "community": lambda w: f.CommunityFactory(sub_district=w.s1),
    "unit": lambda w: f.UnitFactory(community=f.CommunityFactory(sub_district=w.s1)),
    "volunteer": lambda w: f.VolunteerFactory(
        home_community=f.CommunityFactory(sub_district=w.s1), kind="in_office", employer_unit=f.UnitFactory()
    ),
    "agreement": lambda w: f.AgreementItemFactory(agreement=f.AgreementFactory()).agreement,
    "team": lambda w: _with(f.TeamFactory(), members=[f.VolunteerFactory(), f.VolunteerFactory()]),
    "resource": lambda w: f.ResourceSlotFactory(resource=f.ResourceFactory()).resource,
    "project": lambda w: _with(f.ProjectFactory(), needs=[f.NeedFactory()], resources=[f.ResourceFactory()]),
    "shift": lambda w: f.ResourceRequestFactory().shift,
}


def _count(client, path, page_size):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, {"page_size": page_size})
    assert response.status_code == 200
    assert len(response.json()["results"]) == page_size
    return len(queries)


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=[e.basename for e in ENDPOINTS])
def test_list_query_count_does_not_grow_with_page_size(world, client_as, endpoint):
    # given a dozen rows
    make = EXTRA.get(endpoint.basename, endpoint.make_in)
    for _ in range(12):
        make(world)
    client = client_as("admin")
    # when a small and a large page are read
    small, large = _count(client, endpoint.path, 2), _count(client, endpoint.path, 12)
    # then the query count is the same
    assert small == large


# The read endpoints of issue 7's load figures (and the records list): 5 and 50 rows cost the same queries.
# Each row carries the related rows its serializer shows (post, answer, colleague, resource request, changes).
ROWS = 50
WEEK = timezone.localdate() - dt.timedelta(days=timezone.localdate().weekday()) + dt.timedelta(days=7)


def _run(world, *, published: bool) -> MatchingRun:
    """A1's finished run of next week, made by A1's coordinator."""
    return f.community_run(
        world.a1, week=WEEK, published=published, stage="", time_limit=5.0, created_by=world.users["community"]
    )


def _shift(community, n: int, **extra):
    """The n-th one-hour shift of next week (ten a day from 08:00)."""
    start = f.at(WEEK + dt.timedelta(days=n // 10), 8 + n % 10)
    return f.ShiftFactory(community=community, week=WEEK, start=start, end=start + dt.timedelta(hours=1), **extra)


def _published_posts(world):
    """V1 on 50 published shifts of A1 (each with a post and a colleague; every other one answered)."""
    run = _run(world, published=True)
    for n in range(ROWS):
        shift = _shift(world.a1, n, post=f.PostFactory(community=world.a1), address=f"秦岭路{n}号")
        mine = Assignment.objects.create(run=run, shift=shift, volunteer=world.v1)
        Assignment.objects.create(run=run, shift=shift, volunteer=f.VolunteerFactory(home_community=world.a1))
        if n % 2:
            AssignmentResponse.objects.create(assignment=mine, status="accepted", answered_at=timezone.now())
    return run


def _reviewed_run(world):
    """A1's run (not published) with 50 assignments and 50 unfilled seats, half with resource requests."""
    run = _run(world, published=False)
    for n in range(ROWS):
        shift = _shift(world.a1, n, priority=1 + n % 5)
        if n % 2:
            f.ResourceRequestFactory(shift=shift)
        Assignment.objects.create(run=run, shift=shift, volunteer=f.VolunteerFactory(home_community=world.a1))
        UnfilledSeat.objects.create(
            run=run,
            shift=shift,
            missing=1,
            reasons=[
                {"code": "skill_missing", "skill": "first_aid", "level": 2, "count": 3},
                {"code": "too_far", "count": 2},
            ],
        )
    return run


def _shifts(world):
    """50 shifts of A1 next week (half with a resource request) and one of B1, which the filter leaves out."""
    for n in range(ROWS):
        shift = _shift(world.a1, n, post=f.PostFactory(community=world.a1))
        if n % 2:
            f.ResourceRequestFactory(shift=shift)
    _shift(world.b1, 0)


def _records(world):
    """50 of V1's manual records, each corrected once and reviewed by A1's coordinator."""
    coordinator = world.users["community"]
    for n in range(ROWS):
        record = ServiceRecord.objects.create(
            volunteer=world.v1,
            community=world.a1,
            minutes=60,
            status="approved",
            source="manual",
            title="助老服务",
            date=dt.date(2026, 3, 1) + dt.timedelta(days=n),
            recipient="王秀英",
            evidence="签到表照片",
            recorder=world.v1.user,
            reviewed_by=coordinator,
            reviewed_at=timezone.now(),
        )
        RecordChange.objects.create(record=record, changed_by=coordinator, field="minutes", old="90", new="60")


def _paged(client, path: str, params: dict, page_size: int) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, {**params, "page_size": page_size})
    assert response.status_code == 200, response.json()
    assert len(response.json()["results"]) == page_size
    return len(queries)


READS = {
    "my posts": ("volunteer", _published_posts, lambda w, made: ("/api/me/posts/", {})),
    "filtered shift list": (
        "community",
        _shifts,
        lambda w, made: ("/api/shifts/", {"start_from": f"{WEEK.isoformat()}T00:00:00", "community": w.a1.pk}),
    ),
    "plan review: assignments": (
        "community",
        _reviewed_run,
        lambda w, run: (f"/api/planning/runs/{run.pk}/assignments/", {}),
    ),
    "plan review: unfilled": (
        "community",
        _reviewed_run,
        lambda w, run: (f"/api/planning/runs/{run.pk}/unfilled/", {}),
    ),
    "records list": ("community", _records, lambda w, made: ("/api/records/", {})),
}


@pytest.mark.parametrize("read", READS, ids=list(READS))
def test_read_endpoints_cost_the_same_queries_for_5_and_50_rows(world, client_as, read):
    # given 50 rows of the endpoint, each with what its serializer shows
    role, make, request = READS[read]
    path, params = request(world, make(world))
    client = client_as(role)
    # when a page of 5 and a page of 50 are read
    small, large = _paged(client, path, params, 5), _paged(client, path, params, 50)
    # then both cost the same number of queries
    assert small == large, f"{read}: {small} queries for 5 rows, {large} for 50"
