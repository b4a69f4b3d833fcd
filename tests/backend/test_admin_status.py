"""The admin shows status fields read-only; a status changes only through an admin action that calls the service,
so the domain's rules apply and the audit log (or the record's own history) says who changed what."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

import factories as f
from accounts.models import User
from allocation.models import AllocationRun
from needs.models import Need
from planning import services as planning
from planning.models import Assignment, MatchingRun
from records.models import RecordChange, ServiceRecord
from records.services import record_create_manual
from volunteering.models import AssignmentResponse

pytestmark = pytest.mark.django_db
WEEK = dt.date(2026, 11, 30)


@pytest.fixture
def staff(client, world):
    root = f.UserFactory(username="root", role=User.Role.ADMIN, is_staff=True, is_superuser=True)
    client.force_login(root)
    return client


def _matching_run(world):
    return planning.matching_run_start(user=world.users["admin"], week=WEEK, community=world.a1.pk, time_limit=10)


def _allocation_run(world):
    return AllocationRun.objects.create(
        level="community",
        scope_key=f"community:{world.a1.pk}",
        sub_district=world.s1,
        community=world.a1,
        year=2027,
        version=1,
        time_limit=10.0,
    )


def _need(world):
    return f.NeedFactory(community=world.a1)


def _record(world):
    return record_create_manual(
        user=world.users["community"],
        volunteer_id=world.v1.pk,
        date=timezone.localdate() - dt.timedelta(days=1),
        title="助老",
        minutes=60,
        evidence="照片",
    )


def _response(world):
    run = MatchingRun.objects.create(
        level=MatchingRun.Level.COMMUNITY,
        scope_key=f"community:{world.a1.pk}",
        district_id=world.s1.district_id,
        sub_district=world.s1,
        community=world.a1,
        week=WEEK,
        version=1,
        status=MatchingRun.Status.DONE,
        time_limit=10.0,
        solver="highs",
    )
    shift = f.ShiftFactory(community=world.a1)
    assignment = Assignment.objects.create(run=run, shift=shift, volunteer=world.v1)
    return AssignmentResponse.objects.create(
        assignment=assignment, status=AssignmentResponse.Status.ACCEPTED, answered_at=timezone.now()
    )


def _change_url(row) -> str:
    return reverse(f"admin:{row._meta.app_label}_{row._meta.model_name}_change", args=[row.pk])


def _changelist_url(model) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


@pytest.mark.parametrize("make", [_matching_run, _allocation_run, _need, _record, _response])
def test_the_change_form_shows_the_status_but_offers_no_field_for_it(staff, world, make):
    # given a stored row
    row = make(world)
    # when staff open its change form
    response = staff.get(_change_url(row))
    # then the status is shown, read-only
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="status"' not in html
    assert "field-status" in html


def test_cancelling_runs_in_the_admin_goes_through_the_service(staff, world):
    # given a queued run
    run = _matching_run(world)
    # when staff cancel it with the admin action
    response = staff.post(_changelist_url(MatchingRun), {"action": "cancel_runs", "_selected_action": [run.pk]})
    # then the service cancelled it and wrote its audit entry
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.status == "cancelled"
    entry = LogEntry.objects.get_for_object(run).filter(action=LogEntry.Action.UPDATE).latest("timestamp")
    assert entry.changes_dict == {"status": ["queued", "cancelled"]}


def test_cancelling_an_allocation_run_in_the_admin_goes_through_the_service(staff, world):
    run = _allocation_run(world)
    staff.post(_changelist_url(AllocationRun), {"action": "cancel_runs", "_selected_action": [run.pk]})
    run.refresh_from_db()
    assert run.status == "cancelled"
    entry = LogEntry.objects.get_for_object(run).filter(action=LogEntry.Action.UPDATE).latest("timestamp")
    assert entry.changes_dict == {"status": ["queued", "cancelled"]}


def test_a_refused_move_is_reported_and_the_other_rows_move(staff, world):
    # given a pending need and a closed one
    pending, closed = _need(world), _need(world)
    Need.objects.filter(pk=closed.pk).update(status=Need.Status.CLOSED)
    # when staff publish both
    response = staff.post(
        _changelist_url(Need), {"action": "publish_needs", "_selected_action": [pending.pk, closed.pk]}, follow=True
    )
    # then the pending one is published (with the audit entry of its save) and the closed one is refused, named
    assert dict(Need.objects.values_list("pk", "status")) == {pending.pk: "published", closed.pk: "closed"}
    entry = LogEntry.objects.get_for_object(pending).filter(action=LogEntry.Action.UPDATE).latest("timestamp")
    assert entry.changes_dict["status"] == ["pending", "published"]
    assert entry.actor.username == "root"
    texts = [str(message) for message in response.context["messages"]]
    assert len(texts) == 2
    assert texts[0].startswith(f"{closed}: ")


def test_approving_records_in_the_admin_leaves_the_record_s_history(staff, world):
    record = _record(world)
    staff.post(_changelist_url(ServiceRecord), {"action": "approve_records", "_selected_action": [record.pk]})
    record.refresh_from_db()
    assert (record.status, record.reviewed_by.username) == ("approved", "root")
    assert list(RecordChange.objects.filter(record=record).values_list("field", "old", "new")) == [
        ("status", "pending", "approved")
    ]
