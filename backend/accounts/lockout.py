"""What a locked-out sign-in answers (django-axes' AXES_LOCKOUT_CALLABLE) and which address axes counts.

The API already answers 429 in the one error shape (accounts.apis raises SignInLockedOut); this keeps that
answer and gives any other sign-in form (the admin's) the same message as plain text, instead of axes' page.
"""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils.translation import ngettext
from rest_framework.throttling import BaseThrottle

from core.errors import error_body

LOCKED_OUT = "locked_out"


def lockout_message() -> str:
    minutes = lockout_minutes()
    return ngettext(
        "Too many failed sign-ins for this account from your address. Try again in %(minutes)d minute.",
        "Too many failed sign-ins for this account from your address. Try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def lockout_minutes() -> int:
    return max(1, round(float(settings.AXES_COOLOFF_TIME) * 60))


def lockout_response(request, original_response=None, credentials=None) -> HttpResponse:
    if original_response is not None and original_response.status_code == 429:
        return original_response  # the API's own answer, already in the error shape
    if request.path.startswith("/api/"):
        response = JsonResponse(error_body(lockout_message(), LOCKED_OUT), status=429)
    else:
        response = HttpResponse(lockout_message(), status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(lockout_minutes() * 60)
    return response


def client_ip(request) -> str | None:
    """The caller's address as DRF's throttles see it: X-Forwarded-For only behind DJANGO_NUM_PROXIES proxies."""
    return BaseThrottle().get_ident(request)
