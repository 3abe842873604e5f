"""Google Contacts CSV."""

from __future__ import annotations

from hundred.transfer.formats.address_book import (
    RowSink,
    first_of,
    indexes,
    linkedin_from,
    location_from,
    read_table,
)
from hundred.transfer.formats.fields import (
    clean_line,
    clean_tags,
    clean_text,
    split_multi,
)
from hundred.transfer.formats.records import (
    Limits,
    ParseResult,
)
from hundred.transfer.formats.sniffing import is_google
from hundred.transfer.formats.textfile import (
    cell,
)

# Groups Google creates by itself; they say nothing about how the user knows someone.
GOOGLE_SYSTEM_LABELS = frozenset(
    ("mycontacts", "my contacts", "starred", "starred in android", "other contacts")
)


def parse_google(data: bytes, *, default_region: str, limits: Limits) -> ParseResult:
    """People from a Google Contacts CSV, current or old ('Google CSV', possibly UTF-16)."""
    table = read_table(
        data, "google", limits, is_google, "no header row with Google's column names was found"
    )
    col = table.index()
    i_first = first_of(col, "first name", "given name")
    i_last = first_of(col, "last name", "family name")
    i_full = col.get("name")
    i_company = first_of(col, "organization name", "organization 1 - name")
    i_title = first_of(col, "organization title", "organization 1 - title")
    i_notes, i_labels = col.get("notes"), first_of(col, "labels", "group membership")
    i_location = col.get("location")
    emails_at = indexes(table, r"e-mail \d+ - value")
    phones_at = indexes(table, r"phone \d+ - value")
    sites_at = indexes(table, r"website \d+ - value")
    address = tuple(col.get(f"address 1 - {p}") for p in ("city", "region", "country"))
    formatted = col.get("address 1 - formatted")
    result = ParseResult(kind="google")
    sink = RowSink(result, default_region)
    for line, row in table.rows:
        if not any(c.strip() for c in row):
            continue
        location = clean_line(cell(row, i_location)) or location_from(row, address)
        if not location and formatted is not None:
            lines = cell(row, formatted).splitlines()
            location = ", ".join(clean_line(p) for p in lines if p.strip())
        labels = [label.removeprefix("* ") for label in split_multi(cell(row, i_labels))]
        sink.person(
            line,
            first=cell(row, i_first),
            last=cell(row, i_last),
            full=cell(row, i_full),
            emails=[e for i in emails_at for e in split_multi(cell(row, i))],
            phones=[p for i in phones_at for p in split_multi(cell(row, i))],
            linkedin_url=linkedin_from([s for i in sites_at for s in split_multi(cell(row, i))]),
            company=clean_line(cell(row, i_company)),
            title=clean_line(cell(row, i_title)),
            location=location,
            notes=clean_text(cell(row, i_notes)),
            tags=clean_tags(labels, GOOGLE_SYSTEM_LABELS),
            source="google",
        )
    return result
