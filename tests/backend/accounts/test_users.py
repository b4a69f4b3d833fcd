"""The administrator's accounts: coordinators and unit representatives made with their role and scope, changed,
disabled and enabled, their login reset; phones checked and unique among active accounts; every change in the
audit history."""

import pytest
from auditlog.models import LogEntry
from django.conf import settings
from rest_framework.test import APIClient

from accounts.models import User

pytestmark = pytest.mark.django_db


def _make(client, **body):
    return client.post("/api/users/", {"role": "community_coordinator", "display_name": "王芳", **body}, format="json")


def test_a_role_needs_its_scope_and_the_other_scopes_are_cleared(world, client_as):
    admin = client_as("admin")
    # when a community coordinator is made without a community, and a unit representative with a community too
    missing = _make(admin, phone="13600001111")
    made = _make(admin, role="unit_representative", unit=world.u1.pk, community=world.a1.pk, phone="13600001112")
    # then the first is refused naming the field, the second keeps only its unit
    assert (missing.status_code, missing.json()["extra"]["fields"]) == (
        400,
        {"community": ["This role needs its scope."]},
    )
    assert made.status_code == 201, made.json()
    user = User.objects.get(pk=made.json()["id"])
    assert (user.role, user.unit_id, user.community_id, user.sub_district_id) == (
        "unit_representative",
        world.u1.pk,
        None,
        None,
    )


def test_volunteers_are_not_made_here(world, client_as):
    response = _make(client_as("admin"), role="volunteer", phone="13600001113")
    assert (response.status_code, response.json()["extra"]["fields"]) == (
        400,
        {"role": ["Volunteers are added through their profile."]},
    )


def test_a_phone_is_checked_normalised_and_unique_among_active_accounts(world, client_as):
    admin = client_as("admin")
    # when numbers are typed in several ways: full-width digits, +86 with spaces, a landline, V1's own number
    full_width = _make(admin, community=world.a1.pk, phone="１３６００００１１２０")
    landline = _make(admin, community=world.a1.pk, phone="0371-67881234")
    taken = _make(admin, community=world.a1.pk, phone="+86 139 1234 5678")
    # then
    assert full_width.status_code == 201
    assert User.objects.get(pk=full_width.json()["id"]).phone == "+8613600001120"
    assert landline.json() == {
        "message": "phone: Enter a valid mainland mobile number (11 digits, e.g. 13812345678).",
        "extra": {
            "code": "invalid",
            "fields": {"phone": ["Enter a valid mainland mobile number (11 digits, e.g. 13812345678)."]},
        },
    }
    assert (taken.status_code, taken.json()) == (
        400,
        {
            "message": "Another active account has this phone number.",
            "extra": {"code": "phone_taken", "fields": {"phone": ["Another active account has this phone number."]}},
        },
    )


def test_disabling_ends_the_sign_in_and_enabling_brings_it_back(world, client_as):
    admin = client_as("admin")
    coordinator = world.users["community"]
    signed_in = APIClient()
    assert (
        signed_in.post("/api/auth/login/", {"username": "shequ", "password": "pw-12345678"}, format="json").status_code
        == 200
    )
    # when the administrator disables the account
    disabled = admin.post(f"/api/users/{coordinator.pk}/disable/")
    # then its session ends and it cannot sign in
    assert (disabled.status_code, disabled.json()["is_active"]) == (200, False)
    assert signed_in.get("/api/auth/me/").status_code in (401, 403)
    assert (
        APIClient()
        .post("/api/auth/login/", {"username": "shequ", "password": "pw-12345678"}, format="json")
        .status_code
        == 400
    )
    # and once enabled it signs in again
    assert admin.post(f"/api/users/{coordinator.pk}/enable/").json()["is_active"] is True
    assert (
        APIClient()
        .post("/api/auth/login/", {"username": "shequ", "password": "pw-12345678"}, format="json")
        .status_code
        == 200
    )


def test_enabling_is_refused_when_another_active_account_took_the_number(world, client_as):
    # given a disabled coordinator whose number another account holds meanwhile
    admin = client_as("admin")
    coordinator = world.users["community"]
    admin.post(f"/api/users/{coordinator.pk}/disable/")
    admin.patch(f"/api/users/{world.users['unit'].pk}/", {"phone": coordinator.phone}, format="json")
    # when it is enabled
    response = admin.post(f"/api/users/{coordinator.pk}/enable/")
    # then it is refused, in the error shape
    assert (response.status_code, response.json()["extra"]["code"]) == (400, "phone_taken")
    assert User.objects.get(pk=coordinator.pk).is_active is False


def test_the_administrator_cannot_disable_themself(world, client_as):
    response = client_as("admin").post(f"/api/users/{world.users['admin'].pk}/disable/")
    assert (response.status_code, response.json()["message"]) == (400, "You cannot disable your own account.")


def test_resetting_a_login_ends_the_password_and_sends_a_new_invitation(world, client_as, committed, sms):
    coordinator = world.users["community"]
    # when the administrator resets the coordinator's login
    with committed():
        response = client_as("admin").post(f"/api/users/{coordinator.pk}/reset-login/")
    # then the password no longer signs in, the account waits for activation, and the invitation is on its way
    assert (response.status_code, response.json()["activated"]) == (200, False)
    assert (
        APIClient()
        .post("/api/auth/login/", {"username": "shequ", "password": "pw-12345678"}, format="json")
        .status_code
        == 400
    )
    [message] = sms(coordinator.phone.removeprefix("+86"), "invitation")
    assert message.params["link"].startswith(settings.INVITATION_URL)


def test_accounts_are_disabled_not_deleted(world, client_as):
    response = client_as("admin").delete(f"/api/users/{world.users['community'].pk}/")
    assert (response.status_code, response.json()) == (
        409,
        {
            "message": "Accounts are disabled, not deleted: their history stays.",
            "extra": {"code": "not_deleted", "fields": {}},
        },
    )


def test_the_list_filters_by_activation_and_phone_problems(world, client_as):
    # given one activated coordinator and one number left over from before phones were checked
    User.objects.filter(pk=world.users["community"].pk).update(activated_at="2026-11-01T08:00:00+08:00")
    User.objects.filter(pk=world.users["unit"].pk).update(phone="0371-1234", phone_problem="invalid")
    admin = client_as("admin")
    # then
    activated = admin.get("/api/users/", {"activated": "true"}).json()["results"]
    problems = admin.get("/api/users/", {"phone_problem": "invalid"}).json()["results"]
    assert [row["username"] for row in activated] == ["shequ"]
    assert [(row["username"], row["phone"]) for row in problems] == [("danwei", "0371-1234")]


def test_every_change_of_an_account_is_in_the_audit_history(world, client_as):
    admin = client_as("admin")
    # when an account is made, renamed, disabled
    made = _make(admin, community=world.a1.pk, phone="13600001130").json()
    admin.patch(f"/api/users/{made['id']}/", {"display_name": "王芳芳"}, format="json")
    admin.post(f"/api/users/{made['id']}/disable/")
    # then the history holds each, by the administrator, the name masked
    entries = LogEntry.objects.filter(content_type__model="user", object_id=made["id"]).order_by("timestamp", "pk")
    assert [entry.action for entry in entries] == [
        LogEntry.Action.CREATE,
        LogEntry.Action.UPDATE,
        LogEntry.Action.UPDATE,
    ]
    assert {entry.actor_id for entry in entries} == {world.users["admin"].pk}
    assert entries[1].changes_dict["display_name"] == ["王*", "王**"]
    assert entries[2].changes_dict["is_active"] == ["True", "False"]
    assert "password" not in entries[0].changes_dict
