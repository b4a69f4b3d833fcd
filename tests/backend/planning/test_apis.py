"""The runs API: coordinators only, every read and write through the caller's scope, the one error shape."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import factories as f
from planning.models import Assignment, MatchingRun, UnfilledSeat

pytestmark = pytest.mark.django_db

RUNS = "/api/planning/runs/"


def _start(client, **body):
    return client.post(RUNS, {"week": "2026-11-30", **body}, format="json")


def test_urls_are_named_planning(world):
    assert reverse("planning-run-list") == RUNS
    assert reverse("planning-run-detail", args=[7]) == f"{RUNS}7/"
    assert reverse("planning-run-cancel", args=[7]) == f"{RUNS}7/cancel/"
    assert reverse("planning-run-assignments", args=[7]) == f"{RUNS}7/assignments/"
    assert reverse("planning-run-unfilled", args=[7]) == f"{RUNS}7/unfilled/"
    assert reverse("planning-run-publish", args=[7]) == f"{RUNS}7/publish/"


def test_start_answers_202_with_the_queued_run(world, client_as, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        response = _start(client_as("community"), community=world.a1.pk)
    assert response.status_code == 202
    body = response.json()
    run = MatchingRun.objects.get()
    assert body == {
        "id": run.pk,
        "level": "community",
        "community": world.a1.pk,
        "community_name": "秦江社区",
        "sub_district": world.s1.pk,
        "sub_district_name": "林山寨街道",
        "week": "2026-11-30",
        "version": 1,
        "status": "queued",
        "stage": "Queued",
        "progress": 0,
        "solver_status": None,
        "gap": None,
        "message": "",
        "attempts": 0,
        "heartbeat": body["heartbeat"],
        "time_limit": 30.0,
        "solver": "highs",
        "created_by": "shequ",
        "created_at": body["created_at"],
        "started_at": None,
        "finished_at": None,
        "stats": {},
        "metrics": {},
        "published": False,
        "published_at": None,
    }
    assert len(callbacks) == 1  # the task is queued only once the run is committed


def test_time_limit_and_solver_come_from_the_request_or_the_settings(world, client_as, settings):
    settings.PLANNING_TIME_LIMIT_SECONDS = 12
    settings.PLANNING_SOLVER = "cbc"
    assert _start(client_as("subdistrict"), sub_district=world.s1.pk).json()["time_limit"] == 12.0
    body = _start(client_as("community"), community=world.a1.pk, time_limit=3).json()
    assert (body["time_limit"], body["solver"], body["level"]) == (3.0, "cbc", "community")


def test_a_second_active_run_answers_409(world, client_as):
    client = client_as("community")
    assert _start(client, community=world.a1.pk).status_code == 202
    response = _start(client, community=world.a1.pk, week="2026-12-03")
    assert response.status_code == 409
    assert response.json() == {
        "message": "A matching run of this scope and week is already in progress; wait for it or cancel it.",
        "extra": {"code": "run_active", "fields": {}},
    }
    assert MatchingRun.objects.count() == 1


def test_bad_input_answers_400_in_the_one_shape(world, client_as):
    client = client_as("admin")
    response = client.post(RUNS, {"community": world.a1.pk}, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "message": "week: This field is required.",
        "extra": {"code": "invalid", "fields": {"week": ["This field is required."]}},
    }
    both = _start(client, community=world.a1.pk, sub_district=world.s1.pk)
    assert both.status_code == 400
    assert both.json()["message"] == "Name a community or a sub-district, not both."
    assert _start(client, community=world.a1.pk, time_limit=0).status_code == 400
    assert _start(client, week="next week", community=world.a1.pk).status_code == 400
    assert not MatchingRun.objects.exists()


def test_a_community_coordinator_cannot_start_a_run_elsewhere(world, client_as):
    client = client_as("community")
    response = _start(client, community=world.a2.pk)
    assert response.status_code == 404
    assert response.json() == {
        "message": "No such community in your scope.",
        "extra": {"code": "not_found", "fields": {"community": ["Not found."]}},
    }
    assert _start(client, sub_district=world.s1.pk).status_code == 404
    assert _start(client).status_code == 404  # the whole district
    assert _start(client, community=999999).status_code == 404
    assert not MatchingRun.objects.exists()


def test_a_sub_district_coordinator_plans_inside_the_sub_district_only(world, client_as):
    client = client_as("subdistrict")
    assert _start(client, community=world.a2.pk).status_code == 202
    assert _start(client, sub_district=world.s1.pk).status_code == 202
    assert _start(client, community=world.b1.pk).status_code == 404
    assert _start(client, sub_district=world.s2.pk).status_code == 404
    assert _start(client).status_code == 404


def test_the_administrator_plans_the_whole_district(world, client_as):
    body = _start(client_as("admin")).json()
    assert (body["level"], body["community"], body["sub_district"]) == ("district", None, None)
    assert MatchingRun.objects.get().scope_key == f"district:{world.s1.district_id}"


@pytest.mark.parametrize("role", ["volunteer", "unit"])
def test_volunteers_and_units_see_nothing_of_runs(world, client_as, queued_run, role):
    run = queued_run(community=world.a1)
    client = client_as(role)
    expected = {
        "message": "Only coordinators work with matching runs.",
        "extra": {"code": "permission_denied", "fields": {}},
    }
    for path in (RUNS, f"{RUNS}{run.pk}/", f"{RUNS}{run.pk}/assignments/", f"{RUNS}{run.pk}/unfilled/"):
        response = client.get(path)
        assert (response.status_code, response.json()) == (403, expected), path
    assert _start(client, community=world.a1.pk).status_code == 403
    assert client.post(f"{RUNS}{run.pk}/cancel/").status_code == 403
    assert MatchingRun.objects.get().status == "queued"


def test_anonymous_callers_get_401(world, client_as, queued_run):
    run = queued_run(community=world.a1)
    client = client_as("anonymous")
    assert client.get(RUNS).status_code == 401
    assert client.get(f"{RUNS}{run.pk}/").status_code == 401
    assert _start(client, community=world.a1.pk).status_code == 401


def test_runs_are_read_inside_the_callers_scope(world, client_as, queued_run):
    # given runs of A1, A2, S1, B1 and the district
    runs = {
        "a1": queued_run(community=world.a1),
        "a2": queued_run(community=world.a2),
        "s1": queued_run(sub_district=world.s1),
        "b1": queued_run(community=world.b1),
        "district": queued_run(),
    }
    visible = {"community": {"a1"}, "subdistrict": {"a1", "a2", "s1"}, "admin": set(runs)}
    for role, names in visible.items():
        client = client_as(role)
        # when the caller lists and opens each run
        listed = {row["id"] for row in client.get(RUNS).json()["results"]}
        # then exactly the runs in scope are listed, and the others answer 404 everywhere
        assert listed == {runs[name].pk for name in names}, role
        for name, run in runs.items():
            expected = 200 if name in names else 404
            assert client.get(f"{RUNS}{run.pk}/").status_code == expected, (role, name)
            assert client.get(f"{RUNS}{run.pk}/assignments/").status_code == expected, (role, name)
            assert client.get(f"{RUNS}{run.pk}/unfilled/").status_code == expected, (role, name)
    assert client_as("community").post(f"{RUNS}{runs['b1'].pk}/cancel/").status_code == 404
    assert MatchingRun.objects.get(pk=runs["b1"].pk).status == "queued"


def test_the_list_filters_by_week_status_and_community(world, client_as, queued_run):
    first = queued_run(community=world.a1)
    MatchingRun.objects.filter(pk=first.pk).update(status="done")
    second = queued_run(community=world.a1)
    other_week = queued_run(community=world.a1, week=dt.date(2026, 12, 7))
    a2 = queued_run(community=world.a2)
    client = client_as("admin")

    def ids(**params):
        response = client.get(RUNS, params)
        assert response.status_code == 200, response.json()
        return [row["id"] for row in response.json()["results"]]

    assert ids(week="2026-12-02", community=world.a1.pk) == [second.pk, first.pk]  # newest first
    assert ids(status="done") == [first.pk]
    assert set(ids(status=["queued"], week="2026-12-09")) == {other_week.pk}
    assert set(ids(community=world.a2.pk)) == {a2.pk}
    assert set(ids(sub_district=world.s1.pk)) == {first.pk, second.pk, other_week.pk, a2.pk}
    assert client.get(RUNS, {"status": "lost"}).status_code == 400


def test_cancel_through_the_api(world, client_as, queued_run):
    run = queued_run(community=world.a1)
    client = client_as("community")
    response = client.post(f"{RUNS}{run.pk}/cancel/")
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["message"]) == ("cancelled", "Cancelled by shequ.")
    again = client.post(f"{RUNS}{run.pk}/cancel/")
    assert again.status_code == 409
    assert again.json() == {
        "message": "The run has already ended (Cancelled).",
        "extra": {"code": "run_ended", "fields": {}},
    }
    # and the scope is free for a new run
    assert _start(client, community=world.a1.pk).json()["version"] == 2


def _plan_rows(run, world, count):
    for i in range(count):
        shift = f.ShiftFactory(community=world.a1)
        volunteer = f.VolunteerFactory(home_community=world.a1)
        Assignment.objects.create(run=run, shift=shift, volunteer=volunteer, pinned=i % 2 == 0)
        UnfilledSeat.objects.create(
            run=run, shift=shift, missing=1, reasons=[{"code": "no_one_free", "message": "x"}], suggestion="one more"
        )


@pytest.mark.parametrize("rows", ["assignments", "unfilled"])
def test_result_lists_run_the_same_queries_whatever_the_page_size(world, client_as, queued_run, rows):
    # given a run with a dozen rows of each kind
    run = queued_run(community=world.a1)
    _plan_rows(run, world, 12)
    client = client_as("community")

    def count(page_size):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{RUNS}{run.pk}/{rows}/", {"page_size": page_size})
        assert response.status_code == 200
        assert len(response.json()["results"]) == page_size
        return len(queries)

    # when a small and a large page are read / then the same number of queries
    assert count(2) == count(12)


def test_the_run_list_runs_the_same_queries_whatever_the_page_size(world, client_as, queued_run):
    for _ in range(12):
        run = queued_run(community=world.a1)
        MatchingRun.objects.filter(pk=run.pk).update(status="done")
    client = client_as("subdistrict")

    def count(page_size):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(RUNS, {"page_size": page_size})
        assert len(response.json()["results"]) == page_size
        return len(queries)

    assert count(2) == count(12)
