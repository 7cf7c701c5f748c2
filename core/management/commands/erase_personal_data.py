"""``manage.py erase_personal_data --email E --yes``: erase a person (GDPR art. 17).

What is kept by legal obligation (accreditation decisions, the audit log)
stays under a pseudonym; see ``core.personal_data``.
"""

from django.core.management.base import BaseCommand, CommandError

from core.errors import DomainError
from core.models import User
from core.personal_data import identifiers, personal_data_erase, scan_for


class Command(BaseCommand):
    help = "Erase one user's personal data, keeping legal records under a pseudonym."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument(
            "--yes", action="store_true", help="confirm: erasure cannot be undone"
        )

    def handle(self, *args, **options):
        email = options["email"].strip()
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"No user has the e-mail address {email!r}.")
        if not options["yes"]:
            raise CommandError("Erasure cannot be undone: add --yes to confirm.")

        needles = identifiers(user)
        try:
            summary = personal_data_erase(user=user)
        except DomainError as error:
            raise CommandError(str(error.detail)) from error

        left = scan_for(needles)
        self.stdout.write(
            f"Erased {email} as {summary['pseudonym']}: {summary['scrubbed']} rows "
            f"scrubbed, {summary['deleted']} deleted, {summary['kept']} kept, "
            f"{summary['mentions']} mentions replaced, {summary['sessions']} sessions "
            f"and {summary['tokens']} tokens ended."
        )
        if left:
            raise CommandError(f"Mentions remain in: {sorted({h[:2] for h in left})}")
        self.stdout.write("A scan of every text column finds no mention left.")
