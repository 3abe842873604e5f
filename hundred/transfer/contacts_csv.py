"""Address-book CSVs: Google Contacts, Outlook, and any other CSV with a column mapping."""

from __future__ import annotations

import re
from collections.abc import Callable

from hundred.transfer.fields import (
    clean_emails,
    clean_line,
    clean_phones,
    clean_tags,
    clean_text,
    parse_date,
    split_multi,
    split_name,
)
from hundred.transfer.matching import normalise_linkedin_url
from hundred.transfer.records import (
    DEFAULT_LIMITS,
    HUNDRED_CSV_COLUMNS,
    Limits,
    ParseResult,
    PersonRecord,
    Skipped,
    UnsupportedFile,
)
from hundred.transfer.sniffing import is_google, is_hundred, is_outlook, wrong_kind
from hundred.transfer.textfile import Table, cell, check_size, decode, find_table, header_key

# Groups Google creates by itself; they say nothing about how the user knows someone.
GOOGLE_SYSTEM_LABELS = frozenset(
    ("mycontacts", "my contacts", "starred", "starred in android", "other contacts")
)
SOURCES = frozenset(("manual", "linkedin", "google", "outlook", "vcard", "introduced", "csv"))
NO_NAME = "the row has no name and no e-mail"


def _indexes(table: Table, pattern: str) -> list[int]:
    rx = re.compile(pattern)
    return [i for i, h in enumerate(table.headers) if rx.fullmatch(header_key(h))]


def _first_of(col: dict[str, int], *names: str) -> int | None:
    return next((col[n] for n in names if n in col), None)


def _location(row: list[str], *groups: tuple[int | None, ...]) -> str:
    # The first group (e.g. business address) with any part filled wins, as "City, Region, Country".
    for group in groups:
        parts = [clean_line(cell(row, i)) for i in group]
        if any(parts):
            return ", ".join(p for p in parts if p)
    return ""


def _linkedin_from(values: list[str]) -> str:
    for value in values:
        if url := normalise_linkedin_url(value):
            return url
    return ""


class _RowSink:
    """Collects people and the reasons for what was left out, for one file."""

    def __init__(self, result: ParseResult, region: str) -> None:
        self.result = result
        self.region = region

    def person(
        self,
        line: int,
        *,
        first: str,
        last: str,
        full: str = "",
        emails: list[str],
        phones: list[str],
        **fields: object,
    ) -> None:
        first, last = clean_line(first), clean_line(last)
        if not first and not last and full:
            first, last = split_name(full)
        kept, rejected = clean_emails(emails)
        for bad in rejected:
            self.warn(line, f"'{bad}' is not an e-mail address; left out")
        if not (first or last or kept):
            self.result.skipped.append(Skipped(line, NO_NAME))
            return
        self.result.people.append(
            PersonRecord(
                line=line,
                first_name=first,
                last_name=last,
                emails=kept,
                phones=clean_phones(phones, self.region),
                **fields,  # type: ignore[arg-type]
            )
        )

    def warn(self, line: int, reason: str) -> None:
        self.result.warnings.append(Skipped(line, reason))


def _table(
    data: bytes, kind: str, limits: Limits, is_header: Callable[[list[str]], bool], what: str
) -> Table:
    table = find_table(decode(data), limits, is_header)
    if table is None:
        raise wrong_kind(kind, data, what)
    return table


def parse_google(data: bytes, *, default_region: str, limits: Limits) -> ParseResult:
    """People from a Google Contacts CSV, current or old ('Google CSV', possibly UTF-16)."""
    table = _table(
        data, "google", limits, is_google, "no header row with Google's column names was found"
    )
    col = table.index()
    i_first = _first_of(col, "first name", "given name")
    i_last = _first_of(col, "last name", "family name")
    i_full = col.get("name")
    i_company = _first_of(col, "organization name", "organization 1 - name")
    i_title = _first_of(col, "organization title", "organization 1 - title")
    i_notes, i_labels = col.get("notes"), _first_of(col, "labels", "group membership")
    i_location = col.get("location")
    emails_at = _indexes(table, r"e-mail \d+ - value")
    phones_at = _indexes(table, r"phone \d+ - value")
    sites_at = _indexes(table, r"website \d+ - value")
    address = tuple(col.get(f"address 1 - {p}") for p in ("city", "region", "country"))
    formatted = col.get("address 1 - formatted")
    result = ParseResult(kind="google")
    sink = _RowSink(result, default_region)
    for line, row in table.rows:
        if not any(c.strip() for c in row):
            continue
        location = clean_line(cell(row, i_location)) or _location(row, address)
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
            linkedin_url=_linkedin_from([s for i in sites_at for s in split_multi(cell(row, i))]),
            company=clean_line(cell(row, i_company)),
            title=clean_line(cell(row, i_title)),
            location=location,
            notes=clean_text(cell(row, i_notes)),
            tags=clean_tags(labels, GOOGLE_SYSTEM_LABELS),
            source="google",
        )
    return result


def parse_outlook(data: bytes, *, default_region: str, limits: Limits) -> ParseResult:
    """People from an Outlook contacts CSV (outlook.com or the desktop application)."""
    table = _table(
        data, "outlook", limits, is_outlook, "no header row with Outlook's column names was found"
    )
    col = table.index()
    emails_at = [
        col[k] for k in ("e-mail address", "e-mail 2 address", "e-mail 3 address") if k in col
    ]
    # Every "... Phone" and "... Phone 2" column except the assistant's; faxes are not phones.
    phones_at = [
        i
        for i in _indexes(table, r".*phone( \d)?")
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
    sink = _RowSink(result, default_region)
    for line, row in table.rows:
        if not any(c.strip() for c in row):
            continue
        sink.person(
            line,
            first=cell(row, i_first),
            last=cell(row, i_last),
            emails=[cell(row, i) for i in emails_at],
            phones=[cell(row, i) for i in phones_at],
            linkedin_url=_linkedin_from([cell(row, i) for i in sites_at]),
            company=clean_line(cell(row, i_company)),
            title=clean_line(cell(row, i_title)),
            location=clean_line(cell(row, i_location)) or _location(row, *places),
            notes=clean_text(cell(row, i_notes)),
            tags=clean_tags(cell(row, i_categories).split(";")),
            source="outlook",
        )
    return result


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
    # Undo writers.safe_cell: Hundred's export prefixes ' to values a spreadsheet would run.
    if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@", "\t", "\r", "\0", "'"):
        return value[1:]
    return value


def parse_generic_csv(
    data: bytes,
    mapping: dict[str, str],
    *,
    default_region: str = "US",
    limits: Limits | None = None,
) -> ParseResult:
    """People from any CSV, reading each Hundred field from the column mapping names."""
    limits = limits or DEFAULT_LIMITS
    check_size(data, limits)
    table = find_table(decode(data), limits)
    if table is None:
        raise wrong_kind("csv", data, "it has no header row")
    unknown = [f for f in mapping if f not in MAPPABLE_FIELDS]
    if unknown:
        raise ValueError(f"unknown fields in mapping: {', '.join(unknown)}")
    positions = {h: i for i, h in reversed(list(enumerate(table.headers)))}
    missing = [h for h in mapping.values() if h not in positions]
    if missing:
        raise UnsupportedFile(
            f"The file has no column called {missing[0]!r}: choose the columns again."
        )
    own = is_hundred([header_key(h) for h in table.headers])
    at = {f: positions[h] for f, h in mapping.items()}
    # Hundred's own export joins lists with ' ::: ' only; other files use ; , or spaces too.
    email_seps, phone_seps, tag_seps = ("", "", "") if own else (";, \n", ";\n", ";,")
    result = ParseResult(kind="csv")
    sink = _RowSink(result, default_region)
    for line, row in table.rows:
        if own:
            row = [_unescape(c) for c in row]
        if not any(c.strip() for c in row):
            continue

        def get(fieldname: str, row: list[str] = row) -> str:
            return cell(row, at.get(fieldname))

        url = get("linkedin_url").strip()
        linkedin_url = normalise_linkedin_url(url) if url else ""
        if url and not linkedin_url:
            sink.warn(line, f"'{url}' is not a LinkedIn profile; left out")
        connected_on = parse_date(get("connected_on"))
        if get("connected_on").strip() and connected_on is None:
            sink.warn(
                line, f"'{get('connected_on').strip()}' is not a date (use 2026-02-08); left out"
            )
        closeness = None
        if raw := get("closeness").strip():
            if raw in ("1", "2", "3"):
                closeness = int(raw)
            else:
                sink.warn(line, f"closeness '{raw}' is not 1, 2 or 3; left out")
        source = clean_line(get("source")).lower()
        sink.person(
            line,
            first=get("first_name"),
            last=get("last_name"),
            full=get("name"),
            emails=split_multi(get("emails"), email_seps),
            phones=split_multi(get("phones"), phone_seps),
            linkedin_url=linkedin_url,
            company=clean_line(get("company")),
            title=clean_line(get("title")),
            location=clean_line(get("location")),
            notes=clean_text(get("notes")),
            tags=clean_tags(split_multi(get("tags"), tag_seps)),
            connected_on=connected_on,
            how_known=clean_line(get("how_known")),
            closeness=closeness,
            stage=clean_line(get("stage")),
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


__all__ = [
    "HUNDRED_CSV_COLUMNS",
    "MAPPABLE_FIELDS",
    "csv_headers",
    "parse_csv",
    "parse_generic_csv",
    "parse_google",
    "parse_outlook",
    "suggest_mapping",
]
