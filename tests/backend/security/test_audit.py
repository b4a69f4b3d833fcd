"""Audit history (django-auditlog): who changed a need, a plan or a record, which fields, old and new values;
coordinators read the history of objects in their scope (404 outside it), volunteers and units not at all;
personal data is masked in the history itself."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.utils import timezone

import factories as f
from accounts.models import User
from accounts.services import api_token_create
from needs.models import Need
from planning.models import MatchingRun

pytestmark = pytest.mark.django_db


def _history(client, model: str, object_id: int | None = None, **filters):
    params = {"model": model, **filters}
    if object_id is not None:
        params["object_id"] = object_id
    return client.get("/api/audit/", params)


def _run(community, user=None) -> MatchingRun:
    return MatchingRun.objects.create(
        level=MatchingRun.Level.COMMUNITY,
        scope_key=f"community:{community.pk}",
        district_id=community.sub_district.district_id,
        sub_district=community.sub_district,
        community=community,
        week=dt.date(2026, 12, 7),
        version=1,
        time_limit=10.0,
        solver="highs",
        created_by=user,
    )


def test_a_change_through_the_api_records_who_changed_which_field_from_what_to_what(world, client_as):
    # given a need of A1
    need = f.NeedFactory(community=world.a1, title="助老陪诊", headcount=2)
    coordinator = client_as("community")
    # when A1's coordinator changes its title and headcount
    assert coordinator.patch(f"/api/needs/{need.pk}/", {"title": "助老陪诊（周三）", "headcount": 3}).status_code == 200
    # then the newest entry of its history names the coordinator, the fields, old and new values
    response = _history(coordinator, "need", need.pk)
    assert response.status_code == 200
    assert response.json()["count"] == 2  # created (by the factory, no request: the system), then changed
    latest = response.json()["results"][0]
    entry = LogEntry.objects.get(pk=latest["id"])
    assert latest == {
        "id": entry.pk,
        "timestamp": timezone.localtime(entry.timestamp).isoformat(),
        "action": "update",
        "object_id": need.pk,
        "object_repr": "助老陪诊（周三）",
        "actor": world.users["community"].pk,
        "actor_name": "shequ",
        "changes": [
            {"field": "headcount", "label": "headcount", "old": "2", "new": "3"},
            {"field": "title", "label": "title", "old": "助老陪诊", "new": "助老陪诊（周三）"},
        ],
        "import_run": None,
    }


def test_changes_without_a_signed_in_user_are_the_systems(world, client_as):
    # given a need changed by a background task (no request, so no actor)
    need = f.NeedFactory(community=world.a1)
    need.urgency = 5
    need.save()
    # then the history shows the system as the actor
    latest = _history(client_as("community"), "need", need.pk).json()["results"][0]
    assert (latest["actor"], latest["actor_name"]) == (None, "System")
    assert latest["changes"] == [{"field": "urgency", "label": "urgency", "old": "3", "new": "5"}]


def test_a_script_with_a_token_is_the_actor_of_its_changes(world):
    # DRF authenticates tokens inside the view, after the middleware has run: the actor is read when written
    from rest_framework.test import APIClient

    need = f.NeedFactory(community=world.a1)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_create(user=world.users['subdistrict'])}")
    assert client.patch(f"/api/needs/{need.pk}/", {"urgency": 4}, format="json").status_code == 200
    assert LogEntry.objects.get_for_object(need).first().actor == world.users["subdistrict"]


def test_a_changed_phone_number_is_masked_in_the_history(world, client_as):
    # given a need whose requester's phone the coordinator corrects
    need = f.NeedFactory(community=world.a1, requester_phone="13700001234", requester_name="王小明")
    coordinator = client_as("community")
    coordinator.patch(f"/api/needs/{need.pk}/", {"requester_phone": "13911112222", "requester_name": "王大明"})
    # then neither number is in the history whole, nor the names
    latest = _history(coordinator, "need", need.pk).json()["results"][0]
    assert latest["changes"] == [
        {"field": "requester_name", "label": "requester", "old": "王**", "new": "王**"},
        {"field": "requester_phone", "label": "requester phone", "old": "137****1234", "new": "139****2222"},
    ]
    stored = str(
        LogEntry.objects.filter(object_id=need.pk)
        .values_list("changes", "changes_text")
        .get(action=LogEntry.Action.UPDATE)
    )
    assert "13911112222" not in stored and "王大明" not in stored


def test_a_coordinator_of_another_community_gets_404_for_the_objects_history(world, client_as):
    # given a need of A1 and the coordinator of B1
    need = f.NeedFactory(community=world.a1)
    other = f.UserFactory(username="xizhan", role=User.Role.COMMUNITY, community=world.b1)
    client = client_as("anonymous")
    client.force_authenticate(other)
    # when they ask for its history
    response = _history(client, "need", need.pk)
    # then it does not exist for them
    assert response.status_code == 404
    assert response.json() == {"message": "Not found.", "extra": {"code": "not_found", "fields": {}}}


@pytest.mark.parametrize("role", ["volunteer", "unit"])
def test_volunteers_and_units_may_not_read_the_history(world, client_as, role):
    need = f.NeedFactory(community=world.a1)
    response = _history(client_as(role), "need", need.pk)
    assert response.status_code == 403
    assert response.json() == {
        "message": "Only coordinators read the audit history.",
        "extra": {"code": "permission_denied", "fields": {}},
    }


def test_a_list_without_an_object_holds_only_the_scopes_objects(world, client_as):
    # given needs of A1, A2 (same sub-district) and B1
    mine, sibling, far = (f.NeedFactory(community=c) for c in (world.a1, world.a2, world.b1))

    # then A1's coordinator reads A1's, the sub-district's reads A1 and A2, the administrator all three
    def objects(role):
        return {row["object_id"] for row in _history(client_as(role), "need").json()["results"]}

    assert objects("community") == {mine.pk}
    assert objects("subdistrict") == {mine.pk, sibling.pk}
    assert objects("admin") == {mine.pk, sibling.pk, far.pk}


def test_the_administrator_reads_the_history_of_a_deleted_object(world, client_as):
    need = f.NeedFactory(community=world.a1)
    need_id = need.pk
    assert client_as("admin").delete(f"/api/needs/{need_id}/").status_code == 204
    rows = _history(client_as("admin"), "need", need_id).json()["results"]
    assert [row["action"] for row in rows] == ["delete", "create"]
    assert rows[0]["actor_name"] == "admin"
    # coordinators see the histories of the objects they can see: a deleted one is gone for them
    assert _history(client_as("community"), "need", need_id).status_code == 404


def test_filters_by_actor_and_by_date(world, client_as):
    need = f.NeedFactory(community=world.a1)
    client_as("community").patch(f"/api/needs/{need.pk}/", {"urgency": 4})
    client_as("subdistrict").patch(f"/api/needs/{need.pk}/", {"urgency": 5})
    admin = client_as("admin")
    by_actor = _history(admin, "need", need.pk, actor=world.users["subdistrict"].pk).json()["results"]
    assert [(row["actor_name"], row["changes"][0]["new"]) for row in by_actor] == [("jiedao", "5")]
    today = timezone.localdate()
    assert _history(admin, "need", need.pk, date_from=today, date_to=today).json()["count"] == 3
    assert _history(admin, "need", need.pk, date_to=today - dt.timedelta(days=1)).json()["count"] == 0
    response = _history(admin, "need", need.pk, date_from=today, date_to=today - dt.timedelta(days=1))
    assert response.status_code == 400
    assert response.json()["extra"]["fields"] == {"date_to": ["The end of the range comes before its start."]}


def test_an_unknown_model_is_refused(world, client_as):
    response = _history(client_as("admin"), "community")
    assert response.status_code == 400
    assert response.json()["extra"]["fields"] == {"model": ['"community" is not a valid choice.']}


def test_a_matching_runs_history_follows_the_planning_scope(world, client_as):
    # given a run of A1 started by its coordinator and then cancelled
    run = _run(world.a1, world.users["community"])
    run.status = MatchingRun.Status.CANCELLED
    run.save()
    # then A1's and S1's coordinators read its history, B1's gets 404
    rows = _history(client_as("subdistrict"), "matching_run", run.pk).json()["results"]
    assert [row["action"] for row in rows] == ["update", "create"]
    assert rows[0]["changes"] == [{"field": "status", "label": "status", "old": "queued", "new": "cancelled"}]
    assert _history(client_as("community"), "matching_run", run.pk).status_code == 200
    other = f.UserFactory(role=User.Role.SUBDISTRICT, sub_district=world.s2)
    client = client_as("anonymous")
    client.force_authenticate(other)
    assert _history(client, "matching_run", run.pk).status_code == 404


def test_every_tracked_model_is_registered(world):
    from auditlog.registry import auditlog

    from audit.tracked import TRACKED

    assert all(auditlog.contains(tracked.model) for tracked in TRACKED.values())
    assert Need in {tracked.model for tracked in TRACKED.values()}


def test_the_recorded_address_is_the_callers_not_a_forged_header(world, client_as):
    need = f.NeedFactory(community=world.a1)
    client_as("community").patch(
        f"/api/needs/{need.pk}/", {"urgency": 4}, REMOTE_ADDR="10.1.2.3", HTTP_X_FORWARDED_FOR="6.6.6.6"
    )
    assert LogEntry.objects.get_for_object(need).first().remote_addr == "10.1.2.3"


def test_changes_made_in_bulk_are_recorded_at_the_run_level_by_a_service_call(world, client_as):
    # given a run whose status a worker moved with a conditional update, and whose plan it saved in bulk
    from audit.services import NotTracked, audit_record_change

    run = _run(world.a1, world.users["community"])
    MatchingRun.objects.filter(pk=run.pk).update(status=MatchingRun.Status.DONE)
    # when the worker records it
    audit_record_change(instance=run, changes={"status": ("queued", "done"), "assignments": (0, 12)})
    # then the history shows it, by the system
    latest = _history(client_as("community"), "matching_run", run.pk).json()["results"][0]
    assert (latest["action"], latest["actor_name"]) == ("update", "System")
    assert latest["changes"] == [
        {"field": "assignments", "label": "assignments", "old": "0", "new": "12"},
        {"field": "status", "label": "status", "old": "queued", "new": "done"},
    ]
    with pytest.raises(NotTracked):
        audit_record_change(instance=world.a1, changes={"name": ("a", "b")})
