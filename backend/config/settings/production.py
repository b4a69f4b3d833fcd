"""Production hardening only; every value still comes from the environment (see .env.example).

`manage.py check --deploy --fail-level WARNING` passes with these settings (tests/backend/test_project_checks.py).
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import LOGGING, env

DEBUG = False
SECRET_KEY = env.str("DJANGO_SECRET_KEY")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be a random string of at least 50 characters.")
if env.str("SIMULATED_CLOCK_FILE", default=""):
    raise ImproperlyConfigured(
        "SIMULATED_CLOCK_FILE is set: a simulated clock (core.clock) is for the season simulator and tests only; "
        "unset it in production."
    )
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto (and strips it from clients), requests it marks as
# https are secure; set DJANGO_SECURE_PROXY_SSL_HEADER to an empty value when nothing in front sets the header,
# or a client could claim https itself.
_ssl_header = env.str("DJANGO_SECURE_PROXY_SSL_HEADER", default="HTTP_X_FORWARDED_PROTO")
SECURE_PROXY_SSL_HEADER = (_ssl_header, "https") if _ssl_header else None
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True  # not HttpOnly: the web app reads the token from the cookie to send it back
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 30)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
EMAIL_BACKEND = env.str("DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
# One JSON object per log line (core.logs), unless LOG_FORMAT says otherwise.
LOG_FORMAT = env.str("LOG_FORMAT", default="json")
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT
