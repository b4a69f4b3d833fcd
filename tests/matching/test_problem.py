"""Parsing and validation: every error names the field or id at fault."""

import pytest

from matching import ProblemError, parse_problem, problem_to_dict
from matching.generate import generate
from matching_factories import problem_dict, shift, volunteer


def test_valid_problem_round_trips_through_the_json_structure():
    # given
    data = problem_dict([volunteer("v1", skills={"legal_advice": 2})], [shift("s1", skills={"legal_advice": 2})])
    # when
    problem = parse_problem(data)
    again = parse_problem(problem_to_dict(problem))
    # then
    assert again == problem


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: d["volunteers"][0].pop("max_hours"), "volunteers[0] (id v1).max_hours: missing field"),
        (
            lambda d: d["shifts"][0].update(end="2026-11-30T08:00"),
            "shifts[0] (id s1).end: 2026-11-30T08:00 is not after start 2026-11-30T09:00",
        ),
        (
            lambda d: d["shifts"][0].update(start="Monday 9am"),
            "shifts[0] (id s1).start: not an ISO 8601 date-time: 'Monday 9am'",
        ),
        (
            lambda d: d.update(locks=[{"volunteer": "v9", "shift": "s1"}]),
            "locks[0].volunteer: unknown volunteer id 'v9'",
        ),
        (
            lambda d: d.update(forbidden=[{"volunteer": "v1", "shift": "s9"}]),
            "forbidden[0].shift: unknown shift id 's9'",
        ),
        (
            lambda d: d["shifts"][0].update(resource_request="q9"),
            "shifts[0] (id s1).resource_request: unknown resource request id 'q9'",
        ),
        (lambda d: d["shifts"][0].update(priority=9), "shifts[0] (id s1).priority: must be between 1 and 5, got 9"),
        (
            lambda d: d["volunteers"][0]["skills"].update(legal_advice=7),
            "volunteers[0] (id v1).skills.legal_advice: level must be between 1 and 5, got 7",
        ),
        (lambda d: d["volunteers"].append(dict(d["volunteers"][0])), "volunteers[1].id: duplicate id 'v1'"),
        (lambda d: d.pop("shifts"), "shifts: missing field"),
        (
            lambda d: d.update(weights={"speed": 1}),
            "weights.speed: unknown weight (known: keep, distance, skill, fairness, preference)",
        ),
    ],
)
def test_bad_input_names_the_field_or_id(mutate, message):
    # given
    data = problem_dict([volunteer("v1", skills={"legal_advice": 2})], [shift("s1")])
    mutate(data)
    # when / then
    with pytest.raises(ProblemError) as exc:
        parse_problem(data)
    assert str(exc.value) == message


def test_generator_is_deterministic_and_valid():
    # when
    first, second, other = generate("small", 7), generate("small", 7), generate("small", 8)
    # then
    assert first == second
    assert first != other
    problem = parse_problem(first)
    assert len(problem.volunteers) == 400 and len(problem.shifts) > 100
    assert all(34.6 < v.location.lat < 34.9 and 113.5 < v.location.lng < 113.8 for v in problem.volunteers)
