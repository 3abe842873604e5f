"""Google and Outlook CSVs, and any other CSV through a column mapping."""

from __future__ import annotations

from datetime import date

import pytest

from hundred.transfer.formats.dispatch import csv_headers, parse, parse_generic_csv, suggest_mapping
from hundred.transfer.formats.records import UnsupportedFile
from hundred.transfer.tests.util import fixture

NO_NAME = "the row has no name and no e-mail"


def test_google_current_csv():
    result = parse("google", fixture("google_current.csv"))
    grace, hiro, talent = result.people
    assert (grace.line, grace.first_name, grace.last_name) == (2, "Grace", "Hopper-Lin")
    # ' ::: ' splits values; a case-only duplicate goes; the second column adds one more.
    assert grace.emails == ["grace.hopperlin@example.com", "grace.hl@example.net"]
    # The UK national number cannot be read with the default region US, so it stays as typed.
    assert grace.phones == ["+442079460018", "020 7946 0019", "+16175550142"]
    assert grace.linkedin_url == "https://www.linkedin.com/in/grace-hopper-lin"
    assert (grace.company, grace.title) == ("Contoso Ltd.", "Staff Engineer")
    assert grace.location == "London, United Kingdom"
    assert grace.notes == "Met at PyCon.\nOwes me a coffee."
    assert grace.tags == ["Job Search 2026"]  # myContacts and starred are Google's own
    assert grace.source == "google"
    # Multi-line quoted cells push the later rows down: line numbers are physical lines.
    assert (hiro.line, hiro.location, hiro.tags) == (6, "Shibuya, Tokyo", [])
    assert (talent.line, talent.first_name, talent.emails) == (9, "", ["talent@example.org"])
    assert talent.tags == ["Recruiters"]
    assert [(s.line, s.reason) for s in result.skipped] == [(8, NO_NAME)]


def test_google_default_region_reads_national_numbers():
    result = parse("google", fixture("google_current.csv"), default_region="GB")
    assert result.people[0].phones == ["+442079460018", "+442079460019", "(617) 555-0142"]


def test_google_old_csv():
    ivan, zainab = parse("google", fixture("google_old.csv")).people
    assert (ivan.first_name, ivan.last_name, ivan.location) == ("Ivan", "Petrov", "Sofia")
    assert ivan.emails == ["ivan.petrov@example.com", "ivan@example.net"]
    assert ivan.phones == ["+35921234567"]
    assert (ivan.company, ivan.title) == ("Litware", "CTO")
    assert ivan.linkedin_url == "https://www.linkedin.com/in/ivanpetrov"
    # "* Friends" is an old system group the user chose; "* My Contacts" is everyone.
    assert ivan.tags == ["Former colleagues", "Friends"]
    # Only the one-string Name column: split into first and last.
    assert (zainab.first_name, zainab.last_name) == ("Zainab", "Yusuf")


def test_google_old_csv_in_utf16le():
    (lukasz,) = parse("google", fixture("google_old_utf16.csv")).people
    assert (lukasz.first_name, lukasz.last_name) == ("Łukasz", "Wiśniewski")
    assert lukasz.company == "Żabka Tech Sp. z o.o."
    assert lukasz.tags == ["Kraków meetup"]


def test_outlook_web_csv():
    result = parse("outlook", fixture("outlook_web.csv"))
    jun, olu = result.people
    assert (jun.line, jun.first_name, jun.last_name) == (2, "Jun", "Park")
    assert jun.emails == ["jun.park@example.com"]
    assert jun.phones == ["+12065550176", "+12065550175"]
    assert (jun.company, jun.title) == ("Litware, Inc.", "Research Scientist")
    assert jun.location == "Seattle, WA, United States"
    assert jun.linkedin_url == "https://www.linkedin.com/in/jun-park"
    assert jun.notes == "Intro via Amara"
    assert (olu.line, olu.emails, olu.location) == (4, ["olu@example.ng"], "Lagos, Nigeria")
    # A row with only a fax number names nobody.
    assert [(s.line, s.reason) for s in result.skipped] == [(3, NO_NAME)]


def test_outlook_desktop_csv_quoted_cp1252_with_categories():
    result = parse("outlook", fixture("outlook_desktop.csv"))
    karin, marek = result.people
    assert (karin.first_name, karin.last_name) == ("Karin", "Lindqvist")
    # The Exchange address is not an e-mail; the SMTP one in the second column is.
    assert karin.emails == ["karin.lindqvist@example.se"]
    assert [(w.line, w.reason[:22]) for w in result.warnings] == [(2, "'/o=ExchangeLabs/ou=Ex")]
    # The assistant's number is not Karin's.
    assert karin.phones == ["+46311234567", "+46701234567"]
    assert karin.location == "Göteborg, Sweden"
    assert karin.tags == ["Job Search", "Former colleagues"]
    assert karin.notes == "Ask about the\nanalytics team."
    assert karin.linkedin_url == "https://www.linkedin.com/in/karinlindqvist"
    assert (marek.line, marek.tags) == (4, ["Wine", "Former colleagues"])


def test_generic_csv_with_a_guessed_mapping():
    data = fixture("generic.csv")
    assert csv_headers(data) == ["Full Name", "E-mail", "Employer", "Mobile", "Tags", "Met On"]
    assert suggest_mapping(csv_headers(data)) == {
        "name": "Full Name",
        "emails": "E-mail",
        "phones": "Mobile",
        "company": "Employer",
        "tags": "Tags",
    }
    result = parse("csv", data)
    anika, paul = result.people
    assert (anika.first_name, anika.last_name) == ("Anika", "Sharma")
    assert anika.emails == ["anika@example.in", "a.sharma@example.com"]
    assert anika.phones == ["+919876543210"]
    assert anika.tags == ["mentor", "Job Search"]
    assert anika.source == "csv"
    assert (paul.first_name, paul.last_name) == ("Paul", "O'Neil")
    assert [(s.line, s.reason) for s in result.skipped] == [(4, NO_NAME)]


def test_generic_csv_with_a_mapping_chosen_by_hand():
    mapping = {"name": "Full Name", "emails": "E-mail", "connected_on": "Met On"}
    result = parse_generic_csv(fixture("generic.csv"), mapping)
    anika, paul = result.people
    assert anika.connected_on == date(2025, 11, 3)
    assert anika.company == "" and anika.tags == []
    # Slashed dates are ambiguous outside LinkedIn: left out, and said so.
    assert paul.connected_on is None
    assert [(w.line, w.reason) for w in result.warnings] == [
        (3, "'03/11/2025' is not a date (use 2026-02-08); left out")
    ]


def test_generic_csv_mapping_to_a_missing_column_is_refused():
    with pytest.raises(UnsupportedFile, match="no column called 'Surname'"):
        parse_generic_csv(fixture("generic.csv"), {"last_name": "Surname"})


def test_generic_csv_without_name_or_email_columns_is_refused():
    data = b"Colour,Size\nred,9\n"
    with pytest.raises(UnsupportedFile, match=r"none of its columns \(Colour, Size\) holds a name"):
        parse("csv", data)


@pytest.mark.parametrize(
    "headers, expected",
    [
        (
            ["First Name", "Last Name", "Email"],
            {"first_name": "First Name", "last_name": "Last Name", "emails": "Email"},
        ),
        (
            ["given_name", "SURNAME", "e-mail address"],
            {"first_name": "given_name", "last_name": "SURNAME", "emails": "e-mail address"},
        ),
        (
            ["Name", "Organisation", "Job Title", "LinkedIn"],
            {
                "name": "Name",
                "company": "Organisation",
                "title": "Job Title",
                "linkedin_url": "LinkedIn",
            },
        ),
        (["Phone", "Telephone"], {"phones": "Phone"}),
        (["Nothing", "Useful"], {}),
    ],
)
def test_suggest_mapping(headers, expected):
    assert suggest_mapping(headers) == expected


def test_closeness_must_be_one_to_three():
    data = b"Name,Closeness\nAnn Bell,2\nCy Dee,5\n"
    ann, cy = parse_generic_csv(data, {"name": "Name", "closeness": "Closeness"}).people
    assert (ann.closeness, cy.closeness) == (2, None)
