"""Recompute the stored scores of every maturity scan from its raw answers.

Run it after a fix of the scoring (pme/scoring.py). Each scan is scored on
the questionnaire version it was taken on, so a new version changes nothing;
each scan is saved in its own transaction, so running it twice is harmless.
"""

from django.core.management.base import BaseCommand

from pme.models import Assessment
from pme.services.scans import assessment_recompute


class Command(BaseCommand):
    help = "Recompute the scores of every maturity scan; print how many changed."

    def handle(self, *args, **options):
        total = changed = 0
        scans = Assessment.objects.select_related("version").order_by("pk")
        for assessment in scans.iterator(chunk_size=500):
            total += 1
            changed += assessment_recompute(assessment=assessment)
        self.stdout.write(f"{changed} of {total} scans changed.")
