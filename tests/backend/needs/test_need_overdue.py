"""Time-limited completion (限时办结): open needs past their deadline are flagged in the list and detail,
filtered, told to their owner once by the beat task, and counted for the dashboard in the caller's scope."""

import datetime as dt

import pytest
from django.utils import timezone

import factories as f
from needs.models import Need
from needs.services import need_notify_overdue, need_transition
from needs.tasks import flag_overdue_task
from notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_language():
    return "en"


def _days(n: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=n)


def _finished(community, *, deadline: dt.date, on: dt.date, status="completed"):
    need = f.NeedFactory(community=community, deadline=deadline, status=status)
    finished_at = timezone.make_aware(dt.datetime.combine(on, dt.time(23, 30)))
    Need.objects.filter(pk=need.pk).update(finished_at=finished_at)
    return need


@pytest.mark.parametrize(
    ("status", "deadline", "overdue"),
    [
        ("pending", -1, True),
        ("claimed", -30, True),
        ("in_service", -1, True),
        ("published", 0, False),
        ("published", 3, False),
        ("completed", -1, False),
        ("rated", -1, False),
        ("closed", -1, False),
    ],
)
def test_the_overdue_flag_in_list_and_detail(world, client_as, status, deadline, overdue):
    need = f.NeedFactory(community=world.a1, status=status, deadline=_days(deadline))
    client = client_as("community")
    assert client.get(f"/api/needs/{need.pk}/").json()["overdue"] is overdue
    assert client.get("/api/needs/").json()["results"][0]["overdue"] is overdue


def test_a_need_without_deadline_is_never_overdue(world, client_as):
    need = f.NeedFactory(community=world.a1, status="pending", deadline=None)
    assert client_as("community").get(f"/api/needs/{need.pk}/").json()["overdue"] is False


def test_the_overdue_filter(world, client_as):
    # given
    late = f.NeedFactory(community=world.a1, status="published", deadline=_days(-2))
    due_today = f.NeedFactory(community=world.a1, status="published", deadline=_days(0))
    done = f.NeedFactory(community=world.a1, status="completed", deadline=_days(-2))
    no_deadline = f.NeedFactory(community=world.a1, status="published", deadline=None)
    f.NeedFactory(community=world.b1, status="published", deadline=_days(-2))  # out of scope
    client = client_as("community")

    # then
    assert [r["id"] for r in client.get("/api/needs/", {"overdue": "true"}).json()["results"]] == [late.pk]
    assert [r["id"] for r in client.get("/api/needs/", {"overdue": "false"}).json()["results"]] == [
        no_deadline.pk,
        done.pk,
        due_today.pk,
    ]


def test_finishing_a_need_records_when_and_rating_keeps_it(world):
    need = f.NeedFactory(community=world.a1, status="in_service")
    need = need_transition(need=need, status="completed")
    finished_at = need.finished_at
    assert finished_at is not None
    need = need_transition(need=need, status="rated")
    assert need.finished_at == finished_at


def test_closing_an_open_need_finishes_it(world):
    need = need_transition(need=f.NeedFactory(community=world.a1, status="pending"), status="closed")
    assert need.finished_at is not None


def test_the_task_run_twice_tells_each_owner_once(world, eager):
    # given two overdue needs of the community coordinator, one without an owner, one not yet due
    owner = world.users["community"]
    late = f.NeedFactory(community=world.a1, status="claimed", deadline=_days(-1), owner=owner, title="修理楼道灯")
    f.NeedFactory(community=world.a1, status="published", deadline=_days(-5), owner=owner)
    f.NeedFactory(community=world.a1, status="published", deadline=_days(-5), owner=None)
    f.NeedFactory(community=world.a1, status="published", deadline=_days(1), owner=owner)

    # when
    first = flag_overdue_task.delay().get()
    second = flag_overdue_task.delay().get()

    # then
    assert first == {"overdue": 2, "notified": 2}
    assert second == {"overdue": 2, "notified": 0}
    rows = Notification.objects.filter(recipient=owner).order_by("pk")
    assert rows.count() == 2
    notice = rows.get(event_key=f"need_overdue:need:{late.pk}")
    assert notice.kind == Notification.Kind.NEED_OVERDUE
    assert notice.title == "Need past its deadline: 修理楼道灯"
    assert notice.body == f'The need "修理楼道灯" (秦江社区) was due on {_days(-1).isoformat()} and is still Claimed.'
    assert notice.payload == {"need": late.pk, "deadline": _days(-1).isoformat()}


def test_a_need_finished_after_being_flagged_is_not_flagged_again(world):
    owner = world.users["community"]
    need = f.NeedFactory(community=world.a1, status="in_service", deadline=_days(-1), owner=owner)
    need_notify_overdue()
    need_transition(need=need, status="completed")
    assert need_notify_overdue() == {"overdue": 0, "notified": 0}
    assert Notification.objects.count() == 1


@pytest.fixture
def deadlines(world):
    """A1: one overdue, one finished on its deadline day, one finished a day late, one finished early without
    a deadline, one open and not yet due. A2 (S1): one overdue. B1 (S2): one overdue, one late."""
    f.NeedFactory(community=world.a1, status="published", deadline=_days(-3))
    _finished(world.a1, deadline=_days(-10), on=_days(-10))
    _finished(world.a1, deadline=_days(-10), on=_days(-9), status="rated")
    _finished(world.a1, deadline=None, on=_days(-9))  # without a deadline: not counted
    f.NeedFactory(community=world.a1, status="claimed", deadline=_days(2))
    f.NeedFactory(community=world.a2, status="in_service", deadline=_days(-1))
    f.NeedFactory(community=world.b1, status="pending", deadline=_days(-1))
    _finished(world.b1, deadline=_days(-10), on=_days(-2), status="closed")


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("community", {"overdue": 1, "closed_in_time": 1, "closed_late": 1}),
        ("subdistrict", {"overdue": 2, "closed_in_time": 1, "closed_late": 1}),
        ("admin", {"overdue": 3, "closed_in_time": 1, "closed_late": 2}),
        ("unit", {"overdue": 0, "closed_in_time": 0, "closed_late": 0}),
        ("volunteer", {"overdue": 0, "closed_in_time": 0, "closed_late": 0}),
    ],
)
def test_overdue_counts_in_the_callers_scope(client_as, deadlines, role, expected):
    response = client_as(role).get("/api/needs/overdue-count/")
    assert response.status_code == 200
    assert response.json() == {"today": timezone.localdate().isoformat(), **expected}


def test_overdue_counts_need_a_signed_in_caller(client_as):
    assert client_as("anonymous").get("/api/needs/overdue-count/").status_code == 401
