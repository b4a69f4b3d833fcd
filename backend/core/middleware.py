"""A database that went away (a restart, a failover) answers API callers 503 in the one error shape.

With ATOMIC_REQUESTS the transaction opens around the view, before DRF's exception handler can see a failure,
so the translation lives here too. Nothing was committed; Django closes the broken connection when the
request ends and the next request connects afresh.
"""
import logging

from django.db import InterfaceError, OperationalError
from django.http import JsonResponse

from core.errors import RETRY_AFTER_SECONDS, database_unavailable_body

log = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)) or not request.path.startswith("/api/"):
            return None
        log.warning("database unavailable during %s %s: %s", request.method, request.path, type(exception).__name__)
        response = JsonResponse(database_unavailable_body(), status=503)
        response["Retry-After"] = RETRY_AFTER_SECONDS
        return response
