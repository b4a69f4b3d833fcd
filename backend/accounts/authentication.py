"""Session authentication whose CSRF refusal reads like the sign-in's (403 `csrf_failed`, core.errors), instead
of DRF's English "CSRF Failed: …" with the generic `permission_denied` code."""
from drf_spectacular.authentication import SessionScheme
from rest_framework import authentication, exceptions


class SessionAuthentication(authentication.SessionAuthentication):
    def enforce_csrf(self, request):
        # Imported here: core.errors imports DRF's views, which load the authentication classes (this module).
        from core.errors import CSRF_FAILED, csrf_failed_message

        try:
            super().enforce_csrf(request)
        except exceptions.PermissionDenied:
            raise exceptions.PermissionDenied(csrf_failed_message(), code=CSRF_FAILED) from None


class SessionAuthenticationScheme(SessionScheme):
    """The same `cookieAuth` scheme in the OpenAPI schema as DRF's own session authentication."""

    target_class = "accounts.authentication.SessionAuthentication"
