"""The JSON backup: restore into an empty account, back up again, and get the same file."""

from __future__ import annotations

import json

from hundred.network.demo import build_demo
from hundred.network.models import Person
from hundred.test import BaseTestCase
from hundred.transfer.backup import (
    AccountNotEmpty,
    BadBackup,
    do_restore,
    export_backup,
    read_backup,
)


def without_timestamp(backup: dict) -> dict:
    return {k: v for k, v in backup.items() if k != "exported_at"}


class BackupTestCase(BaseTestCase):
    def test_backup_restore_backup_is_identical_but_for_the_timestamp(self):
        build_demo(self.alice)
        first = export_backup(self.alice)
        self.assertGreater(len(first["people"]), 100)
        self.assertTrue(any(p["introduced_by"] for p in first["people"]))
        # Through JSON, as the file goes.
        restored = read_backup(json.dumps(first).encode())
        do_restore(self.bob, restored)
        second = export_backup(self.bob)
        self.assertEqual(without_timestamp(first), without_timestamp(second))

    def test_a_person_carries_the_contract_fields(self):
        boss = self.make_person("Ada", "Boss")
        self.make_person(
            "Maya", "Okafor", company=self.make_company("Northwind"), introduced_by=boss
        )
        people = export_backup(self.alice)["people"]
        maya = next(p for p in people if p["first_name"] == "Maya")
        for key in (
            "id",
            "first_name",
            "last_name",
            "emails",
            "phones",
            "linkedin_url",
            "company",
            "title",
            "stage",
            "source",
            "introduced_by",
            "tags",
            "notes",
        ):
            self.assertIn(key, maya)
        self.assertEqual(maya["company"], "Northwind")
        self.assertEqual(
            maya["introduced_by"], next(p["id"] for p in people if p["first_name"] == "Ada")
        )

    def test_it_refuses_an_account_that_has_data(self):
        backup = export_backup(self.alice)
        self.make_person(owner=self.bob)
        with self.assertRaises(AccountNotEmpty):
            do_restore(self.bob, backup)
        self.assertEqual(Person.objects.for_user(self.bob).count(), 1)

    def test_it_refuses_files_that_are_not_backups(self):
        for data in (
            b"\x00\x01",
            b"[]",
            b'{"format": "other"}',
            b'{"format": "hundred-backup", "version": 99}',
        ):
            with self.subTest(data=data), self.assertRaises(BadBackup):
                read_backup(data)

    def test_a_damaged_backup_restores_nothing(self):
        self.make_person()
        backup = export_backup(self.alice)
        del backup["people"][0]["first_name"]
        with self.assertRaises(BadBackup):
            do_restore(self.bob, backup)
        self.assertEqual(Person.objects.for_user(self.bob).count(), 0)

    def test_values_of_the_wrong_shape_are_refused_not_a_crash(self):
        self.make_person()
        good = export_backup(self.alice)
        for damage in (
            lambda b: b.update(target="a string where an object belongs"),
            lambda b: b["people"][0].update(first_name=None),
        ):
            backup = json.loads(json.dumps(good))
            damage(backup)
            with self.subTest(damage=damage), self.assertRaises(BadBackup):
                do_restore(self.bob, backup)
            self.assertEqual(Person.objects.for_user(self.bob).count(), 0)

    def test_nul_characters_are_dropped_alike_on_every_database(self):
        self.make_person(notes="before")
        backup = export_backup(self.alice)
        backup["people"][0]["notes"] = "a NUL \x00 byte"
        do_restore(self.bob, backup)
        self.assertEqual(Person.objects.get(owner=self.bob).notes, "a NUL  byte")
