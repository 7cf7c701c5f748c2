"""``manage.py export_personal_data --email E``: everything held about a person.

Prints the JSON (GDPR article 15 and 20: access and portability); with
``--archive PATH`` writes a ZIP holding that JSON and the person's files.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.models import User
from core.personal_data import personal_data_archive, personal_data_export


class Command(BaseCommand):
    help = "Export the personal data of one user as JSON, or as a ZIP with files."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument(
            "--archive", type=Path, help="write a ZIP with the JSON and the files"
        )

    def handle(self, *args, **options):
        email = options["email"].strip()
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"No user has the e-mail address {email!r}.")

        if options["archive"]:
            target = options["archive"]
            if target.exists():
                raise CommandError(f"{target} exists already; choose a new path.")
            target.write_bytes(personal_data_archive(user=user))
            self.stdout.write(f"Personal data of {user.email} written to {target}.")
            return
        data = personal_data_export(user=user)
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
