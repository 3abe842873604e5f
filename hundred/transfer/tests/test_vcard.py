"""vCards from Apple, Google, Android and 4.0 writers, through vobject and the pre-pass."""

from __future__ import annotations

import pytest

from hundred.transfer.formats.dispatch import parse
from hundred.transfer.formats.records import Limits, UnsupportedFile
from hundred.transfer.formats.vcard import split_cards
from hundred.transfer.tests.util import fixture


def test_apple_cards_with_groups_photo_social_profile_and_company_card():
    result = parse("vcard", fixture("apple.vcf"))
    noor, kwame = result.people
    assert (noor.line, noor.first_name, noor.last_name) == (1, "Noor", "Achterberg")
    assert noor.emails == ["noor@example.nl", "noor.achterberg@example.com"]
    assert noor.phones == ["+31612345678"]
    assert noor.company == "Fourth Coffee"  # ORG:Fourth Coffee; has an empty department
    assert noor.title == "Barista Trainer"
    assert noor.linkedin_url == "https://www.linkedin.com/in/noor-achterberg"
    assert noor.location == "Amsterdam, Netherlands"
    assert noor.notes == "Met at the Utrecht meetup, wants an intro to Fabrikam.\nFollow up in May."
    assert noor.source == "vcard"
    # x-apple:kwameosei with x-user= is still a LinkedIn profile.
    assert (kwame.line, kwame.company) == (33, "Adatum")
    assert kwame.linkedin_url == "https://www.linkedin.com/in/kwameosei"
    # Apple's company card: FN is the company, so nobody is named.
    assert [(s.line, s.reason) for s in result.skipped] == [
        (24, "the card has no name and no e-mail")
    ]


def test_google_card_with_escaped_colon_url_categories_and_photo_url():
    lucia, recruiting = parse("vcard", fixture("google.vcf")).people
    assert (lucia.first_name, lucia.last_name) == ("Lucía", "Fernández")
    assert lucia.linkedin_url == "https://www.linkedin.com/in/lucia-fernandez"
    assert lucia.company == "Proseware, S.L."
    assert lucia.location == "Madrid, España"
    assert lucia.tags == ["Job Search 2026"]
    assert lucia.phones == ["+34612345678"]
    assert (recruiting.line, recruiting.emails, recruiting.tags) == (
        15,
        ["recruiting@example.com"],
        [],
    )


def test_android_21_quoted_printable_with_soft_breaks_and_unescaped_commas():
    juergen, petra = parse("vcard", fixture("android21.vcf")).people
    assert (juergen.first_name, juergen.last_name) == ("Jürgen", "Müller")
    assert juergen.company == "Grünwald Logistik GmbH"
    assert juergen.notes == (
        "Kennt die Leiterin der Datenabteilung bei Grünwald, möchte einen Kaffee trinken."
    )
    assert juergen.phones == ["+4915123456789", "030 1234567"]
    assert juergen.emails == ["juergen.mueller@example.de"]
    assert (petra.line, petra.phones) == (15, ["+420601123456"])


def test_android_national_number_with_the_right_default_region():
    juergen = parse("vcard", fixture("android21.vcf"), default_region="DE").people[0]
    assert juergen.phones == ["+4915123456789", "+49301234567"]


def test_vcard_40():
    (aiyana,) = parse("vcard", fixture("vcard40.vcf")).people
    assert (aiyana.first_name, aiyana.last_name) == ("Aiyana", "Redcloud")
    assert aiyana.phones == ["+15055550123"]  # from a tel: URI
    assert aiyana.company == "Wide World Importers"
    assert aiyana.linkedin_url == "https://www.linkedin.com/in/aiyana-redcloud"
    assert aiyana.location == "Albuquerque, NM, USA"
    assert aiyana.tags == ["Job Search", "Former colleagues"]


def test_concatenated_cards_with_bom_blank_lines_trailing_spaces_and_a_bad_card():
    result = parse("vcard", fixture("concatenated.vcf"))
    assert [(p.line, p.first_name, p.last_name) for p in result.people] == [
        (1, "Lena", "Brandt"),
        (16, "Ada", "Ng"),
    ]
    assert result.people[0].notes == (
        "A long note that an exporter folded at seventy-five octets, so the rest continues on "
        "the next line after one space."
    )
    assert [(s.line, s.reason) for s in result.skipped] == [
        (10, "the card cannot be read (Failed to parse line: THIS LINE HAS NO COLON)")
    ]


def test_truncated_vcard_is_refused():
    with pytest.raises(UnsupportedFile, match="starts on line 6 has no END:VCARD"):
        parse("vcard", fixture("truncated.vcf"))


def test_begin_inside_a_card_means_the_card_before_was_cut_off():
    data = b"BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n"
    with pytest.raises(UnsupportedFile, match="starts on line 1 has no END:VCARD"):
        parse("vcard", data)


def test_a_file_without_cards_is_refused():
    with pytest.raises(UnsupportedFile, match="This is not a vCard file: it has no BEGIN:VCARD"):
        parse("vcard", b"just some notes\n")


def test_a_huge_photo_is_dropped_before_parsing_but_a_huge_note_is_refused():
    photo = "PHOTO;ENCODING=b;TYPE=JPEG:" + "\r\n ".join(["QUJD" * 18] * 20_000)
    card = f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Pia Holm\r\n{photo}\r\nEND:VCARD\r\n"
    (pia,) = parse("vcard", card.encode()).people
    assert pia.first_name == "Pia"
    note = "NOTE:" + "\r\n ".join(["word " * 14] * 200)
    card = f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Pia Holm\r\n{note}\r\nEND:VCARD\r\n"
    with pytest.raises(UnsupportedFile, match="Line 4 has a value longer than the 10,000"):
        parse("vcard", card.encode())


def test_too_many_cards_are_refused():
    data = b"BEGIN:VCARD\nFN:A\nEND:VCARD\n" * 4
    with pytest.raises(UnsupportedFile, match="more than 3 cards"):
        parse("vcard", data, limits=Limits(max_rows=3))


def test_pre_pass_repairs_what_vobject_cannot_read():
    text = (
        "\ufeffBEGIN:VCARD\r\nVERSION:2.1\r\n"
        "NOTE;ENCODING=QUOTED-PRINTABLE:one=\r\ntwo, three\r\n"
        "PHOTO;ENCODING=BASE64;JPEG:AAAA\r\n  BBBB\r\n\r\n"
        "END:VCARD  \r\n"
    )
    ((line, card),) = split_cards(text, Limits())
    assert line == 1
    assert card == (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;ENCODING=QUOTED-PRINTABLE:onetwo\\, three\r\n"
        "END:VCARD\r\n"
    )


@pytest.mark.parametrize(
    "line, field, expected",
    [
        ("N:Doe;Jane,Mary;;;", "first_name", "Jane Mary"),  # N components are lists
        ("ORG:Fabrikam, Inc.;Sales", "company", "Fabrikam, Inc."),
        ("TITLE:VP, Sales", "title", "VP, Sales"),
        ("TITLE:VP\\, Sales", "title", "VP, Sales"),  # already escaped: left alone
        ("ADR:;;1 Main St, Apt 2;London, City of;;;UK", "location", "London, City of, UK"),
        ("CATEGORIES:a,b\\,c", "tags", ["a", "b,c"]),
        ("NOTE;ENCODING=QUOTED-PRINTABLE:x=2Cy, z", "notes", "x,y, z"),
    ],
)
def test_commas_in_values(line, field, expected):
    data = f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Doe\r\n{line}\r\nEND:VCARD\r\n".encode()
    (person,) = parse("vcard", data).people
    assert getattr(person, field) == expected
