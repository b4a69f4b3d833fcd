"""Project-wide checks: Django's system checks (the deployment ones with production settings), migrations in step
with models, a valid OpenAPI schema, and .env.example in step with the settings."""

import os
import re
import secrets
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
        [
            sys.executable,
            "manage.py",
            "spectacular",
            "--validate",
            "--fail-on-warn",
            "--file",
            str(tmp_path / "schema.yml"),
        ],
        cwd=BACKEND,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "/api/shifts/generate/" in (tmp_path / "schema.yml").read_text()


def test_schema_and_docs_are_served(client, db):
    assert client.get("/api/schema/").status_code == 200
    assert b"swagger" in client.get("/api/docs/").content.lower()


def _production_env(tmp_path) -> dict:
    """The environment a production deploy has (no .env file is read: VAR_DIR points at an empty folder)."""
    return {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "volunteer.example.org",
        "DJANGO_CSRF_TRUSTED_ORIGINS": "https://volunteer.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "VAR_DIR": str(tmp_path / "var"),
        "PRIVACY_CONTROLLER": "示例区委组织部",
        "PRIVACY_CONTACT": "010-12345678",
        "INVITATION_URL": "https://volunteer.example.org/activate/",
        "ORDER_URL": "https://volunteer.example.org/order/",
        "SMS_PROVIDER": "aliyun",
        "EMAIL_URL": "smtp+tls://noreply%40example.org:secret@smtp.example.org:587",
    }


def test_deploy_checks_pass_with_production_settings(tmp_path):
    # given the production settings and a production environment
    # when Django's deployment checks run, warnings failing too
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BACKEND,
        env=_production_env(tmp_path),
        capture_output=True,
        text=True,
    )
    # then nothing is reported
    assert result.returncode == 0, result.stderr[-3000:]
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr


@pytest.mark.parametrize(
    "variable, value, said",
    [
        ("PRIVACY_CONTROLLER", "  ", "PRIVACY_CONTROLLER is empty"),
        ("PRIVACY_CONTACT", "", "PRIVACY_CONTACT is empty"),
        ("INVITATION_URL", "http://127.0.0.1:8000/activate/", "INVITATION_URL points at this host"),
        ("ORDER_URL", "http://localhost:8000/order/", "ORDER_URL points at this host"),
        ("SMS_PROVIDER", "console", "SMS_PROVIDER is console"),
        ("EMAIL_URL", "smtp://localhost:25", "EMAIL_URL names this host"),
    ],
)
def test_deploy_checks_warn_where_people_would_not_be_reached_or_told_who_holds_their_data(
    tmp_path, variable, value, said
):
    # given a production environment with one of these left at the demo's value
    env = _production_env(tmp_path)
    env[variable] = value
    # when Django's deployment checks run
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BACKEND,
        env=env,
        capture_output=True,
        text=True,
    )
    # then they fail, naming the variable to set
    assert result.returncode != 0
    assert said in result.stderr


def _env_example() -> list[str]:
    return (BACKEND.parent / ".env.example").read_text().splitlines()


def test_env_example_lists_every_variable_the_settings_read():
    # every env.<type>("NAME", ...) and environ.Env().<type>("NAME", ...) of the settings modules, and every
    # os.environ / os.getenv read of the backend (e.g. prometheus_client's PROMETHEUS_MULTIPROC_DIR)
    read = set()
    for module in (BACKEND / "config" / "settings").glob("*.py"):
        read |= set(re.findall(r"\b(?:env|Env\(\))\.\w+\(\s*\"([A-Z0-9_]+)\"", module.read_text()))
    from_os = set()
    for module in BACKEND.rglob("*.py"):
        from_os |= set(
            re.findall(
                r"\bos\.(?:environ\.get|environ\.setdefault|getenv)\(\s*\"([A-Z0-9_]+)\"|"
                r"\bos\.environ\[\"([A-Z0-9_]+)\"\]",
                module.read_text(),
            )
        )
    read |= {name for pair in from_os for name in pair if name}
    listed = {line.partition("=")[0] for line in _env_example() if re.match(r"^[A-Z0-9_]+=", line)}
    assert {"PLANNING_GAP", "PROMETHEUS_MULTIPROC_DIR", "DJANGO_SETTINGS_MODULE"} <= read, "the patterns need updating"
    assert sorted(read - listed) == []


def test_env_example_lists_the_template_of_every_kind_of_text():
    # SMS_TEMPLATES is read as SMS_TEMPLATE_<NAME> for each name of SMS_TEMPLATE_NAMES, which the pattern above misses
    from django.conf import settings

    listed = {line.partition("=")[0] for line in _env_example()}
    assert (
        sorted(
            f"SMS_TEMPLATE_{name.upper()}"
            for name in settings.SMS_TEMPLATE_NAMES
            if f"SMS_TEMPLATE_{name.upper()}" not in listed
        )
        == []
    )


def test_every_variable_of_env_example_is_explained_by_a_comment():
    # a variable, or a run of variables on consecutive lines, comes right after a comment saying what it does
    lines = _env_example()
    unexplained = []
    for number, line in enumerate(lines):
        if not re.match(r"^[A-Z0-9_]+=", line):
            continue
        before = number - 1
        while before >= 0 and re.match(r"^[A-Z0-9_]+=", lines[before]):
            before -= 1
        if before < 0 or not lines[before].startswith("# "):
            unexplained.append(line.partition("=")[0])
    assert unexplained == []


def test_settings_defaults_are_defined_once_in_the_settings():
    # a default given again where a setting is read (getattr(settings, NAME, default)) drifts from base.py's
    offenders = [
        f"{module.relative_to(BACKEND)}:{number}"
        for module in BACKEND.rglob("*.py")
        for number, line in enumerate(module.read_text().splitlines(), 1)
        if re.search(r"getattr\(\s*settings\s*,", line)
    ]
    assert offenders == []


def _settings_value(settings_module: str, env: dict, expression: str) -> subprocess.CompletedProcess:
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=BACKEND,
        capture_output=True,
        text=True,
        env={"PATH": os.environ.get("PATH", ""), "DJANGO_SETTINGS_MODULE": settings_module, **env},
    )


@pytest.mark.parametrize("key", [None, "", "change-me"])
def test_production_refuses_to_start_without_a_real_secret_key(tmp_path, key):
    # given a production environment with no key, an empty one or a short one
    env = _production_env(tmp_path)
    del env["DJANGO_SECRET_KEY"]
    if key is not None:
        env["DJANGO_SECRET_KEY"] = key
    # when the settings load
    result = _settings_value("config.settings.production", env, "settings.SECRET_KEY")
    # then they refuse, saying why
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


@pytest.mark.parametrize("settings_module", ["config.settings.local", "config.settings.test"])
def test_demo_and_test_settings_make_a_random_key_once_and_reuse_it(tmp_path, settings_module):
    # given two fresh installations without DJANGO_SECRET_KEY
    first, second = tmp_path / "first", tmp_path / "second"
    # when their settings load, the first one twice
    keys = [
        _settings_value(settings_module, {"VAR_DIR": str(var)}, "settings.SECRET_KEY").stdout.strip()
        for var in (first, first, second)
    ]
    # then each has a long key of its own in var/secret_key, readable by its owner only, kept across starts
    assert len(keys[0]) >= 50
    assert keys[0] == keys[1] == (first / "secret_key").read_text().strip()
    assert keys[2] != keys[0]
    assert (first / "secret_key").stat().st_mode & 0o077 == 0


def test_no_settings_module_carries_a_key_of_its_own():
    # the key the demo used to fall back to, and any literal given to SECRET_KEY, are gone from the settings
    for module in (BACKEND / "config" / "settings").glob("*.py"):
        text = module.read_text()
        assert "insecure-dev-key" not in text, module.name
        assert not re.search(r"SECRET_KEY\s*=\s*[\"']", text), module.name
        assert not re.search(r"\"DJANGO_SECRET_KEY\",\s*default=\"[^\"]", text), module.name


def test_one_version_number_in_the_schema_and_the_changelog(client, db):
    # given the version defined once
    from config.version import VERSION

    # then the API schema shows it, and the changelog's newest entry is that version
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    assert schema["info"]["version"] == VERSION
    changelog = (BACKEND.parent / "CHANGELOG.md").read_text()
    assert re.search(r"^## (\S+)", changelog, re.MULTILINE).group(1) == VERSION


def test_the_mail_server_is_one_url_with_its_user_password_and_security(tmp_path):
    # given a production environment naming a mail server with STARTTLS and an encoded user
    env = _production_env(tmp_path)
    env["EMAIL_URL"] = "smtp+ssl://noreply%40example.org:p%40ss@smtp.example.org:465"
    # when the settings are read
    result = _settings_value(
        "config.settings.production",
        env,
        "(settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD, "
        "settings.EMAIL_USE_SSL, settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT)",
    )
    # then Django's SMTP backend gets each part
    assert result.stdout.strip() == "('smtp.example.org', 465, 'noreply@example.org', 'p@ss', True, False, 10.0)", (
        result.stderr[-2000:]
    )
