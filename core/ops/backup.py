"""Back up PostgreSQL and the private files, and prove a backup restores.

A backup is a folder with:

- ``database.dump``: ``pg_dump --format=custom`` of the database;
- ``media.tar.gz``: the private files under ``MEDIA_ROOT``;
- ``manifest.json``: for every table its row count and a checksum of its
  rows, and the SHA-256 of every file, all taken from the same snapshot as
  the dump (``pg_export_snapshot``), so that writes during the backup cannot
  make the figures disagree with the dump.

``verify`` restores the dump into a fresh database and the files into a
fresh folder, recomputes every figure, compares it with the manifest, runs
the application's checks (``check``, ``migrate --check``) on the restored
copy, and drops that copy unless asked to keep it.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import psycopg
from django.conf import settings
from django.utils import timezone

MANIFEST_FORMAT = "nwow-backup/1"
BASE_DIR = Path(settings.BASE_DIR)


class BackupError(Exception):
    """A backup or a drill could not be completed; the message says why."""


@dataclass
class Figures:
    tables: int = 0
    rows: int = 0
    files: int = 0
    file_bytes: int = 0
    dump_bytes: int = 0
    seconds: float = 0.0
    mismatches: list[str] = field(default_factory=list)


def database_url(name: str | None = None) -> str:
    """The libpq URL of the default database (or of ``name`` on its server)."""
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        raise BackupError("Backups need PostgreSQL: set DATABASE_URL to postgres://…")
    user = quote(db.get("USER") or "", safe="")
    password = quote(db.get("PASSWORD") or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = db.get("HOST") or "localhost"
    port = db.get("PORT") or "5432"
    return f"postgresql://{credentials}{host}:{port}/{quote(name or db['NAME'])}"


def _tables(cursor) -> list[str]:
    cursor.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' "
        "ORDER BY table_name"
    )
    return [row[0] for row in cursor.fetchall()]


def table_figures(cursor) -> dict[str, dict]:
    """Row count and an order-independent checksum of every table's rows."""
    figures = {}
    for table in _tables(cursor):
        # Identifiers come from the catalogue and are quoted by psycopg.
        query = psycopg.sql.SQL(
            "SELECT count(*), md5(coalesce(string_agg(md5(t::text), '' "
            "ORDER BY md5(t::text)), '')) FROM {} AS t"
        ).format(psycopg.sql.Identifier(table))
        cursor.execute(query)
        count, checksum = cursor.fetchone()
        figures[table] = {"rows": count, "checksum": checksum}
    return figures


def file_figures(root: Path) -> dict[str, dict]:
    figures = {}
    if not root.exists():
        return figures
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        figures[path.relative_to(root).as_posix()] = {
            "bytes": path.stat().st_size,
            "sha256": digest.hexdigest(),
        }
    return figures


def _run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    # Fixed programs with arguments we build: no shell involved.
    result = subprocess.run(  # noqa: S603
        args, capture_output=True, text=True, check=False, **kwargs
    )
    if result.returncode != 0:
        raise BackupError(f"{args[0]} failed: {result.stderr.strip()[-2000:]}")
    return result


def backup_create(target: Path) -> Figures:
    """Write a backup of the database and the private files into ``target``."""
    started = time.perf_counter()
    target.mkdir(parents=True, exist_ok=False)
    media_root = Path(settings.MEDIA_ROOT)
    figures = Figures()

    # 1. One snapshot for the dump and the manifest: the transaction exporting
    #    it must stay open until pg_dump has attached to it.
    with psycopg.connect(database_url()) as connection:
        connection.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            dump = target / "database.dump"
            _run(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    f"--snapshot={snapshot}",
                    f"--file={dump}",
                    f"--dbname={database_url()}",
                ]
            )
            tables = table_figures(cursor)

    # 2. The files; they are written once and never changed in place, so a
    #    listing taken now matches the archive.
    files = file_figures(media_root)
    with tarfile.open(target / "media.tar.gz", "w:gz") as archive:
        for name in files:
            archive.add(media_root / name, arcname=name)

    manifest = {
        "format": MANIFEST_FORMAT,
        "created_at": timezone.now().isoformat(),
        "database": settings.DATABASES["default"]["NAME"],
        "tables": tables,
        "files": files,
    }
    (target / "manifest.json").write_text(json.dumps(manifest, indent=1))

    figures.tables = len(tables)
    figures.rows = sum(t["rows"] for t in tables.values())
    figures.files = len(files)
    figures.file_bytes = sum(f["bytes"] for f in files.values())
    figures.dump_bytes = dump.stat().st_size
    figures.seconds = time.perf_counter() - started
    return figures


@contextmanager
def _fresh_database(keep: bool) -> Iterator[str]:
    name = f"nwow_restore_{os.getpid()}_{int(time.time())}"
    admin_url = database_url("postgres")
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(
            psycopg.sql.SQL("CREATE DATABASE {}").format(psycopg.sql.Identifier(name))
        )
    try:
        yield name
    finally:
        if not keep:
            with psycopg.connect(admin_url, autocommit=True) as connection:
                connection.execute(
                    psycopg.sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                        psycopg.sql.Identifier(name)
                    )
                )


def _compare(kind: str, expected: dict, found: dict, mismatches: list[str]) -> None:
    for name in sorted(expected.keys() | found.keys()):
        if name not in found:
            mismatches.append(f"{kind} {name}: missing from the restored copy")
        elif name not in expected:
            mismatches.append(f"{kind} {name}: not in the manifest")
        elif expected[name] != found[name]:
            mismatches.append(
                f"{kind} {name}: expected {expected[name]}, found {found[name]}"
            )


def _safe_members(archive: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = []
    for member in archive.getmembers():
        path = Path(member.name)
        if path.is_absolute() or ".." in path.parts or not member.isfile():
            raise BackupError(f"Refusing the archive member {member.name!r}.")
        members.append(member)
    return members


def backup_verify(source: Path, *, keep: bool = False, out=sys.stdout) -> Figures:
    """Restore ``source`` into fresh copies and check them against its manifest."""
    started = time.perf_counter()
    manifest_path = source / "manifest.json"
    if not manifest_path.exists():
        raise BackupError(f"No manifest.json in {source}: not a backup folder.")
    manifest = json.loads(manifest_path.read_text())
    if manifest.get("format") != MANIFEST_FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    figures = Figures(dump_bytes=(source / "database.dump").stat().st_size)

    with _fresh_database(keep) as name:
        url = database_url(name)
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                f"--dbname={url}",
                str(source / "database.dump"),
            ]
        )
        with psycopg.connect(url) as connection, connection.cursor() as cursor:
            tables = table_figures(cursor)
        _compare("table", manifest["tables"], tables, figures.mismatches)

        # The application's own checks, against the restored database.
        env = {**os.environ, "DATABASE_URL": url}
        manage = [sys.executable, str(BASE_DIR / "manage.py")]
        _run([*manage, "check"], env=env, cwd=BASE_DIR)
        _run([*manage, "migrate", "--check", "--no-input"], env=env, cwd=BASE_DIR)
        if keep:
            print(f"Restored database kept: {name}", file=out)

    with tempfile.TemporaryDirectory(prefix="nwow-restore-media-") as folder:
        with tarfile.open(source / "media.tar.gz", "r:gz") as archive:
            archive.extractall(folder, members=_safe_members(archive), filter="data")
        files = file_figures(Path(folder))
        _compare("file", manifest["files"], files, figures.mismatches)

    figures.tables = len(tables)
    figures.rows = sum(t["rows"] for t in tables.values())
    figures.files = len(files)
    figures.file_bytes = sum(f["bytes"] for f in files.values())
    figures.seconds = time.perf_counter() - started
    return figures


def backup_drill(
    *, keep_backup: Path | None = None, out=sys.stdout
) -> tuple[Figures, Figures]:
    """Back up, then verify the backup: the drill to run on a schedule."""
    folder = Path(tempfile.mkdtemp(prefix="nwow-backup-"))
    target = keep_backup or folder / "backup"
    try:
        made = backup_create(target)
        checked = backup_verify(target, out=out)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return made, checked
