"""Local development and the demo: debug on, console email."""

from .base import *  # noqa: F401,F403
from .base import SECRET_KEY, VAR_DIR, env, local_secret_key

SECRET_KEY = SECRET_KEY or local_secret_key(VAR_DIR)

DEBUG = env.bool("DJANGO_DEBUG", default=True)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
