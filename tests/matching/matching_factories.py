"""Factories for tiny weekly problems: places about a kilometre apart near Zhongyuan, a Monday in 2026."""
from __future__ import annotations

from matching.problem import parse_problem

LAT, LNG = 34.7480, 113.6200
KM_LAT = 1 / 111.0


def at(km_north: float = 0.0) -> dict:
    return {"lat": LAT + km_north * KM_LAT, "lng": LNG}


def t(day: int, hhmm: str) -> str:
    return f"2026-11-{30 + day:02d}T{hhmm}" if day == 0 else f"2026-12-{day:02d}T{hhmm}"


def volunteer(vid: str, *, km: float = 0.0, skills=None, free=((0, "08:00", "22:00"),), max_hours=10, **extra):
    return {"id": vid, "location": at(km), "skills": skills or {},
            "availability": [[t(d, a), t(d, b)] for d, a, b in free], "max_hours": max_hours, **extra}


def shift(sid: str, *, day: int = 0, start="09:00", end="12:00", seats=1, priority=3, km: float = 0.0,
          skills=None, **extra):
    return {"id": sid, "location": at(km), "start": t(day, start), "end": t(day, end), "seats": seats,
            "priority": priority, "required_skills": skills or {}, **extra}


def resource(rid: str, *, kind="meeting_room", capacity=40, features=(), km: float = 0.0,
             free=((0, "08:00", "22:00"),)):
    return {"id": rid, "kind": kind, "capacity": capacity, "features": list(features), "location": at(km),
            "availability": [[t(d, a), t(d, b)] for d, a, b in free]}


def request(qid: str, *, kind="meeting_room", min_capacity=30, features=(), day=0, start="09:00", end="12:00",
            km: float = 0.0, priority=3, **extra):
    return {"id": qid, "kind": kind, "min_capacity": min_capacity, "features": list(features),
            "start": t(day, start), "end": t(day, end), "location": at(km), "priority": priority, **extra}


def problem_dict(volunteers=(), shifts=(), resources=(), requests=(), **top) -> dict:
    return {"max_distance_km": 5.0, "volunteers": list(volunteers), "shifts": list(shifts),
            "resources": list(resources), "resource_requests": list(requests), **top}


def problem(*args, **kwargs):
    return parse_problem(problem_dict(*args, **kwargs))

ROOT = __import__("os").path.dirname(__import__("os").path.dirname(__import__("os").path.dirname(
    __import__("os").path.abspath(__file__))))


def cli(*args, cwd=None):
    """Run `python -m matching ...` as a user would."""
    import subprocess
    import sys
    return subprocess.run([sys.executable, "-m", "matching", *args], capture_output=True, text=True, cwd=cwd)
