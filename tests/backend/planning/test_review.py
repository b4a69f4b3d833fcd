"""Review before publishing: add an assignment by hand (checked against every hard rule), pin, remove."""

import datetime as dt

import pytest
from django.utils import timezone

import factories as f
from planning.models import Assignment, Publication, RemovedPair, UnfilledSeat

from .conftest import SATURDAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def saturday(world):
    """V1 free on Saturday 9-12 with legal advice 3; a Saturday 9-11 shift of A1 needing legal advice 2."""
    f.WeeklyAvailabilityFactory(volunteer=world.v1, weekday=6, start_time=dt.time(9), end_time=dt.time(12))
    return f.ShiftFactory(
        community=world.a1,
        seats=2,
        required_skills={"legal_advice": 2},
        start=f.at(SATURDAY, 9),
        end=f.at(SATURDAY, 11),
    )


def _add(client, run, shift, volunteer):
    return client.post(
        f"/api/planning/runs/{run.pk}/assignments/", {"shift": shift.pk, "volunteer": volunteer.pk}, format="json"
    )


def test_add_by_hand_pins_the_assignment_and_takes_a_seat_from_unfilled(world, client_as, done_run, saturday):
    # given a done run where the shift still misses two people
    run = done_run()
    UnfilledSeat.objects.create(run=run, shift=saturday, missing=2)
    # when the coordinator puts V1 on it by hand
    response = _add(client_as("community"), run, saturday, world.v1)
    # then
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["volunteer"], body["shift"], body["pinned"], body["source"]) == (
        world.v1.pk,
        saturday.pk,
        True,
        "manual",
    )
    assert UnfilledSeat.objects.get(run=run, shift=saturday).missing == 1


def test_add_by_hand_is_refused_with_the_broken_rule(world, client_as, done_run, saturday):
    # given a shift V1 lacks the skill for
    run = done_run()
    shift = f.ShiftFactory(
        community=world.a1, required_skills={"first_aid": 2}, start=f.at(SATURDAY, 9), end=f.at(SATURDAY, 10)
    )
    # when
    response = _add(client_as("community"), run, shift, world.v1)
    # then nothing is stored and the rule is named
    assert response.status_code == 400
    body = response.json()
    assert body["extra"]["code"] == "rule_broken"
    assert body["extra"]["fields"]["volunteer"] == [
        f"skill: v{world.v1.pk} has first_aid 0 < 2 required by s{shift.pk}"
    ]
    assert not Assignment.objects.filter(run=run).exists()


def test_an_overlap_with_the_plan_is_refused(world, client_as, done_run, saturday):
    run = done_run()
    other = f.ShiftFactory(community=world.a1, start=f.at(SATURDAY, 10), end=f.at(SATURDAY, 12))
    Assignment.objects.create(run=run, shift=other, volunteer=world.v1)
    response = _add(client_as("community"), run, saturday, world.v1)
    assert response.status_code == 400
    assert response.json()["extra"]["fields"]["volunteer"] == [
        f"overlap: v{world.v1.pk} has overlapping shifts s{saturday.pk} and s{other.pk}"
    ]


def test_volunteer_outside_the_runs_scope_is_refused(world, client_as, done_run, saturday):
    response = _add(client_as("community"), done_run(), saturday, world.v2)
    assert response.status_code == 400
    assert "outside its scope" in response.json()["message"]


def test_pin_and_remove(world, client_as, done_run, saturday):
    run = done_run()
    assignment = Assignment.objects.create(run=run, shift=saturday, volunteer=world.v1)
    client = client_as("community")
    path = f"/api/planning/runs/{run.pk}/assignments/{assignment.pk}/"
    assert client.patch(path, {"pinned": True}, format="json").json()["pinned"] is True
    assert client.delete(path).status_code == 204
    assert not Assignment.objects.filter(pk=assignment.pk).exists()
    seat = UnfilledSeat.objects.get(run=run, shift=saturday)
    assert (seat.missing, seat.reasons[0]["code"]) == (1, "removed")
    # the removal is remembered for the next runs, with who made it; adding the pair back forgets it
    removed = RemovedPair.objects.get(run=run)
    assert (removed.volunteer_id, removed.shift_id, removed.removed_by) == (
        world.v1.pk,
        saturday.pk,
        world.users["community"],
    )
    assert _add(client, run, saturday, world.v1).status_code == 201
    assert not RemovedPair.objects.filter(run=run).exists()


def test_a_published_or_unfinished_run_cannot_change(world, client_as, done_run, saturday):
    client = client_as("community")
    failed = done_run(version=1, status="failed")
    assert _add(client, failed, saturday, world.v1).status_code == 409
    run = done_run(version=2)
    Publication.objects.create(
        scope_key=run.scope_key,
        week=run.week,
        run=run,
        published_by=world.users["community"],
        published_at=timezone.now(),
    )
    response = _add(client, run, saturday, world.v1)
    assert response.status_code == 409
    assert response.json()["extra"]["code"] == "run_not_editable"


def test_review_is_scoped(world, client_as, done_run, saturday):
    run = done_run(community=world.b1)
    assignment = Assignment.objects.create(run=run, shift=f.ShiftFactory(community=world.b1), volunteer=world.v2)
    path = f"/api/planning/runs/{run.pk}/assignments/{assignment.pk}/"
    assert client_as("community").delete(path).status_code == 404
    assert client_as("volunteer").delete(path).status_code == 403
    assert Assignment.objects.filter(pk=assignment.pk).exists()


def test_unknown_ids_are_a_400_naming_the_field(world, client_as, done_run):
    response = client_as("community").post(
        f"/api/planning/runs/{done_run().pk}/assignments/", {"shift": 999999, "volunteer": world.v1.pk}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()["extra"]["fields"]) == ["shift"]
