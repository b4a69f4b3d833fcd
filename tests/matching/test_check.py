"""check() catches every kind of broken hard rule (so the property tests built on it mean something)."""

from matching import Solution, Status, check
from matching_factories import problem, request, resource, shift, volunteer


def plan(assignments=(), bookings=()):
    return Solution(Status.FEASIBLE, 0.0, 0.0, 0.0, 0.0, "test", tuple(assignments), tuple(bookings))


def test_check_reports_each_broken_rule():
    # given
    p = problem(
        [volunteer("v1", skills={"patrol": 1}, max_hours=3), volunteer("far", km=9), volunteer("v3")],
        [
            shift("s1", skills={"patrol": 2}),
            shift("s2", start="11:00", end="13:00"),
            shift("s3", day=1),
            shift("s4", resource_request="q1", start="14:00", end="15:00"),
        ],
        [resource("r1", kind="van", capacity=5)],
        [
            request("q1", min_capacity=30, start="14:00", end="15:00"),
            request("q2", kind="van", min_capacity=7, start="13:00", end="15:00"),
        ],
        locks=[{"volunteer": "v3", "shift": "s2"}],
        forbidden=[{"volunteer": "v3", "shift": "s1"}],
    )
    solution = plan(
        [("v1", "s1"), ("v1", "s2"), ("far", "s1"), ("v3", "s1"), ("v3", "s3"), ("v3", "s4")],
        [("r1", "q2"), ("r1", "q1")],
    )
    # when
    violations = check(p, solution)
    # then
    assert violations == [
        "skill: v1 has patrol 1 < 2 required by s1",
        "skill: far has patrol 0 < 2 required by s1",
        "distance: far is 9.02 km from s1, limit 5 km",
        "skill: v3 has patrol 0 < 2 required by s1",
        "availability: v3 is not free for all of s3 (2026-12-01T09:00-2026-12-01T12:00)",
        "overlap: v1 has overlapping shifts s1 and s2",
        "max_hours: v1 works 5 h > 3 h",
        "seats: s1 has 3 people for 1 seats",
        "lock: v3 is locked to s2 but not assigned",
        "forbidden: v3 is assigned to forbidden shift s1",
        "resource capacity: r1 holds 5 < 7 for q2",
        "resource kind: r1 is van, q1 needs meeting_room",
        "resource capacity: r1 holds 5 < 30 for q1",
        "resource overlap: r1 serves overlapping requests q2 and q1",
    ]
