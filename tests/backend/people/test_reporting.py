"""报到: an in-office member reports to the community where they live from their own account, or a coordinator
records it; the community confirms; the employer unit sees it in its member list."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_member_reports_the_community_confirms_and_the_unit_sees_it(world, client_as):
    # given V1, an in-office member of U1 living in A1, reports from their own account
    reported = client_as("volunteer").post(f"/api/volunteers/{world.v1.pk}/report/", {}, format="json")
    assert reported.status_code == 200, reported.json()
    assert (reported.json()["reported_community"], reported.json()["report_confirmed_at"]) == (world.a1.pk, None)
    # when A1's coordinator sees it waiting and confirms it
    waiting = client_as("community").get("/api/volunteers/", {"reported": "true", "report_confirmed": "false"})
    assert [row["id"] for row in waiting.json()["results"]] == [world.v1.pk]
    confirmed = client_as("community").post(f"/api/volunteers/{world.v1.pk}/report-confirm/")
    # then the unit's member list shows the report, confirmed
    assert confirmed.status_code == 200
    [member] = client_as("unit").get("/api/volunteers/", {"reported": "true"}).json()["results"]
    assert (member["id"], member["reported_community"], member["report_confirmed_at"] is not None) == (
        world.v1.pk,
        world.a1.pk,
        True,
    )
    world.v1.refresh_from_db()
    assert world.v1.report_confirmed_by_id == world.users["community"].pk


def test_a_coordinator_records_a_report_confirmed_at_once(world, client_as):
    response = client_as("subdistrict").post(
        f"/api/volunteers/{world.v1.pk}/report/", {"community": world.a2.pk}, format="json"
    )
    assert response.status_code == 200
    assert (response.json()["reported_community"], response.json()["report_confirmed_at"] is not None) == (
        world.a2.pk,
        True,
    )


def test_only_in_office_members_report(world, client_as):
    world.v1.kind, world.v1.employer_unit = "retired", None
    world.v1.save()
    response = client_as("volunteer").post(f"/api/volunteers/{world.v1.pk}/report/", {}, format="json")
    assert (response.status_code, response.json()) == (
        400,
        {
            "message": "只有在职党员可以向社区报到。",
            "extra": {"code": "not_in_office", "fields": {}},
        },
    )


def test_nothing_to_confirm_without_a_report(world, client_as):
    response = client_as("community").post(f"/api/volunteers/{world.v1.pk}/report-confirm/")
    assert (response.status_code, response.json()["extra"]["code"]) == (400, "not_reported")


def test_a_report_to_another_community_is_confirmed_only_there(world, client_as):
    # given V1 reported to B1 (another sub-district) from their own account
    client_as("volunteer").post(f"/api/volunteers/{world.v1.pk}/report/", {"community": world.b1.pk}, format="json")
    # then A1's coordinator (V1's home) may not confirm it: it is B1's to confirm
    response = client_as("community").post(f"/api/volunteers/{world.v1.pk}/report-confirm/")
    assert response.status_code == 404


def test_a_coordinator_recording_a_report_to_another_scope_leaves_it_to_be_confirmed_there(world, client_as):
    response = client_as("community").post(
        f"/api/volunteers/{world.v1.pk}/report/", {"community": world.b1.pk}, format="json"
    )
    assert (response.status_code, response.json()["report_confirmed_at"]) == (200, None)
