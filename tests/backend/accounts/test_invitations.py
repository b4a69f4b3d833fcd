"""Invitations end to end through the API: an account made by the administrator or a coordinator gets an invitation
by SMS (and e-mail where known); the person opens it by the link's token or by phone and code, sets a password,
confirms the phone, accepts the privacy notice, and signs in. Re-sending replaces it; it expires; wrong codes
use it up."""

import re

import pytest
from django.conf import settings
from django.core import mail
from rest_framework.test import APIClient

from accounts.models import Invitation, User

pytestmark = pytest.mark.django_db

PASSWORD = "lantern-river-2026"
INVALID_LINK = {
    "message": "This invitation link is no longer valid; ask your community for a new one.",
    "extra": {"code": "invitation_invalid", "fields": {"token": ["Unknown, used or expired."]}},
}
WRONG_CODE = {
    "message": "The phone number and code do not match an open invitation.",
    "extra": {"code": "invitation_invalid", "fields": {"code": ["Wrong or expired code."]}},
}


def _anonymous() -> APIClient:
    client = APIClient()
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def _token(message) -> str:
    return message.params["link"].removeprefix(settings.INVITATION_URL)


def _accept(**body):
    return _anonymous().post(
        "/api/auth/invitation/accept/",
        {
            "password": PASSWORD,
            "privacy_accepted": True,
            **body,
        },
        format="json",
    )


def _sign_in(username: str, password: str = PASSWORD):
    return _anonymous().post("/api/auth/login/", {"username": username, "password": password}, format="json")


def test_a_coordinator_made_by_the_administrator_activates_from_the_sms_link_and_signs_in(
    world, client_as, committed, sms
):
    # given the administrator makes a community coordinator, the number typed as people do
    with committed():
        created = client_as("admin").post(
            "/api/users/",
            {
                "role": "community_coordinator",
                "community": world.a2.pk,
                "display_name": "王芳",
                "phone": "+86 136-0000-1111",
            },
            format="json",
        )
    assert created.status_code == 201, created.json()
    user = User.objects.get(pk=created.json()["id"])
    assert (user.phone, user.has_usable_password(), user.activated_at) == ("+8613600001111", False, None)
    assert (created.json()["phone"], created.json()["activated"]) == ("13600001111", False)
    # when the SMS arrives with its link and code, and the person opens the link
    [message] = sms("13600001111", "invitation")
    assert re.fullmatch(r"[0-9]{6}", message.params["code"])
    looked_up = _anonymous().post("/api/auth/invitation/", {"token": _token(message)}, format="json")
    assert looked_up.status_code == 200
    assert {k: looked_up.json()[k] for k in ("username", "display_name", "phone", "privacy_version")} == {
        "username": user.username,
        "display_name": "王芳",
        "phone": "136****1111",
        "privacy_version": settings.PRIVACY_NOTICE_VERSION,
    }
    accepted = _accept(token=_token(message), confirm_phone="13600001111")
    # then the account is activated with the privacy notice's version, and the person signs in
    assert accepted.status_code == 200, accepted.json()
    assert accepted.json()["username"] == user.username
    user.refresh_from_db()
    assert user.activated_at is not None and user.phone_confirmed_at is not None
    assert (user.privacy_version, user.privacy_accepted_at is not None) == (settings.PRIVACY_NOTICE_VERSION, True)
    assert _sign_in(user.username).status_code == 200
    # and the link is used up
    again = _anonymous().post("/api/auth/invitation/", {"token": _token(message)}, format="json")
    assert (again.status_code, again.json()) == (400, INVALID_LINK)


def test_a_volunteer_made_by_a_coordinator_activates_by_phone_and_code(world, client_as, committed, sms):
    # given a coordinator adds a volunteer with a phone and an e-mail address
    coordinator = client_as("community")
    with committed():
        created = coordinator.post(
            "/api/volunteers/",
            {
                "name": "李四",
                "kind": "retired",
                "home_community": world.a1.pk,
                "lat": 34.7,
                "lng": 113.6,
                "phone": "13600002222",
                "email": "lisi@example.org",
            },
            format="json",
        )
    assert created.status_code == 201, created.json()
    assert created.json()["activated"] is False
    # when the person types the number and the code of the SMS (the e-mail carries the same)
    [message] = sms("13600002222", "invitation")
    [email] = mail.outbox
    assert (email.to, message.params["code"] in email.body) == (["lisi@example.org"], True)
    accepted = _accept(phone="136 0000 2222", code=message.params["code"], confirm_phone="13600002222")
    # then they are in, and the coordinator sees them activated: in the filter and in the community's count
    assert accepted.status_code == 200, accepted.json()
    assert _sign_in(created.json()["number"]).status_code == 200
    activated = coordinator.get("/api/volunteers/", {"activated": "true"}).json()["results"]
    waiting = coordinator.get("/api/volunteers/", {"activated": "false"}).json()["results"]
    assert created.json()["id"] in {row["id"] for row in activated}
    assert created.json()["id"] not in {row["id"] for row in waiting}
    counts = coordinator.get("/api/volunteers/activation/").json()
    assert counts == [
        {"community": world.a1.pk, "community_name": "秦江社区", "volunteers": 2, "activated": 1}
    ]  # V1 never activated


def test_resending_replaces_the_invitation(world, client_as, committed, sms):
    # given a volunteer invited once
    with committed():
        created = client_as("community").post(
            "/api/volunteers/",
            {
                "name": "赵六",
                "kind": "resident",
                "home_community": world.a1.pk,
                "lat": 34.7,
                "lng": 113.6,
                "phone": "13600003333",
            },
            format="json",
        )
    [first] = sms("13600003333")
    # when the coordinator re-sends it
    with committed():
        resent = client_as("community").post(f"/api/volunteers/{created.json()['id']}/resend-invitation/")
    # then a new SMS goes out, the first link and code stop working, and the new ones work
    assert resent.status_code == 204
    [_, second] = sms("13600003333")
    old_link = _anonymous().post("/api/auth/invitation/", {"token": _token(first)}, format="json")
    assert (old_link.status_code, old_link.json()) == (400, INVALID_LINK)
    old_code = _anonymous().post(
        "/api/auth/invitation/", {"phone": "13600003333", "code": first.params["code"]}, format="json"
    )
    assert (old_code.status_code, old_code.json()) == (400, WRONG_CODE)
    assert _accept(token=_token(second), confirm_phone="13600003333").status_code == 200


def test_an_invitation_expires(world, client_as, committed, sms, clock):
    # given an invitation sent now
    with committed():
        client_as("admin").post(
            "/api/users/",
            {"role": "unit_representative", "unit": world.u2.pk, "display_name": "陈静", "phone": "13600004444"},
            format="json",
        )
    [message] = sms("13600004444")
    # when a minute before its end it opens, and after its end it does not
    clock.advance(days=settings.INVITATION_DAYS, minutes=-1)
    assert _anonymous().post("/api/auth/invitation/", {"token": _token(message)}, format="json").status_code == 200
    clock.advance(minutes=2)
    response = _accept(token=_token(message), confirm_phone="13600004444")
    # then
    assert (response.status_code, response.json()) == (400, INVALID_LINK)


def test_wrong_codes_use_the_invitation_up(world, client_as, committed, sms):
    # given an invitation by SMS
    with committed():
        client_as("admin").post(
            "/api/users/",
            {
                "role": "subdistrict_coordinator",
                "sub_district": world.s2.pk,
                "display_name": "周强",
                "phone": "13600005555",
            },
            format="json",
        )
    [message] = sms("13600005555")
    wrong = "000000" if message.params["code"] != "000000" else "111111"
    # when wrong codes are tried as often as allowed
    for _ in range(settings.PHONE_CODE_MAX_ATTEMPTS):
        response = _anonymous().post("/api/auth/invitation/", {"phone": "13600005555", "code": wrong}, format="json")
        assert (response.status_code, response.json()) == (400, WRONG_CODE)
    # then even the right code is refused: a new invitation must be sent
    right = _anonymous().post(
        "/api/auth/invitation/", {"phone": "13600005555", "code": message.params["code"]}, format="json"
    )
    assert (right.status_code, right.json()) == (400, WRONG_CODE)


def test_opening_needs_a_strong_password_the_phone_and_the_privacy_notice(world, client_as, committed, sms):
    # given an invitation
    with committed():
        created = client_as("admin").post(
            "/api/users/",
            {"role": "community_coordinator", "community": world.a1.pk, "display_name": "孙丽", "phone": "13600006666"},
            format="json",
        )
    token = _token(sms("13600006666")[0])
    # when it is opened with another number and without accepting the privacy notice
    refused = _accept(token=token, confirm_phone="13600007777", privacy_accepted=False)
    # then both are named
    assert (refused.status_code, refused.json()) == (
        400,
        {
            "message": "Check the marked fields.",
            "extra": {
                "code": "refused",
                "fields": {
                    "privacy_accepted": ["Accept the privacy notice to use your account."],
                    "phone": ["This is not the phone number of the invitation."],
                },
            },
        },
    )
    # and a common password is refused by Django's validators
    weak = _accept(token=token, confirm_phone="13600006666", password="password")
    assert weak.status_code == 400
    assert weak.json()["extra"]["code"] == "refused"
    assert "This password is too common." in weak.json()["extra"]["fields"]["password"]
    # and the invitation still opens afterwards
    assert _accept(token=token, confirm_phone="13600006666").status_code == 200
    assert User.objects.get(pk=created.json()["id"]).activated_at is not None


def test_an_imported_volunteer_gets_an_invitation(world, client_as, committed, sms):
    # given a sheet with one new volunteer
    from django.core.files.uploadedfile import SimpleUploadedFile

    sheet = f"name,kind,phone,home_community\n钱七,resident,13600008888,{world.a1.code}\n"
    upload = SimpleUploadedFile("v.csv", sheet.encode("utf-8"), content_type="text/csv")
    # when it is imported
    with committed():
        response = client_as("community").post(
            "/api/volunteers/import/", {"file": upload, "dry_run": "false"}, format="multipart"
        )
    # then the new account has an open invitation, sent by SMS
    assert response.status_code == 200, response.json()
    assert response.json()["created"] == 1
    assert len(sms("13600008888", "invitation")) == 1
    assert Invitation.objects.filter(user__phone="+8613600008888", used_at=None, revoked_at=None).count() == 1


@pytest.mark.django_db
def test_the_privacy_notice_names_its_controller_and_contact_to_anyone(settings):
    # given an installation that names who is responsible for the data and where to ask
    settings.PRIVACY_CONTROLLER = "示例区委组织部"
    settings.PRIVACY_CONTACT = "010-12345678"
    settings.PRIVACY_NOTICE_VERSION = "2027-01"
    # when someone not signed in opens the notice
    response = _anonymous().get("/api/auth/privacy-notice/")
    # then it carries the version people accept and the names set, nothing else
    assert response.status_code == 200
    assert response.json() == {"version": "2027-01", "controller": "示例区委组织部", "contact": "010-12345678"}
