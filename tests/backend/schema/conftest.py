"""Operations whose answers are known not to match the schema, each a bug reported to the app that owns it.

They stay in the run (a fix turns them into XPASS, not a failure); every other operation must pass.
"""

import pytest

KNOWN_BUGS: dict[str, str] = {
    # "GET /api/...": "app: what does not match the schema",
}


def pytest_collection_modifyitems(items):
    for item in items:
        for operation, reason in KNOWN_BUGS.items():
            if f"[{operation}]" in item.name:
                item.add_marker(pytest.mark.xfail(reason=reason, strict=False))
