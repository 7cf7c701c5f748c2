"""Production settings refuse to start half-configured and pass check --deploy."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "k" * 30 + "an-unpredictable-production-secret-of-length",
    "ALLOWED_HOSTS": "nwow.example.be",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_HSTS_SECONDS": "31536000",
    "DATABASE_URL": "postgres://nwow@127.0.0.1:5432/nwow",
    "EMAIL_HOST": "smtp.example.be",
}


def manage(*args, env):
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    "missing",
    ["SECRET_KEY", "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS"],
)
def test_it_refuses_to_start_without_a_required_variable(missing):
    env = {k: v for k, v in GOOD_ENV.items() if k != missing}

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_it_refuses_a_short_secret_key():
    result = manage("check", env={**GOOD_ENV, "SECRET_KEY": "short"})

    assert result.returncode != 0
    assert "SECRET_KEY must be at least 50 characters" in result.stderr


def test_it_refuses_sqlite_in_production():
    result = manage("check", env={**GOOD_ENV, "DATABASE_URL": "sqlite:///x.db"})

    assert result.returncode != 0
    assert "Production runs on PostgreSQL" in result.stderr


def test_it_passes_the_deployment_checklist_without_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=GOOD_ENV)

    assert result.returncode == 0, result.stderr


def test_it_names_a_badly_typed_variable():
    result = manage("check", env={**GOOD_ENV, "SECURE_HSTS_SECONDS": "a year"})

    assert result.returncode != 0
    assert "SECURE_HSTS_SECONDS" in result.stderr


def test_it_queues_tasks_in_the_database_and_shares_the_cache_in_production():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.TASKS['default']['BACKEND'], s.CACHES['default']['BACKEND'], "
        "s.DATABASES['default']['CONN_HEALTH_CHECKS'], s.ACCOUNT_EMAIL_VERIFICATION)",
        env=GOOD_ENV,
    )

    assert result.stdout.split()[-4:] == [
        "django_tasks_db.DatabaseBackend",
        "django.core.cache.backends.db.DatabaseCache",
        "True",
        "mandatory",
    ]
