"""Fixtures of the residents' order tests: English answers, the console SMS provider's outbox and the throttle
counters emptied, no quiet hours, and the code's SMS sent as a worker would once its request has committed."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from notifications.sms import console


@pytest.fixture
def api_language():
    return "en"  # messages asserted whole, in English


@pytest.fixture(autouse=True)
def _fresh(settings):
    settings.SMS_QUIET_START = settings.SMS_QUIET_END = 0
    console.outbox.clear()
    cache.clear()
    yield
    console.outbox.clear()
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks, eager):
    """`with committed(): client.post(...)`: what the request queued after its commit runs (the SMS task)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def order_codes():
    """The order codes the console provider sent to a number (national form, as typed in the tests)."""

    def sent(phone: str) -> list[str]:
        return [
            m["params"]["code"] for m in console.outbox if m["phone"] == f"+86{phone}" and m["template"] == "order_code"
        ]

    return sent


@pytest.fixture
def order_code(committed, order_codes):
    """order_code(community) -> the code of the SMS that confirms an order from the phone (13655551234 unless
    another is given), asked for on the community's public form from the address."""

    def ask(community, phone: str = "13655551234", address: str = "10.0.0.1") -> str:
        with committed():
            response = APIClient(REMOTE_ADDR=address).post(
                f"/api/public/communities/{community.pk}/order-form/request-code/", {"phone": phone}, format="json"
            )
        assert response.status_code == 202, response.content
        return order_codes(phone)[-1]

    return ask
