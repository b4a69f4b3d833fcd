"""A volunteer's preferences (kinds of service, communities) are theirs to set on their own profile, checked
against the kinds the project has; a unit representative does not see them."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_language():
    return "en"  # messages asserted whole, in English


def test_a_volunteer_states_kinds_of_service_and_communities_they_prefer(world, client_as):
    # given V1 on their own profile
    client = client_as("volunteer")
    # when they prefer patrols and elderly care, in A2 and B1
    response = client.patch(
        f"/api/volunteers/{world.v1.pk}/",
        {
            "preferred_kinds": ["patrol", "elderly"],
            "preferred_communities": [world.a2.pk, world.b1.pk],
        },
        format="json",
    )
    # then the profile keeps them, as it is read back
    assert response.status_code == 200
    body = client.get(f"/api/volunteers/{world.v1.pk}/").json()
    assert (body["preferred_kinds"], sorted(body["preferred_communities"])) == (
        ["patrol", "elderly"],
        sorted([world.a2.pk, world.b1.pk]),
    )
    world.v1.refresh_from_db()
    assert world.v1.preferred_kinds == ["patrol", "elderly"]
    assert set(world.v1.preferred_communities.values_list("pk", flat=True)) == {world.a2.pk, world.b1.pk}


def test_an_unknown_kind_of_service_is_refused_and_nothing_is_stored(world, client_as):
    # given / when a kind the project does not have, beside a good one
    response = client_as("volunteer").patch(
        f"/api/volunteers/{world.v1.pk}/",
        {"preferred_kinds": ["patrol", "juggling"]},
        format="json",
    )
    # then
    assert (response.status_code, response.json()) == (
        400,
        {
            "message": 'preferred_kinds: 1: "juggling" is not a valid choice.',
            "extra": {"code": "invalid", "fields": {"preferred_kinds": {"1": ['"juggling" is not a valid choice.']}}},
        },
    )
    world.v1.refresh_from_db()
    assert world.v1.preferred_kinds == []


def test_a_kind_named_twice_and_a_community_that_does_not_exist_are_refused(world, client_as):
    client = client_as("volunteer")
    # when / then
    twice = client.patch(f"/api/volunteers/{world.v1.pk}/", {"preferred_kinds": ["patrol", "patrol"]}, format="json")
    assert (twice.status_code, twice.json()) == (
        400,
        {
            "message": "preferred_kinds: A kind of service is named twice.",
            "extra": {"code": "invalid", "fields": {"preferred_kinds": ["A kind of service is named twice."]}},
        },
    )
    missing = client.patch(f"/api/volunteers/{world.v1.pk}/", {"preferred_communities": [999999]}, format="json")
    assert (missing.status_code, missing.json()) == (
        400,
        {
            "message": 'preferred_communities: Invalid pk "999999" - object does not exist.',
            "extra": {
                "code": "invalid",
                "fields": {"preferred_communities": ['Invalid pk "999999" - object does not exist.']},
            },
        },
    )


def test_a_volunteer_cannot_set_another_volunteers_preferences(world, client_as):
    # when V1 writes to V2's profile (out of their scope)
    response = client_as("volunteer").patch(
        f"/api/volunteers/{world.v2.pk}/",
        {"preferred_kinds": ["patrol"]},
        format="json",
    )
    # then it does not exist for them, and V2 keeps none
    assert response.status_code == 404
    world.v2.refresh_from_db()
    assert world.v2.preferred_kinds == []


def test_a_unit_representative_does_not_see_preferences(world, client_as):
    # given V1, who consented to share with U1, prefers patrols
    world.v1.preferred_kinds = ["patrol"]
    world.v1.save()
    # when U1's representative reads the profile
    body = client_as("unit").get(f"/api/volunteers/{world.v1.pk}/").json()
    # then
    assert "preferred_kinds" not in body and "preferred_communities" not in body
