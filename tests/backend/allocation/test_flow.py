"""Post allocation end to end, in process with the real optimizer: start -> done -> pin -> remove -> re-run keeps
the pin and avoids the removed pair -> add by hand refused with its reason, then accepted -> publish -> holdings
and notifications -> a member declines."""

import pytest

import factories as f
from allocation.models import AllocationPublication, AllocationRun, Exclusion, HoldingDecline, Proposal, UnfilledPost
from notifications.models import Notification
from posts.models import PostHolding

from .conftest import RUNS, YEAR

pytestmark = pytest.mark.django_db


def _pairs(run_id):
    return set(Proposal.objects.filter(run_id=run_id).values_list("post_id", "volunteer_id", "pinned", "source"))


def _proposal(run_id, post, volunteer):
    return Proposal.objects.get(run_id=run_id, post=post, volunteer=volunteer)


def test_allocation_from_start_to_a_declined_holding(
    world, a1_posts, client_as, client_of, eager, django_capture_on_commit_callbacks
):
    p = a1_posts
    client = client_as("community")
    # given an active holding of this year that the new plan will not keep (V1 is in-office: not eligible)
    stale = f.PostHoldingFactory(post=p.patrol, volunteer=world.v1, year=YEAR)

    # when the community coordinator starts a run and the task runs in process
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(RUNS, {"year": YEAR, "community": world.a1.pk, "time_limit": 10}, format="json")
    # then 202 with the queued run, which the task left done with a plan filling every seat by priority and nearness
    assert started.status_code == 202, started.json()
    assert (started.json()["status"], started.json()["version"], started.json()["level"]) == ("queued", 1, "community")
    v1 = client.get(f"{RUNS}{started.json()['id']}/").json()
    assert (v1["status"], v1["message"], v1["attempts"]) == ("done", "Filled 3 of 3 seats.", 1)
    assert v1["stats"]["problem"] == {"members": 4, "posts": 2, "seats": 3, "pins": 0, "pins_dropped": 0, "excluded": 0}
    assert v1["stats"]["status"] == "optimal"
    assert _pairs(v1["id"]) == {
        (p.legal.pk, p.m1.pk, False, "solver"),
        (p.patrol.pk, p.m2.pk, False, "solver"),
        (p.patrol.pk, p.m3.pk, False, "solver"),
    }
    assert not UnfilledPost.objects.filter(run_id=v1["id"]).exists()

    # when the coordinator pins M2 on patrol and removes M1 from the legal post
    pin = client.patch(
        f"{RUNS}{v1['id']}/proposals/{_proposal(v1['id'], p.patrol, p.m2).pk}/", {"pinned": True}, format="json"
    )
    removed = client.delete(f"{RUNS}{v1['id']}/proposals/{_proposal(v1['id'], p.legal, p.m1).pk}/")
    # then
    assert (pin.status_code, pin.json()["pinned"]) == (200, True)
    assert removed.status_code == 204
    assert list(Exclusion.objects.filter(run_id=v1["id"]).values_list("post_id", "volunteer_id")) == [
        (p.legal.pk, p.m1.pk)
    ]
    unfilled = client.get(f"{RUNS}{v1['id']}/unfilled/").json()["results"]
    assert [(row["post"], row["missing"], row["reasons"][0]["code"]) for row in unfilled] == [
        (p.legal.pk, 1, "removed")
    ]

    # when the run is run again
    with django_capture_on_commit_callbacks(execute=True):
        rerun = client.post(f"{RUNS}{v1['id']}/rerun/")
    assert rerun.status_code == 202
    v2 = client.get(f"{RUNS}{rerun.json()['id']}/").json()
    # then version 2 keeps the pin, does not propose M1 for the legal post again (M4 is the other lawyer)
    assert (v2["version"], v2["status"], v2["message"]) == (2, "done", "Filled 3 of 3 seats.")
    assert v2["stats"]["problem"]["pins"] == 1 and v2["stats"]["problem"]["excluded"] == 1
    assert _pairs(v2["id"]) == {
        (p.patrol.pk, p.m2.pk, True, "solver"),
        (p.legal.pk, p.m4.pk, False, "solver"),
        (p.patrol.pk, p.m3.pk, False, "solver"),
    }
    assert list(Exclusion.objects.filter(run_id=v2["id"]).values_list("post_id", "volunteer_id")) == [
        (p.legal.pk, p.m1.pk)
    ]

    # when M2 is added to the legal post by hand: refused, naming every broken rule
    refused = client.post(f"{RUNS}{v2['id']}/proposals/", {"post": p.legal.pk, "volunteer": p.m2.pk}, format="json")
    assert refused.status_code == 400
    assert refused.json() == {
        "message": "This proposal would break a rule: Skill legal_advice is at level 0; the post needs 2.",
        "extra": {
            "code": "rule_broken",
            "fields": {
                "volunteer": [
                    "Skill legal_advice is at level 0; the post needs 2.",
                    "Already holds 1 post(s) in this plan, the most one member may.",
                ],
                "post": ["All 1 seats of the post are taken."],
            },
        },
    }
    # and when M3 leaves the patrol and M1 (free now) is put there by hand: accepted, pinned
    client.delete(f"{RUNS}{v2['id']}/proposals/{_proposal(v2['id'], p.patrol, p.m3).pk}/")
    added = client.post(f"{RUNS}{v2['id']}/proposals/", {"post": p.patrol.pk, "volunteer": p.m1.pk}, format="json")
    assert added.status_code == 201, added.json()
    assert (added.json()["volunteer"], added.json()["pinned"], added.json()["source"]) == (p.m1.pk, True, "manual")
    assert not UnfilledPost.objects.filter(run_id=v2["id"]).exists()
    assert _pairs(v2["id"]) == {
        (p.patrol.pk, p.m2.pk, True, "solver"),
        (p.legal.pk, p.m4.pk, False, "solver"),
        (p.patrol.pk, p.m1.pk, True, "manual"),
    }

    # when version 2 is published
    with django_capture_on_commit_callbacks(execute=True):
        published = client.post(f"{RUNS}{v2['id']}/publish/")
    # then its proposals are the year's active holdings, the stale holding ended, and each member told once
    assert (published.status_code, published.json()["published"]) == (200, True)
    publication = AllocationPublication.objects.get()
    assert (publication.run_id, publication.year, publication.published_by) == (
        v2["id"],
        YEAR,
        world.users["community"],
    )
    assert set(PostHolding.objects.filter(year=YEAR).values_list("post_id", "volunteer_id", "status")) == {
        (p.legal.pk, p.m4.pk, "active"),
        (p.patrol.pk, p.m2.pk, "active"),
        (p.patrol.pk, p.m1.pk, "active"),
        (p.patrol.pk, world.v1.pk, "ended"),
    }
    stale.refresh_from_db()
    assert stale.status == "ended"
    notices = Notification.objects.filter(event_key=f"post-allocation:{publication.pk}")
    assert sorted(notices.values_list("recipient_id", flat=True)) == sorted([p.m1.user_id, p.m2.user_id, p.m4.user_id])
    notice = notices.get(recipient=p.m4.user)
    assert (notice.kind, notice.title) == (Notification.Kind.POST_ALLOCATED, f"Your standing post for {YEAR}")
    assert notice.body == (
        f"Your standing post for {YEAR}:\n\nPost: 法律服务岗 (秦江社区)\nTime: 周六 09:00-11:00"
        "\nDuties: 每周六提供法律咨询"
        "\n\nService is voluntary: if you cannot take the post, decline it under My posts with a reason."
    )
    assert notice.payload["posts"][0] | {"post": None} == {
        "post": None,
        "name": "法律服务岗",
        "community": "秦江社区",
        "duties": "每周六提供法律咨询",
        "schedule": "周六 09:00-11:00",
        "weekdays": [6],
        "start_time": "09:00",
        "end_time": "11:00",
        "target": "",
    }
    # and the plan can no longer change
    locked = client.patch(
        f"{RUNS}{v2['id']}/proposals/{_proposal(v2['id'], p.legal, p.m4).pk}/", {"pinned": True}, format="json"
    )
    assert (locked.status_code, locked.json()["extra"]["code"]) == (409, "run_not_editable")

    # when M4 lists their posts and declines the legal one with a reason
    member = client_of(p.m4)
    mine = member.get("/api/me/post-holdings/").json()["results"]
    assert [(row["post"], row["year"], row["status"], row["schedule"]) for row in mine] == [
        (p.legal.pk, YEAR, "active", "周六 09:00-11:00")
    ]
    declined = member.post(f"/api/me/post-holdings/{mine[0]['id']}/decline/", {"reason": "搬家了"}, format="json")
    # then the holding is declined with its reason, and A1's coordinator is told
    assert declined.status_code == 200, declined.json()
    assert (declined.json()["status"], declined.json()["reason"]) == ("declined", "搬家了")
    assert PostHolding.objects.get(pk=mine[0]["id"]).status == "declined"
    assert HoldingDecline.objects.get(holding_id=mine[0]["id"]).reason == "搬家了"
    told = Notification.objects.get(event_key=f"post-holding-declined:{mine[0]['id']}")
    assert (told.recipient, told.kind) == (world.users["community"], Notification.Kind.POST_ALLOCATED)
    assert told.title == "A standing post was declined: 法律服务岗"
    assert told.body.endswith("Reason: 搬家了")
    # and declining again changes nothing
    again = member.post(f"/api/me/post-holdings/{mine[0]['id']}/decline/", {"reason": "别的"}, format="json")
    assert (again.status_code, again.json()["reason"]) == (200, "搬家了")
    assert Notification.objects.filter(event_key=f"post-holding-declined:{mine[0]['id']}").count() == 1
    assert AllocationRun.objects.count() == 2
