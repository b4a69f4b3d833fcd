"""A database that went away (a restart, a failover) answers API callers 503 in the one error shape; the audit
history's actor is the user the view authenticated.

With ATOMIC_REQUESTS the transaction opens around the view, before DRF's exception handler can see a failure,
so the translation lives here too. Nothing was committed; Django closes the broken connection when the
request ends and the next request connects afresh.
"""

import logging

from auditlog.middleware import AuditlogMiddleware
from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.utils.functional import SimpleLazyObject
from rest_framework.throttling import BaseThrottle

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


class AuditActorMiddleware(AuditlogMiddleware):
    """auditlog's middleware with the actor read when an entry is written, not when the request comes in.

    DRF authenticates tokens inside the view (and then sets `request.user`), after every middleware has run;
    read at the door, a script's changes would carry no actor. Without a signed-in user the actor stays None.
    """

    @staticmethod
    def _get_actor(request):
        return SimpleLazyObject(lambda: AuditlogMiddleware._get_actor(request))

    @staticmethod
    def _get_remote_addr(request):
        # The address the throttles and the lockout count (X-Forwarded-For only behind DJANGO_NUM_PROXIES).
        return BaseThrottle().get_ident(request)
