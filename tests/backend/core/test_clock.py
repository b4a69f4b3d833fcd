"""The settable clock (core.clock): with SIMULATED_CLOCK_FILE every process reads the time written in that file,
moved by the simulator without restarting anyone, running on with real time from there; production refuses it."""

import datetime as dt
import os
import subprocess
import sys
import zoneinfo

import pytest
from django.utils import timezone

from conftest import BACKEND
from core import clock
from core.clock import ClockFileError, clock_set
from factories import UserFactory
from notifications.models import ChannelPreference, Notification

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
FRIDAY_EVENING = dt.datetime(2027, 3, 5, 18, 0, tzinfo=SHANGHAI)


@pytest.fixture
def simulated(tmp_path):
    """The clock of this process installed on a file, and the real clock put back afterwards."""
    path = tmp_path / "clock"
    clock_set(path, FRIDAY_EVENING)
    clock.install(path)
    yield path
    clock.install(None)


def _real_span(action):
    before = clock.real_now()
    result = action()
    return result, clock.real_now() - before


def test_now_is_the_simulated_instant_running_on_with_real_time(simulated):
    # given a clock set to a Friday evening a few months from now
    # when the time is read
    read, elapsed = _real_span(lambda: (timezone.now(), clock.now()))
    # then both are that evening plus no more real time than has passed since it was set, in UTC
    for instant in read:
        assert FRIDAY_EVENING <= instant <= FRIDAY_EVENING + elapsed + dt.timedelta(seconds=5)
        assert instant.tzinfo == dt.UTC


def test_moving_the_clock_moves_the_dates_every_helper_gives(simulated):
    # given the clock moved to a Sunday noon in the district's zone (a Sunday 04:00 in UTC)
    clock_set(simulated, dt.datetime(2027, 3, 7, 12, 0, tzinfo=SHANGHAI))
    # when the date and time are read through Django's helpers, then they follow it in the district's zone
    assert timezone.localdate() == dt.date(2027, 3, 7)
    assert (timezone.localtime().date(), timezone.localtime().hour) == (dt.date(2027, 3, 7), 12)
    # when it is moved again, back in time
    clock_set(simulated, FRIDAY_EVENING)
    # then the next read follows without anything being restarted
    assert timezone.localdate() == dt.date(2027, 3, 5)


@pytest.fixture
def rows_made_before():
    """A row of each model made on the real clock first: Django caches a field's default once it has used it."""
    user = UserFactory()
    Notification.objects.create(recipient=user, kind="assigned", title="before", event_key="before")
    ChannelPreference.objects.create(user=user, sms=True)


@pytest.mark.django_db
def test_rows_take_their_creation_and_change_times_from_the_clock(rows_made_before, simulated):
    # given the simulated Friday evening (and rows made on the real clock before it was set)
    user = UserFactory()
    # when a row with default=timezone.now and a row with auto_now are written
    notice = Notification.objects.create(recipient=user, kind="assigned", title="t", event_key="k")
    preference = ChannelPreference.objects.create(user=user, sms=False)
    # then both carry the simulated time, not the real one
    notice.refresh_from_db()
    preference.refresh_from_db()
    assert FRIDAY_EVENING <= notice.created_at < FRIDAY_EVENING + dt.timedelta(minutes=5)
    assert FRIDAY_EVENING <= preference.updated_at < FRIDAY_EVENING + dt.timedelta(minutes=5)


def test_putting_the_real_clock_back_leaves_django_as_it_was(tmp_path):
    # given a clock installed and then removed
    path = tmp_path / "clock"
    clock_set(path, FRIDAY_EVENING)
    clock.install(path)
    clock.install(None)
    # then Django's own function is back, here and in the fields' defaults
    assert timezone.now is clock.real_now
    assert Notification._meta.get_field("created_at").default is clock.real_now
    assert timezone.now().year == dt.datetime.now(dt.UTC).year


def test_a_clock_file_that_is_not_two_instants_is_refused_naming_the_file(tmp_path):
    # given files that do not hold two zoned instants
    for text in ("tomorrow", "2027-03-05T18:00:00 2026-12-08T04:00:00"):
        path = tmp_path / "clock"
        path.write_text(text)
        # when a process installs it, then it stops there with the path named
        with pytest.raises(ClockFileError, match=str(path)):
            clock.install(path)
    clock.install(None)


def test_another_process_sees_the_clock_moved_without_being_restarted(tmp_path):
    # given a real process (as a Celery worker is) started on the clock file
    path = tmp_path / "clock"
    clock_set(path, FRIDAY_EVENING)
    code = (
        "import sys, django; django.setup(); from django.utils import timezone\n"
        "for line in sys.stdin:\n"
        "    print(timezone.now().isoformat(), timezone.localdate().isoformat(), flush=True)\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "SIMULATED_CLOCK_FILE": str(path)}
    process = subprocess.Popen(
        [sys.executable, "-c", code], cwd=BACKEND, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:

        def ask() -> tuple[dt.datetime, dt.date]:
            process.stdin.write("?\n")
            process.stdin.flush()
            instant, day = process.stdout.readline().split()
            return dt.datetime.fromisoformat(instant), dt.date.fromisoformat(day)

        # when it reads the time, then it is the simulated Friday
        instant, day = ask()
        assert FRIDAY_EVENING <= instant < FRIDAY_EVENING + dt.timedelta(minutes=5)
        assert day == dt.date(2027, 3, 5)
        # when the simulator moves the clock two weeks on, then the same process reads the new time
        clock_set(path, FRIDAY_EVENING + dt.timedelta(weeks=2))
        instant, day = ask()
        assert FRIDAY_EVENING + dt.timedelta(weeks=2) <= instant < FRIDAY_EVENING + dt.timedelta(weeks=2, minutes=5)
        assert day == dt.date(2027, 3, 19)
    finally:
        process.stdin.close()
        process.wait(timeout=60)
    assert process.returncode == 0


def test_production_refuses_a_simulated_clock(tmp_path):
    # given the production settings with a clock file named
    path = tmp_path / "clock"
    clock_set(path, FRIDAY_EVENING)
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": "x" * 64,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "VAR_DIR": str(tmp_path / "var"),
        "SIMULATED_CLOCK_FILE": str(path),
    }
    # when a process starts
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], cwd=BACKEND, env=env, capture_output=True, text=True
    )
    # then it stops, saying why
    assert result.returncode != 0
    assert "ImproperlyConfigured: SIMULATED_CLOCK_FILE is set" in result.stderr


def test_the_real_clock_is_django_s_own_when_no_file_is_named():
    # given the test settings, which name no clock file
    # then nothing was routed: timezone.now is Django's function and core.clock.now reads it
    assert timezone.now is clock.real_now
    assert abs(clock.now() - dt.datetime.now(dt.UTC)) < dt.timedelta(seconds=5)
