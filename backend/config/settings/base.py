"""All settings, read from the environment (see .env.example); other modules only adjust these."""

from pathlib import Path

import environ
from celery.schedules import crontab

from config.version import VERSION

BACKEND_DIR = Path(__file__).resolve().parents[2]
REPO_DIR = BACKEND_DIR.parent
VAR_DIR = Path(environ.Env().str("VAR_DIR", default=str(REPO_DIR / "var")))

VAR_DIR.mkdir(parents=True, exist_ok=True)

env = environ.Env()
environ.Env.read_env(str(REPO_DIR / ".env"), overwrite=False)


def local_secret_key(var_dir: Path) -> str:
    """A development or demo installation's own key: random, written once to var/secret_key and reused, so that
    sessions and signed tokens outlive a restart and the server and its workers agree. Never a key in the code."""
    import os
    import secrets

    path = var_dir / "secret_key"
    if not path.exists():
        draft = var_dir / f"secret_key.{os.getpid()}"
        draft.write_text(secrets.token_urlsafe(64))
        draft.chmod(0o600)
        try:
            os.link(draft, path)  # atomic: of two processes starting at once, one key wins and both read it
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text().strip()


# No default: production must be given one (production.py), development and tests make their own (local_secret_key).
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "import_export",
    "django_celery_beat",
    "django_celery_results",
    "axes",
    "auditlog",
    "django_prometheus",
    "core",
    "accounts",
    "geo",
    "orgs",
    "people",
    "posts",
    "needs",
    "offers",
    "ordering",
    "resources",
    "projects",
    "shifts",
    "demo",
    "transfer",
    "runs",
    "planning",
    "notifications",
    "volunteering",
    "attendance",
    "allocation",
    "lending",
    "records",
    "ledgers",
    "reports",
    "evaluation",
    "insights",
    "audit",
]

MIDDLEWARE = [
    # First: /healthz and /readyz answer before host checks, the HTTPS redirect and the request transaction.
    "core.health.HealthMiddleware",
    # Requests and latencies (django-prometheus): its "before" middleware first, its "after" one last but axes.
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "core.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.middleware.AuditActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
    # Last, as axes asks: it turns a locked-out sign-in into the lockout response (accounts.lockout).
    "axes.middleware.AxesMiddleware",
]

# Axes first: it refuses a locked-out sign-in before the password is even checked (accounts.backends).
AUTHENTICATION_BACKENDS = [
    "accounts.backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
    "accounts.backends.PhoneCodeBackend",  # one-time SMS codes (accounts.apis.CodeLoginApi)
]
# A refused CSRF check answers API callers in the one error shape (the admin keeps Django's page).
CSRF_FAILURE_VIEW = "core.errors.csrf_failure"

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
AUTH_USER_MODEL = "accounts.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite by default (no services needed); DATABASE_URL=postgres://... for PostgreSQL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# django-prometheus's wrappers of Django's own backends count queries and their errors (core.metrics).
DATABASES["default"]["ENGINE"] = DATABASES["default"]["ENGINE"].replace(
    "django.db.backends.", "django_prometheus.db.backends."
)
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The worker and the server write at once: transactions take the write lock when they begin (a deferred one
    # upgrading later fails at once with "database is locked"), and WAL lets readers go on meanwhile.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Chinese first, English second; the locale directory must be named zh_Hans.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BACKEND_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="Asia/Shanghai")
USE_I18N = True
USE_TZ = True
# A file holding a simulated time (core.clock) that every process of this installation reads instead of the real
# one: benchmarks/season.py moves it to run weeks in minutes. Empty: the real clock. Refused in production.
SIMULATED_CLOCK_FILE = env.str("SIMULATED_CLOCK_FILE", default="")

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# The built web app (`npm run build` in frontend/) is served at the site's root by WhiteNoise: /assets/... are
# hashed files cached forever, and every other path outside /api/, /admin/ and /static/ gets index.html
# (core.spa), so the browser's router owns them. Same origin: session login with CSRF, no CORS.
FRONTEND_DIST = Path(env.str("FRONTEND_DIST", default=str(REPO_DIR / "frontend" / "dist")))
WHITENOISE_ROOT = FRONTEND_DIST if FRONTEND_DIST.is_dir() else None
WHITENOISE_IMMUTABLE_FILE_TEST = r"^/?assets/.+-[0-9A-Za-z_-]{8,}\.\w+$"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = "/media/"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first so that an anonymous call gets 401 with WWW-Authenticate; the browser uses the session.
        "accounts.authentication.TokenAuthentication",  # DRF's, on our expiring tokens (accounts.models.ApiToken)
        "accounts.authentication.SessionAuthentication",  # DRF's, with its CSRF refusal in our words
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # DRF's parsers, refusing text with control characters wherever it sits in the body (core.parsers).
    "DEFAULT_PARSER_CLASSES": ["core.parsers.JSONParser", "core.parsers.FormParser", "core.parsers.MultiPartParser"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "core.filters.StrictOrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "core.pagination.Pagination",
    "PAGE_SIZE": 20,
    "EXCEPTION_HANDLER": "core.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DATETIME_INPUT_FORMATS": ["iso-8601"],
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    # Every caller is throttled (by IP when anonymous, by account when signed in); views that name a
    # `throttle_scope` (sign-in, public feeds) get a stricter rate on top. Counters live in CACHES["default"].
    "DEFAULT_THROTTLE_CLASSES": [
        "core.throttling.AnonRateThrottle",
        "core.throttling.UserRateThrottle",
        "core.throttling.ScopedRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        # The web app polls a working run every second: 600/minute leaves room for that and a few tabs.
        "anon": env.str("THROTTLE_RATE_ANON", default="120/minute"),
        "user": env.str("THROTTLE_RATE_USER", default="600/minute"),
        # Per IP: a community centre signs in many people from one address, so not too low; axes locks a
        # single account after AXES_FAILURE_LIMIT wrong passwords anyway.
        "login": env.str("THROTTLE_RATE_LOGIN", default="20/minute"),
        "public": env.str("THROTTLE_RATE_PUBLIC", default="60/minute"),
        # Residents' orders (ordering.apis): the form, its codes, tracking and rating, per address and per number.
        "order": env.str("THROTTLE_RATE_ORDER", default="30/minute"),
        "order_phone": env.str("THROTTLE_RATE_ORDER_PHONE", default="10/minute"),
    },
    # Proxies in front of the app whose X-Forwarded-For is trusted (0: use REMOTE_ADDR, the header can be forged).
    "NUM_PROXIES": env.int("DJANGO_NUM_PROXIES", default=0),
}

SPECTACULAR_SETTINGS = {
    "TITLE": "社区志愿服务与资源匹配平台 API",
    "DESCRIPTION": "Volunteers, posts (一编三定), needs, idle resources, projects and shifts of a district.",
    "VERSION": VERSION,
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.openapi.error_responses",
        "core.openapi.local_times",
    ],
    "ENUM_NAME_OVERRIDES": {
        "UnitKindEnum": "orgs.models.Unit.Kind",
        "VolunteerKindEnum": "people.models.Volunteer.Kind",
        "ImportRunKindEnum": "transfer.models.ImportRun.Kind",
        "TeamKindEnum": "posts.models.Team.Kind",
        "FacilityKindEnum": "geo.models.Facility.Kind",
        "PostCategoryEnum": "posts.models.Post.Category",
        "NeedCategoryEnum": "needs.models.Need.Category",
        "ResourceCategoryEnum": "resources.models.Resource.Category",
        "PostHoldingStatusEnum": "posts.models.PostHolding.Status",
        "NeedStatusEnum": "needs.models.Need.Status",
        "AttendanceOutputStatusEnum": "attendance.models.Attendance.Status",  # its rows, the record and the filter
        "AttendanceRosterStateEnum": "attendance.selectors.RosterState",
        "ResourceStatusEnum": "resources.models.Resource.Status",
        "SourceEnum": "planning.models.Assignment.Source",
        "LedgerEntryKindEnum": "ledgers.models.LedgerEntry.Kind",  # also allocation.Proposal.Source (same choices)
        "SolverStatusEnum": "planning.apis.SOLVER_STATUSES",  # a run's solver_status and its stats' status
        "MeasureEnum": "evaluation.models.EvaluationInput.Measure",
        "RatingEnum": "evaluation.models.AppraisalRating.Rating",  # a ballot's rating, and the ratings it offers
        "ShiftStatusEnum": "shifts.models.Shift.Status",  # a shift, and the one a preview finds already made
        "SchemeMeasureEnum": "evaluation.scoring.MEASURES",  # an evaluation scheme item's measure and of
        "PointsKindEnum": "records.models.PointsRule.Kind",  # a rule's kind and a summary line's
        "PostThirdLabelEnum": "geo.models.District.PostThirdLabel",  # a district's setting and its posts' label
    },
}

# /readyz: how long the database, the broker and a worker's answer to a ping may take (core.health).
READYZ_TIMEOUT_SECONDS = env.float("READYZ_TIMEOUT_SECONDS", default=1.0)

# /metrics (core.metrics): callers from these addresses (REMOTE_ADDR), or sending "Authorization: Bearer <token>";
# empty token: addresses only. PROMETHEUS_MULTIPROC_DIR (read by prometheus_client itself) is the folder of this
# service's processes' counters; METRICS_READ_DIRS the folders of other services (the workers') summed with them.
METRICS_ALLOWED_IPS = env.list("METRICS_ALLOWED_IPS", default=["127.0.0.1", "::1"])
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")
METRICS_READ_DIRS = env.list("METRICS_READ_DIRS", default=[])

# Backups (core.backup; `manage.py backup`, and beat daily at BACKUP_HOUR:30): the database and MEDIA_ROOT into
# BACKUP_DIR/<time>/, kept BACKUP_KEEP_DAYS days. A restore is proven whole by row counts and checksums of these.
BACKUP_DIR = Path(env.str("BACKUP_DIR", default=str(VAR_DIR / "backups")))
BACKUP_KEEP_DAYS = env.int("BACKUP_KEEP_DAYS", default=14)
BACKUP_HOUR = env.int("BACKUP_HOUR", default=2)
BACKUP_CHECKSUMMED_MODELS = [
    "planning.MatchingRun",
    "planning.Assignment",
    "planning.Publication",
    "records.ServiceRecord",
    "auditlog.LogEntry",
]

# Celery: Redis when REDIS_URL is set, otherwise kombu's filesystem transport (no server needed,
# still a real broker and a real worker process).
REDIS_URL = env.str("REDIS_URL", default="")


def filesystem_broker_options(folder: Path) -> dict:
    for name in ("queue", "processed", "control"):
        (folder / name).mkdir(parents=True, exist_ok=True)
    return {
        "data_folder_in": str(folder / "queue"),
        "data_folder_out": str(folder / "queue"),
        "processed_folder": str(folder / "processed"),
        "control_folder": str(folder / "control"),
        "store_processed": False,
    }


if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)}
else:
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = filesystem_broker_options(VAR_DIR / "broker")
# The cache holds the API's throttle counters, so it must be shared by every server process: Redis when
# REDIS_URL is set (CACHE_REDIS_URL may name another database), otherwise files in var/ (one host).
CACHE_REDIS_URL = env.str("CACHE_REDIS_URL", default="") or REDIS_URL
if CACHE_REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_REDIS_URL,
            "KEY_PREFIX": "cache",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }

CELERY_RESULT_BACKEND = "django-db"
CELERY_RESULT_EXTENDED = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = TIME_ZONE
# Default schedule; beat's database scheduler copies it into django-celery-beat, where staff can change it.
CELERY_BEAT_SCHEDULE = {
    # Next week's shifts and a draft matching run for every community, so Monday's coordinator finds a plan.
    "prepare-next-week": {
        "task": "planning.prepare_next_week",
        "schedule": crontab(
            day_of_week=env.str("SHIFT_GENERATION_DAY", default="fri"),
            hour=env.int("SHIFT_GENERATION_HOUR", default=18),
            minute=0,
        ),
    },
    # Matching runs whose worker went silent are requeued (or failed after PLANNING_MAX_ATTEMPTS).
    "reap-stale-matching-runs": {
        "task": "planning.reap_stale_runs",
        "schedule": crontab(minute="*/5"),
    },
    # Work that could not be queued while the broker was down (notices of a publication, backfills of declines).
    "resend-publication-notices": {
        "task": "planning.resend_publication_notices",
        "schedule": crontab(minute="*/5"),
    },
    "resume-backfills": {
        "task": "volunteering.resume_backfills",
        "schedule": crontab(minute="*/5"),
    },
    "resume-resource-backfills": {
        "task": "lending.resume_backfills",
        "schedule": crontab(minute="*/5"),
    },
    # Post allocation: queued runs never sent, silent runs, publications whose members were not told.
    # Needs past their deadline: their owners are told once per need (限时办结).
    "needs-flag-overdue": {
        "task": "needs.flag_overdue",
        "schedule": crontab(hour=8, minute=0),
    },
    # Each unit's ledger of the month before (写实性档案); rewriting a month keeps coordinators' entries.
    "ledgers-write-monthly": {
        "task": "ledgers.write_monthly",
        "schedule": crontab(day_of_month=1, hour=2, minute=0),
    },
    # Service records of attendance the check-out did not reach (safe to rerun: one record per attendance).
    "sync-service-records": {
        "task": "records.sync_attendance",
        "schedule": crontab(minute="*/15"),
    },
    "sweep-post-allocation": {
        "task": "allocation.sweep",
        "schedule": crontab(minute="*/5"),
    },
    # Published assignments of shifts that ended over 2 h ago without a check-in become no-shows (safe to rerun).
    "attendance-mark-no-shows": {
        "task": "attendance.mark_no_shows",
        "schedule": crontab(minute="*/30"),
    },
    # Reminders a day and two hours before each post; one per assignment and window (event keys).
    "attendance-send-reminders": {
        "task": "attendance.send_reminders",
        "schedule": crontab(minute="*/10"),
    },
    # Feedback to employer units (反馈给单位): last quarter's report of each unit's consenting in-office members.
    "reports-quarterly-feedback": {
        "task": "reports.write_quarterly_feedback",
        "schedule": crontab(month_of_year="1,4,7,10", day_of_month=1, hour=3, minute=0),
    },
    # Export jobs never sent (broker down) or whose worker was lost (the run kernel's reaper); expired export files
    # are deleted.
    "reports-resume-exports": {
        "task": "reports.resume_exports",
        "schedule": crontab(minute="*/10"),
    },
    # The database and the stored files, kept BACKUP_KEEP_DAYS days (core.backup).
    "backup-daily": {
        "task": "core.backup",
        "schedule": crontab(hour=BACKUP_HOUR, minute=30),
    },
    # Deliveries due again (quiet hours over, a retry whose message was lost, the broker down when queued), and
    # sends whose worker died marked unknown (notifications.deliveries).
    "notifications-sweep-deliveries": {
        "task": "notifications.sweep_deliveries",
        "schedule": crontab(minute="*"),
    },
    "reports-purge-expired-exports": {
        "task": "reports.purge_expired_exports",
        "schedule": crontab(hour=4, minute=30),
    },
}
# Shifts older than this are never marked no-show by the task.
ATTENDANCE_NO_SHOW_LOOKBACK_DAYS = env.int("ATTENDANCE_NO_SHOW_LOOKBACK_DAYS", default=7)
# Volunteers answer an assignment until this many hours before the shift; a backfill's solver time limit.
VOLUNTEERING_ANSWER_DEADLINE_HOURS = env.float("VOLUNTEERING_ANSWER_DEADLINE_HOURS", default=24.0)
VOLUNTEERING_BACKFILL_TIME_LIMIT = env.float("VOLUNTEERING_BACKFILL_TIME_LIMIT", default=10.0)

# Weekly planning (matching runs): solver time limit per run (a request may name its own, up to 600 s),
# solver ("highs", "cbc" or "greedy"), default travel limit, and when the reaper gives up on a silent run.
PLANNING_TIME_LIMIT_SECONDS = env.float("PLANNING_TIME_LIMIT_SECONDS", default=30.0)
PLANNING_SOLVER = env.str("PLANNING_SOLVER", default="highs")
# A run stops early only once its plan is proven within this relative gap of the best possible (0.05%);
# short of it the solver keeps improving until the time limit. 0.0001 or less: stop only when optimal.
PLANNING_GAP = env.float("PLANNING_GAP", default=0.0005)
PLANNING_MAX_DISTANCE_KM = env.float("PLANNING_MAX_DISTANCE_KM", default=5.0)
PLANNING_STALE_MINUTES = env.float("PLANNING_STALE_MINUTES", default=15.0)
PLANNING_MAX_ATTEMPTS = env.int("PLANNING_MAX_ATTEMPTS", default=3)
# A district run is solved whole by one worker when the estimate of its candidate person-shift pairs is at
# most PLANNING_MAX_WHOLE_PAIRS and its estimated memory (about 0.25 GiB + 1.3 GiB per million pairs) fits
# PLANNING_WORKER_MEMORY_MB; otherwise (a city) it is split by sub-district and fanned out over the workers.
# The demo district week (~3,500 shifts, ~750k-1.2M pairs, ~1-1.7 GiB) is solved whole.
PLANNING_MAX_WHOLE_PAIRS = env.int("PLANNING_MAX_WHOLE_PAIRS", default=3_000_000)
PLANNING_WORKER_MEMORY_MB = env.int("PLANNING_WORKER_MEMORY_MB", default=4096)
# The pieces' time limits assume this many worker processes solve side by side.
PLANNING_FANOUT_WORKERS = env.int("PLANNING_FANOUT_WORKERS", default=2)

# Standing post allocation (定岗): solver time limit, travel limit, posts per member, and the sweeper's limits.
ALLOCATION_TIME_LIMIT_SECONDS = env.float("ALLOCATION_TIME_LIMIT_SECONDS", default=30.0)
ALLOCATION_MAX_DISTANCE_KM = env.float("ALLOCATION_MAX_DISTANCE_KM", default=5.0)
ALLOCATION_MAX_POSTS = env.int("ALLOCATION_MAX_POSTS", default=1)
ALLOCATION_STALE_MINUTES = env.float("ALLOCATION_STALE_MINUTES", default=15.0)  # longer than the longest solve (600 s)
ALLOCATION_MAX_ATTEMPTS = env.int("ALLOCATION_MAX_ATTEMPTS", default=3)

# Service records: hours for one to five stars, how far back the sync looks (points: the district's table,
# records.PointsRule, edited on screen).
RECORDS_STAR_HOURS = tuple(env.list("RECORDS_STAR_HOURS", cast=int, default=[100, 300, 600, 1000, 1500]))
RECORDS_SYNC_LOOKBACK_DAYS = env.int("RECORDS_SYNC_LOOKBACK_DAYS", default=7)

# Exports (reports, on the run kernel): rows between two progress writes, days a finished export stays downloadable,
# the minutes of silent heartbeat after which the reaper (beat) sends a queued job's task again or queues a running
# one again (a redelivered task takes a job over once its heartbeat has stopped), and the attempts before it fails.
REPORTS_PROGRESS_EVERY = env.int("REPORTS_PROGRESS_EVERY", default=200)
REPORTS_EXPORT_DAYS = env.float("REPORTS_EXPORT_DAYS", default=7.0)
REPORTS_STALE_MINUTES = env.float("REPORTS_STALE_MINUTES", default=30.0)
REPORTS_MAX_ATTEMPTS = env.int("REPORTS_MAX_ATTEMPTS", default=3)

# Notifications: delivery channels (import paths) and the sender of notification emails.
NOTIFICATION_CHANNELS = env.list(
    "NOTIFICATION_CHANNELS",
    default=[
        "notifications.channels.InAppChannel",
        "notifications.channels.SmsChannel",
        "notifications.channels.EmailChannel",
    ],
)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="noreply@localhost")
# The mail server of those e-mails (the SMTP backend of production): smtp://user:password@host:port, smtp+tls://
# (STARTTLS, usually port 587) or smtp+ssl:// (465); user and password URL-encoded. EMAIL_TIMEOUT_SECONDS bounds
# one connection, so a silent server fails the send (retried later) instead of holding a worker.
_email = env.email_url("EMAIL_URL", default="smtp://localhost:25")
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"] or ""
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"] or ""
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env.float("EMAIL_TIMEOUT_SECONDS", default=10.0)

# External sends (SMS, e-mail) run as Celery tasks (notifications.deliveries): a temporary failure is retried
# DELIVERY_MAX_ATTEMPTS times in all, waiting DELIVERY_RETRY_SECONDS, doubled each time (at most an hour); a send
# whose worker died is marked unknown after DELIVERY_SENDING_TIMEOUT_MINUTES, never sent twice.
DELIVERY_MAX_ATTEMPTS = env.int("DELIVERY_MAX_ATTEMPTS", default=5)
DELIVERY_RETRY_SECONDS = env.float("DELIVERY_RETRY_SECONDS", default=60.0)
DELIVERY_SENDING_TIMEOUT_MINUTES = env.float("DELIVERY_SENDING_TIMEOUT_MINUTES", default=10.0)
# The Celery queue of the sends ("": the default queue). A queue of their own, with a worker consuming it
# (celery worker -Q <it>), keeps login codes from waiting behind a matching run's solve.
DELIVERY_QUEUE = env.str("DELIVERY_QUEUE", default="")
# The Celery queue of import runs and their invitations ("": the default queue); a worker must consume the one named.
IMPORT_QUEUE = env.str("IMPORT_QUEUE", default="")
# No SMS from SMS_QUIET_START to SMS_QUIET_END (hours, district time, TIME_ZONE) unless urgent: deferred to the end.
SMS_QUIET_START = env.int("SMS_QUIET_START", default=22)
SMS_QUIET_END = env.int("SMS_QUIET_END", default=7)

# SMS (notifications.sms): "console" (the demo and tests: a masked log line), "aliyun" (Alibaba Cloud SMS),
# "tencent" (Tencent Cloud SMS), or the import path of a provider class. The sign name (签名) and each logical
# template's id at the provider (SMS_TEMPLATE_<NAME>; the console provider uses the logical name when unset).
SMS_PROVIDER = env.str("SMS_PROVIDER", default="console")
SMS_SIGN_NAME = env.str("SMS_SIGN_NAME", default="")
SMS_TIMEOUT_SECONDS = env.float("SMS_TIMEOUT_SECONDS", default=10.0)
SMS_TEMPLATE_NAMES = [
    "invitation",
    "login_code",
    "reset_code",
    "order_code",
    "plan_published",
    "backfill",
    "backfill_report",
    "reminder",
    "post_allocated",
    "resource_withdrawn",
    "resource_backfill",
    "need_overdue",
    "shift_cancelled",
    "need_handed_over",
    "seat_claimed",
    "wish_claimed",
    "booking_released",
]
SMS_TEMPLATES = {name: env.str(f"SMS_TEMPLATE_{name.upper()}", default="") for name in SMS_TEMPLATE_NAMES}
# Alibaba Cloud SMS (dysmsapi 2017-05-25); an endpoint may name its scheme (http://host:port, for tests).
SMS_ALIYUN_ACCESS_KEY_ID = env.str("SMS_ALIYUN_ACCESS_KEY_ID", default="")
SMS_ALIYUN_ACCESS_KEY_SECRET = env.str("SMS_ALIYUN_ACCESS_KEY_SECRET", default="")
SMS_ALIYUN_ENDPOINT = env.str("SMS_ALIYUN_ENDPOINT", default="dysmsapi.aliyuncs.com")
# Tencent Cloud SMS (sms 2021-01-11): the SMS application's SdkAppId and the region of the account.
SMS_TENCENT_SECRET_ID = env.str("SMS_TENCENT_SECRET_ID", default="")
SMS_TENCENT_SECRET_KEY = env.str("SMS_TENCENT_SECRET_KEY", default="")
SMS_TENCENT_SDK_APP_ID = env.str("SMS_TENCENT_SDK_APP_ID", default="")
SMS_TENCENT_REGION = env.str("SMS_TENCENT_REGION", default="ap-guangzhou")
SMS_TENCENT_ENDPOINT = env.str("SMS_TENCENT_ENDPOINT", default="sms.tencentcloudapi.com")

# API tokens (accounts.models.ApiToken) end after this many days unused (each use slides it, written at most once
# a minute), and after this many days in all however often used: a script then asks for a new one.
API_TOKEN_IDLE_DAYS = env.float("API_TOKEN_IDLE_DAYS", default=14.0)
API_TOKEN_MAX_AGE_DAYS = env.float("API_TOKEN_MAX_AGE_DAYS", default=90.0)

# Sign-in lockout (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username from one address,
# that pair is refused (429, accounts.lockout) for AXES_COOLOFF_TIME hours; a successful sign-in clears it.
# Username and address together: by username alone anybody could lock a coordinator out from anywhere, by
# address alone one wrong-typing volunteer would lock out a whole community centre behind one NAT. Guessing
# many usernames from one address is held back by the "login" throttle above.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_TIME", default=1.0)  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = env.bool("AXES_RESET_ON_SUCCESS", default=True)
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_ip"  # the same address the throttles see (NUM_PROXIES)
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)

# Getting people in (accounts.services): an invitation (a link token and a short code) opens for INVITATION_DAYS;
# its link is INVITATION_URL with the token appended. A one-time SMS code (sign-in, password reset) holds for
# PHONE_CODE_MINUTES and takes PHONE_CODE_MAX_ATTEMPTS wrong tries; at most PHONE_CODE_PER_PHONE codes per number
# and PHONE_CODE_PER_IP per address are sent within PHONE_CODE_WINDOW_MINUTES (then 429 with Retry-After).
# PRIVACY_NOTICE_VERSION is recorded with each acceptance of the privacy notice; the notice names PRIVACY_CONTROLLER
# (who is responsible for the personal data: the district's office that runs the installation) and PRIVACY_CONTACT
# (where people ask about, correct or delete their data). A deployment check warns while either is empty.
INVITATION_DAYS = env.float("INVITATION_DAYS", default=14.0)
INVITATION_URL = env.str("INVITATION_URL", default="http://127.0.0.1:8000/activate/")
# A community's public order page (点单) is ORDER_URL with the community's id appended: its poster's QR code holds it.
ORDER_URL = env.str("ORDER_URL", default="http://127.0.0.1:8000/order/")
PHONE_CODE_MINUTES = env.float("PHONE_CODE_MINUTES", default=10.0)
PHONE_CODE_MAX_ATTEMPTS = env.int("PHONE_CODE_MAX_ATTEMPTS", default=5)
PHONE_CODE_PER_PHONE = env.int("PHONE_CODE_PER_PHONE", default=5)
PHONE_CODE_PER_IP = env.int("PHONE_CODE_PER_IP", default=20)
PHONE_CODE_WINDOW_MINUTES = env.float("PHONE_CODE_WINDOW_MINUTES", default=60.0)
PRIVACY_NOTICE_VERSION = env.str("PRIVACY_NOTICE_VERSION", default="2026-12")
PRIVACY_CONTROLLER = env.str("PRIVACY_CONTROLLER", default="")
PRIVACY_CONTACT = env.str("PRIVACY_CONTACT", default="")

# Audit history (django-auditlog; models registered in audit.apps): the signed-in user is the actor,
# Celery tasks write with no actor (shown as the system).
AUDITLOG_MASK_CALLABLE = "audit.masks.mask_personal"

IMPORT_EXPORT_USE_TRANSACTIONS = True

# Every line carries the request id (core.logs); LOG_FORMAT "json" writes one JSON object per line (production's
# default), "plain" one line of text.
LOG_FORMAT = env.str("LOG_FORMAT", default="plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.logs.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "core.logs.json_formatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["request_id"]}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# Errors to Sentry when SENTRY_DSN is set: no personal data (no user, address, cookies, request bodies or local
# variables of the stack), only what the exception and our log lines say.
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        environment=env.str("SENTRY_ENVIRONMENT", default="production"),
        release=VERSION,
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )
