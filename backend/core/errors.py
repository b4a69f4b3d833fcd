"""The one error shape for every API failure: {"message", "extra": {"code", "fields"}}.

Domain refusals raise an ApplicationError subclass; DRF and Django errors are translated here.
Unknown exceptions are left alone so that they are logged and stay 500s.
"""

import logging
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, InterfaceError, OperationalError
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

log = logging.getLogger(__name__)


class ApplicationError(Exception):
    """A domain rule refuses the action."""

    code = "refused"
    status_code: int = status.HTTP_400_BAD_REQUEST
    # A refused request leaves nothing behind; a refusal whose bookkeeping must stay (a failed sign-in that
    # counts towards a lockout) sets this to False.
    rollback = True

    def __init__(self, message: str, *, fields: dict | None = None, retry_after: int | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}
        self.retry_after = retry_after  # seconds, sent as Retry-After (a limit that ends)


class IllegalTransition(ApplicationError):
    """The requested status does not follow from the current one."""

    code = "illegal_transition"


class Conflict(ApplicationError):
    """Somebody else changed the object first."""

    code = "conflict"
    status_code = status.HTTP_409_CONFLICT


def _flatten(detail):
    """DRF error details -> plain strings, keeping the field structure."""
    if isinstance(detail, dict):
        return {key: _flatten(value) for key, value in detail.items()}
    if isinstance(detail, list):
        return [_flatten(item) for item in detail]
    if detail is None or isinstance(detail, (bool, int, float)):
        return detail  # e.g. row numbers of an import report
    return str(detail)


def _first_message(fields) -> str:
    if isinstance(fields, dict):
        for key, value in fields.items():
            inner = _first_message(value)
            if inner:
                return inner if key == "non_field_errors" else f"{key}: {inner}"
    if isinstance(fields, list):
        for item in fields:
            inner = _first_message(item)
            if inner:
                return inner
    if isinstance(fields, str):
        return fields
    return ""


def error_body(message: "StrOrPromise", code: str, fields: dict | None = None) -> dict:
    return {"message": str(message), "extra": {"code": code, "fields": fields or {}}}


RETRY_AFTER_SECONDS = "5"


def database_unavailable_body() -> dict:
    return error_body(
        _("The database is briefly unavailable; nothing was saved. Try again in a moment."), "service_unavailable"
    )


def _integer_too_large(exc) -> bool:
    """SQLite (the embedded default) cannot bind an integer beyond 64 bits, where PostgreSQL compares it and finds
    nothing: an id or a number sent that large is out of range, the client's fault, not the server's."""
    return isinstance(exc, OverflowError) and "too large to convert to SQLite INTEGER" in str(exc)


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()

    if isinstance(exc, (ProtectedError, RestrictedError, IntegrityError)) or (
        isinstance(exc, ApplicationError) and exc.rollback
    ):
        set_rollback()  # a refused request leaves nothing behind, whatever it wrote before the refusal

    if isinstance(exc, (ProtectedError, RestrictedError)):
        used_by = exc.protected_objects if isinstance(exc, ProtectedError) else exc.restricted_objects
        names = sorted({str(obj._meta.verbose_name) for obj in used_by if hasattr(obj, "_meta")})
        return Response(
            error_body(_("Still in use by: %s") % ", ".join(names), "in_use"), status=status.HTTP_409_CONFLICT
        )

    if isinstance(exc, (OperationalError, InterfaceError)):
        # The database went away (a restart, a failover): nothing was committed, the client may retry
        # (core.middleware answers the same when the failure comes before the view, as the transaction opens).
        set_rollback()
        log.warning("database unavailable: %s", type(exc).__name__)
        unavailable = Response(database_unavailable_body(), status=status.HTTP_503_SERVICE_UNAVAILABLE)
        unavailable["Retry-After"] = RETRY_AFTER_SECONDS
        return unavailable

    if _integer_too_large(exc):
        set_rollback()
        return Response(
            error_body(_("A number in the request is out of range."), "invalid"), status=status.HTTP_400_BAD_REQUEST
        )

    if isinstance(exc, IntegrityError):
        # A uniqueness or check rule held by the database caught what validation could not (a race).
        return Response(
            error_body(_("The change conflicts with stored data; reload and try again."), "conflict"),
            status=status.HTTP_409_CONFLICT,
        )

    if isinstance(exc, ApplicationError):
        refused = Response(error_body(exc.message, exc.code, _flatten(exc.fields)), status=exc.status_code)
        if exc.retry_after is not None:
            refused["Retry-After"] = str(exc.retry_after)
        return refused

    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # unknown: logged by Django, stays a 500

    if isinstance(exc, exceptions.Throttled):
        # DRF's handler has set Retry-After; the message is ours so that it reads the same in every language.
        wait = exc.wait  # type: ignore[attr-defined]  # set by Throttled.__init__; DRF's stubs leave it out
        message: StrOrPromise
        if wait is None:
            message = _("Too many requests; try again later.")
        else:
            message = ngettext(
                "Too many requests; try again in %(seconds)d second.",
                "Too many requests; try again in %(seconds)d seconds.",
                wait,
            ) % {"seconds": wait}
        response.data = error_body(message, "throttled")
    elif isinstance(exc, exceptions.ValidationError):
        by_field = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        fields = _flatten(by_field)
        message = _first_message(fields) or str(_("Invalid input."))
        response.data = error_body(message, "invalid", fields)
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
        code = getattr(detail, "code", None) or getattr(exc, "default_code", "error")
        response.data = error_body(str(detail), str(code))  # ErrorDetail.code or the default: a str
    return response


CSRF_FAILED = "csrf_failed"


def csrf_failed_message() -> str:
    return str(_("The CSRF token is missing or wrong; reload the page and try again."))


def csrf_failure(request, reason: str = ""):
    """CSRF_FAILURE_VIEW: API callers get 403 in the one error shape (as DRF's session authentication answers,
    accounts.authentication); other pages keep Django's own page."""
    if not request.path.startswith("/api/"):
        from django.views.csrf import csrf_failure as django_csrf_failure

        return django_csrf_failure(request, reason=reason)
    return JsonResponse(error_body(csrf_failed_message(), CSRF_FAILED), status=status.HTTP_403_FORBIDDEN)


def page_not_found(request, exception=None):
    """Django's 404 for a URL no view matched: the one error shape under /api/, Django's page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse(error_body(_("Not found."), "not_found"), status=404)
    from django.views.defaults import page_not_found as django_page_not_found

    return django_page_not_found(request, exception)
