"""A production-like site on this machine for the reliability scripts.

``production_site()`` creates a throw-away PostgreSQL database, migrates it,
loads a small demo, starts gunicorn with the production settings on a
loopback port, and removes everything afterwards. Requests must carry
``X-Forwarded-Proto: https`` (the reverse proxy's header), or production's
HTTPS redirect answers them.

Only loopback addresses are used; nothing leaves the machine.
"""

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
import requests
from psycopg import sql

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
ADMIN_URL = os.environ.get(
    "RELIABILITY_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
HTTPS = {"X-Forwarded-Proto": "https"}

# What the scenarios need from the demo, read through the ORM once.
_FIXTURES = """
import json
from rest_framework.authtoken.models import Token
from accreditation.models import Accreditation
from core.models import User
from matching.models import Engagement, ExpertRequest
from pme.models import Membership

def token(email):
    return Token.objects.get_or_create(user=User.objects.get(email=email))[0].key

consultants = list(
    User.objects.filter(groups__name="consultant", accreditations__isnull=False)
    .distinct().order_by("email").values_list("email", flat=True)[:20]
)
members = list(
    User.objects.filter(groups__name="pme", company_memberships__isnull=False)
    .distinct().order_by("email").values_list("email", flat=True)[:20]
)
engagements = list(
    Engagement.objects.filter(status__in=["validated", "closed"])
    .values("pk", "request__company_id")[:50]
)
data = {
    "consultants": [
        {
            "token": token(email),
            "accreditations": list(
                Accreditation.objects.filter(consultant__email=email)
                .values_list("pk", flat=True)
            ),
        }
        for email in consultants
    ],
    "members": [
        {
            "token": token(email),
            "requests": list(
                ExpertRequest.objects.filter(company__memberships__user__email=email)
                .values_list("pk", flat=True)[:5]
            ),
            "engagements": [
                e["pk"] for e in engagements
                if Membership.objects.filter(
                    user__email=email, company_id=e["request__company_id"]
                ).exists()
            ],
        }
        for email in members
    ],
    "reviewer": token("reviewer@nwow.demo"),
    "codes": list(
        Accreditation.objects.filter(status="active")
        .values_list("verification_code", flat=True)[:50]
    ),
}
print("FIXTURES " + json.dumps(data))
"""


@dataclass
class Site:
    url: str
    database: str
    database_url: str
    env: dict
    fixtures: dict
    process: subprocess.Popen

    def manage(self, *args: str) -> str:
        result = subprocess.run(  # noqa: S603 - our own manage.py
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout

    def sql(self, statement: sql.Composable | str) -> None:
        with psycopg.connect(ADMIN_URL, autocommit=True) as connection:
            connection.execute(statement)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited during start-up")
        try:
            requests.get(url + "/", headers=HTTPS, timeout=2)
            return
        except requests.RequestException:
            time.sleep(0.3)
    raise RuntimeError(f"the site did not answer at {url} within {timeout} s")


@contextmanager
def production_site(
    *, workers: int = 4, experts: int = 40, companies: int = 60, log=print
) -> Iterator[Site]:
    database = f"nwow_reliability_{os.getpid()}"
    base = psycopg.conninfo.conninfo_to_dict(ADMIN_URL)
    database_url = "postgres://{user}@{host}:{port}/{db}".format(
        user=base.get("user", "postgres"),
        host=base.get("host", "127.0.0.1"),
        port=base.get("port", "5432"),
        db=database,
    )
    data_dir = Path(tempfile.mkdtemp(prefix="nwow-reliability-"))
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "true",
        "SECURE_HSTS_SECONDS": "3600",
        "EMAIL_HOST": "127.0.0.1",
        "DATABASE_URL": database_url,
        "DATA_DIR": str(data_dir),
        "MEDIA_ROOT": str(data_dir / "media"),
        "OMP_NUM_THREADS": "1",
        "LOG_LEVEL": "WARNING",
    }
    process = None
    with psycopg.connect(ADMIN_URL, autocommit=True) as connection:
        connection.execute(
            sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database))
        )
    try:
        site = Site(
            url=f"http://127.0.0.1:{port}",
            database=database,
            database_url=database_url,
            env=env,
            fixtures={},
            process=None,
        )
        started = time.monotonic()
        log(f"Preparing {database}: migrate, cache table, static files, demo…")
        site.manage("migrate", "--no-input")
        site.manage("createcachetable")
        site.manage("collectstatic", "--no-input")
        site.manage(
            "seed_demo",
            "--no-progress",
            f"--experts={experts}",
            f"--companies={companies}",
        )
        output = site.manage("shell", "-c", _FIXTURES)
        line = next(x for x in output.splitlines() if x.startswith("FIXTURES "))
        site.fixtures = json.loads(line.removeprefix("FIXTURES "))
        log(f"Ready in {time.monotonic() - started:.0f} s; starting gunicorn.")

        # The server's own log (a database outage is logged as an error, as it
        # should be in production) goes to a file, not over the figures.
        server_log = (data_dir / "gunicorn.log").open("w")
        process = subprocess.Popen(  # noqa: S603 - our own gunicorn
            [
                PYTHON,
                "-m",
                "gunicorn",
                "config.wsgi",
                f"--workers={workers}",
                f"--bind=127.0.0.1:{port}",
                "--forwarded-allow-ips=127.0.0.1",
                "--log-level=warning",
                "--timeout=60",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
            stdout=server_log,
            stderr=subprocess.STDOUT,
        )
        site.process = process
        try:
            _wait_until_up(site.url, process)
        except RuntimeError:
            print((data_dir / "gunicorn.log").read_text()[-4000:], file=sys.stderr)
            raise
        yield site
    finally:
        if process is not None and process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        with psycopg.connect(ADMIN_URL, autocommit=True) as connection:
            connection.execute(
                sql.SQL("ALTER DATABASE {} WITH ALLOW_CONNECTIONS true").format(
                    sql.Identifier(database)
                )
            )
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(database)
                )
            )
        shutil.rmtree(data_dir, ignore_errors=True)
