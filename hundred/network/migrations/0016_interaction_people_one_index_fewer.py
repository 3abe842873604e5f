# One index fewer for every link of an interaction to a person (a LinkedIn import writes
# 200,000): Django gives the link table an index on interaction_id, and the unique index on
# (interaction_id, person_id) starts with it, so it serves every lookup by interaction too
# (docs/performance.md, "Import: LinkedIn messages"). Django creates the table itself, so the
# index is found by its columns rather than declared away.

from django.db import migrations


def _interaction_only(schema_editor, through) -> list[str]:
    """The names of the link table's plain indexes on interaction_id alone."""
    with schema_editor.connection.cursor() as cursor:
        found = schema_editor.connection.introspection.get_constraints(
            cursor, through._meta.db_table
        )
    return [
        name
        for name, c in found.items()
        if c["index"]
        and not c["unique"]
        and not c["primary_key"]
        and c["columns"] == ["interaction_id"]
    ]


def drop(apps, schema_editor) -> None:
    through = apps.get_model("network", "Interaction").people.through
    for name in _interaction_only(schema_editor, through):
        schema_editor.execute(f"DROP INDEX {schema_editor.quote_name(name)}")


def restore(apps, schema_editor) -> None:
    through = apps.get_model("network", "Interaction").people.through
    if not _interaction_only(schema_editor, through):
        field = through._meta.get_field("interaction")
        schema_editor.execute(schema_editor._create_index_sql(through, fields=[field]))


class Migration(migrations.Migration):
    dependencies = [("network", "0015_today_indexes")]

    operations = [migrations.RunPython(drop, restore)]
