"""People's folded search and sort columns, computed again now that fold() drops apostrophes
and hyphens ("obrien" finds "O'Brien-Smith"): the rows already there were folded with them.
Only the rows whose values change are written."""

from django.db import migrations

from hundred.lib.text import fold


def refold(apps, schema_editor):
    Person = apps.get_model("network", "Person")
    rows = Person.objects.using(schema_editor.connection.alias).values_list(
        "pk", "first_name", "last_name", "emails", "title", "company__name",
        "search_text", "sort_name",
    ).order_by()  # fmt: skip
    changed = []
    for pk, first, last, emails, title, company, text, sort in rows.iterator(chunk_size=5000):
        # As Person.search_text_for and Person.sort_name_for compute them.
        parts = [first, last, *(emails or ()), company or "", title]
        new_text = fold(" ".join(p for p in parts if p))
        new_sort = f"{fold(first)}\t{fold(last)}"[:310]
        if (new_text, new_sort) != (text, sort):
            changed.append((new_text, new_sort, pk))
    table = schema_editor.connection.ops.quote_name(Person._meta.db_table)
    with schema_editor.connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET search_text = %s, sort_name = %s WHERE id = %s", changed
        )


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0016_interaction_people_one_index_fewer"),
    ]

    # Going back leaves the columns as they are: the old fold() would find them too, mostly.
    operations = [migrations.RunPython(refold, migrations.RunPython.noop)]
