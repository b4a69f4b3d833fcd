"""Tests: fast password hashing and in-memory email; the database still comes from DATABASE_URL."""

import os

from .base import *  # noqa: F401,F403

SECRET_KEY = SECRET_KEY or local_secret_key(VAR_DIR)  # noqa: F405

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LANGUAGE_CODE = "zh-hans"

# The tests' filesystem broker is their own, apart from the demo's queue.
if not REDIS_URL:  # noqa: F405
    CELERY_BROKER_TRANSPORT_OPTIONS = filesystem_broker_options(VAR_DIR / "broker-test")  # noqa: F405

# A file, not memory, so that a real worker process started by a test reads the same test database.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-db-{os.getpid()}.sqlite3")}  # noqa: F405

# Throttle counters per test process (tests of other sessions must not count against these), and rates no
# ordinary test reaches; the throttle and lockout tests override them (tests/backend/security).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}
REST_FRAMEWORK = {  # noqa: F405
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {
        "anon": "100000/minute",
        "user": "100000/minute",
        "login": "100000/minute",
        "public": "100000/minute",
        "order": "100000/minute",
        "order_phone": "100000/minute",
    },
}
