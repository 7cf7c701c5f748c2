"""Load version 1 of the NWOW/HR maturity questionnaire (domain.md §5)."""

from django.db import migrations

from pme.questionnaire_v1 import seed_questionnaire_v1


class Migration(migrations.Migration):
    dependencies = [("pme", "0001_initial")]

    operations = [
        migrations.RunPython(seed_questionnaire_v1, migrations.RunPython.noop)
    ]
