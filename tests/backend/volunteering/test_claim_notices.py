"""The coordinators responsible are told of a claim: an open seat claimed tells the run's creator (else the shift's
community's coordinators), a micro-wish taken tells its owner (else its community's coordinators); once per claim,
nobody else, and nothing when the claim is refused."""

import pytest
from django.utils import timezone

import factories as f
from accounts.models import User
from needs.models import Need
from notifications.models import Notification
from planning.models import UnfilledSeat

from .volunteering_world import SATURDAY, assign, make_run, make_shift

pytestmark = pytest.mark.django_db

INBOX = "/api/notifications/"


def _seat(world, *, created_by):
    """A1's published plan left one of the two seats of the Saturday patrol open; V1 is free on Saturdays."""
    f.WeeklyAvailabilityFactory(volunteer=world.v1, weekday=SATURDAY.isoweekday())
    shift = make_shift(world.a1, title="周六治安巡逻")
    run = make_run(world.a1, created_by=created_by)
    assign(run, shift, f.VolunteerFactory(home_community=world.a1, name="张三"))
    UnfilledSeat.objects.create(run=run, shift=shift, missing=1, reasons=[])
    return run, shift


def _claim_seat(client, shift):
    return client.post(f"/api/volunteering/open-seats/{shift.pk}/claim/")


def _claim_wish(client, need):
    return client.post(f"/api/volunteering/wishes/{need.pk}/claim/")


def _notices(kind):
    return list(Notification.objects.filter(kind=kind).order_by("recipient_id"))


def test_a_claimed_seat_tells_the_runs_creator_once_in_their_inbox(world, client_as):
    # given the plan made by A1's coordinator, and a second coordinator of A1
    run, shift = _seat(world, created_by=world.users["community"])
    f.UserFactory(role=User.Role.COMMUNITY, community=world.a1)
    # when V1 claims the open seat
    response = _claim_seat(client_as("volunteer"), shift)
    assert response.status_code == 201, response.json()
    # then the run's creator alone is told, once, with the shift, its time and the volunteer
    [notice] = _notices("seat_claimed")
    assert notice.recipient == world.users["community"]
    start, end = timezone.localtime(shift.start), timezone.localtime(shift.end)
    assert (notice.title, notice.body) == (
        "Open seat claimed: 周六治安巡逻",
        f"{world.v1.name} ({world.v1.number}) claimed an open seat of "
        f"{start:%m-%d %H:%M}–{end:%H:%M} 周六治安巡逻 (秦江社区).",
    )
    assert notice.payload == {
        "run": run.pk,
        "shift": shift.pk,
        "assignment": response.json()["id"],
        "volunteer": world.v1.pk,
    }
    # and it is in their notification list, not in anyone else's
    inbox = client_as("community").get(INBOX).json()["results"]
    assert [(row["kind"], row["title"]) for row in inbox] == [("seat_claimed", "Open seat claimed: 周六治安巡逻")]
    for role in ("subdistrict", "admin", "unit", "volunteer"):
        assert client_as(role).get(INBOX).json()["count"] == 0, role


def test_a_claimed_seat_of_a_run_nobody_started_tells_the_communitys_coordinators(world, client_as):
    # given a plan made by the scheduler (no creator), two coordinators of A1, one of A2 and an inactive one of A1
    _, shift = _seat(world, created_by=None)
    second = f.UserFactory(role=User.Role.COMMUNITY, community=world.a1)
    f.UserFactory(role=User.Role.COMMUNITY, community=world.a2)
    f.UserFactory(role=User.Role.COMMUNITY, community=world.a1, is_active=False)
    # when V1 claims the open seat
    assert _claim_seat(client_as("volunteer"), shift).status_code == 201
    # then A1's active coordinators are told, each once
    assert [n.recipient for n in _notices("seat_claimed")] == [world.users["community"], second]


def test_a_refused_seat_claim_tells_nobody(world, client_as):
    # given 李四 took the last open seat first (and the run's creator was told of it)
    _, shift = _seat(world, created_by=world.users["community"])
    lisi = f.VolunteerFactory(home_community=world.a1, name="李四")
    f.WeeklyAvailabilityFactory(volunteer=lisi, weekday=SATURDAY.isoweekday())
    other = client_as("volunteer")
    other.force_authenticate(lisi.user)
    assert _claim_seat(other, shift).status_code == 201
    # when V1 claims it too
    response = _claim_seat(client_as("volunteer"), shift)
    # then V1 is refused and nobody hears of V1's attempt
    assert response.status_code == 409
    assert [n.payload["volunteer"] for n in _notices("seat_claimed")] == [lisi.pk]


def test_a_seat_left_and_claimed_again_is_told_again(world, client_as):
    # given V1 claimed the open seat and declined it again
    _, shift = _seat(world, created_by=world.users["community"])
    client = client_as("volunteer")
    claimed = _claim_seat(client, shift).json()
    assert client.post(f"/api/me/posts/{claimed['id']}/decline/", {"reason": "临时有事"}).status_code == 200
    UnfilledSeat.objects.update_or_create(run_id=claimed["run"], shift=shift, defaults={"missing": 1})
    # when V1 claims it back
    assert _claim_seat(client, shift).status_code == 201
    # then the coordinator hears of both claims
    assert len(_notices("seat_claimed")) == 2


@pytest.fixture
def wish(world):
    return f.NeedFactory(
        community=world.a1,
        title="帮忙买一台收音机",
        is_micro_wish=True,
        status=Need.Status.PUBLISHED,
        type=Need.Type.OBJECT,
        owner=world.users["subdistrict"],
    )


def test_a_claimed_wish_tells_its_owner_once(world, client_as, wish):
    # when V1 takes the wish, owned by the sub-district's coordinator
    response = _claim_wish(client_as("volunteer"), wish)
    assert response.status_code == 200, response.json()
    # then its owner alone is told, once, in their notification list
    [notice] = _notices("wish_claimed")
    wish.refresh_from_db()
    assert (notice.recipient, notice.event_key) == (
        world.users["subdistrict"],
        f"wish_claimed:{wish.pk}:{wish.taken_at.isoformat()}",
    )
    assert (notice.title, notice.body) == (
        "Micro-wish claimed: 帮忙买一台收音机",
        f"{world.v1.name} ({world.v1.number}) took the micro-wish 帮忙买一台收音机 (秦江社区).",
    )
    assert notice.payload == {"need": wish.pk, "community": world.a1.pk, "volunteer": world.v1.pk}
    assert client_as("subdistrict").get(INBOX).json()["results"][0]["kind"] == "wish_claimed"
    assert client_as("community").get(INBOX).json()["count"] == 0


def test_a_claimed_wish_without_an_owner_tells_its_communitys_coordinators(world, client_as, wish):
    # given the wish has no owner, and A2 has a coordinator of its own
    Need.objects.filter(pk=wish.pk).update(owner=None)
    f.UserFactory(role=User.Role.COMMUNITY, community=world.a2)
    # when V1 takes it
    assert _claim_wish(client_as("volunteer"), wish).status_code == 200
    # then A1's coordinator is told
    assert [n.recipient for n in _notices("wish_claimed")] == [world.users["community"]]


def test_a_wish_whose_owner_left_tells_its_communitys_coordinators(world, client_as, wish):
    User.objects.filter(pk=world.users["subdistrict"].pk).update(is_active=False)
    assert _claim_wish(client_as("volunteer"), wish).status_code == 200
    assert [n.recipient for n in _notices("wish_claimed")] == [world.users["community"]]


def test_a_refused_wish_claim_tells_nobody(world, client_as, wish):
    # given 李四 took the wish first
    lisi = f.VolunteerFactory(home_community=world.a1, name="李四")
    other = client_as("volunteer")
    other.force_authenticate(lisi.user)
    assert _claim_wish(other, wish).status_code == 200
    # when V1 tries
    response = _claim_wish(client_as("volunteer"), wish)
    # then V1 is refused and only 李四's taking was told
    assert response.status_code == 409
    assert [n.payload["volunteer"] for n in _notices("wish_claimed")] == [lisi.pk]


def test_a_need_that_is_not_a_wish_tells_nobody(world, client_as):
    need = f.NeedFactory(community=world.a1, status=Need.Status.PUBLISHED)
    assert _claim_wish(client_as("volunteer"), need).status_code == 404
    assert not Notification.objects.exists()
