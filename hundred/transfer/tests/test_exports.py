"""Exports: CSV and vCards read back by Hundred's own importer, an iCalendar with stable UIDs."""

from __future__ import annotations

from datetime import date

from icalendar import Calendar

from hundred.network.demo import build_demo
from hundred.network.models import Person
from hundred.test import BaseTestCase
from hundred.transfer.calendar import export_ics
from hundred.transfer.exports import export_csv, export_vcards, people_rows
from hundred.transfer.formats.dispatch import parse
from hundred.transfer.loader import do_import

# What a vCard can carry of a person.
VCARD_FIELDS = (
    "first_name",
    "last_name",
    "emails",
    "phones",
    "linkedin_url",
    "company",
    "title",
    "notes",
    "tags",
)


def key(row: dict, fields) -> tuple:
    """A comparable person; phones as digits, since the importer normalises them to E.164."""
    row = {**row, "phones": ["".join(c for c in p if c.isdigit()) for p in row["phones"]]}
    return tuple(tuple(row[f]) if isinstance(row[f], list) else row[f] for f in fields)


class ExportTestCase(BaseTestCase):
    def setUp(self):
        build_demo(self.alice)
        # The ugly cases: a formula, a phone with +, a comma, a line break, emoji.
        self.make_person(
            "=cmd",
            "O'Neil 🚀",
            emails=["x@example.net"],
            phones=["+44 20 7946 0000"],
            title="-Head, Data",
            notes="two\nlines",
            company=self.make_company("@Acme, Inc."),
        )

    def test_csv_export_imports_into_an_empty_account_as_the_same_people(self):
        for bom in (False, True):
            with self.subTest(bom=bom):
                data = export_csv(self.alice, bom=bom)
                self.assertEqual(data.startswith(b"\xef\xbb\xbf"), bom)
                self.assertIn(b"'=cmd", data)
                Person.objects.filter(owner=self.bob).delete()
                report = do_import(self.bob, parse("csv", data))
                self.assertEqual(report.skipped, 0)
                fields = [f for f in people_rows(self.alice)[0] if f != "source"]
                mine = sorted(key(r, fields) for r in people_rows(self.alice))
                theirs = sorted(key(r, fields) for r in people_rows(self.bob))
                self.assertEqual(mine, theirs)

    def test_vcard_export_imports_into_an_empty_account_as_the_same_people(self):
        for version in ("4.0", "3.0"):
            with self.subTest(version=version):
                Person.objects.filter(owner=self.bob).delete()
                data = export_vcards(self.alice, version=version)
                self.assertIn(f"VERSION:{version}", data)
                report = do_import(self.bob, parse("vcard", data.encode()))
                self.assertEqual(report.skipped, 0)
                mine = sorted(key(r, VCARD_FIELDS) for r in people_rows(self.alice))
                theirs = sorted(key(r, VCARD_FIELDS) for r in people_rows(self.bob))
                self.assertEqual(mine, theirs)

    def test_the_calendar_parses_and_its_uids_are_stable(self):
        person = self.make_person("Ics", "Person")
        followup = self.make_followup(person, due_on=date(2026, 12, 1))
        meeting = self.make_meeting(person, place="Café")
        first = Calendar.from_ical(export_ics(self.alice))
        events = {str(e["uid"]): e for e in first.walk("VEVENT")}
        self.assertIn(f"followup-{followup.pk}@hundred", events)
        self.assertIn(f"meeting-{meeting.pk}@hundred", events)
        self.assertEqual(
            events[f"followup-{followup.pk}@hundred"].decoded("dtstart"), date(2026, 12, 1)
        )
        for e in events.values():
            self.assertIn("dtstamp", e)
            self.assertIn("sequence", e)
        second = Calendar.from_ical(export_ics(self.alice))
        self.assertEqual(set(events), {str(e["uid"]) for e in second.walk("VEVENT")})

    def test_the_calendar_leaves_out_done_follow_ups(self):
        done = self.make_followup(self.make_person("Done", "Person"), state="done")
        uids = {str(e["uid"]) for e in Calendar.from_ical(export_ics(self.alice)).walk("VEVENT")}
        self.assertNotIn(f"followup-{done.pk}@hundred", uids)
