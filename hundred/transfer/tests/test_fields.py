"""Single values: dates, phone numbers, e-mail addresses, names, tags, decoding."""

from __future__ import annotations

import codecs
from datetime import UTC, date, datetime

import pytest
from email_validator import EmailNotValidError, validate_email

from hundred.transfer.formats.fields import (
    clean_emails,
    clean_line,
    clean_tags,
    is_email,
    normalise_phone,
    parse_date,
    parse_datetime,
    split_multi,
)
from hundred.transfer.formats.textfile import decode


@pytest.mark.parametrize(
    "raw, us_slashes, expected",
    [
        ("08 Feb 2026", False, date(2026, 2, 8)),
        ("8 Feb 2026", False, date(2026, 2, 8)),
        ("08-Feb-2026", False, date(2026, 2, 8)),
        ("08-Feb-26", False, date(2026, 2, 8)),  # Excel's d-mmm-yy, a file saved again
        ("8-Feb-26", True, date(2026, 2, 8)),
        ("31-Feb-26", True, None),
        ("February 8, 2026", False, date(2026, 2, 8)),
        ("Feb 2026", False, date(2026, 2, 1)),
        ("2026-02-08", False, date(2026, 2, 8)),
        ("2026-02-08 10:15:00 UTC", False, date(2026, 2, 8)),
        ("1/23/18, 4:56 PM", True, date(2018, 1, 23)),
        ("12/5/2017", True, date(2017, 12, 5)),
        ("1/23/18, 4:56 PM", False, None),  # day/month order unknown outside LinkedIn
        ("31 Feb 2026", False, None),
        ("13/13/26", True, None),
        ("08 Fbr 2026", False, None),
        ("soon", False, None),
        ("", False, None),
    ],
)
def test_parse_date(raw, us_slashes, expected):
    assert parse_date(raw, us_slashes=us_slashes) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("3/2/26, 9:41 AM", datetime(2026, 3, 2, 9, 41, tzinfo=UTC)),
        ("3/2/26, 12:05 AM", datetime(2026, 3, 2, 0, 5, tzinfo=UTC)),
        ("3/2/26, 12:05 PM", datetime(2026, 3, 2, 12, 5, tzinfo=UTC)),
        ("2/27/26, 5:03 PM", datetime(2026, 2, 27, 17, 3, tzinfo=UTC)),
        ("2026-03-02 10:00:00 UTC", datetime(2026, 3, 2, 10, 0, tzinfo=UTC)),
        ("Mar 2026", datetime(2026, 3, 1, tzinfo=UTC)),
        ("yesterday", None),
    ],
)
def test_parse_datetime(raw, expected):
    assert parse_datetime(raw) == expected


@pytest.mark.parametrize(
    "raw, region, expected",
    [
        ("+44 20 7946 0000", "US", "+442079460000"),
        ("(617) 555-0142", "US", "+16175550142"),
        ("617-555-0142 ext. 12", "US", "+16175550142 ext. 12"),
        ("020 7946 0019", "GB", "+442079460019"),
        ("020 7946 0019", "US", "020 7946 0019"),  # not a US number: kept as typed
        ("030 1234567", "US", "030 1234567"),  # possible length is not enough
        ("tel:+1-505-555-0123", "US", "+15055550123"),
        ("+1 555 0100", "US", "+1 555 0100"),
        ("  call   reception  ", "US", "call reception"),
    ],
)
def test_normalise_phone(raw, region, expected):
    assert normalise_phone(raw, region) == expected


def test_clean_emails_keeps_case_drops_duplicates_and_reports_invalid():
    kept, rejected = clean_emails(
        [
            " Jane.Doe@Example.com ",
            "jane.doe@example.COM",
            "* primary@example.com",
            "Bob Smith <bob@example.org>",
            "mailto:carol@example.net",
            "not-an-email",
            "x@localhost",
            "",
        ]
    )
    assert kept == [
        "Jane.Doe@Example.com",
        "primary@example.com",
        "bob@example.org",
        "carol@example.net",
    ]
    assert rejected == ["not-an-email", "x@localhost"]


def test_clean_line_collapses_whitespace_but_keeps_emoji():
    assert clean_line("  🌟  Chiara\u00a0 \n Bellini ") == "🌟 Chiara Bellini"
    assert clean_line("👩‍💻 Dev") == "👩‍💻 Dev"  # the zero-width joiner stays


def test_clean_tags_and_split_multi():
    assert split_multi("a ::: b ::: ") == ["a", "b"]
    assert split_multi("a; b, c", ";,") == ["a", "b", "c"]
    assert clean_tags(
        [" Job  Search", "job search", "myContacts", ""], frozenset({"mycontacts"})
    ) == ["Job Search"]


@pytest.mark.parametrize(
    "data",
    [
        "Zoë,Ünal\n".encode(),
        codecs.BOM_UTF8 + "Zoë,Ünal\n".encode(),
        codecs.BOM_UTF16_LE + "Zoë,Ünal\n".encode("utf-16-le"),
        codecs.BOM_UTF16_BE + "Zoë,Ünal\n".encode("utf-16-be"),
        "Zoë,Ünal\n".encode("utf-16-le"),
        "Zoë,Ünal\n".encode("cp1252"),
    ],
)
def test_decode(data):
    assert decode(data) == "Zoë,Ünal\n"


_LONG = "a" * 64


@pytest.mark.parametrize(
    "value",
    [
        "jane.doe+x@example.com",
        "Jane_Doe@Example.COM",
        "a@b.co",
        "a@localhost",
        "a@example",
        "a@foo.invalid",
        "a@foo.local",
        "a@foo.onion",
        "a@123.456",
        "a@foo.123",
        "a@-foo.com",
        "a@foo-.com",
        "a@foo..com",
        "a@.foo.com",
        "a@foo.com.",
        "a@foo_bar.com",
        "a@xn--bcher-kva.example",
        "a@XN--bcher-kva.example",
        "a@xn--zz.com",
        "a@bücher.example",
        ".a@foo.com",
        "a.@foo.com",
        "a..b@foo.com",
        "a b@foo.com",
        '"a b"@foo.com',
        "a@b@foo.com",
        "@foo.com",
        "a@",
        "a",
        "ü@foo.com",
        "a@[127.0.0.1]",
        "Jane <jane@foo.com>",
        f"{_LONG}@foo.com",
        f"{_LONG}a@foo.com",
        f"a@{'b' * 63}.com",
        f"a@{'b' * 64}.com",
        f"{_LONG}@{'b.' * 93}com",
        f"{_LONG}@{'b.' * 94}com",
        f"{_LONG}@{'b.' * 95}com",
        "a@" + ".".join(["b" * 63] * 4),
    ],
)
def test_is_email_agrees_with_email_validator(value):
    """is_email's shortcut for plain addresses gives what email_validator gives."""
    try:
        validate_email(value, check_deliverability=False)
        expected = True
    except EmailNotValidError:
        expected = False
    assert is_email(value) is expected
