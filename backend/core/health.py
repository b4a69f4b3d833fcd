"""`/healthz` (this process answers) and `/readyz` (the database, the broker and at least one Celery worker
answered within READYZ_TIMEOUT_SECONDS), for container health checks, load balancers and nginx.

They are answered by a middleware placed first, before host validation, the HTTPS redirect, sessions,
authentication, throttling and the request transaction: a probe from inside a container (Host 127.0.0.1, plain
HTTP) gets the real answer, `/healthz` never touches the database, and neither reveals anybody's data.
"""

import logging
import os
import time
from concurrent.futures import ThreadPoolExecutor, wait

from django.conf import settings
from django.db import connections
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

from core.errors import error_body
from core.metrics import METRICS, metrics_response

log = logging.getLogger(__name__)

HEALTHZ = "/healthz"
READYZ = "/readyz"


def database_check() -> str:
    connection = connections["default"]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    finally:
        connection.close()  # runs in a thread of its own: leave no connection behind
    return "ok"


def broker_check(timeout: float) -> str:
    """Redis answers PING; the filesystem broker's folders exist and are writable."""
    if settings.REDIS_URL:
        import redis

        client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=timeout, socket_connect_timeout=timeout)
        try:
            client.ping()
        finally:
            client.close()
        return "ok"
    options = settings.CELERY_BROKER_TRANSPORT_OPTIONS
    for key in ("data_folder_in", "control_folder"):
        if not os.access(options[key], os.W_OK | os.X_OK):
            raise OSError(f"{key} is not writable")
    return "ok"


def workers_check(timeout: float) -> str:
    """A broadcast ping that the first worker to answer ends (Celery's remote control, on Redis and on kombu's
    filesystem broker alike). On the filesystem broker the reply is read by polling: this connection polls every
    50 ms instead of the transport's default second, so that an answer inside the time-out is seen in time."""
    from config import celery_app

    options = {**celery_app.conf.broker_transport_options}
    if not settings.REDIS_URL:
        options["polling_interval"] = 0.05
    with celery_app.connection_for_write(transport_options=options) as connection:
        replies = celery_app.control.ping(timeout=timeout, limit=1, connection=connection)
    if not replies:
        raise TimeoutError("no worker answered")
    return "ok"


def readiness() -> dict[str, str]:
    """Every check at once, each given the time-out; {name: "ok" | why it failed}. A check still running at the
    deadline has failed (its thread is left to finish on its own)."""
    timeout = settings.READYZ_TIMEOUT_SECONDS
    checks = {
        "database": database_check,
        "broker": lambda: broker_check(timeout),
        "workers": lambda: workers_check(timeout),
    }
    pool = ThreadPoolExecutor(max_workers=len(checks), thread_name_prefix="readyz")
    futures = {name: pool.submit(check) for name, check in checks.items()}
    # the ping itself waits up to `timeout`; allow it the time to return its answer
    done, _pending = wait(futures.values(), timeout=timeout + 0.5)
    pool.shutdown(wait=False)
    results = {}
    for name, future in futures.items():
        if future not in done:
            results[name] = "timed out"
        elif future.exception() is not None:
            # the exception's type only: messages may carry host names or addresses
            results[name] = f"failed: {type(future.exception()).__name__}"
        else:
            results[name] = future.result()
    return results


def readyz_response() -> JsonResponse:
    started = time.monotonic()
    results = readiness()
    failed = {name: result for name, result in results.items() if result != "ok"}
    if failed:
        log.warning("not ready: %s", ", ".join(f"{name} {result}" for name, result in failed.items()))
        body = error_body(_("Not ready: %s.") % ", ".join(failed), "not_ready", failed)
        response = JsonResponse(body, status=503)
        response["Retry-After"] = "5"
        response._has_been_logged = True  # logged above, once, without Django's "Service Unavailable" error
    else:
        response = JsonResponse({"status": "ready", "checks": results, "seconds": round(time.monotonic() - started, 3)})
    response["Cache-Control"] = "no-store"
    return response


def healthz_response() -> JsonResponse:
    response = JsonResponse({"status": "ok"})
    response["Cache-Control"] = "no-store"
    return response


class HealthMiddleware:
    """Answers GET/HEAD /healthz, /readyz and /metrics (core.metrics, which checks its caller) before every other
    middleware (see the module's docstring): a scraper names the backend by its address in the stack, not by a
    host Django serves."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or request.path not in (HEALTHZ, READYZ, METRICS):
            return self.get_response(request)
        # LocaleMiddleware has not run: the caller's language, else the default, never a thread's last one
        with translation.override(translation.get_language_from_request(request)):
            if request.path == HEALTHZ:
                return healthz_response()
            if request.path == READYZ:
                return readyz_response()
            return metrics_response(request)
