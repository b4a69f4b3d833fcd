"""The needs' status flow: only legal transitions, through the action; status cannot be set by an edit."""

import pytest

import factories as f
from core.errors import IllegalTransition
from needs.models import Need
from needs.services import need_transition

pytestmark = pytest.mark.django_db


def test_the_whole_flow_to_rated(world):
    need = f.NeedFactory(community=world.a1)
    for status in ["published", "claimed", "in_service", "completed", "rated"]:
        need = need_transition(need=need, status=status)
    assert need.status == Need.Status.RATED
    assert need.status_changed_at is not None


@pytest.mark.parametrize(
    ("start", "target"),
    [
        ("pending", "claimed"),
        ("published", "completed"),
        ("in_service", "closed"),
        ("rated", "closed"),
        ("closed", "published"),
    ],
)
def test_illegal_transitions_are_refused(world, start, target):
    need = f.NeedFactory(community=world.a1, status=start)
    with pytest.raises(IllegalTransition):
        need_transition(need=need, status=target)
    need.refresh_from_db()
    assert need.status == start


def test_transition_api_refuses_with_the_allowed_next_states(world, client_as):
    need = f.NeedFactory(community=world.a1)
    response = client_as("community").post(
        f"/api/needs/{need.pk}/transition/", {"status": "completed"}, format="json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert response.json() == {
        "message": "A need that is Pending review cannot become Completed.",
        "extra": {"code": "illegal_transition", "fields": {"status": ["Allowed next: closed, published"]}},
    }


def test_transition_api_moves_the_need(world, client_as):
    need = f.NeedFactory(community=world.a1)
    response = client_as("community").post(f"/api/needs/{need.pk}/transition/", {"status": "published"}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "published"


def test_status_and_owner_cannot_be_set_by_an_edit(world, client_as):
    need = f.NeedFactory(community=world.a1)
    response = client_as("community").patch(
        f"/api/needs/{need.pk}/", {"status": "rated", "owner": world.users["admin"].pk}, format="json"
    )
    assert response.status_code == 200
    need.refresh_from_db()
    assert (need.status, need.owner_id) == ("pending", None)


def test_creating_a_need_makes_the_caller_its_owner(world, client_as):
    response = client_as("community").post(
        "/api/needs/",
        {
            "title": "助老理发",
            "source": "resident",
            "community": world.a1.pk,
            "category": "elderly",
            "type": "service",
            "requester_name": "赵大爷",
            "requester_phone": "13698765432",
        },
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["owner"] == world.users["community"].pk
    assert response.json()["status"] == "pending"


def test_lists_mask_the_requester_details_show_them(world, client_as):
    need = f.NeedFactory(community=world.a1, requester_name="王小明", requester_phone="13700001234")
    client = client_as("community")
    row = client.get("/api/needs/").json()["results"][0]
    assert (row["requester_name"], row["requester_phone"]) == ("王**", "137****1234")
    detail = client.get(f"/api/needs/{need.pk}/").json()
    assert (detail["requester_name"], detail["requester_phone"]) == ("王小明", "13700001234")


def test_overdue_filter(world, client_as):
    import datetime as dt

    late = f.NeedFactory(community=world.a1, status="published", deadline=dt.date(2020, 1, 1))
    f.NeedFactory(community=world.a1, status="completed", deadline=dt.date(2020, 1, 1))
    f.NeedFactory(community=world.a1, status="published", deadline=dt.date(2099, 1, 1))
    response = client_as("community").get("/api/needs/", {"overdue": "true"})
    assert [row["id"] for row in response.json()["results"]] == [late.pk]
