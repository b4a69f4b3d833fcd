"""Unfilled seats explained in the reader's language: the optimizer's codes, counts and skills, the shift's
own time and place, and the skill catalogue's names; never the optimizer's English or its skill codes."""

import pytest

import factories as f
from planning.models import MatchingRun, UnfilledSeat

from .conftest import SATURDAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def seats(world, done_run):
    run = done_run()
    MatchingRun.objects.filter(pk=run.pk).update(
        metrics={
            "recruitment": [
                {
                    "kind": "volunteers",
                    "skills": {"legal_advice": 2},
                    "when": "Sat 12-05 09:00-11:00",
                    "near": "秦江社区",
                    "count": 3,
                    "what": "3 more volunteers with legal_advice ≥ 2 free Sat 12-05 09:00-11:00 within 5 km",
                },
                {
                    "kind": "resource",
                    "resource_kind": "venue",
                    "min_capacity": 30,
                    "features": ["projector"],
                    "when": "Sat 12-05 09:00-11:00",
                    "near": "秦江社区",
                    "count": 1,
                    "what": "one venue for ≥ 30",
                },
            ]
        }
    )
    busy = f.ShiftFactory(
        community=world.a1,
        title="法律咨询",
        required_skills={"legal_advice": 2},
        address="秦岭路18号",
        start=f.at(SATURDAY, 9),
        end=f.at(SATURDAY, 11),
    )
    UnfilledSeat.objects.create(
        run=run,
        shift=busy,
        missing=2,
        suggestion="2 more volunteers with legal_advice ≥ 2",
        reasons=[{"code": "all_busy", "message": "3 qualified people ...", "count": 3}],
    )
    roomless = f.ShiftFactory(community=world.a1, title="讲座", start=f.at(SATURDAY, 14), end=f.at(SATURDAY, 16))
    f.ResourceRequestFactory(shift=roomless, kind="venue", min_capacity=30, features=["projector"], max_distance_km=2.5)
    UnfilledSeat.objects.create(
        run=run,
        shift=roomless,
        missing=1,
        suggestion="one venue",
        reasons=[{"code": "no_room", "message": "no venue for ≥ 30"}],
    )
    removed = f.ShiftFactory(community=world.a1, title="巡逻", start=f.at(SATURDAY, 8), end=f.at(SATURDAY, 9))
    UnfilledSeat.objects.create(
        run=run, shift=removed, missing=1, reasons=[{"code": "removed", "message": "由协调员移除。"}]
    )
    return run


def _unfilled(client, run, language):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    return {row["shift_title"]: row for row in client.get(f"/api/planning/runs/{run.pk}/unfilled/").json()["results"]}


def test_english_readers_read_counts_skill_names_and_the_shifts_own_time(world, client_as, seats):
    rows = _unfilled(client_as("community"), seats, "en")
    busy = rows["法律咨询"]
    assert busy["reasons"] == [
        {"code": "all_busy", "count": 3, "message": "3 qualified people free at that time are on overlapping shifts."}
    ]
    assert busy["suggestion"] == (
        "Recruit 2 more volunteers with 法律咨询 at level 2 or above, free Sat 12-05 "
        "09:00–11:00, within 5 km of 秦岭路18号."
    )
    room = rows["讲座"]
    assert room["reasons"][0]["message"] == (
        "No Venue for at least 30 people with projector is free at that time within 2.5 km."
    )
    assert rows["巡逻"]["reasons"][0]["message"] == "由协调员移除。"  # stored in the remover's language


def test_chinese_readers_read_chinese(world, client_as, seats):
    rows = _unfilled(client_as("community"), seats, "zh-hans")
    busy = rows["法律咨询"]
    assert "legal_advice" not in str(busy) and "qualified" not in str(busy)
    assert "3" in busy["reasons"][0]["message"] and "法律咨询" in busy["suggestion"]
    assert "秦岭路18号" in busy["suggestion"]
    run = client_as("community").get(f"/api/planning/runs/{seats.pk}/").json()
    lines = [entry["what"] for entry in run["metrics"]["recruitment"]]
    assert all("legal_advice" not in line and "venue" not in line for line in lines), lines
    assert "法律咨询" in lines[0] and "30" in lines[1]


def test_the_recruitment_list_is_rendered_for_english_readers_too(world, client_as, seats):
    client = client_as("community")
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    lines = [e["what"] for e in client.get(f"/api/planning/runs/{seats.pk}/").json()["metrics"]["recruitment"]]
    assert lines == [
        "3 more volunteers with 法律咨询 at level 2 or above, free Sat 12-05 09:00–11:00, near 秦江社区",
        "Venue for at least 30 people with projector free Sat 12-05 09:00–11:00 near 秦江社区",
    ]
