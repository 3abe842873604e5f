"""vCard 2.1, 3.0 and 4.0 files (Apple, Google, Android, Outlook), read with vobject."""

from __future__ import annotations

import re
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
    cards: list[tuple[int, str]] = []
    current: list[str] | None = None
    start = prop_line = prop_len = 0
    dropping = qp_open = is_list = False
    for n, line in enumerate(_LINE_BREAK.split(text), 1):
        if current is None:
            if line.strip().lstrip("\ufeff").upper() == "BEGIN:VCARD":
                current, start, dropping, qp_open = ["BEGIN:VCARD"], n, False, False
            continue
        word = line.strip().upper()
        if word == "END:VCARD":
            current.append("END:VCARD")
            cards.append((start, "\r\n".join(current) + "\r\n"))
            current = None
            if len(cards) > limits.max_rows:
                raise UnsupportedFile(
                    f"The file has more than {limits.max_rows:,} cards, the most Hundred "
                    "reads at once: split it into smaller files and import each."
                )
            continue
        if qp_open:
            # Quoted-printable soft break: '=' at the end, the value goes on at the next line.
            current[-1] = current[-1][:-1] + (line if is_list else _escape(line))
            qp_open = line.endswith("=")
            prop_len += len(line)
        elif line[:1] in (" ", "\t"):
            if dropping:
                continue
            current.append(line if is_list else _escape(line))
            prop_len += len(line) - 1
        elif not line.strip():
            continue
        else:
            if word == "BEGIN:VCARD":
                raise _truncated(start)
            m = _PROPERTY.match(line)
            dropping = bool(m) and m.group(1).upper() in _DROPPED
            if dropping:
                continue
            head, colon, value = line.partition(":")
            is_list = bool(m) and m.group(1).upper() in _LISTS
            current.append(line if is_list or not colon else head + colon + _escape(value))
            prop_line, prop_len = n, len(line)
            qp_open = "QUOTED-PRINTABLE" in head.upper() and line.endswith("=")
        if prop_len > limits.max_field_chars:
            raise UnsupportedFile(field_too_long(prop_line, limits))
    if current is not None:
        raise _truncated(start)
    return cards


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


def _person(card: Any, line: int, region: str, result: ParseResult) -> None:
    first = last = full = company = title = notes = location = linkedin_url = ""
    emails: list[str] = []
    phones: list[str] = []
    tags: list[str] = []
    for prop in card.getChildren():
        name = prop.name.upper()
        value = prop.value
        if name == "N" and not (first or last):
            first, last = clean_line(_text(value.given)), clean_line(_text(value.family))
        elif name == "FN":
            full = full or _text(value)
        elif name == "EMAIL":
            emails.append(_text(value))
        elif name == "TEL":
            phones.append(_text(value))
        elif name == "ORG" and not company:
            # ORG is "Name;Department"; Apple adds an empty department with a trailing ';'.
            parts = value if isinstance(value, list) else [value]
            company = next((clean_line(p) for p in parts if p and p.strip()), "")
        elif name == "TITLE":
            title = title or clean_line(_text(value))
        elif name == "NOTE":
            notes = notes or clean_text(_text(value))
        elif name == "CATEGORIES":
            tags.extend(value if isinstance(value, list) else [_text(value)])
        elif name == "ADR" and not location:
            parts = (_text(value.city), _text(value.region), _text(value.country))
            location = ", ".join(clean_line(p) for p in parts if p.strip())
        elif name in ("URL", "X-SOCIALPROFILE") and not linkedin_url:
            linkedin_url = _linkedin(prop)
    # Apple's company cards have an empty N and the company as FN, and writers (Hundred's
    # among them) fill FN with the address for a nameless contact: neither is a person's name.
    full = clean_line(full)
    if not first and not last and full and full != company and "@" not in full:
        first, last = split_name(clean_line(full))
    kept, rejected = clean_emails(emails)
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
            phones=clean_phones(phones, region),
            linkedin_url=linkedin_url,
            company=company,
            title=title,
            location=location,
            notes=notes,
            tags=clean_tags(tags, GOOGLE_SYSTEM_LABELS),
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
