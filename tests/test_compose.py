"""docker-compose.yml: the production stack's services exist, have health checks, and run real modules."""

import importlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_every_service_is_there_with_a_health_check():
    assert set(COMPOSE["services"]) == {"db", "redis", "backend", "worker", "beat", "frontend"}
    for name, service in COMPOSE["services"].items():
        assert "healthcheck" in service, name


def test_every_service_is_started_again_when_it_exits():
    # a Celery worker exits with "Unrecoverable error" when its result store meets a PostgreSQL restart (seen by the
    # season simulator): a process that exits must come back by itself, as a service manager brings it back
    for name, service in COMPOSE["services"].items():
        assert service.get("restart") == "unless-stopped", name


def _modules(command: list[str]) -> list[str]:
    """The Python modules a container command names: gunicorn's app, celery's -A app, -m modules, schedulers."""
    words = " ".join(command).replace("&&", " ").split()
    found = []
    for i, word in enumerate(words):
        if re.fullmatch(r"[A-Za-z_][\w.]*\.[\w.]+:[A-Za-z_]\w*", word):
            found.append(word)  # module:attribute
        if word == "-A":
            found.append(words[i + 1])
        if word == "--scheduler":
            found.append(words[i + 1])
    return found


@pytest.mark.parametrize("service", ["backend", "worker", "beat"])
def test_commands_name_real_modules(service, settings):
    command = COMPOSE["services"][service]["command"]
    modules = _modules(command)
    assert modules, command
    for target in modules:
        module_name, _, attribute = target.partition(":")
        module = importlib.import_module(module_name)
        if attribute:
            assert hasattr(module, attribute), target
        if module_name == "config":
            assert hasattr(module, "celery_app")


def test_the_backend_image_copies_what_the_commands_need():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "COPY backend/" in dockerfile and "COPY matching/" in dockerfile
    assert (ROOT / "frontend" / "Dockerfile").exists()


def test_docker_compose_validates_the_file():
    # Debian's docker-compose validates offline without an engine; CI installs it (.ci/run).
    if shutil.which("docker-compose") is None and not os.environ.get("CI"):
        pytest.skip("docker-compose is not installed here (CI installs it)")
    result = subprocess.run(
        ["docker-compose", "-f", str(ROOT / "docker-compose.yml"), "config", "-q"],
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SECRET_KEY": "x"},
    )
    assert result.returncode == 0, result.stderr


def test_the_production_image_carries_no_test_tools_and_runs_unprivileged():
    # given the image's recipe and the two requirement files
    dockerfile = (ROOT / "Dockerfile").read_text()
    production = (ROOT / "requirements.txt").read_text().lower()
    development = (ROOT / "requirements-dev.txt").read_text().lower()
    # then it installs production's packages only, and none of them is a test tool
    assert re.findall(r"pip install .*-r (\S+)", dockerfile) == ["requirements.txt"]
    for tool in ("pytest", "hypothesis", "factory_boy", "schemathesis", "django-zeal"):
        assert tool not in production, tool
        assert tool in development, tool
    assert "-r requirements.txt" in development
    # and its processes run as a user other than root
    users = re.findall(r"^USER\s+(\S+)", dockerfile, re.MULTILINE)
    assert users and users[-1] not in ("root", "0")


def test_nginx_lets_through_what_the_backend_accepts_and_says_who_asked():
    # given the web app's nginx configuration and the backend's limits
    from transfer.services import MAX_UPLOAD_BYTES

    nginx = (ROOT / "frontend" / "nginx.conf.template").read_text()
    gunicorn = [" ".join(COMPOSE["services"]["backend"]["command"]), (ROOT / "Dockerfile").read_text()]
    # then an import as big as the backend takes reaches it (its refusal of a bigger one is in the error shape)
    body = int(re.search(r"client_max_body_size (\d+)m;", nginx).group(1)) * 1024 * 1024
    assert body > MAX_UPLOAD_BYTES
    # and nginx waits for a request as long as gunicorn lets it run
    read = int(re.search(r"proxy_read_timeout (\d+)s;", nginx).group(1))
    for command in gunicorn:
        assert read >= int(re.search(r'--timeout"?,? "?(\d+)', command).group(1)), command
    # and the backend sees the host with its port (CSRF's origin check), the scheme and the caller's address
    for header in ("Host $http_host", "X-Forwarded-Proto $scheme", "X-Forwarded-For $proxy_add_x_forwarded_for"):
        assert f"proxy_set_header {header};" in nginx
    assert COMPOSE["x-backend-env"]["DJANGO_NUM_PROXIES"] == "${DJANGO_NUM_PROXIES:-1}"


def test_only_the_web_app_is_published():
    # the backend trusts X-Forwarded-For from one proxy (DJANGO_NUM_PROXIES): only nginx may reach it
    published = {name for name, service in COMPOSE["services"].items() if service.get("ports")}
    assert published == {"frontend"}


def _mounts(service: str) -> dict[str, str]:
    """{path in the container: volume} of a service."""
    return {volume.split(":")[1]: volume.split(":")[0] for volume in COMPOSE["services"][service]["volumes"]}


def test_each_service_keeps_its_counters_in_a_folder_of_its_own_and_the_backend_reads_the_workers():
    environment = {**COMPOSE["x-backend-env"], **COMPOSE["services"]["backend"]["environment"]}
    folder = environment["PROMETHEUS_MULTIPROC_DIR"]
    backend, worker = _mounts("backend"), _mounts("worker")
    # process ids repeat across containers: one folder each, or two processes would write one file
    assert backend[folder] != worker[folder]
    # /metrics (the backend's) sums the worker's folder too, mounted where METRICS_READ_DIRS says, read-only
    (read,) = environment["METRICS_READ_DIRS"].split(",")
    assert backend[read] == worker[folder]
    assert any(volume.endswith(f":{read}:ro") for volume in COMPOSE["services"]["backend"]["volumes"])


NOTICE_SETTINGS = (
    r"^(SMS_|EMAIL_|INVITATION_URL|ORDER_URL|NOTIFICATION_CHANNELS|DEFAULT_FROM_EMAIL|PRIVACY_)[A-Z0-9_]*="
)


def test_the_stack_takes_the_operator_s_settings_of_how_notices_reach_people():
    # every SMS, e-mail, invitation and privacy setting .env.example lists reaches the backend, worker and beat:
    # without one, the stack would send invitations linking to 127.0.0.1 or never send a text
    listed = {
        line.partition("=")[0]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if re.match(NOTICE_SETTINGS, line)
    }
    assert {"SMS_PROVIDER", "EMAIL_URL", "INVITATION_URL", "SMS_TEMPLATE_INVITATION"} <= listed
    forwarded = COMPOSE["x-backend-env"]
    assert sorted(listed - set(forwarded)) == []
    # the operator's value, else the settings' own default (a variable set empty would not fall back to it)
    base = (ROOT / "backend" / "config" / "settings" / "base.py").read_text()
    for name in listed:
        default = re.fullmatch(rf"\$\{{{name}:-(.*)\}}", forwarded[name])
        assert default, name
        own = re.search(rf"\benv\.\w+\(\s*[\"']{name}[\"'],\s*default=[\"']([^\"']*)[\"']", base)
        if own and name not in ("INVITATION_URL", "ORDER_URL"):  # the stack's own address, not the development server's
            assert default.group(1) == own.group(1), name
    for service in ("backend", "worker", "beat"):
        environment = COMPOSE["services"][service]["environment"]
        assert set(listed) <= set(environment), service
