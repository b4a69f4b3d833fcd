"""Accept and decline: own published posts only, before the deadline, idempotent; a decline queues a backfill."""

import datetime as dt
from unittest import mock

import pytest
from django.utils import timezone

import factories as f
from volunteering.models import AssignmentResponse

from .volunteering_world import assign, make_run, make_shift

pytestmark = pytest.mark.django_db


def _url(assignment, action):
    return f"/api/me/posts/{assignment.pk}/{action}/"


def test_accept_marks_the_post_accepted(world, client_as, plan):
    # when V1 accepts
    response = client_as("volunteer").post(_url(plan["mine"], "accept"))
    # then
    assert response.status_code == 200
    assert response.json()["status"] == "accepted"
    assert AssignmentResponse.objects.get(assignment=plan["mine"]).status == "accepted"


def test_accepting_twice_is_the_same_answer(world, client_as, plan):
    client = client_as("volunteer")
    first = client.post(_url(plan["mine"], "accept")).json()
    second = client.post(_url(plan["mine"], "accept"))
    assert second.status_code == 200
    assert second.json() == first
    assert AssignmentResponse.objects.count() == 1


def test_decline_with_reason_queues_one_backfill(world, client_as, plan, django_capture_on_commit_callbacks):
    # given V1 accepted first
    client = client_as("volunteer")
    client.post(_url(plan["mine"], "accept"))
    # when V1 declines before the deadline
    with mock.patch("volunteering.tasks.backfill_task.apply_async") as send:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(_url(plan["mine"], "decline"), {"reason": "家中有事"})
        # and declines again
        with django_capture_on_commit_callbacks(execute=True):
            again = client.post(_url(plan["mine"], "decline"), {"reason": "别的理由"})
    # then the decline is stored with its reason, once, and one backfill was queued
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["reason"]) == ("declined", "家中有事")
    assert again.status_code == 200
    assert again.json()["reason"] == "家中有事"
    send.assert_called_once_with((plan["mine"].pk,))


def test_accepting_a_declined_post_is_409(world, client_as, plan):
    client = client_as("volunteer")
    with mock.patch("volunteering.tasks.backfill_task.apply_async"):
        client.post(_url(plan["mine"], "decline"), {"reason": "生病"})
    response = client.post(_url(plan["mine"], "accept"))
    assert response.status_code == 409
    assert response.json() == {
        "message": "You declined this post; it may already be someone else's.",
        "extra": {"code": "already_declined", "fields": {}},
    }


@pytest.mark.parametrize("action", ["accept", "decline"])
def test_answers_after_the_deadline_are_409_and_change_nothing(world, client_as, action):
    # given a published post of V1 starting in 2 hours (the deadline, 24 h before, has passed)
    start = timezone.now().replace(second=0, microsecond=0) + dt.timedelta(hours=2)
    shift = f.ShiftFactory(community=world.a1, week=start.date(), start=start, end=start + dt.timedelta(hours=2))
    mine = assign(make_run(world.a1, week=start.date() - dt.timedelta(days=start.weekday())), shift, world.v1)
    # when V1 answers
    response = client_as("volunteer").post(_url(mine, action), {"reason": "x"})
    # then
    deadline = timezone.localtime(start - dt.timedelta(hours=24)).strftime("%Y-%m-%d %H:%M")
    assert response.status_code == 409
    assert response.json() == {
        "message": f"Answers for this post closed at {deadline}.",
        "extra": {"code": "deadline_passed", "fields": {}},
    }
    assert not AssignmentResponse.objects.exists()


def test_deadline_follows_the_setting(world, client_as, plan, settings):
    # given a deadline of 30 days before the shift
    settings.VOLUNTEERING_ANSWER_DEADLINE_HOURS = 24 * 30
    response = client_as("volunteer").post(_url(plan["mine"], "accept"))
    assert response.status_code == 409


@pytest.mark.parametrize("action", ["accept", "decline"])
def test_someone_elses_post_is_404(world, client_as, plan, action):
    response = client_as("volunteer").post(_url(plan["theirs"], action), {"reason": ""})
    assert response.status_code == 404
    assert response.json() == {"message": "Not found.", "extra": {"code": "not_found", "fields": {}}}
    assert not AssignmentResponse.objects.exists()


def test_own_post_of_an_unpublished_run_is_404(world, client_as):
    draft = make_run(world.a1, published=False)
    mine = assign(draft, make_shift(world.a1), world.v1)
    assert client_as("volunteer").post(_url(mine, "accept")).status_code == 404


@pytest.mark.parametrize("role", ["unit", "community", "subdistrict", "admin"])
@pytest.mark.parametrize("action", ["accept", "decline"])
def test_only_volunteers_answer(world, client_as, plan, role, action):
    response = client_as(role).post(_url(plan["mine"], action), {"reason": ""})
    assert response.status_code == 403
    assert response.json()["extra"]["code"] == "permission_denied"
    assert not AssignmentResponse.objects.exists()


def test_decline_reason_too_long_is_400(world, client_as, plan):
    response = client_as("volunteer").post(_url(plan["mine"], "decline"), {"reason": "长" * 501})
    assert response.status_code == 400
    assert response.json()["extra"]["code"] == "invalid"
    assert list(response.json()["extra"]["fields"]) == ["reason"]
    assert not AssignmentResponse.objects.exists()


def test_accepting_a_post_one_was_moved_off_is_409(world, client_as, plan):
    AssignmentResponse.objects.create(assignment=plan["mine"], status="moved", answered_at=timezone.now())
    response = client_as("volunteer").post(_url(plan["mine"], "accept"))
    assert response.status_code == 409
    assert response.json() == {
        "message": "You were moved to another post to fill a gap; answer that one instead.",
        "extra": {"code": "already_declined", "fields": {}},
    }
