"""Volunteer profiles: creation with an account, self-service edits, phone masking, search filters."""

import pytest

import factories as f
from people.models import Volunteer

pytestmark = pytest.mark.django_db


def test_coordinator_creates_a_volunteer_with_an_account_and_a_number(world, client_as):
    response = client_as("community").post(
        "/api/volunteers/",
        {
            "name": "李四",
            "kind": "retired",
            "home_community": world.a1.pk,
            "lat": 34.7,
            "lng": 113.6,
            "phone": "13600002222",
            "skills": {"first_aid": 2},
            "languages": ["zh", "en"],
        },
        format="json",
    )
    assert response.status_code == 201
    volunteer = Volunteer.objects.get(pk=response.json()["id"])
    assert volunteer.number == response.json()["number"]
    assert volunteer.number.startswith("ZY")
    assert (volunteer.user.username, volunteer.user.phone, volunteer.user.role) == (
        volunteer.number,
        "+8613600002222",
        "volunteer",
    )
    assert not volunteer.user.has_usable_password()


def test_in_office_member_needs_an_employer(world, client_as):
    response = client_as("community").post(
        "/api/volunteers/",
        {"name": "张三", "kind": "in_office", "home_community": world.a1.pk, "lat": 34.7, "lng": 113.6},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert response.json()["extra"]["fields"] == {"employer_unit": ["An in-office member needs an employer unit."]}


def test_volunteer_edits_own_skills_but_not_their_community_or_number(world, client_as):
    response = client_as("volunteer").patch(
        f"/api/volunteers/{world.v1.pk}/",
        {"skills": {"first_aid": 4}, "home_community": world.b1.pk, "number": "X1", "consent_rank_name": True},
        format="json",
    )
    assert response.status_code == 200
    world.v1.refresh_from_db()
    assert (world.v1.skills, world.v1.home_community_id, world.v1.consent_rank_name) == (
        {"first_aid": 4},
        world.a1.pk,
        True,
    )
    assert world.v1.number != "X1"


def test_phone_is_masked_in_lists_and_to_units_shown_to_self_and_on_the_coordinators_detail(world, client_as):
    world.v1.user.phone = "+8613912345678"
    world.v1.user.save()
    path = f"/api/volunteers/{world.v1.pk}/"
    assert client_as("volunteer").get(path).json()["phone_display"] == "13912345678"
    assert client_as("community").get(path).json()["phone_display"] == "13912345678"
    assert client_as("community").get("/api/volunteers/").json()["results"][0]["phone_display"] == "139****5678"
    assert client_as("unit").get(path).json()["phone_display"] == "139****5678"
    assert "phone" not in client_as("community").get(path).json()  # the raw field is write-only


def test_unit_sees_only_members_who_consented(world, client_as):
    f.VolunteerFactory(home_community=world.a1, kind="in_office", employer_unit=world.u1, consent_share_with_unit=False)
    ids = [row["id"] for row in client_as("unit").get("/api/volunteers/").json()["results"]]
    assert ids == [world.v1.pk]


def test_search_by_skill_level_kind_and_availability(world, client_as):
    strong = f.VolunteerFactory(home_community=world.a1, skills={"legal_advice": 4}, kind="retired")
    f.VolunteerFactory(home_community=world.a1, skills={"legal_advice": 1}, kind="retired")
    f.WeeklyAvailabilityFactory(volunteer=strong, weekday=6)
    f.WeeklyAvailabilityFactory(volunteer=strong, weekday=6, start_time="14:00", end_time="17:00")
    client = client_as("community")

    def ids(**params):
        return sorted(row["id"] for row in client.get("/api/volunteers/", params).json()["results"])

    assert ids(skill="legal_advice", min_level=3) == sorted([world.v1.pk, strong.pk])
    assert ids(skill="legal_advice", min_level=4) == [strong.pk]
    assert ids(skill="legal_advice", min_level=3, kind="retired") == [strong.pk]
    assert ids(available_on=6) == [strong.pk]  # one row however many windows that day
    assert ids(search=world.v1.name) == [world.v1.pk]


def test_volunteer_files_own_availability_only(world, client_as):
    client = client_as("volunteer")
    ok = client.post(
        "/api/availability/",
        {"volunteer": world.v1.pk, "weekday": 2, "start_time": "19:00", "end_time": "21:00"},
        format="json",
    )
    assert ok.status_code == 201
    other = client.post(
        "/api/availability/",
        {"volunteer": world.v2.pk, "weekday": 2, "start_time": "19:00", "end_time": "21:00"},
        format="json",
    )
    assert other.status_code == 400
    assert list(world.v2.availability.all()) == []
