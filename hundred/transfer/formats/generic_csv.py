"""Any other CSV, Hundred's own included: columns mapped by the user or guessed from the header."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from hundred.transfer.formats.address_book import SOURCES, RowSink
from hundred.transfer.formats.fields import (
    clean_line,
    clean_tags,
    clean_text,
    parse_date,
    split_multi,
)
from hundred.transfer.formats.identity import normalise_linkedin_url
from hundred.transfer.formats.records import (
    DEFAULT_LIMITS,
    Limits,
    ParseResult,
    UnsupportedFile,
)
from hundred.transfer.formats.sniffing import is_hundred, wrong_kind
from hundred.transfer.formats.textfile import (
    Table,
    cell,
    check_size,
    decode,
    find_table,
    header_key,
)

# Hundred's field names, and the header spellings (after header_key, punctuation removed)
# that suggest_mapping recognises for each; 'name' is a full name split when the file has no
# separate first and last name.
MAPPABLE_FIELDS: dict[str, tuple[str, ...]] = {
    "first_name": ("firstname", "givenname", "first", "forename"),
    "last_name": ("lastname", "familyname", "surname", "last"),
    "name": ("name", "fullname", "displayname", "contactname", "contact"),
    "emails": ("emails", "email", "emailaddress", "emailaddresses", "mail"),
    "phones": (
        "phones",
        "phone",
        "phonenumber",
        "mobile",
        "mobilephone",
        "telephone",
        "tel",
        "cell",
    ),
    "linkedin_url": ("linkedinurl", "linkedin", "linkedinprofile", "profileurl", "url"),
    "company": ("company", "companyname", "organization", "organisation", "employer", "org"),
    "title": ("title", "jobtitle", "position", "role"),
    "location": ("location", "city", "place"),
    "notes": ("notes", "note", "comments", "comment"),
    "tags": ("tags", "tag", "labels", "categories", "groups"),
    "connected_on": ("connectedon", "connected", "dateconnected"),
    "how_known": ("howknown", "howiknowthem", "relationship"),
    "closeness": ("closeness",),
    "stage": ("stage", "status"),
    "source": ("source",),
}


_PUNCT = re.compile(r"[\W_]+")


def csv_headers(data: bytes, *, limits: Limits | None = None) -> list[str]:
    """The header row of any CSV, as written, for the web's column-mapping step."""
    limits = limits or DEFAULT_LIMITS
    check_size(data, limits)
    table = find_table(decode(data), limits)
    if table is None:
        raise UnsupportedFile(
            "Hundred cannot find a header row in this file: make its first line name the columns "
            "(for example First Name, Last Name, Email) and save it as CSV."
        )
    return table.headers


def suggest_mapping(headers: list[str]) -> dict[str, str]:
    """A first guess at {field: header}, from the headers' names alone."""
    by_key: dict[str, str] = {}
    for h in headers:
        by_key.setdefault(_PUNCT.sub("", header_key(h)), h)
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for fieldname, aliases in MAPPABLE_FIELDS.items():
        for alias in (_PUNCT.sub("", fieldname), *aliases):
            header = by_key.get(alias)
            if header is not None and header not in used:
                mapping[fieldname] = header
                used.add(header)
                break
    return mapping


def _unescape(value: str) -> str:
    # Undo writers.safe_cell exactly: Hundred's export prefixes ' to values a spreadsheet would
    # run and to every value that starts with ' itself, so in its own file a leading ' is always
    # the guard (a value "'x" was written "''x").
    if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@", "\t", "\r", "\0", "'"):
        return value[1:]
    return value


def _own_limits(limits: Limits) -> Limits:
    # Hundred's own export holds whatever its notes hold: only the file-size cap bounds a cell.
    return replace(limits, max_field_chars=max(limits.max_field_chars, limits.max_file_bytes))


def _columns(data: bytes, mapping: dict[str, str], limits: Limits) -> tuple[Table, dict, bool]:
    """The table, where each mapped field is, and whether it is Hundred's own export."""
    check_size(data, limits)
    text = decode(data)
    table = find_table(text, limits)
    if table is None:
        raise wrong_kind("csv", data, "it has no header row")
    own = is_hundred([header_key(h) for h in table.headers])
    if own:
        table = find_table(text, _own_limits(limits)) or table
    unknown = [f for f in mapping if f not in MAPPABLE_FIELDS]
    if unknown:
        raise ValueError(f"unknown fields in mapping: {', '.join(unknown)}")
    positions = {h: i for i, h in reversed(list(enumerate(table.headers)))}
    missing = [h for h in mapping.values() if h not in positions]
    if missing:
        raise UnsupportedFile(
            f"The file has no column called {missing[0]!r}: choose the columns again."
        )
    return table, {f: positions[h] for f, h in mapping.items()}, own


def _linkedin(raw: str, sink: RowSink, line: int) -> str:
    url = raw.strip()
    linkedin_url = normalise_linkedin_url(url) if url else ""
    if url and not linkedin_url:
        sink.warn(line, f"'{url}' is not a LinkedIn profile; left out")
    return linkedin_url


def _connected_on(raw: str, sink: RowSink, line: int):
    connected_on = parse_date(raw)
    if raw.strip() and connected_on is None:
        sink.warn(line, f"'{raw.strip()}' is not a date (use 2026-02-08); left out")
    return connected_on


def _closeness(raw: str, sink: RowSink, line: int) -> int | None:
    raw = raw.strip()
    if not raw:
        return None
    if raw in ("1", "2", "3"):
        return int(raw)
    sink.warn(line, f"closeness '{raw}' is not 1, 2 or 3; left out")
    return None


def parse_generic_csv(
    data: bytes,
    mapping: dict[str, str],
    *,
    default_region: str = "US",
    limits: Limits | None = None,
) -> ParseResult:
    """People from any CSV, reading each Hundred field from the column mapping names."""
    table, at, own = _columns(data, mapping, limits or DEFAULT_LIMITS)
    # Hundred's own export joins lists with ' ::: ' only; other files use ; , or spaces too.
    email_seps, phone_seps, tag_seps = ("", "", "") if own else (";, \n", ";\n", ";,")
    # Hundred's own values go back as they were written: trimming would make "\t=1" and "=1"
    # one name. Every other file is tidied.
    line_of: Callable[[str], str] = str if own else clean_line
    text_of: Callable[[str], str] = str if own else clean_text
    result = ParseResult(kind="csv")
    sink = RowSink(result, default_region, verbatim=own)
    for line, row in table.rows:
        if own:
            row = [_unescape(c) for c in row]
        if not any(c.strip() for c in row):
            continue

        def get(fieldname: str, row: list[str] = row) -> str:
            return cell(row, at.get(fieldname))

        source = clean_line(get("source")).lower()
        sink.person(
            line,
            first=get("first_name"),
            last=get("last_name"),
            full=get("name"),
            emails=split_multi(get("emails"), email_seps),
            phones=split_multi(get("phones"), phone_seps),
            linkedin_url=_linkedin(get("linkedin_url"), sink, line),
            company=line_of(get("company")),
            title=line_of(get("title")),
            location=line_of(get("location")),
            notes=text_of(get("notes")),
            tags=clean_tags(split_multi(get("tags"), tag_seps)),
            connected_on=_connected_on(get("connected_on"), sink, line),
            how_known=line_of(get("how_known")).lower(),
            closeness=_closeness(get("closeness"), sink, line),
            stage=line_of(get("stage")).lower(),  # "Met" is met: planning warns of others
            source=source if source in SOURCES else "csv",
        )
    return result


def parse_csv(
    data: bytes, *, default_region: str, limits: Limits, mapping: dict[str, str] | None = None
) -> ParseResult:
    """Any CSV: with the mapping given, or one guessed from its header (Hundred's own is exact)."""
    if mapping is None:
        headers = csv_headers(data, limits=limits)
        mapping = suggest_mapping(headers)
        shown = ", ".join(headers[:6]) + (", …" if len(headers) > 6 else "")
        if not {"first_name", "last_name", "name", "emails"} & mapping.keys():
            raise wrong_kind(
                "csv",
                data,
                f"none of its columns ({shown}) holds a name or an e-mail address",
            )
    return parse_generic_csv(data, mapping, default_region=default_region, limits=limits)
