"""How API callers prove who they are: DRF's session authentication with its CSRF refusal in our words, and DRF's
`Authorization: Token …` on our own expiring tokens (accounts.models.ApiToken)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.authentication import SessionScheme
from rest_framework import authentication, exceptions

from accounts import selectors

TOKEN_EXPIRED = "token_expired"


class SessionAuthentication(authentication.SessionAuthentication):
    """A CSRF refusal reads like the sign-in's (403 `csrf_failed`, core.errors), instead of DRF's English
    "CSRF Failed: …" with the generic `permission_denied` code."""

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


class TokenAuthentication(authentication.TokenAuthentication):
    """DRF's header and 401, on tokens that expire when idle or old (401 `token_expired`); each use slides the idle
    expiry. An ended token (logout, a changed password, role or active flag) is unknown: 401 "Invalid token."."""

    def authenticate_credentials(self, key):
        token = selectors.api_token_find(key=key)
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        now = timezone.now()
        if token.expires_at() <= now:
            raise exceptions.AuthenticationFailed(_("The token has expired; ask for a new one."), code=TOKEN_EXPIRED)
        # Imported here: accounts.services raises core.errors' refusals, and core.errors loads DRF's views, which
        # load this module.
        from accounts import services

        services.api_token_touch(token=token, now=now)
        return token.user, token
