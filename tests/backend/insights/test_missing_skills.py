"""GET /api/insights/missing-skills/: the skills unfilled seats lacked, ranked: what to recruit."""

from planning.models import UnfilledSeat

from .conftest import PERIOD, W1, W2

NOBODY_FIRST_AID = {"code": "no_skill_in_range", "message": "nobody", "skill": "first_aid", "level": 2}
NOT_FREE = {"code": "no_one_free", "message": "not free", "count": 3}
NO_ROOM = {"code": "no_room", "message": "no room"}


def _unfilled(run, shift, missing, *reasons):
    return UnfilledSeat.objects.create(run=run, shift=shift, missing=missing, reasons=list(reasons))


def test_missing_skills_are_ranked_by_seats_over_the_runs_that_count(world, client_as, plan, shift):
    # given: week 1 published: 2 seats need first aid nobody in range has, 1 seat needs legal advice and first aid
    week1 = plan(world.a1, W1)
    _unfilled(week1, shift(world.a1, W1, required_skills={"first_aid": 2}), 2, NOBODY_FIRST_AID)
    _unfilled(week1, shift(world.a1, W1, required_skills={"legal_advice": 1, "first_aid": 1}), 1, NOT_FREE)
    _unfilled(week1, shift(world.a1, W1), 4, NOT_FREE)  # no particular skill
    _unfilled(week1, shift(world.a1, W1, required_skills={"first_aid": 1}), 5, NO_ROOM)  # only a room is missing
    # week 2 unpublished: the latest version counts (1 legal advice seat), not the older one (5 seats)
    patrol = shift(world.a1, W2, required_skills={"legal_advice": 3})
    _unfilled(plan(world.a1, W2, version=1, published=False), patrol, 5, NOT_FREE)
    _unfilled(plan(world.a1, W2, version=2, published=False), patrol, 1, NOT_FREE)
    # B1 is not the coordinator's
    _unfilled(plan(world.b1, W1), shift(world.b1, W1, required_skills={"legal_advice": 1}), 9, NOT_FREE)

    # when
    response = client_as("community").get("/api/insights/missing-skills/", PERIOD)

    # then
    assert response.status_code == 200
    body = response.json()
    assert body["skills"] == [
        {
            "rank": 1,
            "skill": "first_aid",
            "name": "急救",
            "name_en": "",
            "seats": 3,
            "seats_nobody_in_range": 2,
            "shifts": 2,
            "communities": 1,
            "max_level": 2,
            "weeks": ["2026-11-16"],
        },
        {
            "rank": 2,
            "skill": "legal_advice",
            "name": "法律咨询",
            "name_en": "",
            "seats": 2,
            "seats_nobody_in_range": 0,
            "shifts": 2,
            "communities": 1,
            "max_level": 3,
            "weeks": ["2026-11-16", "2026-11-23"],
        },
    ]
    assert (body["seats_needing_no_skill"], body["seats_missing_a_room"]) == (4, 5)


def test_a_published_plan_counts_before_a_later_unpublished_run(world, client_as, plan, shift):
    # given: version 1 published, version 2 run afterwards but not published
    seat = shift(world.a1, W1, required_skills={"first_aid": 1})
    _unfilled(plan(world.a1, W1, version=1), seat, 1, NOT_FREE)
    _unfilled(plan(world.a1, W1, version=2, published=False), seat, 6, NOT_FREE)

    # when
    skills = client_as("admin").get("/api/insights/missing-skills/", PERIOD).json()["skills"]

    # then
    assert [(s["skill"], s["seats"]) for s in skills] == [("first_aid", 1)]
