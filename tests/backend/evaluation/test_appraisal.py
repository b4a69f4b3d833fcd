"""Democratic appraisal (民主测评): coordinators open a round with one-time ballot codes, representatives rate every
unit without an account, a ballot counts once (the database holds it), and the results per unit."""

import re

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

import factories as f
from accounts.models import User
from evaluation import selectors
from evaluation.apis import BallotThrottle
from evaluation.models import AppraisalBallot, AppraisalRating

YEAR = 2025  # as in conftest
CODE = re.compile(r"^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$")


@pytest.fixture
def opened(world, client_as, u3):
    """opened(ballots=3) -> (round id, codes): a round of sub-district S1 over U1 and U3, by its coordinator."""

    def make(ballots=3):
        response = client_as("subdistrict").post(
            "/api/appraisal/rounds/",
            {
                "year": YEAR,
                "title": "2025年度民主测评",
                "sub_district": world.s1.pk,
                "units": [world.u1.pk, u3.pk],
                "ballots": ballots,
            },
            format="json",
        )
        assert response.status_code == 201, response.json()
        return response.json()["id"], response.json()["codes"]

    return make


def _ratings(world, u3, first="satisfied", second="dissatisfied"):
    return {"ratings": [{"unit": world.u1.pk, "rating": first}, {"unit": u3.pk, "rating": second}]}


def test_a_round_returns_its_codes_once_and_keeps_only_their_hashes(world, client_as, opened):
    # when the sub-district's coordinator opens a round of 3 ballots
    round_id, codes = opened(ballots=3)
    # then three distinct, unguessable codes, stored only as hashes
    assert len(set(codes)) == 3 and all(CODE.match(code) for code in codes)
    stored = set(AppraisalBallot.objects.filter(round_id=round_id).values_list("code_hash", flat=True))
    assert stored == {selectors.code_hash(code) for code in codes}
    assert not stored & set(codes)
    # and the round's detail never shows them again
    detail = client_as("subdistrict").get(f"/api/appraisal/rounds/{round_id}/").json()
    assert "codes" not in detail and (detail["ballot_count"], detail["used_count"]) == (3, 0)


def test_a_representative_sees_the_units_to_rate_without_an_account(world, client_as, opened, u3):
    _round_id, codes = opened()
    response = client_as("anonymous").get(f"/api/appraisal/ballots/{codes[0].lower()}/")  # typed in lower case
    assert (response.status_code, response.json()) == (
        200,
        {
            "year": YEAR,
            "title": "2025年度民主测评",
            "units": [{"id": world.u1.pk, "name": "中原区人民医院"}, {"id": u3.pk, "name": "中原区税务局"}],
            "ratings": [
                {"value": "satisfied", "label": "Satisfied"},
                {"value": "basically_satisfied", "label": "Basically satisfied"},
                {"value": "dissatisfied", "label": "Dissatisfied"},
            ],
        },
    )


def test_a_ballot_used_twice_is_refused_and_counted_once(world, client_as, opened, u3):
    # given a ballot submitted once
    round_id, codes = opened()
    anonymous = client_as("anonymous")
    first = anonymous.post(f"/api/appraisal/ballots/{codes[0]}/", _ratings(world, u3), format="json")
    # when it is sent again, with other ratings, and then opened
    again = anonymous.post(f"/api/appraisal/ballots/{codes[0]}/", _ratings(world, u3, "dissatisfied"), format="json")
    opened_again = anonymous.get(f"/api/appraisal/ballots/{codes[0]}/")
    # then it is refused, and its first ratings count once
    assert first.status_code == 204
    used = {"message": "This ballot has already been used.", "extra": {"code": "ballot_used", "fields": {}}}
    assert (again.status_code, again.json()) == (409, used)
    assert (opened_again.status_code, opened_again.json()) == (409, used)
    results = client_as("subdistrict").get(f"/api/appraisal/rounds/{round_id}/").json()["results"]
    assert [(row["unit"], row["count"], row["satisfied"], row["dissatisfied"]) for row in results] == [
        (world.u1.pk, 1, 1, 0),
        (u3.pk, 1, 0, 1),
    ]


def test_the_database_keeps_one_rating_per_ballot_and_unit(world, rated):
    appraisal_round = rated([world.u1], "satisfied")
    ballot = appraisal_round.ballots.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        AppraisalRating.objects.create(ballot=ballot, unit=world.u1, rating="dissatisfied")


def test_an_unknown_code_is_not_found(world, client_as, opened, u3):
    opened()
    response = client_as("anonymous").post(
        "/api/appraisal/ballots/AAAA-BBBB-CCCC-DDDD/", _ratings(world, u3), format="json"
    )
    assert (response.status_code, response.json()) == (
        404,
        {
            "message": "Not found.",
            "extra": {"code": "not_found", "fields": {}},
        },
    )


def test_a_ballot_must_rate_every_unit_of_the_round_once(world, client_as, opened, u3):
    _round_id, codes = opened()
    anonymous = client_as("anonymous")
    partial = anonymous.post(
        f"/api/appraisal/ballots/{codes[0]}/",
        {"ratings": [{"unit": world.u1.pk, "rating": "satisfied"}, {"unit": world.u2.pk, "rating": "satisfied"}]},
        format="json",
    )
    assert (partial.status_code, partial.json()) == (
        400,
        {
            "message": "The ratings do not match the appraisal's units.",
            "extra": {
                "code": "refused",
                "fields": {
                    "ratings": [
                        f"Not in this appraisal: {world.u2.pk}.",
                        f"Rate every unit of the appraisal; missing: {u3.pk}.",
                    ]
                },
            },
        },
    )
    bad = anonymous.post(
        f"/api/appraisal/ballots/{codes[0]}/", {"ratings": [{"unit": world.u1.pk, "rating": "great"}]}, format="json"
    )
    assert (bad.status_code, bad.json()["extra"]["fields"]) == (
        400,
        {
            "ratings": {"0": {"rating": ['"great" is not a valid choice.']}},  # by position
        },
    )
    # the ballot is still unused
    assert anonymous.post(f"/api/appraisal/ballots/{codes[0]}/", _ratings(world, u3), format="json").status_code == 204


def test_the_results_give_counts_and_the_satisfaction_rate_per_unit(world, client_as, opened, u3):
    # given four representatives' ballots
    round_id, codes = opened(ballots=5)
    anonymous = client_as("anonymous")
    votes = [
        ("satisfied", "dissatisfied"),
        ("satisfied", "dissatisfied"),
        ("basically_satisfied", "satisfied"),
        ("dissatisfied", "dissatisfied"),
    ]
    for code, (first, second) in zip(codes[:4], votes, strict=True):
        assert (
            anonymous.post(
                f"/api/appraisal/ballots/{code}/", _ratings(world, u3, first, second), format="json"
            ).status_code
            == 204
        )
    # when the coordinator reads the round
    response = client_as("subdistrict").get(f"/api/appraisal/rounds/{round_id}/")
    # then (satisfied + basically satisfied) / ratings
    assert response.status_code == 200
    assert (response.json()["ballot_count"], response.json()["used_count"]) == (5, 4)
    assert response.json()["results"] == [
        {
            "unit": world.u1.pk,
            "unit_name": "中原区人民医院",
            "count": 4,
            "satisfied": 2,
            "basically_satisfied": 1,
            "dissatisfied": 1,
            "satisfaction_rate": 0.75,
        },
        {
            "unit": u3.pk,
            "unit_name": "中原区税务局",
            "count": 4,
            "satisfied": 1,
            "basically_satisfied": 0,
            "dissatisfied": 3,
            "satisfaction_rate": 0.25,
        },
    ]


def test_rounds_are_scoped_to_the_coordinators_area(world, client_as, opened):
    round_id, _codes = opened()
    other = f.UserFactory(username="xizhan", role=User.Role.COMMUNITY, community=world.b1)
    client = client_as("anonymous")
    client.force_authenticate(other)
    assert client.get(f"/api/appraisal/rounds/{round_id}/").status_code == 404
    assert client.get("/api/appraisal/rounds/").json() == []
    assert [row["id"] for row in client_as("admin").get("/api/appraisal/rounds/").json()] == [round_id]
    # a community coordinator does not see their sub-district's round either
    assert client_as("community").get("/api/appraisal/rounds/").json() == []


def test_a_round_takes_only_units_and_areas_in_the_coordinators_scope(world, client_as):
    community = client_as("community")
    payload = {
        "year": YEAR,
        "title": "测评",
        "community": world.a1.pk,
        "units": [world.u1.pk, world.u2.pk],
        "ballots": 50,
    }
    outside_unit = community.post("/api/appraisal/rounds/", payload, format="json")
    assert (outside_unit.status_code, outside_unit.json()) == (
        400,
        {
            "message": "Only units located in the round's area can be appraised.",
            "extra": {"code": "refused", "fields": {"units": ["Outside the area: 郑州第九中学."]}},
        },
    )
    outside_area = community.post(
        "/api/appraisal/rounds/", {**payload, "community": world.b1.pk, "units": [world.u2.pk]}, format="json"
    )
    assert (outside_area.status_code, outside_area.json()) == (
        400,
        {
            "message": "You may not run an appraisal there.",
            "extra": {"code": "refused", "fields": {"community": ["Not in your scope."]}},
        },
    )
    both = community.post("/api/appraisal/rounds/", {**payload, "sub_district": world.s1.pk}, format="json")
    assert (both.status_code, both.json()["extra"]["fields"]) == (
        400,
        {
            "community": ["Give either a community or a sub-district."],
        },
    )
    assert client_as("unit").post("/api/appraisal/rounds/", payload, format="json").status_code == 403
    assert not AppraisalBallot.objects.exists()


def test_the_round_list_costs_the_same_queries_for_few_and_many_rounds(world, client_as, rated, u3):
    admin = client_as("admin")

    def listed_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert admin.get("/api/appraisal/rounds/").status_code == 200
        return len(queries)

    rated([world.u1, u3], "satisfied")
    few = listed_queries()
    for _n in range(5):
        rated([world.u1, u3], "satisfied", "dissatisfied")
    assert listed_queries() == few


def test_ballot_tries_are_throttled_per_address(world, client_as, monkeypatch):
    # given a tight rate (the real one is 120 a minute)
    monkeypatch.setattr(BallotThrottle, "rate", "2/minute")
    anonymous = client_as("anonymous")
    answers = [anonymous.get(f"/api/appraisal/ballots/WRONG-{n}/") for n in range(3)]
    assert [answer.status_code for answer in answers] == [404, 404, 429]
    assert answers[2].json()["extra"] == {"code": "throttled", "fields": {}}
