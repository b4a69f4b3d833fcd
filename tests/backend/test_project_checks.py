"""Project-wide checks: Django's system checks, migrations in step with models, a valid OpenAPI schema."""
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

BACKEND = Path(__file__).resolve().parents[2] / "backend"


def test_system_checks_pass():
    call_command("check", fail_level="WARNING")


@pytest.mark.django_db
def test_migrations_match_the_models():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_openapi_schema_is_valid_without_warnings(tmp_path):
    # spectacular's --validate checks against the OpenAPI 3 meta-schema; warnings fail too
    result = subprocess.run(
        [sys.executable, "manage.py", "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml")],
        cwd=BACKEND, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "/api/shifts/generate/" in (tmp_path / "schema.yml").read_text()


def test_schema_and_docs_are_served(client, db):
    assert client.get("/api/schema/").status_code == 200
    assert b"swagger" in client.get("/api/docs/").content.lower()
