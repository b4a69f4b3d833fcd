"""withdrawn_days: what the planning mapper will read so that future runs never book a withdrawn resource."""

import datetime as dt

import pytest

import factories as f
from lending.models import ResourceWithdrawal
from lending.selectors import withdrawn_days

pytestmark = pytest.mark.django_db


def test_withdrawn_days_maps_each_resource_to_its_days_in_the_range():
    # given
    hall, room, other = f.ResourceFactory(), f.ResourceFactory(), f.ResourceFactory()
    for resource, day in [
        (hall, dt.date(2026, 12, 5)),
        (hall, dt.date(2026, 12, 6)),
        (hall, dt.date(2026, 12, 7)),
        (room, dt.date(2026, 11, 29)),
        (other, dt.date(2026, 12, 1)),
    ]:
        ResourceWithdrawal.objects.create(resource=resource, date=day, reason="检修")
    # when
    days = withdrawn_days(resource_ids=[hall.pk, room.pk], start=dt.date(2026, 11, 30), end=dt.date(2026, 12, 6))
    # then: inclusive bounds, only the resources asked for, none without days
    assert days == {hall.pk: {dt.date(2026, 12, 5), dt.date(2026, 12, 6)}}
    assert withdrawn_days(resource_ids=[], start=dt.date(2026, 11, 30), end=dt.date(2026, 12, 6)) == {}
