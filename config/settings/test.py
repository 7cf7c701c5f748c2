"""Settings for the test suite (pytest), on SQLite or on DATABASE_URL."""

from .base import *  # noqa: F403
from .base import MAILERS, REST_FRAMEWORK, env

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105 - never used outside tests
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

# MD5 keeps the suite fast: PBKDF2 made a schemathesis run 25 times slower.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Collected, hashed static files would require collectstatic before each run.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MAILERS = {
    **MAILERS,
    "default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
}
ACCOUNT_EMAIL_VERIFICATION = env.str("ACCOUNT_EMAIL_VERIFICATION", default="optional")

# Throttles are exercised by their own tests with these low rates.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {
        "auth-token": "5/min",
        "auth-register": "5/min",
        "public-verify": "100/min",
    },
}

# Static files straight from the apps' folders: no collectstatic needed here.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
