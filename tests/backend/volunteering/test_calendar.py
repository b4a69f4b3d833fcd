"""The personal calendar feed: a token URL per volunteer, iCalendar with the published posts and no personal
data, and rotation that kills the old URL."""

import datetime as dt

import pytest
from django.utils import timezone

from accounts.models import User
from volunteering import ical
from volunteering.models import AssignmentResponse, CalendarToken

from .volunteering_world import assign, make_run, make_shift

pytestmark = pytest.mark.django_db


def _feed_path(client):
    url = client.get("/api/me/calendar-token/").json()["url"]
    return url.removeprefix("http://testserver")


def _unfold(text: str) -> list[str]:
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")  # every line ends CRLF
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def test_calendar_token_is_made_once_and_kept(world, client_as):
    client = client_as("volunteer")
    first, second = client.get("/api/me/calendar-token/"), client.get("/api/me/calendar-token/")
    assert first.status_code == 200
    assert first.json() == second.json()
    token = CalendarToken.objects.get(volunteer=world.v1).token
    assert first.json()["url"] == f"http://testserver/api/calendar/{token}.ics"


def test_feed_lists_published_posts_without_personal_data(world, client_as, plan):
    # given V1's published patrol (with 张三 on it) and a draft post that must not show
    assign(make_run(world.a2, published=False), make_shift(world.a2, title="草稿班次"), world.v1)
    path = _feed_path(client_as("volunteer"))
    # when the feed is read without signing in
    response = client_as("anonymous").get(path)
    # then one event with summary, place, UTC times and duties
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.content.decode("utf-8")
    lines = _unfold(text)
    assert lines[:6] == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{ical.PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:我的志愿岗位",
    ]
    assert lines[-1] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == 1
    event = dict(line.split(":", 1) for line in lines[lines.index("BEGIN:VEVENT") + 1 : lines.index("END:VEVENT")])
    assert event["UID"] == f"assignment-{plan['mine'].pk}@volunteering"
    assert event["DTSTART"] == plan["shift"].start.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert event["DTEND"] == plan["shift"].end.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert event["SUMMARY"] == "周六治安巡逻"
    assert event["LOCATION"] == "秦江社区，秦岭路18号"
    assert event["GEO"] == "34.751000;113.621000"
    assert event["DESCRIPTION"] == "岗位：治安巡逻岗\\n职责：巡查楼院安全隐患\\n状态：待确认"
    assert event["STATUS"] == "TENTATIVE"
    # and nobody's name, phone or volunteer number
    for secret in (
        plan["colleague"].name,
        plan["colleague"].user.phone,
        world.v1.user.phone,
        world.v1.number,
        world.v1.name,
    ):
        assert secret not in text


def test_feed_leaves_out_declined_posts_and_marks_accepted_ones(world, client_as, plan):
    other = assign(plan["run"], make_shift(world.a1, hour=14, title="下午班"), world.v1)
    AssignmentResponse.objects.create(assignment=plan["mine"], status="declined", answered_at=timezone.now())
    AssignmentResponse.objects.create(assignment=other, status="accepted", answered_at=timezone.now())
    lines = _unfold(client_as("anonymous").get(_feed_path(client_as("volunteer"))).content.decode())
    assert [line for line in lines if line.startswith(("SUMMARY", "STATUS"))] == ["SUMMARY:下午班", "STATUS:CONFIRMED"]


def test_rotation_kills_the_old_url(world, client_as, plan):
    client = client_as("volunteer")
    old = _feed_path(client)
    # when the token is rotated
    response = client.post("/api/me/calendar-token/rotate/")
    new = response.json()["url"].removeprefix("http://testserver")
    # then the old URL is 404 in the one error shape and the new one works
    assert response.status_code == 200
    assert new != old
    gone = client_as("anonymous").get(old)
    assert gone.status_code == 404
    assert gone.json() == {"message": "Not found.", "extra": {"code": "not_found", "fields": {}}}
    assert client_as("anonymous").get(new).status_code == 200
    assert client.get("/api/me/calendar-token/").json()["url"].endswith(new)


@pytest.mark.parametrize("accept", ["*/*", "text/calendar", "application/json"])
def test_unknown_token_is_404_in_the_error_shape_whatever_the_client_accepts(world, client_as, accept):
    response = client_as("anonymous").get("/api/calendar/not-a-token.ics", HTTP_ACCEPT=accept)
    assert (response.status_code, response["Content-Type"]) == (404, "application/json")
    assert response.json()["extra"]["code"] == "not_found"


def test_feed_answers_a_calendar_client_asking_for_text_calendar(world, client_as, plan):
    path = _feed_path(client_as("volunteer"))
    response = client_as("anonymous").get(path, HTTP_ACCEPT="text/calendar")
    assert response.status_code == 200
    assert response.content.startswith(b"BEGIN:VCALENDAR\r\n")


@pytest.mark.parametrize("role", ["unit", "community", "admin"])
@pytest.mark.parametrize("path", ["/api/me/calendar-token/", "/api/me/calendar-token/rotate/"])
def test_calendar_tokens_are_for_volunteers_only(world, client_as, role, path):
    client = client_as(role)
    response = client.post(path) if path.endswith("rotate/") else client.get(path)
    assert response.status_code == 403


def test_escaping_and_folding():
    # text values escape backslash, semicolon, comma and newlines
    assert ical.escape("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"
    # long lines fold at 75 octets without splitting a UTF-8 character
    folded = ical.fold("DESCRIPTION:" + "职" * 60)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert folded.replace("\r\n ", "") == "DESCRIPTION:" + "职" * 60


def test_phone_like_digits_in_duties_are_blanked(world, client_as, plan):
    plan["post"].duties = "有事联系 13912345678 或 0371-6788 1234"
    plan["post"].save()
    text = client_as("anonymous").get(_feed_path(client_as("volunteer"))).content.decode()
    assert "13912345678" not in text and "6788" not in text
    assert "有事联系 ***" in text.replace("\r\n ", "")


NOT_FOUND = {"message": "Not found.", "extra": {"code": "not_found", "fields": {}}}


def _deactivate_account(world):
    world.v1.user.is_active = False
    world.v1.user.save()


def _deactivate_volunteer(world):
    world.v1.active = False
    world.v1.save()


def _make_coordinator(world):
    world.v1.user.role, world.v1.user.community = User.Role.COMMUNITY, world.a1
    world.v1.user.save()


@pytest.mark.parametrize(
    "change",
    [_deactivate_account, _deactivate_volunteer, _make_coordinator],
    ids=["account deactivated", "volunteer inactive", "no longer a volunteer"],
)
def test_feed_ends_with_the_volunteer(world, client_as, plan, change):
    # given a working feed
    path = _feed_path(client_as("volunteer"))
    assert client_as("anonymous").get(path).status_code == 200
    # when the account or the profile stops being an active volunteer's
    change(world)
    # then the feed answers as for an unknown token
    response = client_as("anonymous").get(path)
    assert response.status_code == 404
    assert response.json() == NOT_FOUND


def test_feed_stays_ended_when_the_account_is_active_again(world, client_as, plan):
    # given a feed whose account was deactivated and then activated again
    client = client_as("volunteer")
    old = _feed_path(client)
    _deactivate_account(world)
    world.v1.user.is_active = True
    world.v1.user.save()
    # when the volunteer asks for their feed URL
    new = _feed_path(client)
    # then it is a new one; the old URL stays dead
    assert new != old
    assert client_as("anonymous").get(old).json() == NOT_FOUND
    assert client_as("anonymous").get(new).status_code == 200


def test_password_change_rotates_the_feed(world, client_as, plan):
    # given a working feed
    client = client_as("volunteer")
    old = _feed_path(client)
    # when the password is changed
    world.v1.user.set_password("a-new-secret-4711")
    world.v1.user.save()
    # then the old URL is dead, and the volunteer's feed URL is a new, working one, marked rotated
    assert client_as("anonymous").get(old).json() == NOT_FOUND
    new = _feed_path(client)
    assert new != old
    assert client_as("anonymous").get(new).status_code == 200
    assert client.get("/api/me/calendar-token/").json()["rotated_at"] is not None


def test_other_changes_keep_the_feed(world, client_as, plan):
    client = client_as("volunteer")
    path = _feed_path(client)
    world.v1.user.display_name = "李四"
    world.v1.user.save()
    world.v1.max_hours_per_week = 8
    world.v1.save()
    assert client_as("anonymous").get(path).status_code == 200
    assert _feed_path(client) == path
