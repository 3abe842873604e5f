"""Files Hundred refuses, each with a sentence that says what to do, and how kinds are guessed."""

from __future__ import annotations

import codecs

import pytest

from hundred.transfer.formats.dispatch import parse, sniff_kind
from hundred.transfer.formats.records import KINDS, Limits, UnsupportedFile
from hundred.transfer.tests.util import fixture, linkedin_zip

CONNECTIONS_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


@pytest.mark.parametrize("kind", KINDS)
def test_binary_junk_is_refused_for_every_kind(kind):
    with pytest.raises(UnsupportedFile, match="This is not a text file"):
        parse(kind, fixture("binary.bin"))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("data", [b"", b"  \r\n\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_empty_files_are_refused_for_every_kind(kind, data):
    with pytest.raises(UnsupportedFile, match="The file is empty"):
        parse(kind, data)


@pytest.mark.parametrize(
    "kind, name, message",
    [
        (
            "linkedin",
            "google_current.csv",
            "it looks like a Google Contacts CSV, so import it as google",
        ),
        ("linkedin", "outlook_web.csv", "import it as outlook"),
        ("linkedin", "apple.vcf", "import it as vcard"),
        ("linkedin", "generic.csv", "choose Connections.csv from your LinkedIn data export"),
        ("google", "linkedin_connections.csv", "import it as linkedin"),
        ("google", "outlook_desktop.csv", "import it as outlook"),
        ("outlook", "google_old.csv", "import it as google"),
        ("outlook", "generic.csv", "export it again from Outlook as CSV"),
        ("csv", "linkedin_connections.csv", "import it as linkedin"),
        ("vcard", "google_current.csv", "import it as google"),
    ],
)
def test_the_wrong_kind_of_file_is_refused_with_what_to_do(kind, name, message):
    with pytest.raises(UnsupportedFile, match="This is not ") as caught:
        parse(kind, fixture(name))
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_unknown_kind_is_refused():
    with pytest.raises(UnsupportedFile, match="does not import “xlsx” files"):
        parse("xlsx", b"a,b\n")


def test_a_300_kb_cell_refuses_the_whole_file():
    data = (CONNECTIONS_HEADER + "Ann,Bell,,,Acme,CEO,08 Feb 2026\n" + "Cy,Dee,,,").encode()
    data += b"x" * 300_000 + b",CTO,08 Feb 2026\n"
    with pytest.raises(UnsupportedFile, match="Line 3 has a value longer than the 10,000"):
        parse("linkedin", data)


def test_a_cell_just_over_the_cap_is_refused_and_one_at_the_cap_is_read():
    row = "Ann,Bell,,,{},CEO,08 Feb 2026\n"
    at_cap = (CONNECTIONS_HEADER + row.format("x" * 100)).encode()
    assert parse("linkedin", at_cap, limits=Limits(max_field_chars=100)).people[0].company
    over = (CONNECTIONS_HEADER + row.format("x" * 101)).encode()
    with pytest.raises(UnsupportedFile, match="Line 2 has a value longer than the 100"):
        parse("linkedin", over, limits=Limits(max_field_chars=100))


def test_a_file_over_the_size_cap_is_refused_before_reading():
    with pytest.raises(
        UnsupportedFile, match="The file is 1.4 KB, more than the 1 KB Hundred reads at once"
    ):
        parse("google", fixture("google_current.csv"), limits=Limits(max_file_bytes=1024))


def test_default_size_cap_is_twenty_megabytes():
    with pytest.raises(UnsupportedFile, match=r"The file is 20.1 MB, more than the 20 MB"):
        parse("csv", b"a" * (20 * 1024 * 1024 + 1))


def test_too_many_rows_are_refused():
    data = (CONNECTIONS_HEADER + "Ann,Bell,,,Acme,CEO,08 Feb 2026\n" * 6).encode()
    assert len(parse("linkedin", data, limits=Limits(max_rows=6)).people) == 6
    with pytest.raises(UnsupportedFile, match="more than 5 rows"):
        parse("linkedin", data, limits=Limits(max_rows=5))


@pytest.mark.parametrize(
    "name, expected",
    [
        ("linkedin_connections.csv", "linkedin"),
        ("linkedin_connections_2018.csv", "linkedin"),
        ("linkedin_connections_cp1252.csv", "linkedin"),
        ("linkedin_connections_semicolon.csv", "linkedin"),
        ("linkedin_connections_bom_crlf.csv", "linkedin"),
        ("google_current.csv", "google"),
        ("google_old.csv", "google"),
        ("google_old_utf16.csv", "google"),
        ("outlook_web.csv", "outlook"),
        ("outlook_desktop.csv", "outlook"),
        ("apple.vcf", "vcard"),
        ("android21.vcf", "vcard"),
        ("vcard40.vcf", "vcard"),
        ("concatenated.vcf", "vcard"),
        ("generic.csv", "csv"),
        ("binary.bin", None),
        ("empty.csv", None),
    ],
)
def test_sniff_kind(name, expected):
    assert sniff_kind(fixture(name), name) == expected


def test_sniff_kind_of_zips():
    assert sniff_kind(linkedin_zip(), "export.zip") == "linkedin"
    assert sniff_kind(b"PK\x03\x04broken", "x.zip") is None


def test_thirty_thousand_connections_parse_quickly():
    # LinkedIn's maximum. Not timed here (docs/performance.md has a figure); benchmarks/
    # measures the import.
    rows = [
        f"Person{i},Surname{i % 977},https://www.linkedin.com/in/person-{i},"
        f'{f"p{i}@example.com" if i % 25 == 0 else ""},"Company {i % 3000}, Inc.",'
        f"Title {i % 50},{i % 28 + 1:02d} Feb 2026"
        for i in range(30_000)
    ]
    data = ('Notes:\n"…"\n\n' + CONNECTIONS_HEADER + "\n".join(rows)).encode()
    result = parse("linkedin", data)
    assert len(result.people) == 30_000
    assert result.people[-1].line == 30_004
    assert result.people[25].emails == ["p25@example.com"]
