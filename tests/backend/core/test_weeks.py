"""The district's calendar: which day and which week it is, in the district's zone, whatever the machine's."""

import datetime as dt

from core.weeks import district_today, monday_of, next_monday

# 00:30 on Monday 7 December 2026 in Shanghai: still Sunday the 6th in UTC
MONDAY_JUST_AFTER_MIDNIGHT = dt.datetime(2026, 12, 6, 16, 30, tzinfo=dt.UTC)


def test_the_district_day_is_the_district_zone_s_not_utc_s():
    assert district_today(MONDAY_JUST_AFTER_MIDNIGHT) == dt.date(2026, 12, 7)


def test_a_week_runs_monday_to_sunday():
    assert [monday_of(dt.date(2026, 12, d)) for d in (6, 7, 9, 13, 14)] == [
        dt.date(2026, 11, 30),
        dt.date(2026, 12, 7),
        dt.date(2026, 12, 7),
        dt.date(2026, 12, 7),
        dt.date(2026, 12, 14),
    ]


def test_next_monday_is_the_coming_week_even_on_a_monday():
    assert next_monday(dt.date(2026, 12, 7)) == dt.date(2026, 12, 14)
    assert next_monday(dt.date(2026, 12, 13)) == dt.date(2026, 12, 14)


def test_the_defaults_are_the_district_s_today():
    assert monday_of() == monday_of(district_today())
    assert next_monday() == monday_of() + dt.timedelta(days=7)
