"""On PostgreSQL, a stored French tsvector of each item's search text, indexed.

Computing ``to_tsvector`` on every row at each search took seconds with a
few thousand items (bench/bench_search.py); a generated column keeps the
vector up to date on every write, and a GIN index finds the matches. The
models do not declare the column: ``knowledge.selectors.content.text_search``
reads it on PostgreSQL only, and SQLite has neither the column nor the need.
"""

from django.db import migrations

TABLES = ["knowledge_casestudy", "knowledge_capsule", "knowledge_resource"]


def add_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN search_vector tsvector "
            "GENERATED ALWAYS AS "
            "(to_tsvector('french'::regconfig, coalesce(search_text, ''))) STORED"
        )
        schema_editor.execute(
            f"CREATE INDEX {table}_search_gin ON {table} USING gin (search_vector)"
        )


def drop_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN search_vector")


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [migrations.RunPython(add_vectors, drop_vectors)]
