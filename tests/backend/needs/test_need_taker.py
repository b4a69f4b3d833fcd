"""接单: a coordinator records who took a need (a volunteer, a team or a unit); a volunteer who took one gets its
service time in their records when it is completed, as a shift's attendance would."""

import datetime as dt

import pytest
from rest_framework.test import APIClient

import factories as f
from needs.models import Need
from records.models import ServiceRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_language():
    return "en"  # messages asserted whole, in English


def _take(client, need, body):
    return client.post(f"/api/needs/{need.pk}/take/", body, format="json")


def test_coordinator_records_a_team_as_taker_and_the_need_is_claimed(world, client_as):
    # given a published need of A1 and a team
    need = f.NeedFactory(community=world.a1, status=Need.Status.PUBLISHED)
    team = f.TeamFactory(community=world.a1, name="秦江红马甲服务队")
    # when A1's coordinator records the team as its taker
    response = _take(client_as("community"), need, {"team": team.pk})
    # then
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "claimed"
    assert response.json()["taker"] == {"kind": "team", "id": team.pk, "name": "秦江红马甲服务队"}
    need.refresh_from_db()
    assert (need.taken_by_team_id, need.taken_at is not None) == (team.pk, True)


def test_taking_needs_exactly_one_taker(world, client_as):
    need = f.NeedFactory(community=world.a1, status=Need.Status.PUBLISHED)
    response = _take(client_as("community"), need, {"volunteer": world.v1.pk, "unit": world.u1.pk})
    assert response.status_code == 400
    assert response.json() == {
        "message": "Name exactly one taker: a volunteer, a team or a unit.",
        "extra": {
            "code": "invalid",
            "fields": {"non_field_errors": ["Name exactly one taker: a volunteer, a team or a unit."]},
        },
    }


def test_a_need_taken_already_is_409(world, client_as):
    need = f.NeedFactory(community=world.a1, status=Need.Status.PUBLISHED)
    client = client_as("community")
    assert _take(client, need, {"unit": world.u1.pk}).status_code == 200
    response = _take(client, need, {"volunteer": world.v1.pk})
    assert response.status_code == 409
    assert response.json() == {
        "message": "This need has already been taken.",
        "extra": {"code": "already_taken", "fields": {}},
    }


def test_a_pending_need_cannot_be_taken(world, client_as):
    need = f.NeedFactory(community=world.a1)
    response = _take(client_as("community"), need, {"volunteer": world.v1.pk})
    assert response.status_code == 409
    assert response.json()["extra"] == {"code": "not_takeable", "fields": {"status": ["pending"]}}


def test_completing_a_need_taken_by_a_volunteer_puts_its_minutes_in_their_records(world, client_as):
    # given V1 took a need that is now in service
    need = f.NeedFactory(community=world.a1, status=Need.Status.PUBLISHED, title="陪同就医")
    client = client_as("community")
    _take(client, need, {"volunteer": world.v1.pk})
    client.post(f"/api/needs/{need.pk}/transition/", {"status": "in_service"}, format="json")
    # when the coordinator completes it with the minutes served
    response = client.post(f"/api/needs/{need.pk}/transition/", {"status": "completed", "minutes": 90}, format="json")
    # then the need is completed and V1 has an approved record of 90 minutes
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "completed"
    record = ServiceRecord.objects.get(volunteer=world.v1)
    assert (record.title, record.minutes, record.status, record.recorder_id) == (
        "陪同就医",
        90,
        "approved",
        world.users["community"].pk,
    )
    assert record.reviewed_by_id == world.users["community"].pk


def test_completion_without_minutes_reads_the_wanted_window(world, client_as):
    start = f.at(dt.date.today() + dt.timedelta(days=1), 9)
    need = f.NeedFactory(
        community=world.a1,
        status=Need.Status.PUBLISHED,
        wanted_start=start,
        wanted_end=start + dt.timedelta(hours=2),
    )
    client = client_as("community")
    _take(client, need, {"volunteer": world.v1.pk})
    client.post(f"/api/needs/{need.pk}/transition/", {"status": "in_service"}, format="json")
    response = client.post(f"/api/needs/{need.pk}/transition/", {"status": "completed"}, format="json")
    assert response.status_code == 200
    assert ServiceRecord.objects.get(volunteer=world.v1).minutes == 120


def test_completion_of_a_volunteers_need_without_minutes_or_window_is_refused(world, client_as):
    need = f.NeedFactory(community=world.a1, status=Need.Status.PUBLISHED)
    client = client_as("community")
    _take(client, need, {"volunteer": world.v1.pk})
    client.post(f"/api/needs/{need.pk}/transition/", {"status": "in_service"}, format="json")
    response = client.post(f"/api/needs/{need.pk}/transition/", {"status": "completed"}, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "message": "Say how many minutes the volunteer served.",
        "extra": {"code": "minutes_needed", "fields": {"minutes": ["Say how many minutes the volunteer served."]}},
    }
    need.refresh_from_db()
    assert need.status == "in_service"
    assert not ServiceRecord.objects.exists()


def test_completing_a_need_taken_by_a_team_writes_no_record(world, client_as):
    need = f.NeedFactory(community=world.a1, status=Need.Status.PUBLISHED)
    client = client_as("community")
    _take(client, need, {"team": f.TeamFactory(community=world.a1).pk})
    client.post(f"/api/needs/{need.pk}/transition/", {"status": "in_service"}, format="json")
    response = client.post(f"/api/needs/{need.pk}/transition/", {"status": "completed"}, format="json")
    assert response.status_code == 200
    assert not ServiceRecord.objects.exists()


def test_a_volunteer_outside_the_coordinators_scope_files_their_own_pending_entry(world, client_as):
    # given V2 (of B1) took a micro-wish of A1 from the wall (a coordinator names only volunteers of their scope)
    need = f.NeedFactory(community=world.a1, status=Need.Status.PUBLISHED, is_micro_wish=True)
    volunteer = APIClient()
    volunteer.force_authenticate(world.v2.user)
    assert volunteer.post(f"/api/volunteering/wishes/{need.pk}/claim/").status_code < 300
    client = client_as("community")
    client.post(f"/api/needs/{need.pk}/transition/", {"status": "in_service"}, format="json")
    # when A1's coordinator completes it
    response = client.post(f"/api/needs/{need.pk}/transition/", {"status": "completed", "minutes": 45}, format="json")
    # then V2's entry waits for review in their own community
    assert response.status_code == 200
    record = ServiceRecord.objects.get(volunteer=world.v2)
    assert (record.minutes, record.status, record.community_id) == (45, "pending", world.b1.pk)


def test_a_coordinator_names_as_taker_only_a_volunteer_of_their_scope(world, client_as):
    # given a need of A1 and V2, a volunteer of B1, whom A1's coordinator does not see
    need = f.NeedFactory(community=world.a1, status=Need.Status.PUBLISHED)
    # when A1's coordinator records V2 as its taker
    response = client_as("community").post(f"/api/needs/{need.pk}/take/", {"volunteer": world.v2.pk}, format="json")
    # then the volunteer field is refused, as for anybody they cannot see, and the need is not taken
    assert response.status_code == 400
    assert "volunteer" in response.json()["extra"]["fields"]
    need.refresh_from_db()
    assert need.status == Need.Status.PUBLISHED
