"""``manage.py backup create DIR | verify DIR | drill``: see core/ops/backup.py."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.ops.backup import (
    BackupError,
    Figures,
    backup_create,
    backup_drill,
    backup_verify,
)


def _describe(figures: Figures) -> str:
    return (
        f"{figures.tables} tables, {figures.rows} rows, {figures.files} files "
        f"({figures.file_bytes / 1024:.0f} KiB), dump {figures.dump_bytes / 1024:.0f} "
        f"KiB, {figures.seconds:.1f} s"
    )


class Command(BaseCommand):
    help = (
        "Back up PostgreSQL and the private files (create), restore a backup into a "
        "fresh database and check it (verify), or both in a row (drill)."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="write a backup into a new folder")
        create.add_argument("folder", type=Path)
        verify = sub.add_parser("verify", help="restore a backup and check it")
        verify.add_argument("folder", type=Path)
        verify.add_argument(
            "--keep", action="store_true", help="keep the restored database"
        )
        drill = sub.add_parser("drill", help="create a backup, then verify it")
        drill.add_argument(
            "--keep-backup", type=Path, default=None, help="also keep the backup here"
        )

    def handle(self, *args, **options):
        try:
            if options["action"] == "create":
                made = backup_create(options["folder"])
                self.stdout.write(
                    f"Backup written to {options['folder']}: {_describe(made)}"
                )
                return
            if options["action"] == "verify":
                checked = backup_verify(
                    options["folder"], keep=options["keep"], out=self.stdout
                )
            else:
                made, checked = backup_drill(
                    keep_backup=options["keep_backup"], out=self.stdout
                )
                self.stdout.write(f"Backup: {_describe(made)}")
        except (BackupError, FileExistsError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error

        self.stdout.write(f"Restore: {_describe(checked)}")
        if checked.mismatches:
            for line in checked.mismatches:
                self.stderr.write(line)
            raise CommandError(
                f"The restored copy differs from the backup ({len(checked.mismatches)} "
                "mismatches)."
            )
        self.stdout.write(
            self.style.SUCCESS(
                "Every table's row count and checksum and every file match; "
                "the application's checks pass on the restored copy."
            )
        )
