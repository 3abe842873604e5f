"""Recognising which export a file is, from its header row rather than its name."""

from __future__ import annotations

import io
import zipfile

from hundred.transfer.formats.records import DEFAULT_LIMITS, HUNDRED_CSV_COLUMNS, UnsupportedFile
from hundred.transfer.formats.textfile import decode, find_table
from hundred.transfer.formats.ziparchive import DAMAGE_ERRORS

SNIFF_BYTES = 65536  # even, so a UTF-16 head is never cut inside a character

_GOOGLE_MARKS = frozenset(
    (
        "labels",
        "group membership",
        "organization name",
        "organization 1 - name",
        "e-mail 1 - value",
        "phone 1 - value",
        "file as",
    )
)
_OUTLOOK_MARKS = frozenset(
    (
        "e-mail address",
        "e-mail 2 address",
        "job title",
        "business phone",
        "mobile phone",
        "home phone",
        "business city",
        "categories",
    )
)


def is_connections(keys: list[str]) -> bool:
    """LinkedIn's Connections.csv header, today's or 2018's (which has no URL column)."""
    s = set(keys)
    return "first name" in s and "last name" in s and ("connected on" in s or "position" in s)


def is_google(keys: list[str]) -> bool:
    """Google Contacts' CSV header, current ('Labels') or old ('Group Membership')."""
    s = set(keys)
    has_name = "first name" in s or "given name" in s or "name" in s
    return has_name and not s.isdisjoint(_GOOGLE_MARKS)


def is_outlook(keys: list[str]) -> bool:
    """Outlook's CSV header, from outlook.com or the desktop application."""
    s = set(keys)
    return "first name" in s and "last name" in s and len(s & _OUTLOOK_MARKS) >= 2


def is_hundred(keys: list[str]) -> bool:
    """Hundred's own CSV export, in any column order."""
    return set(keys) == set(HUNDRED_CSV_COLUMNS)


LABELS = {
    "linkedin": "a LinkedIn Connections.csv",
    "google": "a Google Contacts CSV",
    "outlook": "an Outlook contacts CSV",
    "vcard": "a vCard file",
}
_ADVICE = {
    "linkedin": "choose Connections.csv from your LinkedIn data export (or the whole export "
    "zip), or import the file as a generic CSV",
    "google": "export it again from Google Contacts as a Google CSV, or import it as a generic CSV",
    "outlook": "export it again from Outlook as CSV, or import it as a generic CSV",
    "csv": "make its first line name the columns (for example First Name, Last Name, Email)",
    "vcard": "export your contacts again as vCard (.vcf)",
}


def sniff_kind(data: bytes, filename: str = "") -> str | None:
    """The import kind a file most likely is ('linkedin', 'google', ...), or None."""
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return "linkedin" if _is_linkedin_zip(data) else None
    try:
        text = decode(data[:SNIFF_BYTES])
    except UnsupportedFile:
        return None
    if "BEGIN:VCARD" in text[:4096].upper():
        return "vcard"
    for kind, is_header in (
        ("linkedin", is_connections),
        ("google", is_google),
        ("outlook", is_outlook),
    ):
        if find_table(text, DEFAULT_LIMITS, is_header) is not None:
            return kind
    table = find_table(text, DEFAULT_LIMITS)
    if table is not None and (len(table.headers) > 1 or filename.lower().endswith(".csv")):
        return "csv"
    return None


def _is_linkedin_zip(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = [n.rsplit("/", 1)[-1].lower() for n in zf.namelist()]
    except (*DAMAGE_ERRORS, NotImplementedError):
        return False
    return "connections.csv" in names or "invitations.csv" in names


def wrong_kind(expected: str, data: bytes, found: str) -> UnsupportedFile:
    """The refusal for a readable file of another kind than the one asked for."""
    guess = sniff_kind(data)
    if guess and guess not in (expected, "csv"):
        what_next = f"it looks like {LABELS[guess]}, so import it as {guess}"
    else:
        what_next = _ADVICE[expected]
    label = LABELS.get(expected, "a CSV Hundred can read")
    return UnsupportedFile(f"This is not {label}: {found}; {what_next}.")
