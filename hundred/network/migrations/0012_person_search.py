"""The People page's folded search and sort columns, their indexes, and on PostgreSQL a
trigram index that serves the search's LIKE '%word%'."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

from hundred.lib.text import fold


def fill(apps, schema_editor):
    """Compute the new columns for the people already there (Person.save() does it after)."""
    Person = apps.get_model("network", "Person")
    rows = Person.objects.using(schema_editor.connection.alias).values_list(
        "pk", "first_name", "last_name", "emails", "title", "company__name"
    )
    changed = []
    for pk, first, last, emails, title, company in rows.iterator(chunk_size=5000):
        parts = [first, last, *(emails or ()), company or "", title]
        text = fold(" ".join(p for p in parts if p))
        changed.append((text, f"{fold(first)}\t{fold(last)}"[:310], pk))
    table = schema_editor.connection.ops.quote_name(Person._meta.db_table)
    with schema_editor.connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET search_text = %s, sort_name = %s WHERE id = %s", changed
        )


class TrigramOnPostgres(TrigramExtension):
    """pg_trgm on PostgreSQL, nothing elsewhere: Django's operation skips SQLite going forward
    but asks SQLite for pg_extension going back."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # Sorted by code point, as SQLite and Python sort it: a search's few matches are
        # ordered in Python (views/people.py), the whole list by the database.
        schema_editor.execute(
            'ALTER TABLE network_person ALTER COLUMN sort_name TYPE varchar(310) COLLATE "C"'
        )
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS person_search_trgm ON network_person "
            "USING gin (search_text gin_trgm_ops)"
        )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS person_search_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0011_interaction_history"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="search_text",
            field=models.TextField(blank=True, db_default="", default="", editable=False),
        ),
        migrations.AddField(
            model_name="person",
            name="sort_name",
            field=models.CharField(
                blank=True, db_default="", default="", editable=False, max_length=310
            ),
        ),
        migrations.AddIndex(
            model_name="person",
            index=models.Index(fields=["owner", "sort_name", "id"], name="person_owner_sort_name"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        TrigramOnPostgres(),
        migrations.RunPython(trigram_index, drop_trigram_index),
    ]
