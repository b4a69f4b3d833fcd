"""Backfill after a decline, in-process with the real matching.repair on a tiny world: the freed seat goes
to a free qualified volunteer, the decliner's row stays marked declined, everyone concerned is told once."""

import pytest

import factories as f
from notifications.models import Notification
from planning.models import Assignment, UnfilledSeat
from volunteering import services
from volunteering.models import AssignmentResponse, Backfill
from volunteering.tasks import backfill_task

from .volunteering_world import SATURDAY

pytestmark = pytest.mark.django_db


def _free_on_saturday(volunteer):
    f.WeeklyAvailabilityFactory(volunteer=volunteer, weekday=SATURDAY.isoweekday())  # 09:00-12:00
    return volunteer


def _decline(client_as, assignment, capture):
    with capture(execute=True):
        response = client_as("volunteer").post(f"/api/me/posts/{assignment.pk}/decline/", {"reason": "家中有事"})
    assert response.status_code == 200


def test_decline_frees_the_seat_for_a_free_qualified_volunteer(
    world, client_as, plan, eager, django_capture_on_commit_callbacks
):
    # given V1 and 张三 on the Saturday patrol, and 李四 of A1 free on Saturday morning
    for volunteer in (world.v1, plan["colleague"]):
        _free_on_saturday(volunteer)
    lisi = _free_on_saturday(f.VolunteerFactory(home_community=world.a1, name="李四"))
    # when V1 declines (the backfill runs in this process, eager) and the task is delivered a second time
    _decline(client_as, plan["mine"], django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        backfill_task(plan["mine"].pk)
    # then 李四 holds the freed seat in the same run, V1's row is kept and marked declined
    new = Assignment.objects.get(run=plan["run"], volunteer=lisi)
    assert (new.shift_id, new.source) == (plan["shift"].pk, Assignment.Source.SOLVER)
    assert Assignment.objects.filter(pk=plan["mine"].pk).exists()
    assert AssignmentResponse.objects.get(assignment=plan["mine"]).status == "declined"
    backfill = Backfill.objects.get()
    assert (backfill.run_id, backfill.declined_id, backfill.new_assignments, backfill.moved, backfill.unfilled) == (
        plan["run"].pk,
        plan["mine"].pk,
        [new.pk],
        0,
        0,
    )
    assert not UnfilledSeat.objects.exists()
    # and 李四 and the coordinator were told, once each
    told = Notification.objects.get(event_key=f"backfill:{new.pk}")
    assert told.recipient_id == lisi.user_id
    assert told.payload == {"assignment": new.pk, "shift": plan["shift"].pk, "run": plan["run"].pk}
    report = Notification.objects.get(event_key=f"backfill:declined:{plan['mine'].pk}")
    assert report.recipient_id == world.users["community"].pk
    assert report.title == "已自动补位：周六治安巡逻"
    assert Notification.objects.filter(event_key__startswith="backfill:").count() == 2


def test_the_new_person_sees_the_post_and_the_decliner_sees_it_declined(
    world, client_as, plan, eager, django_capture_on_commit_callbacks
):
    for volunteer in (world.v1, plan["colleague"]):
        _free_on_saturday(volunteer)
    lisi = _free_on_saturday(f.VolunteerFactory(home_community=world.a1, name="李四"))
    _decline(client_as, plan["mine"], django_capture_on_commit_callbacks)
    # then V1's post says declined, and the others on the shift are 张三 and 李四 (not V1)
    mine = client_as("volunteer").get("/api/me/posts/").json()["results"]
    assert [(row["status"], row["reason"]) for row in mine] == [("declined", "家中有事")]
    new = Assignment.objects.get(volunteer=lisi)
    others = services.selectors.colleague_names(assignments=[new])
    assert others == {new.pk: ["张三"]}


def test_backfill_with_nobody_available_adds_an_unfilled_seat(
    world, client_as, plan, eager, django_capture_on_commit_callbacks
):
    # given nobody else is free on Saturday, and the run already lacked one seat on the shift
    for volunteer in (world.v1, plan["colleague"]):
        _free_on_saturday(volunteer)
    UnfilledSeat.objects.create(run=plan["run"], shift=plan["shift"], missing=1)
    # when V1 declines
    _decline(client_as, plan["mine"], django_capture_on_commit_callbacks)
    # then the seat is unfilled (+1), nobody was added, and the coordinator hears of it
    assert UnfilledSeat.objects.get(run=plan["run"], shift=plan["shift"]).missing == 2
    assert Assignment.objects.filter(run=plan["run"]).count() == 2
    assert Backfill.objects.get().unfilled == 1
    report = Notification.objects.get(event_key=f"backfill:declined:{plan['mine'].pk}")
    assert (report.recipient_id, report.title) == (world.users["community"].pk, "补位未成功：周六治安巡逻")
    assert report.payload["unfilled"] == 1


def test_backfill_without_a_decline_does_nothing(world, plan):
    # given V1 accepted
    AssignmentResponse.objects.create(assignment=plan["mine"], status="accepted", answered_at=plan["run"].created_at)
    # then a stray backfill task changes nothing
    assert backfill_task(plan["mine"].pk) == {"assignment": plan["mine"].pk, "backfilled": False}
    assert not Backfill.objects.exists()
    assert Assignment.objects.count() == 2


def test_backfill_that_moves_a_person_keeps_their_old_row_marked_moved(
    world, client_as, eager, django_capture_on_commit_callbacks
):
    # given V1 (legal advice) on the Saturday legal desk, 王五 (legal advice) on a patrol at the same time,
    # and 赵六, free but without the skill: only a move fills the desk
    from .volunteering_world import assign, make_run, make_shift

    run = make_run(world.a1, created_by=world.users["community"])
    desk = make_shift(world.a1, title="法律咨询台", seats=1, required_skills={"legal_advice": 1})
    patrol = make_shift(world.a1, title="巡逻", seats=1)
    wangwu = _free_on_saturday(f.VolunteerFactory(home_community=world.a1, name="王五", skills={"legal_advice": 2}))
    zhaoliu = _free_on_saturday(f.VolunteerFactory(home_community=world.a1, name="赵六"))
    _free_on_saturday(world.v1)
    mine, wangwu_patrol = assign(run, desk, world.v1), assign(run, patrol, wangwu)
    # when V1 declines
    _decline(client_as, mine, django_capture_on_commit_callbacks)
    # then 王五 moves to the desk, 赵六 takes the patrol, and 王五's patrol row stays, marked moved
    pairs = set(
        Assignment.objects.filter(run=run)
        .exclude(response__status__in=AssignmentResponse.OFF)
        .values_list("volunteer_id", "shift_id")
    )
    assert pairs == {(wangwu.pk, desk.pk), (zhaoliu.pk, patrol.pk)}
    assert AssignmentResponse.objects.get(assignment=wangwu_patrol).status == "moved"
    backfill = Backfill.objects.get()
    assert (backfill.moved, backfill.unfilled, len(backfill.new_assignments)) == (1, 0, 2)
    assert Notification.objects.filter(event_key=f"backfill:moved:{wangwu_patrol.pk}", recipient=wangwu.user).exists()
