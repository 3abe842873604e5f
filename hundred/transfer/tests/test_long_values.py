"""Values longer than their column: cut once, said so, and the same person on every re-import.

Every importer goes through formats/lengths.py: the parsers' records are cut there (with a
warning each), the matcher keys people by the same cut values, and the loader stores them.
"""

from __future__ import annotations

import re
import tempfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from hundred.network.models import Company, Person
from hundred.test import BaseTestCase
from hundred.transfer.exports import export_csv, export_vcards
from hundred.transfer.formats.dispatch import parse
from hundred.transfer.formats.lengths import LENGTHS, TAG_LENGTH
from hundred.transfer.loader import do_import
from hundred.transfer.writers import write_people_csv

FIRST = "Z" * 200  # over the first name's 150
COMPANY = "C" * 250  # over the company's 200
TITLE = "T" * 250
URL = "https://www.linkedin.com/in/" + "u" * 399  # 427 characters, over 300

# One over-long person in each format Hundred imports (no e-mail: the name decides).
FILES = {
    "linkedin": (
        "linkedin",
        (
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            f"{FIRST},Long,,,{COMPANY},{TITLE},08 Feb 2026\n"
        ).encode(),
    ),
    "linkedin-url": (
        "linkedin",
        (
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            f"Long,Url,{URL},,UrlCo,Boss,08 Feb 2026\n"
        ).encode(),
    ),
    "google": (
        "google",
        (
            "First Name,Middle Name,Last Name,Organization Name,Organization Title,"
            "E-mail 1 - Label,E-mail 1 - Value\n"
            f"{FIRST},,Long,{COMPANY},{TITLE},,\n"
        ).encode(),
    ),
    "outlook": (
        "outlook",
        (
            "First Name,Middle Name,Last Name,Title,Suffix,Nickname,E-mail Address,"
            "Job Title,Company\n"
            f"{FIRST},,Long,,,,,{TITLE},{COMPANY}\n"
        ).encode(),
    ),
    "vcard": (
        "vcard",
        (
            f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Long;{FIRST};;;\r\nFN:{FIRST} Long\r\n"
            f"ORG:{COMPANY}\r\nTITLE:{TITLE}\r\nEND:VCARD\r\n"
        ).encode(),
    ),
    "generic": (
        "csv",
        f"First name,Last name,Company,Job title\n{FIRST},Long,{COMPANY},{TITLE}\n".encode(),
    ),
    "own": (
        "csv",
        write_people_csv(
            [{"first_name": FIRST, "last_name": "Long", "company": COMPANY, "title": TITLE}]
        ),
    ),
}


@pytest.mark.parametrize("name", FILES)
def test_every_format_cuts_an_over_long_value_and_says_so(name):
    kind, data = FILES[name]
    result = parse(kind, data)
    (rec,) = result.people
    assert len(rec.first_name) <= LENGTHS["first_name"]
    assert len(rec.company) <= LENGTHS["company"]
    assert len(rec.title) <= LENGTHS["title"]
    assert len(rec.linkedin_url) <= LENGTHS["linkedin_url"]
    reasons = " ".join(w.reason for w in result.warnings)
    if name == "linkedin-url":
        assert "LinkedIn profile of 427 characters cut to 300 characters" in reasons
    else:
        assert "first name of 200 characters cut to 150 characters: 'ZZZZ" in reasons
        assert "company of 250 characters cut to 200 characters" in reasons
        assert "title of 250 characters cut to 200 characters" in reasons


def test_the_lengths_are_the_columns_lengths():
    from hundred.network.models import Tag

    for name, length in LENGTHS.items():
        model = Company if name == "company" else Person
        column = "name" if name == "company" else name
        assert model._meta.get_field(column).max_length == length, name
    assert Tag._meta.get_field("name").max_length == TAG_LENGTH


def test_an_over_long_tag_is_cut_and_said():
    data = write_people_csv([{"first_name": "Ann", "tags": ["g" * 70, "short"]}])
    result = parse("csv", data)
    assert result.people[0].tags == ["g" * 60, "short"]
    assert "tag of 70 characters cut to 60 characters" in result.warnings[0].reason


class ReimportTestCase(BaseTestCase):
    def test_re_importing_each_format_changes_nothing(self):
        for name, (kind, data) in FILES.items():
            with self.subTest(name):
                first = do_import(self.alice, parse(kind, data))
                self.assertEqual(first.created, 1)
                again = do_import(self.alice, parse(kind, data))
                self.assertEqual((again.created, again.updated, again.unchanged), (0, 0, 1))
                Person.objects.for_user(self.alice).delete()
                Company.objects.for_user(self.alice).delete()

    def test_the_person_is_stored_as_cut(self):
        kind, data = FILES["linkedin"]
        do_import(self.alice, parse(kind, data))
        person = Person.objects.get(owner=self.alice)
        self.assertEqual(person.first_name, "Z" * 150)
        self.assertEqual(person.company.name, "C" * 200)
        self.assertEqual(person.title, "T" * 200)

    def test_an_exported_over_long_person_imports_once_and_back_into_their_own_account(self):
        if connection.vendor != "sqlite":
            self.skipTest("only SQLite stores a value longer than its column")
        # Stored whole, as the quick add let it in before it refused (SQLite keeps it).
        self.make_person("Y" * 300, "Long", owner=self.bob, emails=[])
        for name, data, kind in (
            ("csv", export_csv(self.bob), "csv"),
            ("vcard", export_vcards(self.bob).encode(), "vcard"),
        ):
            with self.subTest(name):
                self.assertEqual(do_import(self.alice, parse(kind, data)).created, 1)
                again = do_import(self.alice, parse(kind, data))
                self.assertEqual((again.created, again.updated), (0, 0))
                home = do_import(self.bob, parse(kind, data))
                self.assertEqual((home.created, home.updated), (0, 0))
                self.assertEqual(Person.objects.for_user(self.bob).count(), 1)
                Person.objects.for_user(self.alice).delete()


@override_settings(HUNDRED_HOME=tempfile.mkdtemp())
class PreviewTestCase(BaseTestCase):
    def test_the_preview_warns_of_each_cut_value(self):
        self.login()
        kind, data = FILES["linkedin"]
        r = self.client.post(
            reverse("transfer-upload"),
            {"kind": kind, "file": SimpleUploadedFile("Connections.csv", data)},
        )
        token = re.search(r"/upload/([^/]+)/", r["Location"]).group(1)
        preview = self.client.get(reverse("transfer-preview", args=[token]))
        self.assertContains(preview, "first name of 200 characters cut to 150 characters")
        self.assertContains(preview, "company of 250 characters cut to 200 characters")
