"""Fixtures of the 一编三定 tests: English answers, so that messages are asserted whole."""

import pytest


@pytest.fixture
def api_language():
    return "en"
