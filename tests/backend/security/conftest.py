"""Fixtures of the security tests: English answers, and a cache emptied around each test (throttle counters)."""

import pytest
from django.core.cache import cache


@pytest.fixture
def api_language():
    return "en"  # messages asserted whole, in English


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()
