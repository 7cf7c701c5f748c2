"""Fill the database with a believable, deterministic Walloon demo world."""

import logging
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from core import demo, mail


class Command(BaseCommand):
    help = (
        "Create demo data: agency staff, consultants and companies, and what each "
        "app adds. Deterministic for a given --seed and safe to run twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--experts", type=int, default=24)
        parser.add_argument("--companies", type=int, default=40)
        parser.add_argument(
            "--no-progress", action="store_true", help="Hide the progress bar."
        )

    def handle(self, *args, **options):
        if options["experts"] < 1 or options["companies"] < 1:
            raise CommandError("--experts and --companies must be at least 1.")

        ctx = demo.DemoContext(
            seed=options["seed"],
            experts=options["experts"],
            companies=options["companies"],
        )
        seeders = demo.seeders()
        total = sum(seeder.steps(ctx) for seeder in seeders)
        with tqdm(
            total=total,
            desc="Demo data",
            unit="row",
            disable=options["no_progress"],
            file=self.stderr._out,
        ) as bar:
            ctx.progress = bar.update
            # One transaction: an interrupted run leaves nothing half-made; and
            # no e-mail to the demo's fictitious people.
            with transaction.atomic(), mail.suppressed(), _quiet(options["verbosity"]):
                for seeder in seeders:
                    bar.set_postfix_str(seeder.name)
                    seeder.run(ctx)

        self.stdout.write(self.style.SUCCESS("Demo data ready."))
        self.stdout.write("Demo logins (password for every demo account):")
        for label, email, password in ctx.logins:
            self.stdout.write(f"  {label:<26} {email:<28} {password}")


@contextmanager
def _quiet(verbosity: int):
    """Hide the hundreds of INFO lines (one per transition) that would break
    the progress bar; ``-v 2`` shows them. The audit log keeps every change."""
    if verbosity >= 2:
        yield
        return
    logging.disable(logging.INFO)
    try:
        yield
    finally:
        logging.disable(logging.NOTSET)
