"""Settings shared by every environment.

Environment-specific modules (dev, test, production) import everything from here
and override only what differs. Values that vary between machines are read from
the environment through ``config.settings.env``.
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from .env import BASE_DIR, env

DATA_DIR = Path(env.str("DATA_DIR", default=str(BASE_DIR / "data")))

SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    # Third-party
    "allauth",
    "allauth.account",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "bootstrap",
    "django_tasks_db",
    "simple_history",
    "rules.apps.AutodiscoverRulesConfig",
    # Ours: the shared package first, then the domain apps.
    "core",
    "training",
    "accreditation",
    "pme",
    "matching",
    "knowledge",
    "knowledge.surveys",
    "knowledge.events",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.idempotency.IdempotencyMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.security.NoStoreMiddleware",
    "core.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.security.SessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

FORM_RENDERER = "core.forms_renderer.BootstrapFormRenderer"
ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.navigation",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------
# DATABASE_URL selects the database (postgres://user:pass@host:5432/name);
# unset, a SQLite file in the data folder gives a zero-setup local run.
DATA_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": env.db_url(
        "DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'db.sqlite3'}"
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Persistent connections, checked before reuse: without the health check a
    # restarted database costs the next request a 500.
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # WAL and a busy timeout let the web process and the task worker
            # share the file without "database is locked" errors.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
else:
    raise ImproperlyConfigured(
        "DATABASE_URL must point to PostgreSQL (postgres://...) or SQLite "
        "(sqlite:///...)."
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# How long the answer to an API write with an Idempotency-Key is kept.
IDEMPOTENCY_TTL_HOURS = env.int("IDEMPOTENCY_TTL_HOURS", default=24)

# While the database is down, requests answer 503 with this Retry-After.
DATABASE_RETRY_AFTER_SECONDS = env.int("DATABASE_RETRY_AFTER_SECONDS", default=15)

# --- Accounts -----------------------------------------------------------------
AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "core:home"

# django-allauth: e-mail is the login; verification is mandatory in production
# and chosen by ACCOUNT_EMAIL_VERIFICATION elsewhere.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = env.str("ACCOUNT_EMAIL_VERIFICATION", default="optional")
if ACCOUNT_EMAIL_VERIFICATION not in {"mandatory", "optional", "none"}:
    raise ImproperlyConfigured(
        "ACCOUNT_EMAIL_VERIFICATION must be 'mandatory', 'optional' or 'none'."
    )
ACCOUNT_SIGNUP_FORM_CLASS = "core.forms.SignupForm"
ACCOUNT_ADAPTER = "core.adapters.AccountAdapter"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[NWOW Wallonie] "
# Per account and per address: 5 failed logins per 5 minutes for one account,
# 30 per 10 minutes from one address; a cool-off, never a permanent lock.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "30/10m/ip,5/5m/key",
    "signup": "20/h/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}

# --- API ----------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "core.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # The API speaks JSON (shared/api.md); uploads opt in to multipart per
    # view. A form-encoded body has no types: the fuzzer's nested object for
    # ``language`` reached the serializer as a valid-looking string.
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "core.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "core.api.errors.exception_handler",
    "DEFAULT_THROTTLE_RATES": {
        "auth-token": env.str("THROTTLE_AUTH_TOKEN", default="10/min"),
        "auth-register": env.str("THROTTLE_AUTH_REGISTER", default="20/hour"),
        "public-verify": env.str("THROTTLE_PUBLIC_VERIFY", default="30/min"),
    },
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "NWOW Wallonie API",
    "DESCRIPTION": (
        "Public API of NWOW Wallonie: training and accreditation of NWOW "
        "consultants, PME maturity scans, expert matching and the knowledge base."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # 150 operations: show the sections folded, with a filter box, and let a
    # link open one (#/auth).
    "SWAGGER_UI_SETTINGS": {
        "docExpansion": "none",
        "filter": True,
        "deepLinking": True,
    },
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.api.schema.add_common_answers",
    ],
    # Several models share the field names "status" and "kind": name each set.
    "ENUM_NAME_OVERRIDES": {
        "EnrolmentStatusEnum": "training.models.Enrolment.Status",
        "AttendanceStatusEnum": "training.models.Attendance.Status",
        "CertificationStatusEnum": "training.models.Certification.Status",
        "CpdActivityStatusEnum": "training.models.CpdActivity.Status",
        "AssessmentKindEnum": "training.models.Assessment.Kind",
        "DocumentKindEnum": "accreditation.models.ApplicationDocument.Kind",
        "ApplicationStatusEnum": "accreditation.models.Application.Status",
        "AccreditationStatusEnum": "accreditation.models.Accreditation.Status",
        "MembershipRoleEnum": "pme.models.Membership.Role",
        "EngagementStatusEnum": "matching.models.Engagement.Status",
        "ExpertRequestStatusEnum": "matching.models.ExpertRequest.Status",
        "ContentStatusEnum": "knowledge.models.ContentStatus",
        "ContentKindEnum": "knowledge.models.ContentKind",
        "NaceSectionEnum": "core.reference.nace.NaceSection",
    },
}

# --- Internationalisation -----------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
    ("de", _("German")),
    ("nl", _("Dutch")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True
# Belgian conventions in every language (day/month, 24-hour clock).
FORMAT_MODULE_PATH = ["config.formats"]
LANGUAGE_COOKIE_NAME = "nwow_language"
LANGUAGE_COOKIE_SECURE = False
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static and media files ---------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded files live outside the static tree and no URL route serves
# MEDIA_URL: views check who may read each file and stream it as an attachment.
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(DATA_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
FILE_UPLOAD_PERMISSIONS = 0o640
MAX_UPLOAD_BYTES = env.int("MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)

# --- Security -----------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# A session ends after this long without a request, and this long after login
# whatever the activity (core.security.SessionTimeoutMiddleware).
SESSION_IDLE_TIMEOUT = env.int("SESSION_IDLE_TIMEOUT", default=60 * 60)
SESSION_ABSOLUTE_TIMEOUT = env.int("SESSION_ABSOLUTE_TIMEOUT", default=12 * 60 * 60)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# Every asset is served from our own static files; scripts need the
# per-response nonce, so no inline script or style can run.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# --- E-mail -------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="NWOW Wallonie <noreply@nwow.wallonie.be>"
)
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
MAILERS = {
    "default": {
        "BACKEND": env.str(
            "EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
        ),
    }
}

# --- Background work ----------------------------------------------------------
# E-mail and batch jobs go through django.tasks. Development and tests run them
# immediately; production stores them in the database for `db_worker`.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}

# --- Cache --------------------------------------------------------------------
# allauth's login rate limits live in the cache: it must be shared by every web
# process, hence the database cache in production (no extra service to run).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "nwow",
    }
}

# --- Logging ------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
    },
}

SIMPLE_HISTORY_REVERT_DISABLED = True

# The platform's own tunable values: periods and thresholds are configuration,
# not code, because Walloon rules change often.
NWOW = {
    "SITE_NAME": "NWOW Wallonie",
    # Training (domain.md §4).
    "TRAINING_MIN_ATTENDANCE_PCT": 80,
    "CERTIFICATION_VALIDITY_DAYS": 3 * 365,
    # Public address used in e-mails and on certificates (QR code).
    "PUBLIC_URL": env.str("NWOW_PUBLIC_URL", default="http://127.0.0.1:8000"),
    # Accreditation workflow (domain.md §2-3).
    "ACCREDITATION_VALIDITY_YEARS": env.int(
        "NWOW_ACCREDITATION_VALIDITY_YEARS", default=3
    ),
    "RENEWAL_WINDOW_DAYS": 120,
    "RENEWAL_REMINDER_DAYS": [120, 60, 30],
    "RENEWAL_CPD_HOURS": 40,
    "RENEWAL_MIN_RATING": 3.5,
    "INCOMPLETE_DUE_DAYS": 30,
    "APPEAL_WINDOW_DAYS": 30,
    # Service-level targets per application state, in working days.
    "APPLICATION_SLA_WORKING_DAYS": {
        "submitted": 10,
        "under_review": 20,
        "interview_scheduled": 15,
        "interviewed": 10,
        "recommended": 10,
        "appealed": 20,
    },
    # Optional cap of accreditations granted per domain code, e.g. {"TEL": 40}.
    "DOMAIN_QUOTAS": {},
    # Companies and the maturity scan (domain.md §5).
    "INVITATION_MAX_AGE_DAYS": 7,
    "BENCHMARK_MIN_GROUP": 5,
    "SCAN_MAX_AGE_DAYS": 365,
    # Matching and missions (issue #5).
    "REPORT_VALIDATION_WORKING_DAYS": 15,
    "QUALITY_PRIOR_MEAN": 3.5,
    "QUALITY_PRIOR_WEIGHT": 3,
    "EXPLORATION_DAYS": 180,
    "PROPOSALS_LIMIT": 10,
    # The NWOW Forum: reminders go out this many days before an event.
    "EVENT_REMINDER_DAYS": [7, 1],
}
