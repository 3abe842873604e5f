"""People out of Hundred: CSV that spreadsheets open safely, and vCards phones understand."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import vobject

from hundred.transfer.formats.fields import MULTI
from hundred.transfer.formats.records import HUNDRED_CSV_COLUMNS

# OWASP's formula triggers, plus the quote itself so that a value which really starts with
# a quote survives the importer's unescaping (Excel hides one leading quote, too).
_TRIGGERS = frozenset(("=", "+", "-", "@", "\t", "\r", "\0", "'"))


def safe_cell(value: object) -> str:
    """The value as spreadsheet-inert text: '=SUM(A1)' -> \"'=SUM(A1)\", '+44 20' -> \"'+44 20\"."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in _TRIGGERS else text


def _get(row: Mapping[str, Any] | object, name: str) -> Any:
    if isinstance(row, Mapping):
        return row.get(name)
    return getattr(row, name, None)


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return MULTI.join(str(v) for v in value if v)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def write_people_csv(rows: Iterable[Mapping[str, Any] | object], *, bom: bool = False) -> bytes:
    """UTF-8 CSV (CRLF) in Hundred's own columns, lists joined by ' ::: ', every cell made safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HUNDRED_CSV_COLUMNS)
    for row in rows:
        writer.writerow([safe_cell(_flat(_get(row, c))) for c in HUNDRED_CSV_COLUMNS])
    # Excel reads UTF-8 only when the file starts with a byte-order mark.
    return (codecs.BOM_UTF8 if bom else b"") + buffer.getvalue().encode("utf-8")


def write_vcards(rows: Iterable[Mapping[str, Any] | object], *, version: str = "4.0") -> str:
    """The people as concatenated vCards (4.0, or 3.0 for older phones), CRLF line ends."""
    if version not in ("3.0", "4.0"):
        raise ValueError(f"vCard version must be '3.0' or '4.0', not {version!r}")
    return "".join(_card(row, version).serialize() for row in rows)


def _card(row: Mapping[str, Any] | object, version: str) -> Any:
    def text(name: str) -> str:
        return str(_get(row, name) or "").strip()

    def items(name: str) -> list[str]:
        return [str(v).strip() for v in (_get(row, name) or []) if str(v).strip()]

    first, last, company = text("first_name"), text("last_name"), text("company")
    emails = items("emails")
    card = vobject.vCard()
    if version == "4.0":
        # vobject writes 3.0 unless told; 4.0 wants VERSION right after BEGIN, which it does.
        card.add("version").value = "4.0"
    # FN is required by both versions, so a person without a name is called by what we have.
    full = " ".join(p for p in (first, last) if p) or (emails[0] if emails else company)
    card.add("fn").value = full or "Unnamed"
    card.add("n").value = vobject.vcard.Name(family=last, given=first)
    for email in emails:
        prop = card.add("email")
        prop.value = email
        if version == "3.0":
            prop.type_param = "INTERNET"
    for phone in items("phones"):
        card.add("tel").value = phone
    if company:
        card.add("org").value = [company]  # a plain string would be written letter by letter
    if title := text("title"):
        card.add("title").value = title
    if url := text("linkedin_url"):
        card.add("url").value = url
        prop = card.add("x-socialprofile")
        prop.value = url
        prop.type_param = "linkedin"
    if location := text("location"):
        # Hundred keeps a location as one label; the locality field shows it on every phone.
        card.add("adr").value = vobject.vcard.Address(city=location)
    if notes := text("notes"):
        card.add("note").value = notes
    if tags := items("tags"):
        card.add("categories").value = tags
    return card
