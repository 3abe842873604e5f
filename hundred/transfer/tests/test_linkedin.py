"""LinkedIn's Connections.csv in its many shapes, and the whole export zip."""

from __future__ import annotations

import io
import struct
import zipfile
from datetime import UTC, date, datetime

import pytest

from hundred.transfer.formats.dispatch import parse
from hundred.transfer.formats.records import Limits, PersonKey, UnsupportedFile
from hundred.transfer.tests.util import fixture, linkedin_zip

HEADER = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"

HIDDEN = "hidden or closed LinkedIn profile: the row has only a connection date"


def test_todays_connections_with_preamble_and_ugly_rows():
    result = parse("linkedin", fixture("linkedin_connections.csv"))
    people = {p.line: p for p in result.people}
    assert sorted(people) == [5, 6, 7, 8, 10, 11, 13, 15]
    amara = people[5]
    assert (amara.first_name, amara.last_name) == ("Amara", "Okafor")
    assert amara.linkedin_url == "https://www.linkedin.com/in/amara-okafor-4b2a1c"
    assert (amara.company, amara.title) == ("Northwind Analytics", "Senior Data Analyst")
    assert amara.connected_on == date(2026, 2, 8)
    assert amara.emails == [] and amara.source == "linkedin"
    # Stray spaces trimmed; commas inside quoted companies and titles kept.
    bart = people[6]
    assert (bart.first_name, bart.last_name) == ("Bartholomew", "Quince")
    assert bart.emails == ["bart.quince@example.com"]
    assert (bart.company, bart.title) == ("Fabrikam, Inc.", "Director, Operations")
    # Emoji kept; a formula-looking cell is data, read as written.
    chiara = people[7]
    assert (chiara.first_name, chiara.last_name) == ("🌟 Chiara", "Bellini 🚀")
    assert chiara.linkedin_url == "https://www.linkedin.com/in/chiara-bellini"
    assert chiara.title == '=HYPERLINK("http://x.example";"click")'
    assert (people[8].company, people[8].title) == ("+Plus Consulting", "-Head of Growth")
    elodie = people[10]
    assert elodie.linkedin_url == "https://www.linkedin.com/in/%C3%A9lodie-marchand"
    assert elodie.company == "@Home Studio"
    assert people[11].emails == []
    # A quoted newline makes a two-line row; the next row's line number accounts for it.
    assert people[13].title == "Engineer Platform team"
    mei = people[15]
    assert (mei.first_name, mei.last_name) == ("Mei", "Chen")
    assert mei.emails == ["MEI.CHEN@Example.org"]
    assert mei.title == "VP, Risk & Compliance"
    assert [(s.line, s.reason) for s in result.skipped] == [(9, HIDDEN), (12, HIDDEN)]
    assert [(w.line, w.reason) for w in result.warnings] == [
        (11, "'not-an-email' is not an e-mail address; left out")
    ]
    assert result.companies == [] and result.interactions == []


def test_2018_connections_without_preamble_or_url_and_with_us_dates():
    result = parse("linkedin", fixture("linkedin_connections_2018.csv"))
    assert [(p.line, p.first_name, p.last_name) for p in result.people] == [
        (2, "Priya", "Natarajan"),
        (3, "Tomás", "Herrera"),
    ]
    priya, tomas = result.people
    assert priya.connected_on == date(2018, 1, 23)
    assert priya.emails == ["priya.n@example.com"]
    assert priya.linkedin_url == ""
    assert tomas.connected_on == date(2017, 12, 5)
    assert tomas.company == "Blue Yonder Airlines, LLC"
    assert [(s.line, s.reason) for s in result.skipped] == [(4, HIDDEN)]


@pytest.mark.parametrize(
    "name, expected",
    [
        (
            "linkedin_connections_cp1252.csv",
            [
                (5, "José", "Núñez", "Café Zoë GmbH", "Head of Sales – EMEA"),
                (6, "Siobhán", "O’Brien", "Proseware", "Analyst"),
            ],
        ),
        (
            "linkedin_connections_semicolon.csv",
            [
                (5, "Hana", "Kobayashi", "Lucerne Publishing, Ltd.", "Editor, Books"),
                (7, "Rui", "Costa", "Trey Research", "Engineer"),
            ],
        ),
        (
            "linkedin_connections_bom_crlf.csv",
            [
                (5, "Femi", "Adeyemi", "Relecloud", "Founder"),
                (6, "Ines", "Weber", "Graphic Design Institute, e.V.", "Lecturer"),
            ],
        ),
    ],
)
def test_connections_in_other_encodings_delimiters_and_line_ends(name, expected):
    result = parse("linkedin", fixture(name))
    assert [(p.line, p.first_name, p.last_name, p.company, p.title) for p in result.people] == (
        expected
    )
    assert all(p.linkedin_url.startswith("https://www.linkedin.com/in/") for p in result.people)


def test_semicolon_file_reports_its_hidden_row():
    result = parse("linkedin", fixture("linkedin_connections_semicolon.csv"))
    assert [(s.line, s.reason) for s in result.skipped] == [(6, HIDDEN)]
    assert result.people[1].emails == ["rui.costa@example.pt"]


def test_export_zip_reads_connections_invitations_and_jobs():
    result = parse("linkedin", linkedin_zip(), filename="Basic_LinkedInDataExport_03-07-2026.zip")
    assert [(p.line, p.first_name, p.last_name) for p in result.people] == [
        (5, "Kim", "Park"),
        (6, "Leo", "Grant"),
    ]
    received, sent = result.interactions
    assert received.person_key == PersonKey("Kim Park", "https://www.linkedin.com/in/kim-park-1")
    assert received.direction == "in" and received.channel == "linkedin"
    assert received.occurred_at == datetime(2026, 3, 2, 9, 41, tzinfo=UTC)
    assert received.summary == (
        "Received a LinkedIn invitation: Hi Rosa, loved your talk on supply-chain analytics."
    )
    assert received.file == "Invitations.csv" and received.line == 2
    assert sent.person_key == PersonKey("Leo Grant", "https://www.linkedin.com/in/leo-grant")
    assert sent.direction == "out"
    assert sent.occurred_at == datetime(2026, 2, 27, 17, 3, tzinfo=UTC)
    assert sent.summary == "Sent a LinkedIn invitation"
    northwind, fabrikam = result.companies
    # Two saved jobs at one company (written two ways) make one company with both notes.
    assert (northwind.name, northwind.line, northwind.file) == (
        "Northwind Analytics",
        2,
        "Jobs/Saved Jobs.csv",
    )
    assert northwind.note == (
        "Saved job: Senior Analyst (2026-03-04)\nSaved job: Data Engineer (2026-03-05)"
    )
    assert (fabrikam.name, fabrikam.note) == ("Fabrikam", "Applied: Operations Lead (2026-02-20)")
    assert [(s.file, s.line, s.reason) for s in result.skipped] == [
        ("Connections.csv", 7, HIDDEN),
        ("Invitations.csv", 4, "'Sent At' date 'yesterday' cannot be read"),
        ("Invitations.csv", 5, "direction 'SIDEWAYS' is neither OUTGOING nor INCOMING"),
        ("Jobs/Saved Jobs.csv", 4, "the job has no company name"),
    ]


def test_zip_inside_a_folder_is_found_by_file_name():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("export/Connections.csv", fixture("linkedin_export/Connections.csv"))
    result = parse("linkedin", buffer.getvalue())
    assert [p.first_name for p in result.people] == ["Kim", "Leo"]


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return buffer.getvalue()


def test_zip_without_linkedin_files_is_refused():
    with pytest.raises(UnsupportedFile, match="has no Connections.csv"):
        parse("linkedin", _zip({"holiday.jpg": b"\xff\xd8not really"}))


def test_excel_workbook_is_refused_with_advice_to_save_as_csv():
    workbook = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
    with pytest.raises(UnsupportedFile, match="Excel workbook.*CSV UTF-8"):
        parse("linkedin", workbook)


def test_damaged_zip_is_refused():
    with pytest.raises(UnsupportedFile, match="damaged or incomplete"):
        parse("linkedin", linkedin_zip()[:200])


def test_zip_bomb_is_refused_from_the_directory():
    bomb = _zip({"Connections.csv": b"," * (50 * 1024 * 1024)})
    assert len(bomb) < 100_000
    with pytest.raises(UnsupportedFile, match="expands more than 100 times"):
        parse("linkedin", bomb)


def _lie_about_sizes(data: bytes, size: int) -> bytes:
    """The zip with every member's uncompressed size rewritten, in both headers."""
    out = bytearray(data)
    pos = 0
    while (pos := out.find(b"PK\x03\x04", pos)) != -1:
        struct.pack_into("<I", out, pos + 22, size)
        pos += 4
    pos = 0
    while (pos := out.find(b"PK\x01\x02", pos)) != -1:
        struct.pack_into("<I", out, pos + 24, size)
        pos += 4
    return bytes(out)


def test_zip_bomb_that_lies_in_its_directory_is_stopped_while_reading():
    # The directory claims 1 KB per member, so only reading can tell.
    liar = _lie_about_sizes(_zip({"Connections.csv": b"," * (8 * 1024 * 1024)}), 1024)
    with zipfile.ZipFile(io.BytesIO(liar)) as zf:
        assert zf.infolist()[0].file_size == 1024
    with pytest.raises(UnsupportedFile):
        parse("linkedin", liar)


def test_a_member_larger_than_the_file_cap_is_stopped_while_reading():
    # The directory is honest and the whole zip is small, so only counting while reading
    # notices that one member unpacks past the per-file cap.
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    member = (header * 80).encode()
    data = _zip({"Connections.csv": member})
    assert len(data) < 1000 < len(member)
    with pytest.raises(UnsupportedFile, match="Connections.csv unpacks to more than"):
        parse("linkedin", data, limits=Limits(max_file_bytes=1000))


def test_zip_with_too_many_members_is_refused():
    many = _zip({f"f{i}.txt": b"x" for i in range(12)})
    with pytest.raises(UnsupportedFile, match="holds 12 files, more than the 10"):
        parse("linkedin", many, limits=Limits(max_zip_members=10))


def test_zip_that_unpacks_too_large_is_refused():
    data = linkedin_zip()
    with pytest.raises(UnsupportedFile, match="unpacks to more than"):
        parse("linkedin", data, limits=Limits(max_unzipped_bytes=1000))


def test_encrypted_member_is_refused():
    data = bytearray(_zip({"Connections.csv": fixture("linkedin_export/Connections.csv")}))
    # Set the "encrypted" flag bit in both headers, as a password-protected zip has.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        pos = data.find(signature)
        data[pos + offset] |= 1
    with pytest.raises(UnsupportedFile, match="encrypted"):
        parse("linkedin", bytes(data))


@pytest.mark.parametrize(
    "company", ["Self-employed", "self employed", "SELF-EMPLOYED", "Freelance", "Freelancer",
                "Independent", "Autónomo", "Retired", "Stealth", "Stealth Startup",
                "Confidential", " freelance "],
)  # fmt: skip
def test_a_way_of_working_is_not_a_company(company):
    data = HEADER + f'Ann,Lee,,,"{company}",Designer,08 Feb 2026\nBo,Ng,,,"{company}",,\n'.encode()
    ann, bo = parse("linkedin", data).people
    assert (ann.company, ann.title) == ("", f"Designer ({company.strip()})")
    assert (bo.company, bo.title) == ("", company.strip())


def test_real_companies_stay_companies_and_everyone_is_a_linkedin_connection():
    data = HEADER + b'Ann,Lee,,,"Independent Bank",Teller,08 Feb 2026\n'
    (ann,) = parse("linkedin", data).people
    assert (ann.company, ann.title, ann.how_known) == ("Independent Bank", "Teller", "linkedin")
