"""Fixtures of the run kernel's tests: English throughout (messages asserted whole)."""

import pytest


@pytest.fixture
def api_language():
    return "en"
