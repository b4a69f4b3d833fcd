"""Skill levels a volunteer gives themself are claims; a coordinator of their scope verifies a level (with a note
or a certificate reference) or revokes it; the volunteer raising their claim does not raise the verified level."""

import pytest

import factories as f
from people.models import SkillVerification

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_language():
    return "en"  # messages asserted whole, in English


def _verify(client, volunteer, **body):
    return client.post(f"/api/volunteers/{volunteer.pk}/verify-skill/", body, format="json")


def test_a_coordinator_verifies_a_level_with_a_note(world, client_as):
    # given V1, who claims legal advice 3
    # when A1's coordinator verifies level 2 against a certificate
    response = _verify(client_as("community"), world.v1, skill="legal_advice", level=2, note="律师执业证 No.4101")
    # then the verification is stored and answered, and the profile shows it beside the claim
    verification = SkillVerification.objects.get()
    assert (response.status_code, response.json()) == (
        200,
        {
            "skill": "legal_advice",
            "level": 2,
            "note": "律师执业证 No.4101",
            "verified_by": world.users["community"].display_name,
            "verified_at": response.json()["verified_at"],
        },
    )
    assert (verification.volunteer, verification.level, verification.verified_by) == (
        world.v1,
        2,
        world.users["community"],
    )
    profile = client_as("volunteer").get(f"/api/volunteers/{world.v1.pk}/").json()
    assert (profile["skills"], [(v["skill"], v["level"]) for v in profile["verified_skills"]]) == (
        {"legal_advice": 3},
        [("legal_advice", 2)],
    )


def test_a_second_verification_replaces_the_first(world, client_as):
    client = client_as("community")
    _verify(client, world.v1, skill="legal_advice", level=2)
    response = _verify(client, world.v1, skill="legal_advice", level=3, note="复核")
    assert response.status_code == 200
    assert list(SkillVerification.objects.values_list("level", "note")) == [(3, "复核")]


def test_raising_ones_own_claim_does_not_raise_the_verified_level(world, client_as):
    # given V1's legal advice verified at 2
    _verify(client_as("community"), world.v1, skill="legal_advice", level=2)
    # when V1 claims level 5 on their profile
    response = client_as("volunteer").patch(
        f"/api/volunteers/{world.v1.pk}/", {"skills": {"legal_advice": 5}}, format="json"
    )
    # then the claim is theirs, and the verified level stays 2
    assert response.status_code == 200, response.json()
    assert (response.json()["skills"], response.json()["verified_skills"][0]["level"]) == ({"legal_advice": 5}, 2)


def test_a_volunteer_cannot_verify_even_their_own_skill(world, client_as):
    response = _verify(client_as("volunteer"), world.v1, skill="legal_advice", level=3)
    assert (response.status_code, response.json()) == (
        403,
        {
            "message": "Only coordinators verify skill levels.",
            "extra": {"code": "permission_denied", "fields": {}},
        },
    )
    assert not SkillVerification.objects.exists()


def test_a_unit_representative_cannot_verify(world, client_as):
    response = _verify(client_as("unit"), world.v1, skill="legal_advice", level=3)
    assert response.status_code == 403
    assert not SkillVerification.objects.exists()


@pytest.mark.parametrize("role", ["community", "subdistrict"])
def test_verifying_outside_ones_scope_is_not_found(world, client_as, role):
    # given V2, who lives in B1 (sub-district S2)
    # when a coordinator of A1 or of S1 verifies V2's skill
    response = _verify(client_as(role), world.v2, skill="first_aid", level=2)
    # then
    assert (response.status_code, response.json()) == (
        404,
        {
            "message": "Not found.",
            "extra": {"code": "not_found", "fields": {}},
        },
    )
    assert not SkillVerification.objects.exists()


def test_bad_input_names_the_field(world, client_as):
    response = _verify(client_as("community"), world.v1, skill="juggling", level=6)
    assert (response.status_code, response.json()) == (
        400,
        {
            "message": "skill: Object with code=juggling does not exist.",
            "extra": {
                "code": "invalid",
                "fields": {
                    "skill": ["Object with code=juggling does not exist."],
                    "level": ["Ensure this value is less than or equal to 5."],
                },
            },
        },
    )


def test_a_coordinator_revokes_a_verification(world, client_as):
    # given a verified skill
    client = client_as("community")
    _verify(client, world.v1, skill="legal_advice", level=3)
    # when it is revoked, and revoked again
    revoked = client.post(f"/api/volunteers/{world.v1.pk}/revoke-skill/", {"skill": "legal_advice"}, format="json")
    again = client.post(f"/api/volunteers/{world.v1.pk}/revoke-skill/", {"skill": "legal_advice"}, format="json")
    # then the first goes, and the second is told there is nothing to revoke
    assert revoked.status_code == 204
    assert not SkillVerification.objects.exists()
    assert (again.status_code, again.json()) == (
        400,
        {
            "message": "This skill of the volunteer is not verified.",
            "extra": {"code": "not_verified", "fields": {"skill": ["Not verified."]}},
        },
    )


def test_verifications_and_revocations_are_in_the_audit_history(world, client_as):
    from auditlog.models import LogEntry

    client = client_as("community")
    _verify(client, world.v1, skill="legal_advice", level=3)
    client.post(f"/api/volunteers/{world.v1.pk}/revoke-skill/", {"skill": "legal_advice"}, format="json")
    entries = LogEntry.objects.filter(content_type__model="skillverification").order_by("pk")
    assert [entry.action for entry in entries] == [LogEntry.Action.CREATE, LogEntry.Action.DELETE]


def test_the_catalogue_says_which_skills_need_verification(world, client_as):
    f.SkillFactory(code="medical", name="医疗义诊", requires_verification=True)
    response = client_as("volunteer").get("/api/skills/", {"requires_verification": "true"})
    assert [row["code"] for row in response.json()["results"]] == ["medical"]
