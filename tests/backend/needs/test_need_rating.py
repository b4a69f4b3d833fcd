"""Residents' rating of a completed need (评单), entered by a coordinator of the need's scope: once per need
(kept on the need, with database rules on its range and status), only when completed, and the need moves to
rated through the status flow, never by a bare transition."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction

import factories as f
from needs.models import Need
from needs.services import AlreadyRated, need_rate, need_transition

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_language():
    return "en"


def _completed(community):
    need = f.NeedFactory(community=community, status=Need.Status.IN_SERVICE)
    return need_transition(need=need, status=Need.Status.COMPLETED)


def _url(need):
    return f"/api/needs/{need.pk}/rating/"


def test_a_coordinator_enters_the_residents_rating_and_the_need_becomes_rated(world, client_as):
    # given
    need = _completed(world.a1)
    finished_at = need.finished_at

    # when
    response = client_as("community").post(_url(need), {"score": 5, "comment": "服务很周到"}, format="json")

    # then
    assert response.status_code == 201
    need.refresh_from_db()
    assert response.json() == {
        "need": need.pk,
        "status": "rated",
        "score": 5,
        "comment": "服务很周到",
        "entered_by": "shequ",
        "rated_at": response.json()["rated_at"],
    }
    assert (need.status, need.rating_score, need.rating_comment, need.rated_by, need.finished_at) == (
        "rated",
        5,
        "服务很周到",
        world.users["community"],
        finished_at,
    )
    assert need.rated_at is not None


def test_the_comment_is_optional(world, client_as):
    need = _completed(world.a1)
    response = client_as("subdistrict").post(_url(need), {"score": 3}, format="json")
    assert response.status_code == 201
    need.refresh_from_db()
    assert (need.rating_score, need.rating_comment) == (3, "")


def test_a_second_rating_is_a_conflict_and_the_first_stays(world, client_as):
    # given
    need = _completed(world.a1)
    client_as("community").post(_url(need), {"score": 4, "comment": "好"}, format="json")

    # when
    response = client_as("admin").post(_url(need), {"score": 1, "comment": "改评"}, format="json")

    # then
    assert response.status_code == 409
    assert response.json() == {
        "message": "This need has already been rated.",
        "extra": {"code": "already_rated", "fields": {}},
    }
    need.refresh_from_db()
    assert (need.rating_score, need.rating_comment, need.rated_by) == (4, "好", world.users["community"])


@pytest.mark.parametrize("status", ["pending", "published", "claimed", "in_service", "closed"])
def test_only_a_completed_need_can_be_rated(world, client_as, status):
    # given
    need = f.NeedFactory(community=world.a1, status=status)

    # when
    response = client_as("community").post(_url(need), {"score": 5}, format="json")

    # then
    assert response.status_code == 409
    label = Need.Status(status).label
    assert response.json() == {
        "message": f"Only a completed need can be rated; this one is {label}.",
        "extra": {"code": "not_rateable", "fields": {"status": [status]}},
    }
    need.refresh_from_db()
    assert (need.status, need.rating_score) == (status, None)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"score": 0}, "score"),
        ({"score": 6}, "score"),
        ({"score": "five"}, "score"),
        ({"comment": "好"}, "score"),
        ({"score": 3, "comment": "x" * 2001}, "comment"),
    ],
)
def test_bad_input_is_400_naming_the_field_and_changes_nothing(world, client_as, body, field):
    need = _completed(world.a1)
    response = client_as("community").post(_url(need), body, format="json")
    assert response.status_code == 400
    assert response.json()["extra"]["code"] == "invalid"
    assert list(response.json()["extra"]["fields"]) == [field]
    need.refresh_from_db()
    assert (need.status, need.rating_score, need.rated_at) == ("completed", None, None)


@pytest.mark.parametrize(
    ("role", "inside", "expected"),
    [
        ("volunteer", True, 403),
        ("unit", True, 403),
        ("anonymous", True, 401),
        ("community", False, 404),
        ("subdistrict", False, 404),
        ("admin", False, 201),
        ("subdistrict", True, 201),
    ],
)
def test_only_coordinators_of_the_needs_scope_rate(world, client_as, role, inside, expected):
    need = _completed(world.a1 if inside else world.b1)
    response = client_as(role).post(_url(need), {"score": 4}, format="json")
    assert response.status_code == expected
    need.refresh_from_db()
    assert need.rating_score == (4 if expected == 201 else None)


def test_a_bare_transition_to_rated_is_refused(world, client_as):
    need = _completed(world.a1)
    response = client_as("community").post(f"/api/needs/{need.pk}/transition/", {"status": "rated"}, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "message": "status: A need becomes rated when its rating is entered.",
        "extra": {"code": "invalid", "fields": {"status": ["A need becomes rated when its rating is entered."]}},
    }
    need.refresh_from_db()
    assert need.status == "completed"


def test_the_score_range_is_a_database_rule(world):
    need = _completed(world.a1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Need.objects.filter(pk=need.pk).update(status="rated", rating_score=6, rated_at=need.finished_at)


def test_a_score_without_the_rated_status_is_refused_by_the_database(world):
    need = _completed(world.a1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Need.objects.filter(pk=need.pk).update(rating_score=4, rated_at=need.finished_at)


def test_rating_a_need_rated_by_another_is_refused_by_the_service(world):
    need = _completed(world.a1)
    need_rate(need=need, score=5, entered_by=world.users["community"])
    with pytest.raises(AlreadyRated):
        need_rate(need=need, score=2, entered_by=world.users["admin"])


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor == "sqlite", reason="row locks and concurrent writers need PostgreSQL")
def test_two_coordinators_rating_at_once_make_one_rating(world):
    # given
    need = _completed(world.a1)
    barrier, outcomes = threading.Barrier(2), []

    def rate(user, score):
        barrier.wait()
        try:
            need_rate(need=need, score=score, entered_by=user)
            outcomes.append("rated")
        except AlreadyRated:
            outcomes.append("already_rated")
        finally:
            connection.close()

    # when
    threads = [threading.Thread(target=rate, args=(world.users[r], s)) for r, s in (("community", 5), ("admin", 2))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # then
    assert sorted(outcomes) == ["already_rated", "rated"]
    need.refresh_from_db()
    assert need.status == "rated"
    assert (need.rating_score, need.rated_by.username) in {(5, "shequ"), (2, "admin")}
