"""``manage.py prune_idempotency_keys``: forget answers kept past their time.

Meant for the same daily timer as ``run_accreditation_clock``; safe to run
twice. Expired keys are also ignored as they are met.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from core.idempotency import prune_expired


class Command(BaseCommand):
    help = "Delete the kept answers of Idempotency-Key requests past their lifetime."

    def handle(self, *args, **options):
        deleted = prune_expired()
        self.stdout.write(
            f"Removed {deleted} idempotency records older than "
            f"{settings.IDEMPOTENCY_TTL_HOURS} hours."
        )
