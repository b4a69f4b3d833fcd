"""Bad input on every write of post allocation: a 4xx in the one error shape naming the field, nothing changed."""

import pytest

import factories as f
from allocation.models import AllocationRun, Exclusion, Proposal
from posts.models import PostHolding

from .conftest import RUNS, YEAR

pytestmark = pytest.mark.django_db


def _state():
    return (
        list(AllocationRun.objects.values_list("pk", "status", "version")),
        list(Proposal.objects.values_list("pk", "pinned")),
        Exclusion.objects.count(),
        list(PostHolding.objects.values_list("pk", "status")),
    )


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "year"),
        ({"year": "next", "community": 1}, "year"),
        ({"year": 1999, "community": 1}, "year"),
        ({"year": YEAR, "community": "A1"}, "community"),
        ({"year": YEAR, "community": 0}, "community"),
        ({"year": YEAR, "sub_district": -3}, "sub_district"),
        ({"year": YEAR, "community": 1, "time_limit": 0}, "time_limit"),
        ({"year": YEAR, "community": 1, "time_limit": 100000}, "time_limit"),
        ({"year": YEAR}, "non_field_errors"),
        ({"year": YEAR, "community": 1, "sub_district": 1}, "non_field_errors"),
    ],
)
def test_start_with_bad_input_is_a_400_naming_the_field(world, client_as, body, field):
    before = _state()
    response = client_as("admin").post(RUNS, body, format="json")
    assert response.status_code == 400
    assert response.json()["extra"]["code"] == "invalid"
    assert list(response.json()["extra"]["fields"]) == [field]
    assert _state() == before


def test_start_of_an_unknown_scope_is_a_404_naming_it(world, client_as):
    response = client_as("admin").post(RUNS, {"year": YEAR, "sub_district": 999999}, format="json")
    assert (response.status_code, response.json()["extra"]["fields"]) == (404, {"sub_district": ["Not found."]})
    assert not AllocationRun.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "post"),
        ({"post": 999999, "volunteer": None}, "post"),
        ({"post": "legal", "volunteer": None}, "post"),
        ({"post": None, "volunteer": 999999}, "volunteer"),
        ({"post": None}, "volunteer"),
    ],
)
def test_add_with_bad_input_is_a_400_naming_the_field(world, client_as, done_run, a1_posts, body, field):
    run = done_run()
    body = {
        key: (a1_posts.patrol.pk if key == "post" else a1_posts.m2.pk) if value is None else value
        for key, value in body.items()
    }
    before = _state()
    response = client_as("community").post(f"{RUNS}{run.pk}/proposals/", body, format="json")
    assert response.status_code == 400
    assert field in response.json()["extra"]["fields"]
    assert _state() == before


@pytest.mark.parametrize("body", [{}, {"pinned": "maybe"}, {"pinned": None}, {"pinned": [True]}])
def test_pin_with_bad_input_is_a_400_naming_the_field(world, client_as, done_run, a1_posts, body):
    run = done_run()
    proposal = Proposal.objects.create(run=run, post=a1_posts.patrol, volunteer=a1_posts.m2)
    before = _state()
    response = client_as("community").patch(f"{RUNS}{run.pk}/proposals/{proposal.pk}/", body, format="json")
    assert (response.status_code, list(response.json()["extra"]["fields"])) == (400, ["pinned"])
    assert _state() == before


def test_actions_on_unknown_runs_and_proposals_are_404s(world, client_as, done_run):
    client, before = client_as("admin"), _state()
    for path in ("999999/cancel/", "999999/rerun/", "999999/publish/"):
        assert client.post(f"{RUNS}{path}").status_code == 404
    run = done_run()
    assert client.delete(f"{RUNS}{run.pk}/proposals/999999/").status_code == 404
    assert client.patch(f"{RUNS}{run.pk}/proposals/999999/", {"pinned": True}, format="json").status_code == 404
    assert _state()[1:] == before[1:]


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        (RUNS, {"status": "sleeping"}, "status"),
        (RUNS, {"year": "next"}, "year"),
        (RUNS, {"level": "district"}, "level"),
        (RUNS, {"ordering": "message"}, "ordering"),
        ("/api/me/post-holdings/", {"status": "gone"}, "status"),
    ],
)
def test_unknown_filter_values_are_a_400_naming_the_filter(world, client_as, path, params, field):
    role = "volunteer" if path.startswith("/api/me/") else "admin"
    response = client_as(role).get(path, params)
    assert response.status_code == 400
    assert list(response.json()["extra"]["fields"]) == [field]


def test_an_unknown_proposal_filter_value_is_a_400(world, client_as, done_run):
    response = client_as("community").get(f"{RUNS}{done_run().pk}/proposals/", {"post": "legal"})
    assert (response.status_code, list(response.json()["extra"]["fields"])) == (400, ["post"])


def test_a_malformed_decline_body_is_a_400(world, client_as):
    holding = f.PostHoldingFactory(post=f.PostFactory(community=world.a1), volunteer=world.v1, year=YEAR)
    response = client_as("volunteer").post(
        f"/api/me/post-holdings/{holding.pk}/decline/", "{not json", content_type="application/json"
    )
    assert (response.status_code, response.json()["extra"]["code"]) == (400, "parse_error")
    response = client_as("volunteer").post(
        f"/api/me/post-holdings/{holding.pk}/decline/", {"reason": ["a"]}, format="json"
    )
    assert (response.status_code, list(response.json()["extra"]["fields"])) == (400, ["reason"])
    assert PostHolding.objects.get().status == "active"
