"""The dashboards aggregate in the database: the number of queries grows neither with weeks nor with communities."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

import factories as f
from lending.models import ResourceWithdrawal
from planning.models import ResourceBooking, UnfilledSeat

from .conftest import W2, at

PATHS = ["weeks", "hours-by-community", "fairness", "resources", "missing-skills"]


def _seed(world, plan, served, communities, weeks):
    """Every kind of row in each community and week: a published plan with an assignment, an unfilled seat and a
    booking, a need due, an approved record, a resource with a slot and a withdrawal."""
    for community in communities:
        volunteer = f.VolunteerFactory(home_community=community)
        resource = f.ResourceFactory(unit=world.u1, community=community)
        f.ResourceSlotFactory(resource=resource)
        for week in weeks:
            run = plan(community, week)
            shift = f.ShiftFactory(
                community=community, week=week, start=at(week, 9), end=at(week, 11), required_skills={"first_aid": 1}
            )
            run.assignments.create(shift=shift, volunteer=volunteer)
            UnfilledSeat.objects.create(run=run, shift=shift, missing=1, reasons=[{"code": "no_one_free", "count": 1}])
            ResourceBooking.objects.create(run=run, resource=resource, request=f.ResourceRequestFactory(shift=shift))
            f.NeedFactory(community=community, deadline=week, status="completed", finished_at=at(week, 10))
            served(volunteer, week, 60)
            ResourceWithdrawal.objects.create(resource=resource, date=week + dt.timedelta(days=2), reason="维修")


def _count(client, path, weeks):
    params = {"from": (W2 - dt.timedelta(weeks=weeks - 1)).isoformat(), "to": W2.isoformat()}
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/api/insights/{path}/", params).status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", PATHS)
def test_query_count_does_not_grow_with_weeks_or_communities(
    world, client_as, plan, served, path, django_assert_max_num_queries
):
    # given: 4 weeks of data in one community, then 12 weeks in four
    client = client_as("admin")
    four = [W2 - dt.timedelta(weeks=i) for i in range(4)]
    _seed(world, plan, served, [world.a1], four)
    small = _count(client, path, 4)
    more = [f.CommunityFactory(sub_district=world.s1) for _ in range(2)]
    _seed(world, plan, served, [world.a2, world.b1, *more], [W2 - dt.timedelta(weeks=i) for i in range(12)])

    # when / then
    with django_assert_max_num_queries(small):
        assert client.get(f"/api/insights/{path}/", {"weeks": 12}).status_code == 200
    assert _count(client, path, 12) == small
    assert small <= 10
