"""Seed the needs taxonomy (domain.md §6) with its four-language labels."""

from django.db import migrations

from core.reference.taxonomy import NEEDS


def seed_needs(apps, schema_editor):
    Need = apps.get_model("core", "Need")
    NeedDimension = apps.get_model("core", "NeedDimension")
    for position, spec in enumerate(NEEDS, start=1):
        need, _created = Need.objects.update_or_create(
            code=spec.code,
            defaults={
                "label_fr": spec.labels["fr"],
                "label_en": spec.labels["en"],
                "label_de": spec.labels["de"],
                "label_nl": spec.labels["nl"],
                "position": position * 10,
            },
        )
        for dimension in spec.dimensions:
            NeedDimension.objects.get_or_create(need=need, dimension=str(dimension))


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(seed_needs, migrations.RunPython.noop)]
