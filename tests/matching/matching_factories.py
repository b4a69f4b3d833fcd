"""Factories for tiny weekly problems: places about a kilometre apart near Zhongyuan, a Monday in 2026."""

from __future__ import annotations

from hypothesis import strategies as st

from matching.problem import parse_problem

LAT, LNG = 34.7480, 113.6200
KM_LAT = 1 / 111.0


def at(km_north: float = 0.0) -> dict:
    return {"lat": LAT + km_north * KM_LAT, "lng": LNG}


def t(day: int, hhmm: str) -> str:
    return f"2026-11-{30 + day:02d}T{hhmm}" if day == 0 else f"2026-12-{day:02d}T{hhmm}"


def volunteer(vid: str, *, km: float = 0.0, skills=None, free=((0, "08:00", "22:00"),), max_hours=10, **extra):
    return {
        "id": vid,
        "location": at(km),
        "skills": skills or {},
        "availability": [[t(d, a), t(d, b)] for d, a, b in free],
        "max_hours": max_hours,
        **extra,
    }


def shift(
    sid: str, *, day: int = 0, start="09:00", end="12:00", seats=1, priority=3, km: float = 0.0, skills=None, **extra
):
    return {
        "id": sid,
        "location": at(km),
        "start": t(day, start),
        "end": t(day, end),
        "seats": seats,
        "priority": priority,
        "required_skills": skills or {},
        **extra,
    }


def resource(
    rid: str, *, kind="meeting_room", capacity=40, features=(), km: float = 0.0, free=((0, "08:00", "22:00"),)
):
    return {
        "id": rid,
        "kind": kind,
        "capacity": capacity,
        "features": list(features),
        "location": at(km),
        "availability": [[t(d, a), t(d, b)] for d, a, b in free],
    }


def request(
    qid: str,
    *,
    kind="meeting_room",
    min_capacity=30,
    features=(),
    day=0,
    start="09:00",
    end="12:00",
    km: float = 0.0,
    priority=3,
    **extra,
):
    return {
        "id": qid,
        "kind": kind,
        "min_capacity": min_capacity,
        "features": list(features),
        "start": t(day, start),
        "end": t(day, end),
        "location": at(km),
        "priority": priority,
        **extra,
    }


def problem_dict(volunteers=(), shifts=(), resources=(), requests=(), **top) -> dict:
    return {
        "max_distance_km": 5.0,
        "volunteers": list(volunteers),
        "shifts": list(shifts),
        "resources": list(resources),
        "resource_requests": list(requests),
        **top,
    }


def problem(*args, **kwargs):
    return parse_problem(problem_dict(*args, **kwargs))


ROOT = __import__("os").path.dirname(
    __import__("os").path.dirname(__import__("os").path.dirname(__import__("os").path.abspath(__file__)))
)


def cli(*args, cwd=None):
    """Run `python -m matching ...` as a user would."""
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "matching", *args], capture_output=True, text=True, cwd=cwd)


# a random tiny week for property tests
@st.composite
def tiny_weeks(draw):
    n_v, n_s = draw(st.integers(1, 6)), draw(st.integers(1, 5))
    skills = ["patrol", "legal_advice"]
    vols = []
    for i in range(n_v):
        free = [
            (d, f"{draw(st.integers(7, 12)):02d}:00", f"{draw(st.integers(13, 21)):02d}:00")
            for d in draw(st.sets(st.integers(0, 2), min_size=1, max_size=3))
        ]
        vols.append(
            volunteer(
                f"v{i}",
                km=draw(st.floats(0, 7)),
                skills={k: draw(st.integers(1, 5)) for k in draw(st.sets(st.sampled_from(skills)))},
                free=free,
                max_hours=draw(st.sampled_from([2, 3, 4, 8])),
                max_distance_km=draw(st.sampled_from([None, 2.0, 4.0])),
                posts=draw(st.sampled_from([[], ["p1"]])),
            )
        )
    shifts, requests = [], []
    for j in range(n_s):
        start = draw(st.integers(8, 17))
        extra = {"post": "p1"} if draw(st.booleans()) else {}
        if draw(st.integers(0, 3)) == 0:
            requests.append(
                request(
                    f"q{j}",
                    day=j % 3,
                    start=f"{start:02d}:00",
                    end=f"{start + 2:02d}:00",
                    min_capacity=draw(st.sampled_from([10, 40])),
                )
            )
            extra["resource_request"] = f"q{j}"
        shifts.append(
            shift(
                f"s{j}",
                day=j % 3,
                start=f"{start:02d}:00",
                end=f"{start + draw(st.integers(1, 3)):02d}:00",
                seats=draw(st.integers(1, 3)),
                priority=draw(st.integers(1, 5)),
                km=draw(st.floats(0, 3)),
                skills={k: draw(st.integers(1, 3)) for k in draw(st.sets(st.sampled_from(skills), max_size=1))},
                **extra,
            )
        )
    resources = [resource("r1", capacity=30, free=[(d, "08:00", "22:00") for d in range(3)])]
    return problem_dict(vols, shifts, resources, requests)
