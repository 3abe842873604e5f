"""NUL and other control characters: dropped from every field of every format, on every database."""

from __future__ import annotations

import pytest

from hundred.network.models import Person
from hundred.test import BaseTestCase
from hundred.transfer.formats.dispatch import parse
from hundred.transfer.formats.records import UnsupportedFile
from hundred.transfer.loader import do_import

HEADER = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
PADDING = b"".join(b"Pad%d,Row,,,Acme,CEO,01 Jan 2024\n" % i for i in range(2_500))  # > 64 KB

FILES = {
    "linkedin": HEADER + PADDING + b"A\x00nn,L\x01ee,,,Ac\x00me,C\x1bEO,01 Jan 2024\n",
    "csv": b"name,email,notes\n"
    + b"Pad,p@example.com,x\n" * 4_000
    + b'A\x00nn L\x7fee,ann@example.com,"line\x00one\nline two"\n',
    "vcard": b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Pad\r\nEND:VCARD\r\n" * 2_000
    + b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:L\x00ee;A\x0bnn;;;\r\nORG:Ac\x00me\r\nEND:VCARD\r\n",
}


@pytest.mark.parametrize("kind", FILES)
def test_control_characters_past_the_first_64_kb_are_dropped(kind):
    assert len(FILES[kind]) > 65536
    person = parse(kind, FILES[kind]).people[-1]
    assert (person.first_name, person.last_name) == ("Ann", "Lee")
    for value in (person.company, person.title, person.notes):
        assert not any(c < " " and c not in "\n" for c in value), value


def test_a_file_mostly_of_control_characters_is_binary():
    with pytest.raises(UnsupportedFile, match="This is not a text file"):
        parse("csv", b"name\n" + b"\x00\x01" * 100)


def test_tab_and_line_breaks_are_kept_where_they_mean_something():
    person = parse("csv", b'name,notes\nAnn Lee,"one\ttwo\r\nthree"\n').people[0]
    assert person.notes == "one\ttwo\nthree"


class ControlCharactersInTheDatabaseTestCase(BaseTestCase):
    """The same rows are stored on SQLite and PostgreSQL (which refuses NUL in text)."""

    def test_it_stores_the_same_people_on_every_database(self):
        for kind, data in FILES.items():
            with self.subTest(kind):
                do_import(self.alice, parse(kind, data))
        ann = Person.objects.for_user(self.alice).filter(first_name="Ann")
        # LinkedIn's and the vCard's Ann Lee at Acme are one person once the NUL is gone.
        self.assertEqual(
            sorted((p.last_name, str(p.company or "")) for p in ann), [("Lee", ""), ("Lee", "Acme")]
        )
        self.assertEqual(sorted(p.notes for p in ann if p.notes), ["lineone\nline two"])
        stored = Person.objects.for_user(self.alice).values_list("first_name", "last_name", "notes")
        self.assertFalse([row for row in stored if "\x00" in "".join(row)])
