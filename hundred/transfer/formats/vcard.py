"""vCard 2.1, 3.0 and 4.0 files (Apple, Google, Android, Outlook), read with vobject."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import vobject

from hundred.lib.names import split_name
from hundred.transfer.formats.fields import (
    clean_emails,
    clean_line,
    clean_phones,
    clean_tags,
    clean_text,
)
from hundred.transfer.formats.google import GOOGLE_SYSTEM_LABELS
from hundred.transfer.formats.identity import normalise_linkedin_url
from hundred.transfer.formats.records import (
    Limits,
    ParseResult,
    PersonRecord,
    Skipped,
    UnsupportedFile,
)
from hundred.transfer.formats.sniffing import wrong_kind
from hundred.transfer.formats.textfile import decode, field_too_long

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_PROPERTY = re.compile(r"(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)")
# Binary payloads: never needed, and a large base64 photo costs vobject gigabytes.
_DROPPED = frozenset(("PHOTO", "LOGO", "SOUND", "KEY"))
# vobject keeps only the text before the first unescaped comma of a text value, but vCard 2.1
# never escapes commas and many 3.0 writers forget to. Only in these are commas separators
# (N's components are lists of given names, of family names, ...).
_LISTS = frozenset(("CATEGORIES", "NICKNAME", "N"))
_AT_LINE = re.compile(r"^At line \d+: ")
_BARE_COMMA = re.compile(r"(?<!\\)(,|=2C)", re.I)


def parse_vcard(data: bytes, *, default_region: str, limits: Limits) -> ParseResult:
    """People from one or many concatenated vCards."""
    text = decode(data)
    cards = split_cards(text, limits)
    if not cards:
        raise wrong_kind("vcard", data, "it has no BEGIN:VCARD line")
    result = ParseResult(kind="vcard")
    for line, card_text in cards:
        try:
            card = vobject.readOne(card_text)
        # vobject raises many kinds of error on malformed input (ParseError, ValueError,
        # binascii and Unicode errors, ...): any of them means this one card is unreadable.
        except Exception as e:  # noqa: BLE001
            # vobject counts lines from the card's start; the card's own line is reported instead.
            reason = _AT_LINE.sub("", str(e).splitlines()[0]) if str(e) else type(e).__name__
            result.skipped.append(Skipped(line, f"the card cannot be read ({reason})"))
            continue
        _person(card, line, default_region, result)
    return result


def split_cards(text: str, limits: Limits) -> list[tuple[int, str]]:
    """(line of BEGIN:VCARD, card text) for each card, repaired where vobject would fail.

    The pre-pass joins quoted-printable soft line breaks, drops PHOTO/LOGO/SOUND/KEY with
    their folded lines, drops blank lines inside a card, ignores spaces after END:VCARD and
    a byte-order mark before BEGIN:VCARD, and enforces the field and row caps.
    """
    splitter = _CardSplitter(limits)
    for n, line in enumerate(_LINE_BREAK.split(text), 1):
        splitter.feed(n, line)
    if splitter.current is not None:
        raise _truncated(splitter.start)
    return splitter.cards


class _CardSplitter:
    """split_cards' walk through the lines: the card being read and its last property."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.cards: list[tuple[int, str]] = []
        self.current: list[str] | None = None
        self.start = self.prop_line = self.prop_len = 0
        self.dropping = self.qp_open = self.is_list = False

    def feed(self, n: int, line: str) -> None:
        if self.current is None:
            if line.strip().lstrip("\ufeff").upper() == "BEGIN:VCARD":
                self.current, self.start = ["BEGIN:VCARD"], n
                self.dropping = self.qp_open = False
            return
        word = line.strip().upper()
        if word == "END:VCARD":
            self._end()
        elif self.qp_open:
            self._soft_break(line)
        elif line[:1] in (" ", "\t"):
            if not self.dropping:
                self._folded(line)
        elif line.strip():
            self._property(n, line, word)

    def _end(self) -> None:
        self.current.append("END:VCARD")
        self.cards.append((self.start, "\r\n".join(self.current) + "\r\n"))
        self.current = None
        if len(self.cards) > self.limits.max_rows:
            raise UnsupportedFile(
                f"The file has more than {self.limits.max_rows:,} cards, the most Hundred "
                "reads at once: split it into smaller files and import each."
            )

    def _soft_break(self, line: str) -> None:
        # Quoted-printable soft break: '=' at the end, the value goes on at the next line.
        self.current[-1] = self.current[-1][:-1] + (line if self.is_list else _escape(line))
        self.qp_open = line.endswith("=")
        self._grown(len(line))

    def _folded(self, line: str) -> None:
        self.current.append(line if self.is_list else _escape(line))
        self._grown(len(line) - 1)

    def _property(self, n: int, line: str, word: str) -> None:
        if word == "BEGIN:VCARD":
            raise _truncated(self.start)
        m = _PROPERTY.match(line)
        self.dropping = bool(m) and m.group(1).upper() in _DROPPED
        if self.dropping:
            return
        head, colon, value = line.partition(":")
        self.is_list = bool(m) and m.group(1).upper() in _LISTS
        self.current.append(line if self.is_list or not colon else head + colon + _escape(value))
        self.prop_line, self.prop_len = n, 0
        self.qp_open = "QUOTED-PRINTABLE" in head.upper() and line.endswith("=")
        self._grown(len(line))

    def _grown(self, by: int) -> None:
        """The current property is `by` characters longer: refuse it past the field cap."""
        self.prop_len += by
        if self.prop_len > self.limits.max_field_chars:
            raise UnsupportedFile(field_too_long(self.prop_line, self.limits))


def _escape(value: str) -> str:
    return _BARE_COMMA.sub(r"\\\1", value)


def _truncated(line: int) -> UnsupportedFile:
    return UnsupportedFile(
        f"The vCard that starts on line {line} has no END:VCARD, so the file looks cut off: "
        "export your contacts again and import the whole file."
    )


def _text(value: Any) -> str:
    # vobject gives a list where a component held several comma-separated values.
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value if v)
    return str(value) if value is not None else ""


@dataclass
class _CardFields:
    """What one card says, property by property; the first value of most properties wins."""

    first: str = ""
    last: str = ""
    full: str = ""
    company: str = ""
    title: str = ""
    notes: str = ""
    location: str = ""
    linkedin_url: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    def read_n(self, prop: Any) -> None:
        if not (self.first or self.last):
            value = prop.value
            self.first = clean_line(_text(value.given))
            self.last = clean_line(_text(value.family))

    def read_fn(self, prop: Any) -> None:
        self.full = self.full or _text(prop.value)

    def read_email(self, prop: Any) -> None:
        self.emails.append(_text(prop.value))

    def read_tel(self, prop: Any) -> None:
        self.phones.append(_text(prop.value))

    def read_org(self, prop: Any) -> None:
        if not self.company:
            # ORG is "Name;Department"; Apple adds an empty department with a trailing ';'.
            parts = prop.value if isinstance(prop.value, list) else [prop.value]
            self.company = next((clean_line(p) for p in parts if p and p.strip()), "")

    def read_title(self, prop: Any) -> None:
        self.title = self.title or clean_line(_text(prop.value))

    def read_note(self, prop: Any) -> None:
        self.notes = self.notes or clean_text(_text(prop.value))

    def read_categories(self, prop: Any) -> None:
        value = prop.value
        self.tags.extend(value if isinstance(value, list) else [_text(value)])

    def read_adr(self, prop: Any) -> None:
        if not self.location:
            value = prop.value
            parts = (_text(value.city), _text(value.region), _text(value.country))
            self.location = ", ".join(clean_line(p) for p in parts if p.strip())

    def read_url(self, prop: Any) -> None:
        if not self.linkedin_url:
            self.linkedin_url = _linkedin(prop)

    def name(self) -> tuple[str, str]:
        """First and last name, from N or else from FN.

        Apple's company cards have an empty N and the company as FN, and writers (Hundred's
        among them) fill FN with the address for a nameless contact: neither is a person's name.
        """
        full = clean_line(self.full)
        if not self.first and not self.last and full and full != self.company and "@" not in full:
            return split_name(clean_line(full))
        return self.first, self.last


_READERS = {
    "N": _CardFields.read_n,
    "FN": _CardFields.read_fn,
    "EMAIL": _CardFields.read_email,
    "TEL": _CardFields.read_tel,
    "ORG": _CardFields.read_org,
    "TITLE": _CardFields.read_title,
    "NOTE": _CardFields.read_note,
    "CATEGORIES": _CardFields.read_categories,
    "ADR": _CardFields.read_adr,
    "URL": _CardFields.read_url,
    "X-SOCIALPROFILE": _CardFields.read_url,
}


def _person(card: Any, line: int, region: str, result: ParseResult) -> None:
    fields = _CardFields()
    for prop in card.getChildren():
        reader = _READERS.get(prop.name.upper())
        if reader:
            reader(fields, prop)
    first, last = fields.name()
    kept, rejected = clean_emails(fields.emails)
    for bad in rejected:
        result.warnings.append(Skipped(line, f"'{bad}' is not an e-mail address; left out"))
    if not (first or last or kept):
        result.skipped.append(Skipped(line, "the card has no name and no e-mail"))
        return
    result.people.append(
        PersonRecord(
            line=line,
            first_name=first,
            last_name=last,
            emails=kept,
            phones=clean_phones(fields.phones, region),
            linkedin_url=fields.linkedin_url,
            company=fields.company,
            title=fields.title,
            location=fields.location,
            notes=fields.notes,
            tags=clean_tags(fields.tags, GOOGLE_SYSTEM_LABELS),
            source="vcard",
        )
    )


def _linkedin(prop: Any) -> str:
    value = _text(prop.value).strip()
    if url := normalise_linkedin_url(value):
        return url
    # Apple: X-SOCIALPROFILE;type=linkedin;x-user=jdoe:x-apple:jdoe, without a web address.
    types = {t.lower() for t in prop.params.get("TYPE", [])}
    if prop.name.upper() == "X-SOCIALPROFILE" and "linkedin" in types:
        user = (prop.params.get("X-USER") or [""])[0] or value.rsplit(":", 1)[-1]
        if user and re.fullmatch(r"[\w-]+", user):
            return normalise_linkedin_url(f"linkedin.com/in/{user}")
    return ""
