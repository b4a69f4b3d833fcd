"""Consent is the volunteer's own act: coordinators cannot set it, the volunteer sets it on their profile, every
change is kept with its time and author; an employer unit sees a member only once the member consents, and
then not where they live."""

import datetime as dt

import pytest
from django.utils import timezone

import factories as f
from people import services
from people.models import ConsentChange

pytestmark = pytest.mark.django_db

REFUSED = "Only the volunteer can change this, on their own profile."


@pytest.fixture
def api_language():
    return "en"  # messages asserted whole, in English


@pytest.mark.parametrize("role", ["community", "subdistrict", "admin"])
def test_a_coordinator_cannot_set_a_volunteers_consents(world, client_as, role):
    # given V1, who shares their record with U1 and has not agreed to be named in rankings
    # when a coordinator sends both consents turned around, with a change of their own
    response = client_as(role).patch(
        f"/api/volunteers/{world.v1.pk}/",
        {
            "consent_rank_name": True,
            "consent_share_with_unit": False,
            "max_hours_per_week": 9,
        },
        format="json",
    )
    # then the whole change is refused, naming both fields, and nothing is stored or recorded
    assert (response.status_code, response.json()) == (
        400,
        {
            "message": f"consent_rank_name: {REFUSED}",
            "extra": {
                "code": "invalid",
                "fields": {"consent_rank_name": [REFUSED], "consent_share_with_unit": [REFUSED]},
            },
        },
    )
    world.v1.refresh_from_db()
    assert (world.v1.consent_rank_name, world.v1.consent_share_with_unit, world.v1.max_hours_per_week) == (
        False,
        True,
        6,
    )
    assert not ConsentChange.objects.exists()


def test_a_coordinator_may_send_the_stored_consents_back_unchanged(world, client_as):
    # given a form that sends the profile back as it was read
    # when
    response = client_as("community").patch(
        f"/api/volunteers/{world.v1.pk}/",
        {
            "consent_rank_name": False,
            "consent_share_with_unit": True,
            "max_hours_per_week": 9,
        },
        format="json",
    )
    # then the other change is stored, and no consent changed
    assert response.status_code == 200, response.json()
    assert (response.json()["consent_share_with_unit"], response.json()["max_hours_per_week"]) == (True, 9)
    assert not ConsentChange.objects.exists()


def test_a_coordinator_cannot_create_a_volunteer_who_consents(world, client_as):
    # when a coordinator files a new volunteer with a consent given
    response = client_as("community").post(
        "/api/volunteers/",
        {
            "name": "李四",
            "kind": "retired",
            "home_community": world.a1.pk,
            "lat": 34.7,
            "lng": 113.6,
            "consent_rank_name": True,
        },
        format="json",
    )
    # then
    assert (response.status_code, response.json()) == (
        400,
        {
            "message": f"consent_rank_name: {REFUSED}",
            "extra": {"code": "invalid", "fields": {"consent_rank_name": [REFUSED]}},
        },
    )


def test_setting_an_employer_unit_shares_nothing_until_the_member_consents(world, client_as):
    # given a retired member of A1 whom the coordinator now records as employed by U1
    member = f.VolunteerFactory(home_community=world.a1, kind="retired")
    response = client_as("community").patch(
        f"/api/volunteers/{member.pk}/",
        {
            "kind": "in_office",
            "employer_unit": world.u1.pk,
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    # when U1's representative lists its members
    listed = [row["id"] for row in client_as("unit").get("/api/volunteers/").json()["results"]]
    # then the member is not among them, and their profile is not found
    assert listed == [world.v1.pk]
    assert client_as("unit").get(f"/api/volunteers/{member.pk}/").status_code == 404


def test_the_volunteer_sets_their_consents_and_each_change_is_kept_with_its_time(world, client_as, monkeypatch):
    # given V1 at 10:00, then at 10:05
    client = client_as("volunteer")
    first = timezone.make_aware(dt.datetime(2026, 11, 2, 10, 0))
    second = first + dt.timedelta(minutes=5)
    # when they agree to be named in rankings, and later withdraw sharing with their unit
    monkeypatch.setattr(timezone, "now", lambda: first)
    agreed = client.patch(f"/api/volunteers/{world.v1.pk}/", {"consent_rank_name": True}, format="json")
    monkeypatch.setattr(timezone, "now", lambda: second)
    withdrawn = client.patch(
        f"/api/volunteers/{world.v1.pk}/",
        {
            "consent_rank_name": True,
            "consent_share_with_unit": False,
        },
        format="json",
    )
    monkeypatch.undo()
    # then both took effect
    assert (agreed.status_code, withdrawn.status_code) == (200, 200)
    world.v1.refresh_from_db()
    assert (world.v1.consent_rank_name, world.v1.consent_share_with_unit) == (True, False)
    # and the history lists each change once, newest first, as made by the volunteer
    history = client.get(f"/api/volunteers/{world.v1.pk}/consent-history/")
    changes = ConsentChange.objects.order_by("changed_at")
    assert (history.status_code, history.json()) == (
        200,
        [
            {
                "id": changes[1].pk,
                "consent": "consent_share_with_unit",
                "old_value": True,
                "new_value": False,
                "changed_at": "2026-11-02T10:05:00+08:00",
                "changed_by": world.v1.user.display_name,
                "by_volunteer": True,
            },
            {
                "id": changes[0].pk,
                "consent": "consent_rank_name",
                "old_value": False,
                "new_value": True,
                "changed_at": "2026-11-02T10:00:00+08:00",
                "changed_by": world.v1.user.display_name,
                "by_volunteer": True,
            },
        ],
    )


def test_coordinators_read_the_history_and_units_do_not(world, client_as):
    # given a change V1 made
    services.volunteer_consent_set(volunteer=world.v1, changed_by=world.v1.user, consent_rank_name=True)
    path = f"/api/volunteers/{world.v1.pk}/consent-history/"
    # when / then: the coordinators in scope read it; U1 may not; outside the scope it is not found
    assert [row["consent"] for row in client_as("community").get(path).json()] == ["consent_rank_name"]
    assert (client_as("unit").get(path).status_code, client_as("unit").get(path).json()) == (
        403,
        {
            "message": "Only the volunteer and their coordinators read the history of their consents.",
            "extra": {"code": "permission_denied", "fields": {}},
        },
    )
    assert client_as("volunteer").get(f"/api/volunteers/{world.v2.pk}/consent-history/").status_code == 404
    assert client_as("community").get(f"/api/volunteers/{world.v2.pk}/consent-history/").status_code == 404


def test_the_service_refuses_a_consent_given_by_anyone_else(world):
    # when a coordinator's account tries to give V1's consent through the service
    with pytest.raises(services.ConsentNotYours) as refused:
        services.volunteer_consent_set(volunteer=world.v1, changed_by=world.users["community"], consent_rank_name=True)
    # then
    assert (refused.value.message, refused.value.fields) == (
        "Only the volunteer can give or withdraw their consent, on their own profile.",
        {"consent_rank_name": [REFUSED]},
    )
    world.v1.refresh_from_db()
    assert world.v1.consent_rank_name is False


def test_a_unit_representative_sees_consenting_members_without_home_coordinates_or_grid(world, client_as):
    # given V1 (consents, U1) living in a grid of A1, with a phone, and a U1 colleague who did not consent
    world.v1.grid = f.GridFactory(community=world.a1)
    world.v1.save()
    world.v1.user.phone = "13912345678"
    world.v1.user.save()
    f.VolunteerFactory(home_community=world.a1, kind="in_office", employer_unit=world.u1, consent_share_with_unit=False)
    client = client_as("unit")
    # when U1's representative lists its members and opens V1
    listed = client.get("/api/volunteers/").json()["results"]
    detail = client.get(f"/api/volunteers/{world.v1.pk}/").json()
    # then only V1, with no coordinates, grid, travel or matching limits, and the phone masked (whether V1 has
    # activated the account, so the unit can remind them)
    assert [row["id"] for row in listed] == [world.v1.pk]
    assert detail == listed[0]
    assert detail == {
        "id": world.v1.pk,
        "number": world.v1.number,
        "name": world.v1.name,
        "kind": "in_office",
        "phone_display": "139****5678",
        "employer_unit": world.u1.pk,
        "employer_unit_name": "中原区人民医院",
        "home_community": world.a1.pk,
        "home_community_name": "秦江社区",
        "skills": {"legal_advice": 3},
        "reported_community": None,
        "reported_at": None,
        "report_confirmed_at": None,
        "consent_rank_name": False,
        "consent_share_with_unit": True,
        "active": True,
        "activated": world.v1.user.activated_at is not None,
    }


def test_a_unit_representative_cannot_narrow_its_members_by_grid(world, client_as):
    # given V1 in a grid of A1
    grid = f.GridFactory(community=world.a1)
    world.v1.grid = grid
    world.v1.save()
    # when U1's representative filters by that grid and by another
    other = f.GridFactory(community=world.a1)
    ids = [
        [row["id"] for row in client_as("unit").get("/api/volunteers/", {"grid": g.pk}).json()["results"]]
        for g in (grid, other)
    ]
    # then the filter is not theirs: both answers are the same
    assert ids == [[world.v1.pk], [world.v1.pk]]


def test_the_refusal_reads_in_chinese_by_default(world):
    from rest_framework.test import APIClient

    # given a coordinator whose browser asks for Chinese
    client = APIClient(HTTP_ACCEPT_LANGUAGE="zh-hans")
    client.force_authenticate(world.users["community"])
    # when they send a consent
    response = client.patch(f"/api/volunteers/{world.v1.pk}/", {"consent_rank_name": True}, format="json")
    # then
    assert (response.status_code, response.json()) == (
        400,
        {
            "message": "consent_rank_name: 只有志愿者本人可以在个人信息中修改此项。",
            "extra": {"code": "invalid", "fields": {"consent_rank_name": ["只有志愿者本人可以在个人信息中修改此项。"]}},
        },
    )
