"""Claimed and verified skills in matching: a skill of the catalogue that requires verification (medical care)
counts only as far as a coordinator verified it; any other counts as claimed, and the plan review marks the
assignments that rest on such an unverified claim."""

import datetime as dt

import pytest

import factories as f
from people.models import SkillVerification
from planning import mapper, services
from planning.models import Assignment, UnfilledSeat

from .conftest import SATURDAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def medical(world):
    return f.SkillFactory(code="medical", name="医疗义诊", requires_verification=True)


@pytest.fixture
def clinic(world, medical):
    """V1 free on Saturday 9-12 claims medical care 3; an A1 Saturday shift needs medical care 2."""
    world.v1.skills = {"medical": 3}
    world.v1.save()
    f.WeeklyAvailabilityFactory(volunteer=world.v1, weekday=6, start_time=dt.time(9), end_time=dt.time(12))
    return f.ShiftFactory(
        community=world.a1,
        title="义诊",
        seats=1,
        required_skills={"medical": 2},
        start=f.at(SATURDAY, 9),
        end=f.at(SATURDAY, 11),
    )


def _skills_in_problem(run, volunteer):
    return next(v["skills"] for v in mapper.build_problem(run).data["volunteers"] if v["id"] == f"v{volunteer.pk}")


def test_an_unverified_medical_claim_does_not_count_in_matching(world, queued_run, clinic):
    # given V1's medical care claimed but not verified
    run = queued_run(community=world.a1)
    # when the run's problem is built and solved
    skills = _skills_in_problem(run, world.v1)
    assert services.matching_run_execute(run_id=run.pk) == "done"
    # then the claim is not in the problem, and the clinic's seat stays unfilled
    assert skills == {}
    assert not Assignment.objects.filter(run=run).exists()
    assert UnfilledSeat.objects.get(run=run, shift=clinic).missing == 1


def test_a_verified_medical_level_counts_up_to_the_verification(world, queued_run, clinic, medical):
    # given V1's medical care verified at 2 (they claim 3)
    SkillVerification.objects.create(volunteer=world.v1, skill=medical, level=2)
    run = queued_run(community=world.a1)
    # when
    skills = _skills_in_problem(run, world.v1)
    assert services.matching_run_execute(run_id=run.pk) == "done"
    # then the verified level counts, and V1 takes the seat
    assert skills == {"medical": 2}
    assert list(Assignment.objects.filter(run=run).values_list("volunteer_id", "shift_id")) == [
        (world.v1.pk, clinic.pk)
    ]


def test_a_verification_never_counts_above_the_claim(world, queued_run, clinic, medical):
    # given V1 verified at 4 who now claims only 1
    SkillVerification.objects.create(volunteer=world.v1, skill=medical, level=4)
    world.v1.skills = {"medical": 1}
    world.v1.save()
    # when / then
    assert _skills_in_problem(queued_run(community=world.a1), world.v1) == {"medical": 1}


def test_an_ordinary_claim_counts_and_the_review_marks_it(world, client_as, queued_run, clinic, medical):
    # given V1 also claims first aid 2 (not verified), medical care is verified, and a second shift needs first aid
    SkillVerification.objects.create(volunteer=world.v1, skill=medical, level=3)
    world.v1.skills = {"medical": 3, "first_aid": 2}
    world.v1.save()
    f.WeeklyAvailabilityFactory(volunteer=world.v1, weekday=6, start_time=dt.time(14), end_time=dt.time(17))
    aid = f.ShiftFactory(
        community=world.a1,
        title="急救培训",
        seats=1,
        required_skills={"first_aid": 2},
        start=f.at(SATURDAY, 14),
        end=f.at(SATURDAY, 16),
    )
    run = queued_run(community=world.a1)
    # when the run is solved and its plan read
    assert _skills_in_problem(run, world.v1) == {"medical": 3, "first_aid": 2}
    assert services.matching_run_execute(run_id=run.pk) == "done"
    rows = client_as("community").get(f"/api/planning/runs/{run.pk}/assignments/").json()["results"]
    # then V1 is on both shifts, and only the first-aid one rests on an unverified claim
    assert [(row["shift"], row["unverified_skills"]) for row in rows] == [(clinic.pk, []), (aid.pk, ["first_aid"])]


def test_a_verification_below_the_required_level_is_still_a_claim(world, client_as, done_run):
    # given V1 (legal advice 3 claimed, verified at 1) on a shift needing legal advice 2, and first aid 1
    SkillVerification.objects.create(volunteer=world.v1, skill_id=f.SkillFactory(code="legal_advice").pk, level=1)
    run = done_run()
    shift = f.ShiftFactory(community=world.a1, required_skills={"legal_advice": 2, "first_aid": 0})
    Assignment.objects.create(run=run, shift=shift, volunteer=world.v1)
    # when the plan is read
    rows = client_as("community").get(f"/api/planning/runs/{run.pk}/assignments/").json()["results"]
    # then only the skill required above the verified level is marked (a level 0 requirement is none)
    assert [row["unverified_skills"] for row in rows] == [["legal_advice"]]


def test_adding_an_unverified_medical_claim_by_hand_says_verification_is_missing(world, client_as, done_run, clinic):
    # given a done run and V1, who claims medical care 3 that nobody verified
    run = done_run()
    # when the coordinator puts V1 on the clinic by hand
    response = client_as("community").post(
        f"/api/planning/runs/{run.pk}/assignments/", {"shift": clinic.pk, "volunteer": world.v1.pk}, format="json"
    )
    # then it is refused, saying that a verification is what is missing, and nothing is stored
    assert response.status_code == 400
    assert response.json()["extra"]["fields"] == {
        "volunteer": [
            "medical needs a coordinator's verification: claimed at level 3, verified at 0, level 2 required."
        ],
    }
    assert not Assignment.objects.filter(run=run).exists()
