"""Load: the main journeys at 50 concurrent users against gunicorn and
PostgreSQL with the production settings, on this machine.

Run it by hand (about two minutes):

    .venv/bin/python bench/reliability/load.py [--users 50] [--seconds 60]

It prints requests per second, the error rate and p50/p95/p99 per endpoint,
and exits non-zero when a target is missed: under 1 % errors, p95 under
300 ms for reads and under 1 s for PDFs. Locust, its client, runs on the same
two cores as the server: the figures are a floor, not a ceiling.
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.reliability.harness import production_site  # noqa: E402

HERE = Path(__file__).resolve().parent
READ_P95_MS = 300
PDF_P95_MS = 1000
MAX_ERROR_RATE = 0.01


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="nwow-load-") as folder:
        with production_site(workers=args.workers) as site:
            fixtures = Path(folder) / "fixtures.json"
            fixtures.write_text(json.dumps(site.fixtures))
            prefix = Path(folder) / "stats"
            print(
                f"{args.users} users for {args.seconds} s against {site.url} "
                f"({args.workers} gunicorn workers)…"
            )
            subprocess.run(  # noqa: S603 - locust from our own environment
                [
                    sys.executable,
                    "-m",
                    "locust",
                    "-f",
                    str(HERE / "locustfile.py"),
                    "--headless",
                    f"--users={args.users}",
                    f"--spawn-rate={max(1, args.users // 5)}",
                    f"--run-time={args.seconds}s",
                    f"--host={site.url}",
                    f"--csv={prefix}",
                    "--only-summary",
                    "--loglevel=WARNING",
                ],
                env={**os.environ, "NWOW_LOAD_FIXTURES": str(fixtures)},
                check=False,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        with open(f"{prefix}_stats.csv") as stats:
            rows = list(csv.DictReader(stats))
        with open(f"{prefix}_failures.csv") as failures_file:
            failure_rows = list(csv.DictReader(failures_file))

    failures = []
    print(
        f"\n{'endpoint':<66} {'req':>6} {'err':>5} {'rps':>6} "
        f"{'p50':>6} {'p95':>6} {'p99':>6}"
    )
    for row in rows:
        name = row["Name"]
        count, errors = int(row["Request Count"]), int(row["Failure Count"])
        p50, p95, p99 = (float(row[key] or 0) for key in ("50%", "95%", "99%"))
        label = f"{row['Type']} {name}" if row["Type"] else name
        print(
            f"{label[:66]:<66} {count:>6} {errors:>5} "
            f"{float(row['Requests/s']):>6.1f} {p50:>6.0f} {p95:>6.0f} {p99:>6.0f}"
        )
        if name == "Aggregated":
            if count and errors / count >= MAX_ERROR_RATE:
                failures.append(f"error rate {errors / count:.2%}")
            continue
        limit = PDF_P95_MS if name.startswith("PDF ") else READ_P95_MS
        if name.startswith("POST "):
            limit = PDF_P95_MS  # a write: within the slower budget
        if p95 > limit:
            failures.append(f"{name}: p95 {p95:.0f} ms > {limit} ms")
    print("(times in milliseconds)")
    for error in failure_rows:
        print(
            f"error ×{error['Occurrences']}: {error['Method']} {error['Name']}: "
            f"{error['Error'][:200]}"
        )
    if failures:
        print("\nTargets missed: " + "; ".join(failures))
        return 1
    print(
        f"\nTargets met: errors under {MAX_ERROR_RATE:.0%}, p95 under "
        f"{READ_P95_MS} ms for reads and {PDF_P95_MS} ms for PDFs."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
