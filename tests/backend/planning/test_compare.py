"""Two versions of a week's plan compared: figures side by side, who is added and who dropped."""

import pytest

import factories as f
from planning.models import Assignment, UnfilledSeat

pytestmark = pytest.mark.django_db


def test_compare_two_versions(world, client_as, done_run):
    # given version 1 with V1 and V3 on a shift, and version 2 with V1 and V4
    shift = f.ShiftFactory(community=world.a1, seats=3)
    v3, v4 = f.VolunteerFactory(home_community=world.a1), f.VolunteerFactory(home_community=world.a1)
    first, second = done_run(version=1), done_run(version=2)
    first.metrics, first.gap = {"filled_seats": 2, "total_seats": 3}, 0.0
    second.metrics, second.gap = {"filled_seats": 2, "total_seats": 3}, 0.001
    first.save()
    second.save()
    for run, people in ((first, [world.v1, v3]), (second, [world.v1, v4])):
        for volunteer in people:
            Assignment.objects.create(run=run, shift=shift, volunteer=volunteer)
        UnfilledSeat.objects.create(run=run, shift=shift, missing=1)
    # when the coordinator compares them
    response = client_as("community").get(f"/api/planning/runs/{first.pk}/compare/{second.pk}/")
    # then
    assert response.status_code == 200
    assert response.json() == {
        "base": first.pk,
        "other": second.pk,
        "versions": [1, 2],
        "metrics": {
            "filled_seats": [2, 2],
            "total_seats": [3, 3],
            "weighted_filled": [None, None],
            "weighted_total": [None, None],
            "requests_met": [None, None],
            "volunteers_used": [None, None],
        },
        "gap": [0.0, 0.001],
        "unfilled_seats": [1, 1],
        "assignments": {"kept": 1, "added": 1, "removed": 1},
        "added": [{"shift": shift.pk, "volunteer": v4.pk}],
        "removed": [{"shift": shift.pk, "volunteer": v3.pk}],
    }


def test_only_versions_of_the_same_week_and_scope_compare(world, client_as, done_run):
    a, b = done_run(community=world.a1), done_run(community=world.a2)
    response = client_as("subdistrict").get(f"/api/planning/runs/{a.pk}/compare/{b.pk}/")
    assert response.status_code == 400
    assert list(response.json()["extra"]["fields"]) == ["other"]


def test_comparing_with_a_run_outside_scope_is_404(world, client_as, done_run):
    a, b = done_run(community=world.a1), done_run(community=world.b1)
    assert client_as("community").get(f"/api/planning/runs/{a.pk}/compare/{b.pk}/").status_code == 404
