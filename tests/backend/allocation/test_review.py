"""Review before publishing: add a proposal by hand (checked against every hard rule of the optimizer), pin,
remove (the pair is excluded from the next run); a run not done or already published does not change."""

import pytest
from django.utils import timezone

import factories as f
from allocation.models import AllocationPublication, Exclusion, Proposal, UnfilledPost

from .conftest import RUNS

pytestmark = pytest.mark.django_db


def _add(client, run, post, volunteer):
    return client.post(f"{RUNS}{run.pk}/proposals/", {"post": post.pk, "volunteer": volunteer.pk}, format="json")


def _fields(response):
    return response.status_code, response.json()["extra"]["code"], response.json()["extra"]["fields"]


def test_add_by_hand_pins_it_and_takes_a_seat_from_unfilled(world, client_as, done_run, a1_posts):
    run = done_run()
    UnfilledPost.objects.create(run=run, post=a1_posts.patrol, missing=2)
    response = _add(client_as("community"), run, a1_posts.patrol, a1_posts.m2)
    assert response.status_code == 201, response.json()
    assert {k: response.json()[k] for k in ("post", "volunteer", "pinned", "source", "post_name")} == {
        "post": a1_posts.patrol.pk,
        "volunteer": a1_posts.m2.pk,
        "pinned": True,
        "source": "manual",
        "post_name": "治安巡逻岗",
    }
    assert UnfilledPost.objects.get(run=run).missing == 1


def test_a_member_beyond_the_travel_limit_is_refused(world, client_as, done_run, a1_posts):
    far = f.VolunteerFactory(home_community=world.a1, kind="retired", lat=34.81, lng=113.63)  # 5.6 km
    response = _add(client_as("community"), done_run(), a1_posts.patrol, far)
    assert _fields(response) == (400, "rule_broken", {"volunteer": ["Lives 5.6 km from the post; the limit is 5 km."]})
    assert not Proposal.objects.exists()


@pytest.mark.parametrize("who", ["in_office", "resident", "inactive", "other_community"])
def test_members_not_eligible_for_standing_posts_are_refused(world, client_as, done_run, a1_posts, who):
    volunteer = {
        "in_office": lambda: world.v1,
        "resident": lambda: f.VolunteerFactory(home_community=world.a1, kind="resident"),
        "inactive": lambda: f.VolunteerFactory(home_community=world.a1, active=False),
        "other_community": lambda: f.VolunteerFactory(home_community=world.a2),
    }[who]()
    response = _add(client_as("community"), done_run(), a1_posts.patrol, volunteer)
    assert _fields(response) == (
        400,
        "rule_broken",
        {
            "volunteer": [
                "The volunteer is not eligible for this run's posts: only active non-post and retired party members "
                "living in its scope are."
            ]
        },
    )


def test_a_post_outside_the_run_is_refused(world, client_as, done_run, a1_posts):
    for post in (f.PostFactory(community=world.a2), f.PostFactory(community=world.a1, active=False)):
        response = _add(client_as("community"), done_run(version=post.pk), post, a1_posts.m2)
        assert _fields(response) == (
            400,
            "rule_broken",
            {"post": ["The post is not among this run's posts (inactive, or outside its scope)."]},
        )


def test_a_pair_already_proposed_is_a_409(world, client_as, done_run, a1_posts):
    run = done_run()
    Proposal.objects.create(run=run, post=a1_posts.patrol, volunteer=a1_posts.m2)
    response = _add(client_as("community"), run, a1_posts.patrol, a1_posts.m2)
    assert (response.status_code, response.json()) == (
        409,
        {
            "message": "The member is already proposed for this post.",
            "extra": {"code": "already_proposed", "fields": {"volunteer": ["Already proposed."]}},
        },
    )
    assert Proposal.objects.count() == 1


def test_adding_a_removed_pair_back_lifts_its_exclusion(world, client_as, done_run, a1_posts):
    run = done_run()
    proposal = Proposal.objects.create(run=run, post=a1_posts.patrol, volunteer=a1_posts.m2)
    client = client_as("community")
    assert client.delete(f"{RUNS}{run.pk}/proposals/{proposal.pk}/").status_code == 204
    assert Exclusion.objects.filter(run=run).count() == 1
    assert UnfilledPost.objects.get(run=run).reasons == [{"code": "removed", "message": "Removed by a coordinator."}]
    assert _add(client, run, a1_posts.patrol, a1_posts.m2).status_code == 201
    assert not Exclusion.objects.filter(run=run).exists()
    assert not UnfilledPost.objects.filter(run=run).exists()


def test_pin_and_unpin(world, client_as, done_run, a1_posts):
    run = done_run()
    proposal = Proposal.objects.create(run=run, post=a1_posts.patrol, volunteer=a1_posts.m2)
    path = f"{RUNS}{run.pk}/proposals/{proposal.pk}/"
    client = client_as("subdistrict")
    assert client.patch(path, {"pinned": True}, format="json").json()["pinned"] is True
    assert client.patch(path, {"pinned": False}, format="json").json()["pinned"] is False
    proposal.refresh_from_db()
    assert proposal.pinned is False


def test_a_run_not_done_or_published_does_not_change(world, client_as, done_run, a1_posts):
    client = client_as("community")
    failed = done_run(version=1, status="failed")
    response = _add(client, failed, a1_posts.patrol, a1_posts.m2)
    assert (response.status_code, response.json()) == (
        409,
        {
            "message": "Only a run that is done can be reviewed; this run is Failed.",
            "extra": {"code": "run_not_editable", "fields": {}},
        },
    )
    run = done_run(version=2)
    proposal = Proposal.objects.create(run=run, post=a1_posts.patrol, volunteer=a1_posts.m3)
    AllocationPublication.objects.create(scope_key=run.scope_key, year=run.year, run=run, published_at=timezone.now())
    path = f"{RUNS}{run.pk}/proposals/{proposal.pk}/"
    for response in (
        _add(client, run, a1_posts.patrol, a1_posts.m2),
        client.delete(path),
        client.patch(path, {"pinned": True}, format="json"),
    ):
        assert response.status_code == 409
        assert response.json()["message"] == (
            "This year is already published for this scope; the plan can no longer change."
        )
    assert list(Proposal.objects.values_list("pk", "pinned")) == [(proposal.pk, False)]
    assert not Exclusion.objects.exists()


def test_review_is_scoped(world, client_as, done_run):
    run = done_run(community=world.b1)
    proposal = Proposal.objects.create(
        run=run, post=f.PostFactory(community=world.b1), volunteer=f.VolunteerFactory(home_community=world.b1)
    )
    path = f"{RUNS}{run.pk}/proposals/{proposal.pk}/"
    for role, code in (("community", 404), ("subdistrict", 404), ("volunteer", 403), ("unit", 403), ("anonymous", 401)):
        client = client_as(role)
        assert client.delete(path).status_code == code, role
        assert client.patch(path, {"pinned": True}, format="json").status_code == code, role
        assert client.get(f"{RUNS}{run.pk}/proposals/").status_code == code, role
        assert client.get(f"{RUNS}{run.pk}/unfilled/").status_code == code, role
    assert list(Proposal.objects.values_list("pk", "pinned")) == [(proposal.pk, False)]
    # a proposal of another run under this run's path is not found either
    mine = done_run()
    assert client_as("admin").delete(f"{RUNS}{mine.pk}/proposals/{proposal.pk}/").status_code == 404


def test_the_proposals_are_paginated_and_filtered_by_post(world, client_as, done_run, a1_posts):
    run = done_run()
    for post, member in ((a1_posts.legal, a1_posts.m1), (a1_posts.patrol, a1_posts.m2), (a1_posts.patrol, a1_posts.m3)):
        Proposal.objects.create(run=run, post=post, volunteer=member)
    client = client_as("community")
    body = client.get(f"{RUNS}{run.pk}/proposals/", {"post": a1_posts.patrol.pk}).json()
    assert body["count"] == 2
    assert [(row["post"], row["volunteer"]) for row in body["results"]] == [
        (a1_posts.patrol.pk, a1_posts.m2.pk),
        (a1_posts.patrol.pk, a1_posts.m3.pk),
    ]
    page = client.get(f"{RUNS}{run.pk}/proposals/", {"page_size": 1, "page": 2}).json()
    assert (page["count"], [row["volunteer"] for row in page["results"]]) == (3, [a1_posts.m2.pk])
