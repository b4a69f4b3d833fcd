"""The platform's version, in one place: the API schema (drf-spectacular), error reports and CHANGELOG.md's top
entry (checked by tests/backend/test_project_checks.py) read it."""

VERSION = "0.2.0"
