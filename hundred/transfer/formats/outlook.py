"""Outlook CSV (desktop and web)."""

from __future__ import annotations

from hundred.transfer.formats.address_book import (
    RowSink,
    indexes,
    linkedin_from,
    location_from,
    read_table,
)
from hundred.transfer.formats.fields import (
    clean_line,
    clean_tags,
    clean_text,
)
from hundred.transfer.formats.records import (
    Limits,
    ParseResult,
)
from hundred.transfer.formats.sniffing import is_outlook
from hundred.transfer.formats.textfile import (
    cell,
    header_key,
)


def parse_outlook(data: bytes, *, default_region: str, limits: Limits) -> ParseResult:
    """People from an Outlook contacts CSV (outlook.com or the desktop application)."""
    table = read_table(
        data, "outlook", limits, is_outlook, "no header row with Outlook's column names was found"
    )
    col = table.index()
    emails_at = [
        col[k] for k in ("e-mail address", "e-mail 2 address", "e-mail 3 address") if k in col
    ]
    # Every "... Phone" and "... Phone 2" column except the assistant's; faxes are not phones.
    phones_at = [
        i
        for i in indexes(table, r".*phone( \d)?")
        if not header_key(table.headers[i]).startswith("assistant")
    ]
    sites_at = [col[k] for k in ("web page", "personal web page") if k in col]
    places = [
        tuple(col.get(f"{kind} {p}") for p in ("city", "state", "country/region"))
        for kind in ("business", "home", "other")
    ]
    i_first, i_last, i_company = col.get("first name"), col.get("last name"), col.get("company")
    i_title, i_notes, i_categories = col.get("job title"), col.get("notes"), col.get("categories")
    i_location = col.get("location")
    result = ParseResult(kind="outlook")
    sink = RowSink(result, default_region)
    for line, row in table.rows:
        if not any(c.strip() for c in row):
            continue
        sink.person(
            line,
            first=cell(row, i_first),
            last=cell(row, i_last),
            emails=[cell(row, i) for i in emails_at],
            phones=[cell(row, i) for i in phones_at],
            linkedin_url=linkedin_from([cell(row, i) for i in sites_at]),
            company=clean_line(cell(row, i_company)),
            title=clean_line(cell(row, i_title)),
            location=clean_line(cell(row, i_location)) or location_from(row, *places),
            notes=clean_text(cell(row, i_notes)),
            tags=clean_tags(cell(row, i_categories).split(";")),
            source="outlook",
        )
    return result
