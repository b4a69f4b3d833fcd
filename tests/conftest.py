"""Repository-wide test set-up: the repo root and backend/ are importable (pytest.ini's pythonpath).

In CI (CI set) every service a test needs is running, so a skipped test is a failed one: a skip there means a
service is missing or broken, which must not pass silently.
"""

import os

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where every service must be present: {reason}"
