"""Turning one raw cell into a clean value: names, emails, phones, tags, dates."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from functools import lru_cache

from email_validator import EmailNotValidError, validate_email

from hundred.lib.phones import normalise_phone
from hundred.transfer.formats.identity import normalise_email

MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
# Google's and Hundred's own multi-value separator.
MULTI = " ::: "
_ANGLE = re.compile(r"<([^<>]+)>")
_D_MON_Y = re.compile(r"(\d{1,2})[ -]([A-Za-z]{3})[A-Za-z]*\.?[ ,-]+(\d{4})")
# Excel's d-mmm-yy, which a date like LinkedIn's '08 Feb 2026' becomes when the file is saved
# again from Excel: '08-Feb-26'.
_D_MON_YY = re.compile(r"(\d{1,2})-([A-Za-z]{3})-(\d{2})")
_MON_D_Y = re.compile(r"([A-Za-z]{3})[A-Za-z]*\.? (\d{1,2}),? (\d{4})")
_MON_Y = re.compile(r"([A-Za-z]{3})[A-Za-z]* (\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?(?: ?(?:UTC|Z))?")
# LinkedIn's American style, M/D/YY with an optional time: '1/23/18, 4:56 PM'.
_US = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?:,? +(\d{1,2}):(\d{2})(?::\d{2})? *([AaPp][Mm])?)?"
)


def clean_line(value: str) -> str:
    """A one-line value: trimmed, inner runs of whitespace (newlines too) made one space."""
    return " ".join(value.split())


def clean_text(value: str) -> str:
    """A multi-line value such as notes: line ends made LF, trimmed."""
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def clean_emails(values: Iterable[str]) -> tuple[list[str], list[str]]:
    """(valid addresses as typed, deduplicated case-insensitively; values that are not emails)."""
    kept: list[str] = []
    rejected: list[str] = []
    seen: set[str] = set()
    for raw in values:
        value = raw.strip()
        if value.startswith("* "):  # Google marks the primary value this way
            value = value[2:].strip()
        if m := _ANGLE.search(value):  # "Jane Doe <jane@example.com>"
            value = m.group(1).strip()
        if value[:7].lower() == "mailto:":
            value = value[7:].strip()
        if not value:
            continue
        key = normalise_email(value)
        if key in seen:
            continue
        if not is_email(value):
            rejected.append(value)
            continue
        seen.add(key)
        kept.append(value)
    return kept, rejected


# A subset of the dot-atom local parts email_validator accepts (RFC 5322 atext and dots).
_PLAIN_LOCAL = re.compile(r"[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*")


def is_email(value: str) -> bool:
    """What email_validator says of value (without a DNS check), the common case sooner.

    A plain ASCII address ('jane.doe+x@example.com', under the 254-character cap, no IDNA
    label) is valid exactly when its domain is, and domains repeat (gmail.com): the domain is
    validated once per import, behind "x@", and the local part by a stricter pattern than the
    library's. Anything else goes to email_validator whole. test_fields compares the two.
    """
    local, _, domain = value.rpartition("@")
    if (
        len(value) <= 254
        and domain.isascii()
        and "xn--" not in domain.lower()
        and _PLAIN_LOCAL.fullmatch(local)
    ):
        return _domain_is_valid(domain)
    return _validates(value)


@lru_cache(maxsize=4096)
def _domain_is_valid(domain: str) -> bool:
    return _validates("x@" + domain)


def _validates(value: str) -> bool:
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def clean_phones(values: Iterable[str], region: str) -> list[str]:
    """Normalised numbers without duplicates, in the order given."""
    kept: list[str] = []
    for raw in values:
        raw = raw.strip()
        if raw.startswith("* "):
            raw = raw[2:]
        if raw and (phone := normalise_phone(raw, region)) and phone not in kept:
            kept.append(phone)
    return kept


def clean_tags(values: Iterable[str], drop: frozenset[str] = frozenset()) -> list[str]:
    """Tags trimmed and deduplicated case-insensitively; names in drop (casefolded) left out."""
    kept: list[str] = []
    seen: set[str] = set()
    for raw in values:
        tag = clean_line(raw)
        key = tag.casefold()
        if tag and key not in seen and key not in drop:
            seen.add(key)
            kept.append(tag)
    return kept


def split_multi(value: str, separators: str = "") -> list[str]:
    """Split a cell on ' ::: ' (and on any of the extra separator characters)."""
    parts = value.split(":::") if ":::" in value else [value]
    for sep in separators:
        parts = [p for part in parts for p in part.split(sep)]
    return [p.strip() for p in parts if p.strip()]


# LinkedIn's connection dates: up to ~6,000 different days in a 30,000-row file.
@lru_cache(maxsize=16384)
def parse_date(value: str, *, us_slashes: bool = False) -> date | None:
    """A calendar date from the forms exports use; M/D/YY only when us_slashes (LinkedIn)."""
    value = value.strip()
    if not value:
        return None
    try:
        if m := _ISO.fullmatch(value):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _D_MON_Y.fullmatch(value):
            if month := MONTHS.get(m[2].lower()):
                return date(int(m[3]), month, int(m[1]))
        if m := _D_MON_YY.fullmatch(value):
            if month := MONTHS.get(m[2].lower()):
                return date(_year(m[3]), month, int(m[1]))
        if m := _MON_D_Y.fullmatch(value):
            if month := MONTHS.get(m[1].lower()):
                return date(int(m[3]), month, int(m[2]))
        if m := _MON_Y.fullmatch(value):
            if month := MONTHS.get(m[1].lower()):
                return date(int(m[2]), month, 1)
        if us_slashes and (m := _US.fullmatch(value)):
            return date(_year(m[3]), int(m[1]), int(m[2]))
    except ValueError:  # 31 Feb and the like
        return None
    return None


def parse_datetime(value: str) -> datetime | None:
    """An aware UTC moment from LinkedIn's 'M/D/YY, h:mm AM' or 'YYYY-MM-DD HH:MM:SS UTC'."""
    value = value.strip()
    try:
        if m := _US.fullmatch(value):
            hour, minute = int(m[4] or 0), int(m[5] or 0)
            if m[6]:
                hour = hour % 12 + (12 if m[6].lower() == "pm" else 0)
            return datetime(_year(m[3]), int(m[1]), int(m[2]), hour, minute, tzinfo=UTC)
        if m := _ISO.fullmatch(value):
            return datetime(
                int(m[1]),
                int(m[2]),
                int(m[3]),
                int(m[4] or 0),
                int(m[5] or 0),
                int(m[6] or 0),
                tzinfo=UTC,
            )
    except ValueError:
        return None
    day = parse_date(value)
    return datetime(day.year, day.month, day.day, tzinfo=UTC) if day else None


def _year(text: str) -> int:
    # LinkedIn began in 2003: a two-digit year is always this century.
    return int(text) + 2000 if len(text) == 2 else int(text)
