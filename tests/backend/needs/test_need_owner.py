"""首问责任 and 限时办结 when a need is filed and handed over: the coordinator who files a need owns it, its deadline
defaults from the district's table by category and urgency, and an owner hands it over to a colleague whose scope
covers its community, with a reason; the need's owner history keeps every owner, and the audit log the change."""

import datetime as dt
import threading

import pytest
from auditlog.models import LogEntry
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

import factories as f
from accounts.models import User
from needs.models import Need, NeedDeadlineRule, NeedOwnership
from needs.services import NotOwner, need_hand_over

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_deadlines")]


@pytest.fixture
def api_language():
    return "en"


def _new_need(**overrides) -> dict:
    return {"title": "助老理发", "source": "resident", "category": "elderly", "type": "service", **overrides}


def _days(n: int) -> str:
    return (timezone.localdate() + dt.timedelta(days=n)).isoformat()


def _owned(world, role="community", community=None, **fields) -> Need:
    owner = world.users[role]
    need = f.NeedFactory(community=community or world.a1, owner=owner, **fields)
    NeedOwnership.objects.create(need=need, owner=owner, since=need.created_at, assigned_by=owner)
    return need


def _hand_over(client, need, to_user, reason="休假两周"):
    return client.post(f"/api/needs/{need.pk}/hand-over/", {"to_user": to_user, "reason": reason}, format="json")


# ---- defaults when a need is filed ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("category", "urgency", "days"),
    [
        ("elderly", 3, 7),
        ("elderly", 5, 1),
        ("elderly", 1, 15),
        ("safety", 3, 3),
        ("health", 4, 1),
        ("hardship", 1, 7),
    ],
)
def test_the_deadline_defaults_from_the_seeded_table(world, client_as, category, urgency, days):
    # given the table the data migration seeds
    # when a need is filed without a deadline
    response = client_as("community").post(
        "/api/needs/", _new_need(community=world.a1.pk, category=category, urgency=urgency), format="json"
    )
    # then
    assert response.status_code == 201, response.content
    assert response.json()["deadline"] == _days(days)


def test_the_district_edits_the_table_and_new_needs_follow_it(world, client_as):
    # given
    NeedDeadlineRule.objects.filter(category="culture", urgency=2).update(days=30)
    # when
    response = client_as("community").post(
        "/api/needs/", _new_need(community=world.a1.pk, category="culture", urgency=2), format="json"
    )
    # then
    assert response.json()["deadline"] == _days(30)


def test_a_deadline_given_is_kept_and_a_pair_without_a_rule_has_none(world, client_as):
    client = client_as("community")
    given = client.post("/api/needs/", _new_need(community=world.a1.pk, deadline=_days(40)), format="json")
    assert given.json()["deadline"] == _days(40)
    NeedDeadlineRule.objects.filter(category="legal", urgency=3).delete()
    without = client.post("/api/needs/", _new_need(community=world.a1.pk, category="legal"), format="json")
    assert (without.status_code, without.json()["deadline"]) == (201, None)


def test_the_filer_owns_the_need_from_the_start_of_its_history(world, client_as):
    # when
    response = client_as("subdistrict").post("/api/needs/", _new_need(community=world.a2.pk), format="json")
    # then
    body = response.json()
    jiedao = world.users["subdistrict"]
    assert (body["owner"], body["owner_name"]) == (jiedao.pk, "jiedao")
    history = client_as("subdistrict").get(f"/api/needs/{body['id']}/owners/").json()
    assert history == [
        {
            "owner": jiedao.pk,
            "owner_name": "jiedao",
            "since": history[0]["since"],
            "assigned_by": jiedao.pk,
            "assigned_by_name": "jiedao",
            "reason": "",
        }
    ]


def test_coordinators_read_the_whole_table_for_the_forms_preview(world, client_as):
    # when
    response = client_as("community").get("/api/needs/deadline-rules/")
    # then
    assert response.status_code == 200
    rows = response.json()
    assert len(rows) == len(Need.Category) * 5
    assert rows[:2] == [
        {"category": "children", "urgency": 5, "days": 1},
        {"category": "children", "urgency": 4, "days": 3},
    ]
    assert {"category": "safety", "urgency": 1, "days": 7} in rows
    assert client_as("volunteer").get("/api/needs/deadline-rules/").status_code == 403


def test_the_districts_administrator_sets_rows_of_the_table_and_new_needs_follow(world, client_as):
    # given a need filed before
    before = f.NeedFactory(community=world.a1, category="legal", urgency=2, deadline=dt.date(2026, 12, 20))
    # when the administrator sets two rows
    response = client_as("admin").put(
        "/api/needs/deadline-rules/",
        {
            "rules": [
                {"category": "legal", "urgency": 2, "days": 20},
                {"category": "safety", "urgency": 5, "days": 2},
            ]
        },
        format="json",
    )
    # then the table has them, the others keep theirs, and a new need follows the table
    assert response.status_code == 200
    assert {"category": "legal", "urgency": 2, "days": 20} in response.json()
    assert {"category": "safety", "urgency": 5, "days": 2} in response.json()
    assert {"category": "legal", "urgency": 3, "days": 7} in response.json()
    filed = client_as("community").post(
        "/api/needs/", _new_need(community=world.a1.pk, category="legal", urgency=2), format="json"
    )
    assert filed.json()["deadline"] == _days(20)
    before.refresh_from_db()
    assert before.deadline == dt.date(2026, 12, 20)


@pytest.mark.parametrize("role", ["community", "subdistrict"])
def test_coordinators_read_but_do_not_set_the_table(world, client_as, role):
    response = client_as(role).put(
        "/api/needs/deadline-rules/", {"rules": [{"category": "legal", "urgency": 2, "days": 1}]}, format="json"
    )
    assert response.status_code == 403
    assert response.json() == {
        "message": "Only the district's administrators may change the deadline rules.",
        "extra": {"code": "permission_denied", "fields": {}},
    }
    assert NeedDeadlineRule.objects.get(category="legal", urgency=2).days == 10


@pytest.mark.parametrize(
    "body",
    [
        {"rules": []},
        {"rules": [{"category": "legal", "urgency": 2, "days": 0}]},
        {"rules": [{"category": "legal", "urgency": 2, "days": 366}]},
        {"rules": [{"category": "legal", "urgency": 6, "days": 3}]},
        {"rules": [{"category": "spaceship", "urgency": 2, "days": 3}]},
        {"rules": [{"category": "legal", "urgency": 2, "days": 3}, {"category": "legal", "urgency": 2, "days": 4}]},
        {},
    ],
)
def test_bad_rows_are_400_naming_the_rules_and_change_nothing(world, client_as, body):
    response = client_as("admin").put("/api/needs/deadline-rules/", body, format="json")
    assert response.status_code == 400
    assert (response.json()["extra"]["code"], list(response.json()["extra"]["fields"])) == ("invalid", ["rules"])
    assert NeedDeadlineRule.objects.get(category="legal", urgency=2).days == 10


def test_the_table_holds_one_row_per_category_and_urgency(world):
    assert NeedDeadlineRule.objects.count() == len(Need.Category) * 5
    with pytest.raises(IntegrityError), transaction.atomic():
        NeedDeadlineRule.objects.create(category="elderly", urgency=3, days=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        NeedDeadlineRule.objects.filter(category="elderly", urgency=3).update(days=0)


# ---- hand-over ----------------------------------------------------------------------------------------------------


def test_the_owner_hands_the_need_to_a_colleague_and_the_history_shows_both(world, client_as):
    # given a need owned by the community's coordinator
    need = _owned(world)
    colleague = f.UserFactory(username="shequ2", display_name="李四", role=User.Role.COMMUNITY, community=world.a1)
    client = client_as("community")

    # when they hand it over
    response = _hand_over(client, need, colleague.pk)

    # then the colleague owns it, and the history shows who, since when, by whom and why
    assert response.status_code == 200, response.content
    assert (response.json()["owner"], response.json()["owner_name"]) == (colleague.pk, "李四")
    need.refresh_from_db()
    assert need.owner == colleague
    history = client.get(f"/api/needs/{need.pk}/owners/").json()
    shequ = world.users["community"]
    assert [
        (row["owner"], row["owner_name"], row["assigned_by"], row["assigned_by_name"], row["reason"]) for row in history
    ] == [
        (shequ.pk, "shequ", shequ.pk, "shequ", ""),
        (colleague.pk, "李四", shequ.pk, "shequ", "休假两周"),
    ]
    assert history[0]["since"] < history[1]["since"]


def test_the_new_owner_is_told_in_the_app_once_per_hand_over(world, client_as):
    from notifications.models import Notification

    # given a need owned by the community's coordinator, due in a week
    need = _owned(world, title="楼道灯维修", deadline=timezone.localdate() + dt.timedelta(days=7))
    subdistrict = world.users["subdistrict"]
    # when they hand it to the sub-district's coordinator, who hands it back, and it comes to them again
    for client, to_user in (
        (client_as("community"), subdistrict),
        (client_as("subdistrict"), world.users["community"]),
        (client_as("community"), subdistrict),
    ):
        assert _hand_over(client, need, to_user.pk, reason="休假两周").status_code == 200
    # then each new owner is told of each hand-over, in the app, with the need, its deadline and the reason
    notices = list(Notification.objects.filter(kind="need_handed_over").order_by("pk"))
    assert [notice.recipient for notice in notices] == [subdistrict, world.users["community"], subdistrict]
    first = notices[0]
    assert first.title == "Need handed over to you: 楼道灯维修"
    assert first.body == (
        f"秦江社区: the need 楼道灯维修 is now yours to follow up. Deadline: {need.deadline.isoformat()}. "
        "Reason: 休假两周"
    )
    assert first.payload == {
        "need": need.pk,
        "community": world.a1.pk,
        "by": world.users["community"].pk,
        "reason": "休假两周",
    }
    assert len({notice.event_key for notice in notices}) == 3


def test_a_coordinator_who_takes_a_need_themselves_is_not_told(world, client_as):
    from notifications.models import Notification

    need = _owned(world)
    response = _hand_over(client_as("subdistrict"), need, world.users["subdistrict"].pk, reason="原负责人调岗")
    assert response.status_code == 200, response.json()
    assert not Notification.objects.filter(kind="need_handed_over").exists()


def test_a_hand_over_is_in_the_needs_audit_history(world, client_as):
    need = _owned(world)
    _hand_over(client_as("community"), need, world.users["subdistrict"].pk)
    changes = [entry.changes_dict for entry in LogEntry.objects.get_for_object(need)]
    assert {"owner": [str(world.users["community"].pk), str(world.users["subdistrict"].pk)]} in changes


@pytest.mark.parametrize("target", ["subdistrict", "admin"])
def test_coordinators_above_the_community_are_colleagues_too(world, client_as, target):
    need = _owned(world)
    response = _hand_over(client_as("community"), need, world.users[target].pk)
    assert (response.status_code, response.json()["owner"]) == (200, world.users[target].pk)


def _colleague_elsewhere(world):
    return f.UserFactory(role=User.Role.COMMUNITY, community=world.a2)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (lambda w: _colleague_elsewhere(w).pk, "Choose an active coordinator whose scope covers 秦江社区."),
        (
            lambda w: f.UserFactory(role=User.Role.SUBDISTRICT, sub_district=w.s2).pk,
            "Choose an active coordinator whose scope covers 秦江社区.",
        ),
        (lambda w: w.v1.user.pk, "Choose an active coordinator whose scope covers 秦江社区."),
        (lambda w: w.users["unit"].pk, "Choose an active coordinator whose scope covers 秦江社区."),
        (
            lambda w: f.UserFactory(role=User.Role.COMMUNITY, community=w.a1, is_active=False).pk,
            "Choose an active coordinator whose scope covers 秦江社区.",
        ),
        (lambda w: 999999, "Choose an active coordinator whose scope covers 秦江社区."),
        (lambda w: w.users["community"].pk, "This colleague already owns the need."),
    ],
)
def test_only_another_active_coordinator_covering_the_community_takes_it(world, client_as, target, message):
    # given
    need = _owned(world)
    # when
    response = _hand_over(client_as("community"), need, target(world))
    # then a 400 naming the field, and nothing changes
    assert response.status_code == 400
    assert response.json() == {
        "message": message,
        "extra": {"code": "not_a_colleague", "fields": {"to_user": [message]}},
    }
    need.refresh_from_db()
    assert need.owner == world.users["community"]
    assert need.ownerships.count() == 1


def test_a_community_coordinator_who_is_not_the_owner_is_refused(world, client_as):
    # given a need of the community owned by another of its coordinators
    other = f.UserFactory(role=User.Role.COMMUNITY, community=world.a1)
    need = f.NeedFactory(community=world.a1, owner=other)
    # when the caller tries to give it to themself
    response = _hand_over(client_as("community"), need, world.users["community"].pk)
    # then
    assert response.status_code == 403
    assert response.json() == {
        "message": "Only the need's owner, or a coordinator overseeing it, can hand it over.",
        "extra": {"code": "not_owner", "fields": {}},
    }
    need.refresh_from_db()
    assert need.owner == other


@pytest.mark.parametrize("role", ["subdistrict", "admin"])
def test_a_coordinator_overseeing_the_community_reassigns_an_absent_owners_need(world, client_as, role):
    other = f.UserFactory(role=User.Role.COMMUNITY, community=world.a1)
    need = f.NeedFactory(community=world.a1, owner=other)
    response = _hand_over(client_as(role), need, world.users["community"].pk, reason="原负责人调岗")
    assert (response.status_code, response.json()["owner"]) == (200, world.users["community"].pk)
    assert [(row.owner, row.assigned_by) for row in need.ownerships.all()] == [
        (other, None),
        (world.users["community"], world.users[role]),
    ]


def test_a_need_without_an_owner_is_taken_by_a_coordinator_in_scope(world, client_as):
    need = f.NeedFactory(community=world.a1, owner=None)
    response = _hand_over(client_as("community"), need, world.users["community"].pk, reason="认领")
    assert (response.status_code, response.json()["owner"]) == (200, world.users["community"].pk)


@pytest.mark.parametrize("status", ["completed", "rated", "closed"])
def test_a_finished_need_keeps_its_owner(world, client_as, status):
    need = _owned(world, status=status)
    response = _hand_over(client_as("community"), need, world.users["subdistrict"].pk)
    assert response.status_code == 409
    assert response.json()["extra"]["code"] == "not_open"
    need.refresh_from_db()
    assert need.owner == world.users["community"]


@pytest.mark.parametrize(
    ("role", "inside", "expected"),
    [
        ("volunteer", True, 403),
        ("unit", True, 403),
        ("anonymous", True, 401),
        ("community", False, 404),
        ("subdistrict", False, 404),
        ("admin", False, 200),
        ("subdistrict", True, 200),
    ],
)
def test_only_coordinators_of_the_needs_scope_hand_over(world, client_as, role, inside, expected):
    # given a need the caller owns where they have an account, inside or outside their scope
    community = world.a1 if inside else world.b1
    need = f.NeedFactory(community=community, owner=world.users.get(role))
    target = f.UserFactory(role=User.Role.COMMUNITY, community=community)
    # when
    response = _hand_over(client_as(role), need, target.pk)
    # then
    assert response.status_code == expected
    need.refresh_from_db()
    assert (need.owner == target) is (expected == 200)


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, ["reason", "to_user"]),
        ({"to_user": "shequ", "reason": "休假"}, ["to_user"]),
        ({"to_user": 0, "reason": "休假"}, ["to_user"]),
        ({"to_user": 1, "reason": ""}, ["reason"]),
        ({"to_user": 1, "reason": "   "}, ["reason"]),
        ({"to_user": 1, "reason": "一\n二"}, ["reason"]),
        ({"to_user": 1, "reason": "x" * 501}, ["reason"]),
    ],
)
def test_bad_hand_over_input_is_400_naming_the_fields(world, client_as, body, fields):
    need = _owned(world)
    response = client_as("community").post(f"/api/needs/{need.pk}/hand-over/", body, format="json")
    assert response.status_code == 400
    assert response.json()["extra"]["code"] == "invalid"
    assert sorted(response.json()["extra"]["fields"]) == fields
    assert need.ownerships.count() == 1


def test_a_need_outside_the_scope_is_not_found_for_history_and_candidates(world, client_as):
    need = f.NeedFactory(community=world.b1)
    client = client_as("community")
    assert client.get(f"/api/needs/{need.pk}/owners/").status_code == 404
    assert client.get(f"/api/needs/{need.pk}/owner-candidates/").status_code == 404
    assert client_as("volunteer").get(f"/api/needs/{need.pk}/owners/").status_code == 403


def test_the_candidates_are_the_coordinators_covering_the_community_but_the_owner(world, client_as):
    # given
    need = _owned(world)
    colleague = f.UserFactory(username="shequ2", display_name="李四", role=User.Role.COMMUNITY, community=world.a1)
    _colleague_elsewhere(world)
    f.UserFactory(role=User.Role.SUBDISTRICT, sub_district=world.s2)
    f.UserFactory(role=User.Role.COMMUNITY, community=world.a1, is_active=False)
    # when
    response = client_as("community").get(f"/api/needs/{need.pk}/owner-candidates/")
    # then
    assert response.status_code == 200
    assert response.json() == [
        {"id": world.users["admin"].pk, "name": "admin", "role": "admin"},
        {"id": colleague.pk, "name": "李四", "role": "community_coordinator"},
        {"id": world.users["subdistrict"].pk, "name": "jiedao", "role": "subdistrict_coordinator"},
    ]


def test_a_need_loaded_without_history_shows_its_owner_since_filing_and_keeps_them_on_hand_over(world, client_as):
    # given a need with an owner and no history (bulk-loaded, as the demo data)
    need = f.NeedFactory(community=world.a1, owner=world.users["community"])
    client = client_as("community")
    # then its history shows its owner since it was filed, by nobody known
    assert client.get(f"/api/needs/{need.pk}/owners/").json() == [
        {
            "owner": world.users["community"].pk,
            "owner_name": "shequ",
            "since": need.created_at.astimezone(timezone.get_current_timezone()).isoformat(),
            "assigned_by": None,
            "assigned_by_name": None,
            "reason": "",
        }
    ]
    # when it is handed over, the first owner is kept in the history
    _hand_over(client, need, world.users["subdistrict"].pk)
    history = client.get(f"/api/needs/{need.pk}/owners/").json()
    assert [(row["owner"], row["assigned_by"]) for row in history] == [
        (world.users["community"].pk, None),
        (world.users["subdistrict"].pk, world.users["community"].pk),
    ]


def test_a_need_added_in_the_admin_starts_its_history(world, client):
    # given the district's administrator in the admin
    root = User.objects.create_superuser(username="root", password="pw", role=User.Role.ADMIN)
    client.force_login(root)
    # when they add a need with an owner
    response = client.post(
        "/admin/needs/need/add/",
        {
            "title": "送米面油",
            "source": "community",
            "community": world.a1.pk,
            "category": "hardship",
            "type": "object",
            "headcount": 1,
            "urgency": 3,
            "owner": world.users["community"].pk,
            "required_skills": "{}",
            "ownerships-TOTAL_FORMS": "0",
            "ownerships-INITIAL_FORMS": "0",
        },
    )
    # then the owner's row is in the history, assigned by the administrator
    assert response.status_code == 302, response.content[:2000]
    need = Need.objects.get(title="送米面油")
    assert [(row.owner, row.assigned_by, row.reason) for row in need.ownerships.all()] == [
        (world.users["community"], root, ""),
    ]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor == "sqlite", reason="row locks and concurrent writers need PostgreSQL")
def test_an_owner_handing_over_twice_at_once_hands_over_once(world):
    # given a need its owner hands to two colleagues at the same moment (two tabs)
    need = _owned(world)
    shequ = world.users["community"]
    colleagues = [f.UserFactory(role=User.Role.COMMUNITY, community=world.a1) for _ in range(2)]
    barrier, outcomes = threading.Barrier(2), []

    def hand_over(colleague):
        barrier.wait()
        try:
            need_hand_over(need=need, to_user_id=colleague.pk, reason="休假", user=shequ)
            outcomes.append("handed_over")
        except NotOwner:
            outcomes.append("not_owner")
        finally:
            connection.close()

    # when
    threads = [threading.Thread(target=hand_over, args=(colleague,)) for colleague in colleagues]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # then the second finds the need no longer theirs; the history ends with the owner the need has
    assert sorted(outcomes) == ["handed_over", "not_owner"]
    need.refresh_from_db()
    history = list(need.ownerships.order_by("since", "pk"))
    assert [row.owner for row in history] == [shequ, need.owner]
    assert need.owner in colleagues
