"""Writes of the resources list that follow from elsewhere: a community facility (六室四站) marked bookable is listed
as a venue, kept in step with the facility, so that it is entered once and booked like a unit's resource."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction

from geo.models import Facility
from resources.models import Resource, ResourceSlot

# The community centre's opening hours, given to a facility when it is first listed (weekday, from, to); the
# coordinator edits them afterwards as the resource's free slots.
FACILITY_OPENING_HOURS = [(day, dt.time(8, 30), dt.time(17, 30)) for day in range(1, 6)] + [
    (6, dt.time(9), dt.time(17))
]


def _listed_fields(facility: Facility) -> dict:
    """What the listing takes from the facility (and its community): never entered on the resource itself."""
    community = facility.community
    return {
        "unit": None,
        "community": community,
        "name": f"{community.name}{facility.name}",
        "category": Resource.Category.VENUE,
        "capacity": facility.capacity,
        "address": community.address,
        "lat": community.lat,
        "lng": community.lng,
        "status": Resource.Status.LISTED if facility.bookable else Resource.Status.WITHDRAWN,
    }


@transaction.atomic
def resource_sync_facility(*, facility: Facility) -> Resource | None:
    """The facility's listing, created when it first becomes bookable (with the opening hours as free slots),
    brought in step with it after every change, withdrawn (kept, with its bookings) when it stops being bookable."""
    fields = _listed_fields(facility)
    resource = Resource.objects.filter(facility=facility).first()
    if resource is None:
        if not facility.bookable:
            return None
        resource = Resource.objects.create(facility=facility, **fields)
        ResourceSlot.objects.bulk_create(
            ResourceSlot(resource=resource, weekday=day, start_time=start, end_time=end)
            for day, start, end in FACILITY_OPENING_HOURS
        )
        return resource
    changed = [name for name, value in fields.items() if getattr(resource, name) != value]
    if changed:
        for name in changed:
            setattr(resource, name, fields[name])
        resource.save(update_fields=[*changed, "updated_at"])  # save(): the audit history sees the change
    return resource


def resource_sync_facilities(*, facilities: Iterable[Facility]) -> int:
    """resource_sync_facility for many (facilities written in bulk send no signal); returns how many are listed."""
    return sum(resource_sync_facility(facility=facility) is not None for facility in facilities)
