"""The backup's field table accounts for every field of every model: a field added to a model
is either written and restored, or left out on purpose with the reason; and the format page
names every key the table writes."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from django.apps import apps
from django.test import SimpleTestCase

from hundred.transfer.backup.table import LEFT_OUT, TABLES, Table

FORMAT_PAGE = Path(__file__).resolve().parents[3] / "docs" / "backup-format.md"


def fields_of(model) -> set[str]:
    meta = model._meta
    return {f.name for f in (*meta.concrete_fields, *meta.many_to_many)}


def unaccounted(table: Table) -> set[str]:
    """Fields of the table's model it neither lists nor excludes."""
    listed = {column.field for column in table.columns}
    return fields_of(table.model) - listed - set(table.excluded)


class BackupTableTestCase(SimpleTestCase):
    def test_every_field_of_every_model_is_written_or_excluded_with_a_reason(self):
        for table in TABLES:
            with self.subTest(table=table.key):
                self.assertEqual(unaccounted(table), set(), "add a column or an exclusion")
                for name, reason in table.excluded.items():
                    self.assertTrue(reason.strip(), f"{name} is excluded without a reason")

    def test_the_check_fails_when_a_model_gains_a_field(self):
        people = next(table for table in TABLES if table.key == "people")
        forgotten = dataclasses.replace(
            people, excluded={k: v for k, v in people.excluded.items() if k != "asked_at"}
        )
        self.assertEqual(unaccounted(forgotten), {"asked_at"})

    def test_the_table_names_only_fields_that_exist_and_each_once(self):
        for table in TABLES:
            with self.subTest(table=table.key):
                listed = {column.field for column in table.columns}
                self.assertLessEqual(listed | set(table.excluded), fields_of(table.model))
                self.assertEqual(listed & set(table.excluded), set())
                keys = [column.key for column in table.columns]
                self.assertEqual(len(keys), len(set(keys)), "a key is in the row twice")

    def test_every_model_of_an_account_is_in_the_backup_or_left_out_with_a_reason(self):
        tabled = {table.model for table in TABLES}
        for app in ("network", "transfer"):
            for model in apps.get_app_config(app).get_models():
                with self.subTest(model=model.__name__):
                    self.assertTrue(model in tabled or LEFT_OUT.get(model, "").strip())

    def test_the_format_page_names_every_key(self):
        page = FORMAT_PAGE.read_text(encoding="utf-8")
        for table in TABLES:
            for column in table.columns:
                with self.subTest(table=table.key, key=column.key):
                    self.assertIn(f"`{column.key}`", page)
