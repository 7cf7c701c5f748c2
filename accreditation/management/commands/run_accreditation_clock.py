"""The daily clock of accreditations and applications (cron or systemd timer).

Safe to run twice on the same day: every step moves only objects that are in
the right state, and reminders already sent are recorded on the accreditation.
Each object is changed in its own transaction, so that one failure neither
undoes nor blocks the others; failures are reported and make the exit code 1.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from accreditation.models import Accreditation
from accreditation.selectors import accreditations as selectors
from accreditation.services import accreditations as services
from core.errors import DomainError, TransitionNotAllowed


def _parse_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date expects YYYY-MM-DD, got {value!r}") from None


class Command(BaseCommand):
    help = (
        "Open renewals, send renewal reminders, expire what is past its date and "
        "abandon stale incomplete applications. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            type=_parse_date,
            help="Act as if today were this day (YYYY-MM-DD), to test or catch up.",
        )

    def handle(self, *args, date=None, **options):
        today = date or timezone.localdate()
        self.failures = 0
        self.stdout.write(f"Accreditation clock for {today.isoformat()}")

        # 1. Renewal windows that have opened (their notice is the first reminder).
        opened = self._each(
            selectors.accreditation_renewal_due(today=today),
            lambda a: services.accreditation_open_renewal(accreditation=a, today=today),
        )
        self._report("renewals opened", opened)

        # 2. Reminders of renewals still open, once per threshold and cycle.
        reminded = []
        renewals = Accreditation.objects.filter(
            status=Accreditation.Status.RENEWAL_OPEN, valid_until__gte=today
        ).order_by("pk")
        for accreditation in renewals:
            threshold = self._try(
                accreditation.pk,
                lambda a=accreditation: services.accreditation_remind(
                    accreditation=a, today=today
                ),
            )
            if threshold:
                reminded.append(f"{accreditation.pk} ({threshold} d)")
        self._report("reminders sent", reminded)

        # 3. Renewals not decided before the end of validity.
        expired = self._each(
            selectors.accreditation_expiry_due(today=today),
            lambda a: services.accreditation_expire(accreditation=a, today=today),
        )
        self._report("accreditations expired", expired)

        # 4. Incomplete applications past their due date. Imported here: the
        #    application workflow is a separate module that may be deployed
        #    apart from this one.
        try:
            from accreditation.services.applications import (
                application_abandon_overdue as abandon,
            )
        except ImportError:
            abandon = None
        if abandon is None:
            self.stderr.write("applications abandoned: not available in this build")
            self.failures += 1
        else:
            self._report("applications abandoned", abandon(today=today))

        if self.failures:
            raise CommandError(f"{self.failures} failure(s), see above")

    def _each(self, queryset, action) -> list:
        done = []
        for obj in queryset.order_by("pk"):
            if self._try(obj.pk, lambda o=obj: action(o)) is not None:
                done.append(obj.pk)
        return done

    def _try(self, pk, action):
        try:
            return action()
        except TransitionNotAllowed as error:
            # A concurrent run or a staff action got there first: nothing to do.
            self.stdout.write(f"  #{pk} skipped: {error.detail}")
            return None
        except DomainError as error:
            self.stderr.write(f"  #{pk} failed: {error.detail}")
            self.failures += 1
            return None

    def _report(self, label: str, ids: list) -> None:
        listed = ", ".join(str(i) for i in ids) if ids else "-"
        self.stdout.write(f"{label}: {len(ids)} [{listed}]")
