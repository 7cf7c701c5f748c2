"""The hand-tuned ranking weights, version 1."""

from django.db import migrations

from matching.weights import DEFAULT_WEIGHTS


def create_v1(apps, schema_editor):
    WeightsVersion = apps.get_model("matching", "WeightsVersion")
    if not WeightsVersion.objects.exists():
        WeightsVersion.objects.create(
            number=1,
            weights=DEFAULT_WEIGHTS,
            is_current=True,
            notes="Hand-tuned weights of the first release.",
        )


class Migration(migrations.Migration):
    dependencies = [("matching", "0002_missions")]

    operations = [migrations.RunPython(create_v1, migrations.RunPython.noop)]
