"""GET /api/insights/fairness/ and /api/insights/hours-by-community/: how hours spread over people and communities."""

import datetime as dt

import pytest

import factories as f
from insights.selectors import gini, top_share

from .conftest import PERIOD, W1, W2


@pytest.mark.parametrize(
    "hours, expected",
    [
        ([0, 0, 10, 30], 0.625),  # (-3*0 - 1*0 + 1*10 + 3*30) / (4 * 40)
        ([5, 5, 5, 5], 0.0),  # everybody the same
        ([0, 0, 0, 12], 0.75),  # one person has it all: (n - 1) / n
        ([], 0.0),
        ([0, 0], 0.0),  # nobody served: no inequality to speak of
    ],
)
def test_gini_of_worked_examples(hours, expected):
    assert gini(hours) == pytest.approx(expected)


def test_top_share_takes_at_least_one_person():
    assert top_share([0, 0, 10, 30]) == 0.75
    assert top_share([1] * 20) == 0.1  # the top 2 of 20
    assert top_share([0, 0]) is None


def test_fairness_per_community_over_active_volunteers(world, client_as, served):
    # given: four active volunteers of A2 with 0, 0, 10 and 30 hours in the period
    people = [f.VolunteerFactory(home_community=world.a2) for _ in range(4)]
    served(people[2], W1, 600)
    served(people[3], W1, 900)
    served(people[3], W2 + dt.timedelta(days=6), 900)  # the period's last Sunday
    served(people[3], W2 + dt.timedelta(days=7), 900)  # after the period
    f.VolunteerFactory(home_community=world.a2, active=False)  # inactive: not counted

    # when
    body = client_as("subdistrict").get("/api/insights/fairness/", {**PERIOD, "community": world.a2.pk}).json()

    # then
    expected = {
        "volunteers": 4,
        "volunteers_with_hours": 2,
        "hours": 40.0,
        "gini": 0.625,
        "top_10_share": 0.75,
        "mean": 10.0,
        "median": 5.0,
        "max": 30.0,
    }
    assert body["communities"] == [{"community": world.a2.pk, "name": "百花社区", **expected}]
    assert body["overall"] == expected
    assert body["scope"]["level"] == "community"


def test_hours_by_community_are_series_aligned_with_the_weeks(world, client_as, served):
    # given
    in_a2 = f.VolunteerFactory(home_community=world.a2)
    served(world.v1, W1, 90)
    served(in_a2, W2 + dt.timedelta(days=1), 60)
    served(in_a2, W2 + dt.timedelta(days=2), 30)
    served(world.v2, W1, 600)  # B1: another sub-district

    # when
    body = client_as("subdistrict").get("/api/insights/hours-by-community/", PERIOD).json()

    # then
    assert body["weeks"] == ["2026-11-16", "2026-11-23"]
    assert body["communities"] == [
        {"community": world.a1.pk, "name": "秦江社区", "hours": [1.5, 0.0], "total": 1.5},
        {"community": world.a2.pk, "name": "百花社区", "hours": [0.0, 1.5], "total": 1.5},
    ]
    assert body["totals"] == [1.5, 1.5]
    assert body["total"] == 3.0
