"""Mail the registered people of coming events their reminder (run daily)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from knowledge.events.services.reminders import reminder_days, reminders_send


class Command(BaseCommand):
    help = (
        "Mail a reminder to each registered person N days before their event "
        "(N from NWOW['EVENT_REMINDER_DAYS']); safe to run twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            help="Run as if on this date (YYYY-MM-DD), to catch up or to test.",
        )

    def handle(self, *args, **options):
        today = None
        if options["today"]:
            try:
                today = datetime.date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError("--today takes a date as YYYY-MM-DD.") from None
        sent = reminders_send(today=today)
        for reminder in sent:
            registration = reminder.registration
            self.stdout.write(
                f"J-{reminder.days_before} {registration.event.title} "
                f"-> {registration.user.email}"
            )
        steps = ", ".join(str(day) for day in reminder_days())
        self.stdout.write(
            self.style.SUCCESS(f"{len(sent)} reminder(s) sent (days before: {steps}).")
        )
