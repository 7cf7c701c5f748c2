"""Create an agency user (or give an existing one a role) from the shell."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from core.models import User
from core.roles import Role
from core.services import user_grant_role


class Command(BaseCommand):
    help = (
        "Create a user with a role (trainer, reviewer, decider, editor, admin, or "
        "the self-service consultant and pme). An existing user keeps their password "
        "and receives the role."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument("--password", required=True)
        parser.add_argument("--role", required=True)
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument(
            "--language", default="fr", choices=["fr", "en", "de", "nl"]
        )

    def handle(self, *args, **options):
        email = options["email"].strip().lower()
        role = options["role"].strip().lower()
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"Invalid e-mail address: {email!r}.") from error
        if role not in Role.values:
            raise CommandError(
                f"Unknown role {role!r}. Choose one of: {', '.join(Role.values)}."
            )

        existing = User.objects.filter(email__iexact=email).first()
        if existing is not None:
            user_grant_role(user=existing, role=role)
            self.stdout.write(f"{email} already exists: role {role} granted.")
            return

        first_name = options["first_name"] or email.split("@")[0].title()
        last_name = options["last_name"] or Role(role).label.title()
        user = User(email=email, first_name=first_name, last_name=last_name)
        try:
            validate_password(options["password"], user)
        except ValidationError as error:
            raise CommandError(
                "Password refused: " + " ".join(error.messages)
            ) from error

        with transaction.atomic():
            user = User.objects.create_user(
                email=email,
                password=options["password"],
                first_name=first_name,
                last_name=last_name,
                language=options["language"],
            )
            _mark_email_verified(user)
            user_grant_role(user=user, role=role)
        self.stdout.write(self.style.SUCCESS(f"Created {email} with role {role}."))


def _mark_email_verified(user: User) -> None:
    # An administrator vouches for the address of a staff account.
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(
        user=user, email=user.email, primary=True, verified=True
    )
