"""Fixtures of the getting-in tests: English answers, the console SMS provider's outbox emptied, a clock the test
moves, and the sends queued after commit run as a worker would (an invitation and a code leave only once their
request has committed: notifications.sms.queue_sms, a delivery task, the console provider)."""

import datetime as dt
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.utils import timezone

from notifications.sms import console


@pytest.fixture
def api_language():
    return "en"  # messages asserted whole, in English


@pytest.fixture(autouse=True)
def _fresh():
    console.outbox.clear()
    cache.clear()
    yield
    console.outbox.clear()
    cache.clear()


class Clock:
    """timezone.now() as the test sets it: `clock.advance(minutes=11)`."""

    def __init__(self, start: dt.datetime):
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    moving = Clock(timezone.now())
    monkeypatch.setattr(timezone, "now", moving)
    return moving


@pytest.fixture(autouse=True)
def no_quiet_hours(settings):
    settings.SMS_QUIET_START = settings.SMS_QUIET_END = 0


@pytest.fixture
def committed(django_capture_on_commit_callbacks, eager):
    """`with committed(): client.post(...)`: what the request queued after its commit runs (the delivery task in
    this process)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@dataclass(frozen=True)
class Sms:
    phone: str
    template: str
    params: dict


@pytest.fixture
def sms():
    """The texts the console provider sent so far to a number (national form, as typed in the tests)."""

    def sent(phone: str, template: str | None = None) -> list[Sms]:
        return [
            Sms(m["phone"], m["template"], m["params"])
            for m in console.outbox
            if m["phone"] == f"+86{phone}" and template in (None, m["template"])
        ]

    return sent
