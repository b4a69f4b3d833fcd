"""A request id on every log line: taken from X-Request-ID (or made), sent back in the response, carried in the
headers of every Celery task the request queues, and set again while the worker runs that task; and the JSON
format of production's logs (LOG_FORMAT=json), for the web process and the workers alike.

Log lines carry ids and counts, never personal data (tests/backend/test_logs_pii.py reads them).
"""

import logging
import re
import uuid
from contextvars import ContextVar

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)

HEADER = "X-Request-ID"
TASK_HEADER = "request_id"
# A caller's id is kept only if it is short and plain, so that nothing else can ride into the logs with it.
_ACCEPTABLE = re.compile(r"[A-Za-z0-9._-]{1,64}")
JSON_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s"


class RequestIdFilter(logging.Filter):
    """Puts the current request id (or "-") on every record as `request_id`."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get() or "-"
        return True


def json_formatter() -> logging.Formatter:
    """One object per line: time, level, logger, message, request id. Nothing else rides along: Celery's `data`
    (a task's arguments and return value) is left out, as the plain format leaves it out."""
    from pythonjsonlogger.core import RESERVED_ATTRS
    from pythonjsonlogger.json import JsonFormatter

    return JsonFormatter(
        JSON_FORMAT,
        rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
        reserved_attrs=[*RESERVED_ATTRS, "data"],
    )


class RequestIdMiddleware:
    """Sets the id for the request. It stays set until the response is closed (`request_finished`), because
    Django writes its own line about a failed request ("Not Found: ...") after every middleware has returned."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get(HEADER, "")
        value = given if _ACCEPTABLE.fullmatch(given) else uuid.uuid4().hex
        request_id.set(value)
        response = self.get_response(request)
        response[HEADER] = value
        return response


def request_end_forgets_request_id(**kwargs) -> None:
    request_id.set(None)


# --- Celery: the id travels in the task's headers (connected in core.apps) ---


def task_publish_carries_request_id(headers=None, **kwargs) -> None:
    value = request_id.get()
    if value and headers is not None and TASK_HEADER not in headers:
        headers[TASK_HEADER] = value


def task_run_takes_request_id(task=None, **kwargs) -> None:
    value = getattr(task.request, TASK_HEADER, None) or (task.request.headers or {}).get(TASK_HEADER)
    task.request._request_id_token = request_id.set(value)


def task_end_forgets_request_id(task=None, **kwargs) -> None:
    token = getattr(task.request, "_request_id_token", None)
    if token is not None:
        request_id.reset(token)


def worker_logs_in_our_format(logger=None, **kwargs) -> None:
    """Celery sets up the worker's own handlers (--logfile); give them the request id, and JSON when asked."""
    from django.conf import settings

    for handler in logger.handlers:
        handler.addFilter(RequestIdFilter())
        if settings.LOG_FORMAT == "json":
            handler.setFormatter(json_formatter())
