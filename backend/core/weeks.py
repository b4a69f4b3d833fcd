"""The district's calendar: its day and its weeks (Monday to Sunday), in the district's zone (TIME_ZONE), whatever
the zone of the machine or of a request. The one place that says which week a day belongs to."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone


def district_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def district_today(now: dt.datetime | None = None) -> dt.date:
    """The district's date now (not the machine's: at 00:30 on a Monday in Shanghai it is still Sunday in UTC)."""
    return timezone.localdate(now or timezone.now(), timezone=district_zone())


def monday_of(day: dt.date | None = None) -> dt.date:
    """The Monday of the week that holds `day` (the district's today by default)."""
    day = day or district_today()
    return day - dt.timedelta(days=day.weekday())


def next_monday(day: dt.date | None = None) -> dt.date:
    """The Monday after the week of `day`: the coming week, not the current one (a Monday gives the next)."""
    return monday_of(day) + dt.timedelta(days=7)
