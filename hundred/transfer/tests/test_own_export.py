"""Hundred's own CSV export imports back exactly: formula guards undone, long notes kept."""

from __future__ import annotations

import pytest

from hundred.network.models import Person
from hundred.test import BaseTestCase
from hundred.transfer.exports import export_csv
from hundred.transfer.formats.dispatch import parse
from hundred.transfer.formats.records import UnsupportedFile
from hundred.transfer.loader import do_import
from hundred.transfer.writers import write_people_csv

# Six names a spreadsheet would show alike; every one must come back as it was.
LOOKALIKES = ["\t=1", "\r=1", "\n=1", " =1", "'=1", "\uff1d1", "=1", "''=1"]


def test_names_that_differ_by_a_control_character_or_a_guard_stay_distinct():
    rows = [{"first_name": name, "company": name, "title": name} for name in LOOKALIKES]
    people = parse("csv", write_people_csv(rows)).people
    assert [p.first_name for p in people] == LOOKALIKES
    assert [p.company for p in people] == LOOKALIKES
    assert [p.title for p in people] == LOOKALIKES


@pytest.mark.parametrize("length", [10_001, 200_000])
def test_a_note_over_the_cell_limit_in_hundreds_own_export_imports_back(length):
    note = "n" * (length - 6) + "\nend\r\n"
    data = write_people_csv([{"first_name": "Ann", "notes": note}], bom=True)
    assert parse("csv", data).people[0].notes == note


def test_the_cell_limit_still_holds_for_other_csv_files():
    data = b"Name,Notes\nAnn," + b"n" * 10_001 + b"\n"
    with pytest.raises(UnsupportedFile, match="Line 2 has a value longer than the 10,000"):
        parse("csv", data)


class OwnExportRoundTripTestCase(BaseTestCase):
    def test_it_imports_its_own_long_notes_and_guarded_values_into_another_account(self):
        self.make_person("=SUM(A1)", "'Lee", owner=self.bob, notes="x" * 12_000, title="-CEO")
        do_import(self.alice, parse("csv", export_csv(self.bob, bom=True)))
        ann = Person.objects.get(owner=self.alice)
        self.assertEqual((ann.first_name, ann.last_name, ann.title), ("=SUM(A1)", "'Lee", "-CEO"))
        self.assertEqual(ann.notes, "x" * 12_000)

    def test_names_that_only_look_alike_come_back_as_that_many_people(self):
        for name in LOOKALIKES:
            self.make_person(name, "", owner=self.bob, emails=[])
        report = do_import(self.alice, parse("csv", export_csv(self.bob)))
        self.assertEqual(report.created, len(LOOKALIKES))
        names = Person.objects.for_user(self.alice).values_list("first_name", flat=True)
        self.assertEqual(sorted(names), sorted(LOOKALIKES))
        again = do_import(self.bob, parse("csv", export_csv(self.bob)))
        self.assertEqual((again.created, again.updated), (0, 0))
