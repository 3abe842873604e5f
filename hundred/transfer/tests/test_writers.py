"""Exports: safe CSV cells, and round trips through Hundred's own importers."""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
from datetime import date

import pytest
import vobject

from hundred.transfer.formats.dispatch import parse
from hundred.transfer.formats.records import HUNDRED_CSV_COLUMNS, PersonRecord
from hundred.transfer.tests.util import fixture
from hundred.transfer.writers import safe_cell, write_people_csv, write_vcards


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-Ann", "'-Ann"),
        ("@Home Studio", "'@Home Studio"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("\0cmd", "'\0cmd"),
        ("'quoted", "''quoted"),  # so the importer's unescaping gives it back unchanged
        ("Ann", "Ann"),
        ("a=b", "a=b"),
        (" =x", " =x"),
        ("", ""),
        (None, ""),
        (3, "3"),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def _people_from_fixtures() -> list[PersonRecord]:
    people: list[PersonRecord] = []
    for kind, name in (
        ("linkedin", "linkedin_connections.csv"),
        ("google", "google_current.csv"),
        ("outlook", "outlook_desktop.csv"),
        ("vcard", "apple.vcf"),
        ("vcard", "android21.vcf"),
    ):
        people += parse(kind, fixture(name)).people
    return people


def _comparable(person: PersonRecord) -> dict:
    return {k: v for k, v in dataclasses.asdict(person).items() if k != "line"}


TRICKY = {
    "first_name": "-Ann",
    "last_name": "=Bell",
    "emails": ["ann@example.com", "ANN.BELL@example.org"],
    "phones": ["+442079460000", "020 7946 0019"],
    "linkedin_url": "https://www.linkedin.com/in/ann-bell",
    "company": "@Home, Inc.",
    "title": "'Chief' of staff",
    "location": "London, UK",
    "how_known": "colleague",
    "closeness": 2,
    "stage": "met",
    "tags": ["+growth", "Job Search"],
    "notes": "=1+2\nsecond line; with, punctuation",
    "connected_on": date(2026, 2, 8),
    "source": "manual",
}


def test_csv_round_trip_through_hundreds_own_importer_is_lossless():
    people = _people_from_fixtures()
    rows = [dataclasses.asdict(p) for p in people] + [TRICKY]
    result = parse("csv", write_people_csv(rows))
    assert [_comparable(p) for p in result.people] == [_comparable(p) for p in people] + [
        {**TRICKY}
    ]
    assert result.skipped == [] and result.warnings == []


def test_csv_export_is_formula_safe_in_a_spreadsheet():
    data = write_people_csv([TRICKY])
    header, row = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert header == list(HUNDRED_CSV_COLUMNS)
    cells = dict(zip(header, row, strict=True))
    assert cells["first_name"] == "'-Ann"
    assert cells["phones"] == "'+442079460000 ::: 020 7946 0019"
    assert cells["company"] == "'@Home, Inc."
    assert cells["title"] == "''Chief' of staff"
    assert cells["tags"] == "'+growth ::: Job Search"
    assert cells["emails"] == "ann@example.com ::: ANN.BELL@example.org"
    assert cells["connected_on"] == "2026-02-08"
    assert all(c[:1] not in "=+-@\t\r\0" for c in row)


def test_csv_phone_as_typed_survives_the_round_trip():
    rows = [{"first_name": "Dev", "phones": ["+44 20 7946 0000"]}]
    (dev,) = parse("csv", write_people_csv(rows)).people
    assert dev.phones == ["+442079460000"]


def test_csv_bom_for_excel_and_crlf():
    data = write_people_csv([{"first_name": "Zoë"}], bom=True)
    assert data.startswith(codecs.BOM_UTF8)
    assert data.count(b"\r\n") == 2
    (zoe,) = parse("csv", data).people
    assert zoe.first_name == "Zoë"


def test_csv_takes_records_as_well_as_dicts():
    record = PersonRecord(line=1, first_name="Kim", emails=["kim@example.com"], source="vcard")
    (kim,) = parse("csv", write_people_csv([record])).people
    assert (kim.first_name, kim.emails, kim.source) == ("Kim", ["kim@example.com"], "vcard")


VCARD_FIELDS = (
    "first_name",
    "last_name",
    "emails",
    "phones",
    "linkedin_url",
    "company",
    "title",
    "location",
    "notes",
    "tags",
)


@pytest.mark.parametrize("version", ["4.0", "3.0"])
def test_vcard_round_trip_gives_the_same_people(version):
    people = _people_from_fixtures()
    tricky = PersonRecord(line=0, **{k: TRICKY[k] for k in VCARD_FIELDS})
    people.append(tricky)
    text = write_vcards(people, version=version)
    result = parse("vcard", text.encode("utf-8"))
    assert result.skipped == [] and result.warnings == []

    def fields(p):
        return {k: getattr(p, k) for k in VCARD_FIELDS}

    assert [fields(p) for p in result.people] == [fields(p) for p in people]


def test_vcard_structure():
    text = write_vcards([TRICKY], version="4.0")
    assert text.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n")
    card = vobject.readOne(text)
    assert card.fn.value == "-Ann =Bell"
    assert card.org.value == ["@Home, Inc."]  # one component, not one per letter
    assert card.categories.value == ["+growth", "Job Search"]
    assert card.x_socialprofile.params["TYPE"] == ["linkedin"]
    assert [e.value for e in card.contents["email"]] == TRICKY["emails"]
    assert "TYPE=INTERNET" not in text
    assert "TYPE=INTERNET" in write_vcards([TRICKY], version="3.0")


def test_vcard_for_a_nameless_person_uses_the_email_as_fn_and_reads_back_nameless():
    text = write_vcards([{"emails": ["talent@example.org"], "company": "Contoso"}])
    assert "FN:talent@example.org" in text
    (talent,) = parse("vcard", text.encode()).people
    assert (talent.first_name, talent.last_name, talent.company) == ("", "", "Contoso")


def test_vcard_version_is_checked():
    with pytest.raises(ValueError, match="3.0' or '4.0"):
        write_vcards([], version="2.1")
