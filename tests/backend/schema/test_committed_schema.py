"""The web app's client is generated from frontend/src/api/openapi.json (its types: npm's api:check); that file must
be the schema the backend serves now, or the web app's types describe another API. `make api-client` rewrites it.

The schema is generated in a process of its own, as `make api-client` and a starting server do: some serializers'
help texts are translated when their module is imported, which in the test process happens before Chinese is on.
Both generate it as for PostgreSQL, the production database, whatever the tests run on: the integer fields' limits
come from the database backend (SQLite has none, PostgreSQL's smallint stops at 32767); nothing connects to it."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
COMMITTED = ROOT / "frontend" / "src" / "api" / "openapi.json"
SCHEMA_DATABASE_URL = "postgres://schema@127.0.0.1:1/schema"  # as the Makefile's api-client: never connected to


def test_the_web_apps_committed_schema_is_the_one_the_backend_generates():
    # given the schema the web app's types are generated from
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    # when the backend generates its schema now
    generated = subprocess.run(
        [sys.executable, "manage.py", "spectacular", "--format", "openapi-json"],
        cwd=ROOT / "backend",
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "DATABASE_URL": SCHEMA_DATABASE_URL},
        capture_output=True,
        text=True,
        check=True,
    )
    # then they are the same (run `make api-client` after changing the API)
    assert committed == json.loads(generated.stdout), (
        "frontend/src/api/openapi.json is out of date: run `make api-client`"
    )
