"""Claims of what is open after publication: open seats of a published plan for those who keep its hard rules
(checked by the matching package), first come first served; micro-wishes (微心愿) taken from their wall."""

import pytest
from auditlog.models import LogEntry
from django.utils import timezone

import factories as f
from needs.models import Need
from planning.models import Assignment, UnfilledSeat
from shifts.models import Shift
from volunteering.models import AssignmentResponse

from .volunteering_world import SATURDAY, assign, make_run, make_shift

pytestmark = pytest.mark.django_db

SEATS = "/api/volunteering/open-seats/"
WISHES = "/api/volunteering/wishes/"


def _claim(shift) -> str:
    return f"{SEATS}{shift.pk}/claim/"


@pytest.fixture
def open_seat(world):
    """A1's published plan left one of the two seats of the Saturday patrol unfilled; 张三 has the other. V1 is free
    on Saturdays 9-12 and lives next door."""
    f.WeeklyAvailabilityFactory(volunteer=world.v1, weekday=SATURDAY.isoweekday())
    post = f.PostFactory(community=world.a1, name="治安巡逻岗", duties="巡查楼院安全隐患")
    shift = make_shift(world.a1, title="周六治安巡逻", post=post, address="秦岭路18号", lat=34.751, lng=113.621)
    run = make_run(world.a1, created_by=world.users["community"])
    assign(run, shift, f.VolunteerFactory(home_community=world.a1, name="张三"))
    UnfilledSeat.objects.create(run=run, shift=shift, missing=1, reasons=[{"code": "no_one", "message": "无人"}])
    return {"run": run, "shift": shift, "post": post}


def test_open_seats_list_the_seat_the_volunteer_may_take(world, client_as, open_seat):
    # when V1 asks for open seats
    response = client_as("volunteer").get(SEATS)
    # then the patrol's one open seat is listed, with what the post is
    assert response.status_code == 200
    shift = open_seat["shift"]
    assert response.json() == [
        {
            "shift": shift.pk,
            "run": open_seat["run"].pk,
            "title": "周六治安巡逻",
            "start": response.json()[0]["start"],
            "end": response.json()[0]["end"],
            "place": {"community": "秦江社区", "address": "秦岭路18号", "lat": 34.751, "lng": 113.621},
            "post": {"name": "治安巡逻岗", "duties": "巡查楼院安全隐患"},
            "required_skills": {},
            "open_seats": 1,
        }
    ]


def test_open_seats_leave_out_a_shift_the_volunteer_is_not_free_for_and_its_claim_names_the_rule(
    world, client_as, open_seat
):
    # given V1 is free on Sundays only
    world.v1.availability.all().delete()
    f.WeeklyAvailabilityFactory(volunteer=world.v1, weekday=7)
    client = client_as("volunteer")
    # when V1 lists, then claims anyway
    listed = client.get(SEATS)
    response = client.post(_claim(open_seat["shift"]))
    # then nothing is listed and the claim is refused naming the availability rule
    assert listed.json() == []
    assert response.status_code == 409
    message = "You are not free for the whole shift (your weekly times or your days off)."
    assert response.json() == {
        "message": f"You cannot take this seat: {message}",
        "extra": {"code": "not_eligible", "fields": {"rule": ["availability"], "shift": [message]}},
    }
    assert not Assignment.objects.filter(volunteer=world.v1).exists()


def test_claim_is_refused_for_a_skill_the_volunteer_lacks(world, client_as, open_seat):
    # given the patrol needs first aid at level 2, which V1 does not have
    Shift.objects.filter(pk=open_seat["shift"].pk).update(required_skills={"first_aid": 2})
    # when V1 claims
    response = client_as("volunteer").post(_claim(open_seat["shift"]))
    # then
    assert response.status_code == 409
    assert response.json()["extra"]["fields"]["rule"] == ["skill"]


def test_claim_is_refused_when_it_overlaps_another_post(world, client_as, open_seat):
    # given V1 is already on another shift of the plan at the same time
    other = make_shift(world.a1, title="周六文明引导", hour=10)
    assign(open_seat["run"], other, world.v1)
    # when V1 claims the patrol
    response = client_as("volunteer").post(_claim(open_seat["shift"]))
    # then
    assert response.status_code == 409
    assert response.json()["extra"]["fields"]["rule"] == ["overlap"]


def test_claim_takes_the_seat_and_shows_in_the_plan_my_posts_and_the_calendar(world, client_as, open_seat):
    client = client_as("volunteer")
    # when V1 claims the open seat
    response = client.post(_claim(open_seat["shift"]))
    # then V1 is on the shift, accepted at once, marked as a claim, and the seat is no longer open
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["shift"], body["status"], body["others"]) == (open_seat["shift"].pk, "accepted", ["张三"])
    row = Assignment.objects.get(run=open_seat["run"], shift=open_seat["shift"], volunteer=world.v1)
    assert row.source == Assignment.Source.CLAIM
    assert AssignmentResponse.objects.get(assignment=row).status == "accepted"
    assert not UnfilledSeat.objects.filter(run=open_seat["run"]).exists()
    assert client.get(SEATS).json() == []
    # and the coordinator's plan, my posts and the calendar feed show it
    plan = client_as("community").get(f"/api/planning/runs/{open_seat['run'].pk}/assignments/", {"page_size": 50})
    assert plan.status_code == 200
    plan_rows = plan.json()["results"] if isinstance(plan.json(), dict) else plan.json()
    assert row.pk in {r["id"] for r in plan_rows}
    posts = client.get("/api/me/posts/").json()["results"]
    assert [(p["id"], p["status"]) for p in posts] == [(row.pk, "accepted")]
    feed = client.get(client.get("/api/me/calendar-token/").json()["url"])
    assert f"UID:assignment-{row.pk}@volunteering" in feed.content.decode()


def test_claim_of_a_seat_already_taken_is_409(world, client_as, open_seat):
    # given 李四 took the last open seat first
    lisi = f.VolunteerFactory(home_community=world.a1, name="李四")
    f.WeeklyAvailabilityFactory(volunteer=lisi, weekday=SATURDAY.isoweekday())
    lisi_client = client_as("volunteer")
    lisi_client.force_authenticate(lisi.user)
    assert lisi_client.post(_claim(open_seat["shift"])).status_code == 201
    # when V1 claims it
    response = client_as("volunteer").post(_claim(open_seat["shift"]))
    # then
    assert response.status_code == 409
    assert response.json() == {
        "message": "Someone else took the last open seat of this shift.",
        "extra": {"code": "seat_taken", "fields": {}},
    }


def test_claim_of_a_cancelled_shift_is_409_shift_cancelled(world, client_as, open_seat):
    Shift.objects.filter(pk=open_seat["shift"].pk).update(status=Shift.Status.CANCELLED, cancelled_at=timezone.now())
    response = client_as("volunteer").post(_claim(open_seat["shift"]))
    assert response.status_code == 409
    assert response.json()["extra"]["code"] == "shift_cancelled"


def test_claim_of_a_shift_outside_the_volunteers_plans_is_404(world, client_as):
    # given B1's published plan has an open seat, and V1 lives in A1
    shift = make_shift(world.b1)
    run = make_run(world.b1)
    UnfilledSeat.objects.create(run=run, shift=shift, missing=2)
    # when V1 lists and claims
    client = client_as("volunteer")
    assert client.get(SEATS).json() == []
    assert client.post(_claim(shift)).status_code == 404


def test_accepting_a_post_of_a_cancelled_shift_is_409_shift_cancelled(world, client_as, open_seat):
    # given V1's post was on a shift the coordinator cancelled
    mine = assign(open_seat["run"], make_shift(world.a1, hour=14), world.v1)
    AssignmentResponse.objects.create(assignment=mine, status="cancelled", answered_at=mine.shift.start)
    # when V1 accepts it
    response = client_as("volunteer").post(f"/api/me/posts/{mine.pk}/accept/")
    # then
    assert response.status_code == 409
    assert response.json() == {
        "message": "This shift was cancelled by the coordinator; there is nothing to accept.",
        "extra": {"code": "shift_cancelled", "fields": {}},
    }


# ---------------------------------------------------------------- micro-wishes


@pytest.fixture
def wish(world):
    return f.NeedFactory(
        community=world.a1,
        title="帮忙买一台收音机",
        description="独居老人想听戏，电话 13700001234",
        is_micro_wish=True,
        status=Need.Status.PUBLISHED,
        type=Need.Type.OBJECT,
    )


def test_wish_wall_shows_open_wishes_without_the_requesters_data(world, client_as, wish):
    # given a need that is not a wish, and a wish already taken
    f.NeedFactory(community=world.a1, status=Need.Status.PUBLISHED)
    f.NeedFactory(community=world.a1, is_micro_wish=True, status=Need.Status.CLAIMED)
    # when V1 reads the wall
    response = client_as("volunteer").get(WISHES)
    # then only the open wish, with its community, and neither the requester's name nor phone
    assert response.status_code == 200
    assert response.json()["results"] == [
        {
            "id": wish.pk,
            "title": "帮忙买一台收音机",
            "summary": "独居老人想听戏，电话 ***",
            "category": "elderly",
            "type": "object",
            "community": world.a1.pk,
            "community_name": "秦江社区",
            "wanted_start": None,
            "wanted_end": None,
            "deadline": None,
            "status": "published",
        }
    ]
    assert "王小明" not in response.content.decode()


def test_claiming_a_wish_makes_the_volunteer_its_taker(world, client_as, wish):
    # when V1 takes the wish
    response = client_as("volunteer").post(f"{WISHES}{wish.pk}/claim/")
    # then it is claimed by V1
    assert response.status_code == 200
    assert response.json()["status"] == "claimed"
    wish.refresh_from_db()
    assert (wish.status, wish.taken_by_volunteer_id, wish.taken_at is not None) == ("claimed", world.v1.pk, True)
    assert client_as("volunteer").get(WISHES).json()["results"] == []


def test_a_wish_taken_first_by_another_is_409(world, client_as, wish):
    # given 李四 took it first
    lisi = f.VolunteerFactory(home_community=world.a1, name="李四")
    other = client_as("volunteer")
    other.force_authenticate(lisi.user)
    assert other.post(f"{WISHES}{wish.pk}/claim/").status_code == 200
    # when V1 tries
    response = client_as("volunteer").post(f"{WISHES}{wish.pk}/claim/")
    # then
    assert response.status_code == 409
    assert response.json() == {
        "message": "This micro-wish has already been taken.",
        "extra": {"code": "already_taken", "fields": {}},
    }


def test_a_need_that_is_not_a_wish_cannot_be_claimed_from_the_wall(world, client_as):
    need = f.NeedFactory(community=world.a1, status=Need.Status.PUBLISHED)
    assert client_as("volunteer").post(f"{WISHES}{need.pk}/claim/").status_code == 404


def test_a_claim_and_a_wish_taken_are_in_the_audit_history_by_the_volunteer(world, client_as, open_seat, wish):
    client = client_as("volunteer")
    # when V1 claims the seat and takes the wish
    row_id = client.post(_claim(open_seat["shift"])).json()["id"]
    client.post(f"{WISHES}{wish.pk}/claim/")
    # then the new assignment, its answer and the need's taker are recorded, V1 as the actor
    created = LogEntry.objects.get(content_type__model="assignment", object_pk=str(row_id))
    assert (created.action, created.actor_id, created.changes_dict["source"][1]) == (
        LogEntry.Action.CREATE,
        world.v1.user.pk,
        "claim",
    )
    answer = LogEntry.objects.get(content_type__model="assignmentresponse")
    assert (answer.action, answer.actor_id, answer.changes_dict["status"][1]) == (
        LogEntry.Action.CREATE,
        world.v1.user.pk,
        "accepted",
    )
    taken = LogEntry.objects.filter(
        content_type__model="need", object_pk=str(wish.pk), action=LogEntry.Action.UPDATE
    ).order_by("pk")
    assert {entry.actor_id for entry in taken} == {world.v1.user.pk}
    assert any("taken_by_volunteer" in entry.changes_dict for entry in taken)
