"""The inbox API: a caller sees and marks only their own notifications; the one error shape."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from notifications import services
from notifications.models import Notification

pytestmark = pytest.mark.django_db

INBOX = "/api/notifications/"
NOT_FOUND = {"message": "Not found.", "extra": {"code": "not_found", "fields": {}}}


def _notify(user, key, title="排班已发布"):
    return Notification.objects.create(recipient=user, kind="plan_published", title=title, body="…", event_key=key)


def test_urls_are_named_notification(world):
    assert reverse("notification-list") == INBOX
    assert reverse("notification-read", args=[7]) == f"{INBOX}7/read/"
    assert reverse("notification-read-all") == f"{INBOX}read-all/"


def test_a_volunteer_lists_only_their_own_notifications(world, client_as):
    # given two notifications of V1 and one of V2
    older, newer = _notify(world.v1.user, "e:1"), _notify(world.v1.user, "e:2")
    _notify(world.v2.user, "e:1")
    # when V1 opens the inbox
    response = client_as("volunteer").get(INBOX)
    # then V1's, newest first, paginated
    assert response.status_code == 200
    body = response.json()
    assert (body["count"], body["next"], body["previous"]) == (2, None, None)
    assert [row["id"] for row in body["results"]] == [newer.pk, older.pk]
    assert body["results"][0] == {
        "id": newer.pk,
        "kind": "plan_published",
        "title": "排班已发布",
        "body": "…",
        "payload": {},
        "created_at": body["results"][0]["created_at"],
        "read_at": None,
        "read": False,
    }


def test_the_inbox_pages_and_filters_unread(world, client_as):
    # given three notifications of V1, one of them read
    rows = [_notify(world.v1.user, f"e:{i}") for i in range(3)]
    services.notification_read(user=world.v1.user, notification=rows[0])
    client = client_as("volunteer")
    # when / then
    unread = client.get(INBOX, {"unread": "true"}).json()
    assert [row["id"] for row in unread["results"]] == [rows[2].pk, rows[1].pk]
    read = client.get(INBOX, {"unread": "false"}).json()
    assert [row["id"] for row in read["results"]] == [rows[0].pk]
    page = client.get(INBOX, {"page_size": 2}).json()
    assert (page["count"], len(page["results"]), page["next"] is not None) == (3, 2, True)
    bad = client.get(INBOX, {"unread": "maybe"})
    assert (bad.status_code, bad.json()) == (
        400,
        {
            "message": "unread: Must be a valid boolean.",
            "extra": {"code": "invalid", "fields": {"unread": ["Must be a valid boolean."]}},
        },
    )


def test_marking_read_is_own_only(world, client_as):
    # given a notification of V1 and one of V2
    mine, theirs = _notify(world.v1.user, "e:1"), _notify(world.v2.user, "e:1")
    client = client_as("volunteer")
    # when V1 marks each read
    response = client.post(f"{INBOX}{mine.pk}/read/")
    other = client.post(f"{INBOX}{theirs.pk}/read/")
    # then V1's is read; V2's does not exist for V1 and stays unread
    assert response.status_code == 200
    assert (response.json()["id"], response.json()["read"]) == (mine.pk, True)
    assert (other.status_code, other.json()) == (404, NOT_FOUND)
    assert client.post(f"{INBOX}999999/read/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None
    # and a coordinator cannot mark a volunteer's either
    assert client_as("admin").post(f"{INBOX}{theirs.pk}/read/").status_code == 404


def test_reading_again_keeps_the_first_read_time(world, client_as):
    notice = _notify(world.v1.user, "e:1")
    client = client_as("volunteer")
    first = client.post(f"{INBOX}{notice.pk}/read/").json()["read_at"]
    again = client.post(f"{INBOX}{notice.pk}/read/")
    assert (again.status_code, again.json()["read_at"]) == (200, first)


def test_read_all_marks_only_the_callers_unread(world, client_as):
    # given two unread and one read notification of V1, and one of V2
    rows = [_notify(world.v1.user, f"e:{i}") for i in range(3)]
    services.notification_read(user=world.v1.user, notification=rows[0])
    theirs = _notify(world.v2.user, "e:1")
    # when V1 marks all read
    response = client_as("volunteer").post(f"{INBOX}read-all/")
    # then two were marked, V1 has nothing unread, V2's is untouched
    assert (response.status_code, response.json()) == (200, {"marked": 2})
    assert not Notification.objects.filter(recipient=world.v1.user, read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert client_as("volunteer").post(f"{INBOX}read-all/").json() == {"marked": 0}


@pytest.mark.parametrize("role", ["unit", "community", "subdistrict", "admin"])
def test_every_signed_in_role_has_an_inbox(world, client_as, role):
    _notify(world.users[role], "e:1")
    _notify(world.v1.user, "e:1")
    body = client_as(role).get(INBOX).json()
    assert [row["title"] for row in body["results"]] == ["排班已发布"]


def test_anonymous_callers_get_401(world, client_as):
    client = client_as("anonymous")
    assert client.get(INBOX).status_code == 401
    assert client.post(f"{INBOX}read-all/").status_code == 401
    assert client.post(f"{INBOX}1/read/").status_code == 401


def test_the_database_holds_one_notification_per_recipient_and_event(world):
    _notify(world.v1.user, "plan_published:run:1")
    with pytest.raises(IntegrityError), transaction.atomic():
        _notify(world.v1.user, "plan_published:run:1")
    _notify(world.v2.user, "plan_published:run:1")
    assert Notification.objects.count() == 2


def test_the_inbox_runs_the_same_queries_whatever_the_number_of_rows(world, client_as):
    client = client_as("volunteer")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(INBOX).status_code == 200
        return len(captured)

    _notify(world.v1.user, "e:0")
    one = queries()
    for i in range(1, 15):
        _notify(world.v1.user, f"e:{i}")
    assert queries() == one


def test_the_notification_admin_opens(world, client):
    import factories as f

    notice = _notify(world.v1.user, "e:1")
    client.force_login(f.UserFactory(username="root", is_staff=True, is_superuser=True))
    assert client.get(reverse("admin:notifications_notification_changelist")).status_code == 200
    assert client.get(reverse("admin:notifications_notification_change", args=[notice.pk])).status_code == 200
    assert client.get(reverse("admin:notifications_notification_add")).status_code == 403
