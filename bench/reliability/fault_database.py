"""Database faults under load: the API answers 503 with Retry-After while
PostgreSQL is unreachable, writes nothing halfway, and recovers by itself.

Run it by hand (it takes about a minute and a half):

    .venv/bin/python bench/reliability/fault_database.py [--outage 8] [--restart-server]

1. A production-like site (gunicorn, production settings, its own throw-away
   PostgreSQL database) takes reads and writes from 8 client threads.
2. After a warm-up, the database goes away: by default it refuses new
   connections and its open ones are terminated (only this run's database is
   touched); with ``--restart-server`` the whole PostgreSQL server restarts
   instead (every database on it, so not while other work uses it).
3. It comes back; the same gunicorn processes must serve again.

It prints the answers per phase and exits non-zero when a check fails: a 500,
a refusal without Retry-After, a connection error, writes that are half
there (an activity without its audit row or the reverse), or less than 99 %
success once the database is back.
"""

import argparse
import collections
import datetime
import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import psycopg  # noqa: E402
import requests  # noqa: E402
from psycopg import sql  # noqa: E402

from bench.reliability.harness import HTTPS, production_site  # noqa: E402

CLIENTS = 8


def _pg_ctl(action: str) -> None:
    version = os.listdir("/etc/postgresql")[0]
    command = ["/usr/bin/pg_ctlcluster", "--skip-systemctl-redirect", version, "main"]
    subprocess.run([*command, action], check=True)  # noqa: S603 - fixed command


def _outage_start(site, restart_server: bool) -> None:
    if restart_server:
        _pg_ctl("stop")
        return
    name = sql.Identifier(site.database)
    site.sql(sql.SQL("ALTER DATABASE {} WITH ALLOW_CONNECTIONS false").format(name))
    site.sql(
        sql.SQL(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = {} AND pid <> pg_backend_pid()"
        ).format(sql.Literal(site.database))
    )


def _outage_end(site, restart_server: bool) -> None:
    if restart_server:
        _pg_ctl("start")
        return
    name = sql.Identifier(site.database)
    site.sql(sql.SQL("ALTER DATABASE {} WITH ALLOW_CONNECTIONS true").format(name))


def _client(site, token, marker, phase, results, stop, lock):
    session = requests.Session()
    session.headers.update({**HTTPS, "Authorization": f"Token {token}"})
    counter = 0
    while not stop.is_set():
        counter += 1
        kind = "write" if counter % 3 == 0 else "read"
        try:
            if kind == "write":
                response = session.post(
                    f"{site.url}/api/v1/training/cpd-activities/",
                    json={
                        "category": "conference",
                        "date": datetime.date.today().isoformat(),
                        "hours": "1.5",
                        "description": f"{marker} {uuid.uuid4().hex}",
                    },
                    timeout=30,
                )
            elif counter % 2:
                response = session.get(
                    f"{site.url}/api/v1/experts/?domain=TEL", timeout=30
                )
            else:
                response = session.get(f"{site.url}/api/v1/auth/me/", timeout=30)
            outcome = (response.status_code, "Retry-After" in response.headers)
            created = response.json().get("id") if response.status_code == 201 else None
        except requests.RequestException as error:
            outcome, created = (
                (f"connection error: {type(error).__name__}", False),
                None,
            )
        with lock:
            results.append((phase[0], kind, outcome, created))
        time.sleep(0.02)


def _consistency(site, marker: str) -> tuple[set[int], int, int]:
    """(activity ids, audit rows, writes that are not exactly one activity with
    one audit row)."""
    with psycopg.connect(site.database_url) as connection:
        rows = connection.execute(
            "SELECT a.id, (SELECT count(*) FROM core_auditentry e "
            " WHERE e.action = 'training.cpd.declared' AND e.object_id = a.id::text) "
            "FROM training_cpdactivity a WHERE a.description LIKE %s",
            [marker + "%"],
        ).fetchall()
        audits = connection.execute(
            "SELECT count(*) FROM core_auditentry e WHERE e.action = "
            "'training.cpd.declared' AND NOT EXISTS (SELECT 1 FROM "
            "training_cpdactivity a WHERE a.id::text = e.object_id)"
        ).fetchone()[0]
    broken = sum(1 for _id, count in rows if count != 1) + audits
    return {row[0] for row in rows}, sum(count for _id, count in rows), broken


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warm-up", type=float, default=6)
    parser.add_argument("--outage", type=float, default=8)
    parser.add_argument("--recovery", type=float, default=12)
    parser.add_argument("--restart-server", action="store_true")
    args = parser.parse_args()

    with production_site(workers=3, experts=20, companies=20) as site:
        tokens = [c["token"] for c in site.fixtures["consultants"]]
        if not tokens:
            print("The demo has no accredited consultant to write with.")
            return 1
        pids_before = site.process.pid
        marker = f"fault-run-{uuid.uuid4().hex[:8]}"
        phase = ["before"]
        results: list = []
        stop, lock = threading.Event(), threading.Lock()
        threads = [
            threading.Thread(
                target=_client,
                args=(
                    site,
                    tokens[i % len(tokens)],
                    marker,
                    phase,
                    results,
                    stop,
                    lock,
                ),
                daemon=True,
            )
            for i in range(CLIENTS)
        ]
        for thread in threads:
            thread.start()
        time.sleep(args.warm_up)
        phase[0] = "outage"
        _outage_start(site, args.restart_server)
        time.sleep(args.outage)
        phase[0] = "back"
        _outage_end(site, args.restart_server)
        time.sleep(2)  # the first reconnections
        phase[0] = "after"
        time.sleep(args.recovery)
        stop.set()
        for thread in threads:
            thread.join(timeout=40)

        activities, audit_rows, broken = _consistency(site, marker)
        created = {r[3] for r in results if r[3]}
        same_master = site.process.poll() is None and site.process.pid == pids_before

    table = collections.Counter((r[0], r[2]) for r in results)
    print(f"\n{len(results)} requests from {CLIENTS} clients; answers per phase:")
    for (phase_name, outcome), count in sorted(table.items(), key=str):
        status, retry = outcome
        note = " with Retry-After" if retry is True else ""
        print(f"  {phase_name:<7} {status!s:<28}{note:<18} {count:>6}")

    failures = []
    if any(r[2][0] == 500 for r in results):
        failures.append("a request answered 500")
    if any(isinstance(r[2][0], str) for r in results):
        failures.append("a request found no server (connection error)")
    if any(r[2][0] == 503 and not r[2][1] for r in results):
        failures.append("a 503 came without Retry-After")
    if not any(r[2][0] == 503 for r in results if r[0] == "outage"):
        failures.append("the outage produced no 503 (was the database really away?)")
    after = [r for r in results if r[0] == "after"]
    ok_after = sum(1 for r in after if isinstance(r[2][0], int) and r[2][0] < 400)
    share = ok_after / len(after) if after else 0
    if share < 0.99:
        failures.append(f"only {share:.1%} success after the database came back")
    if broken:
        failures.append(f"{broken} writes are half there")
    if not created <= activities:
        failures.append("some 201 answers have no row")
    if not same_master:
        failures.append("gunicorn had to restart")

    print(
        f"\nWrites: {len(created)} answered 201; {len(activities)} activities and "
        f"{audit_rows} audit rows in the database; {broken} inconsistent."
    )
    print(f"Success once the database was back: {share:.1%} of {len(after)}.")
    print("Same gunicorn master throughout:", "yes" if same_master else "no")
    if failures:
        print("\nFAILED: " + "; ".join(failures))
        return 1
    print("\nAll checks passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
