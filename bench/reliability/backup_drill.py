"""The backup drill on a production-like database with the demo loaded.

Run it by hand: ``.venv/bin/python bench/reliability/backup_drill.py``. It
backs up the database and the private files, restores them into a fresh
database and folder, compares every table's row count and checksum and every
file, and runs the application's checks on the restored copy
(``manage.py backup drill``; see core/ops/backup.py).
"""

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.reliability.harness import production_site  # noqa: E402


def main() -> int:
    with production_site(workers=1) as site:
        result = subprocess.run(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", "backup", "drill"],
            cwd=Path(__file__).resolve().parents[2],
            env=site.env,
            check=False,
            capture_output=True,
            text=True,
        )
    print(result.stdout, end="")
    print(result.stderr, end="", file=sys.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
