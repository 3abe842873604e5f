"""LinkedIn's data export: Connections.csv, or the whole zip with invitations and jobs."""

from __future__ import annotations

import re
from collections.abc import Callable
from operator import itemgetter

from hundred.transfer.formats.fields import (
    clean_emails,
    clean_line,
    clean_text,
    parse_date,
    parse_datetime,
)
from hundred.transfer.formats.identity import (
    company_key,
    is_not_a_company,
    normalise_linkedin_url,
)
from hundred.transfer.formats.records import (
    Budget,
    CompanyRecord,
    InteractionRecord,
    Limits,
    ParseResult,
    PersonKey,
    PersonRecord,
    Skipped,
    UnsupportedFile,
)
from hundred.transfer.formats.sniffing import is_connections, wrong_kind
from hundred.transfer.formats.textfile import cell, decode, find_table
from hundred.transfer.formats.ziparchive import is_zip, iter_zip_members, zip_names

_MEMBERS = (
    ("connections", re.compile(r"connections\.csv")),
    ("invitations", re.compile(r"invitations\.csv")),
    ("saved_jobs", re.compile(r"saved jobs(_\d+)?\.csv")),
    ("job_applications", re.compile(r"job applications(_\d+)?\.csv")),
)


# Everyone in Connections.csv is, at least, a LinkedIn connection (HowKnown.LINKEDIN).
HOW_KNOWN = "linkedin"


def parse_linkedin(data: bytes, *, default_region: str, limits: Limits) -> ParseResult:
    """People from Connections.csv, or people, invitations and companies from the export zip."""
    result = ParseResult(kind="linkedin")
    if is_zip(data):
        _parse_zip(data, result, limits)
    else:
        _parse_connections(data, result, limits, file="")
    return result


def _parse_connections(
    data: bytes, result: ParseResult, limits: Limits, *, file: str, budget: Budget | None = None
) -> None:
    table = find_table(decode(data), limits, is_connections, budget)
    if table is None:
        raise wrong_kind(
            "linkedin", data, "no header row with First Name, Last Name and Connected On was found"
        )
    col = table.index()
    names = ("first name", "last name", "url", "email address", "company", "position")
    pick = _picker([col.get(name) for name in (*names, "connected on")])
    people, skipped, warnings = result.people, result.skipped, result.warnings
    cleaned = _Cleaned()
    for line, row in table.rows:
        first, last, url, email, company, title, connected = pick(row)
        first, last = cleaned[first], cleaned[last]
        email, url = email.strip(), url.strip()
        company, title = cleaned[company], cleaned[title]
        if not (first or last or email):
            if reason := _nameless(row, url or company or title):
                skipped.append(Skipped(line, reason, file))
            continue
        emails: list[str] = []
        if email:
            emails, rejected = clean_emails((email,))
            for bad in rejected:
                warnings.append(Skipped(line, f"'{bad}' is not an e-mail address; left out", file))
        linkedin_url = normalise_linkedin_url(url) if url else ""
        if url and not linkedin_url:
            warnings.append(Skipped(line, f"'{url}' is not a LinkedIn profile; left out", file))
        if company and is_not_a_company(company):
            # "Self-employed" says how they work, not where: it stays with the title.
            title = f"{title} ({company})" if title else company
            company = ""
        connected_on = parse_date(connected, us_slashes=True)
        if connected_on is None and connected.strip():
            warnings.append(Skipped(line, f"'{connected.strip()}' is not a date; left out", file))
        people.append(
            PersonRecord(
                line=line,
                first_name=first,
                last_name=last,
                emails=emails,
                linkedin_url=linkedin_url,
                company=company,
                title=title,
                connected_on=connected_on,
                source="linkedin",
                how_known=HOW_KNOWN,
            )
        )


def _picker(columns: list[int | None]) -> Callable[[list[str]], tuple[str, ...]]:
    """The cells at these positions ('' for a column the file lacks): in one C call
    (itemgetter) when every column is there and the row is long enough."""
    if None in columns:
        return lambda row: tuple(cell(row, i) for i in columns)
    pick, width = itemgetter(*columns), max(columns) + 1  # type: ignore[type-var]
    return lambda row: pick(row) if len(row) >= width else tuple(cell(row, i) for i in columns)


def _nameless(row: list[str], other: str) -> str:
    """Why a row without a name or e-mail is skipped ('' for a blank row, left out quietly)."""
    if other:
        return "the row has no name and no e-mail"
    if any(c.strip() for c in row):
        return "hidden or closed LinkedIn profile: the row has only a connection date"
    return ""


class _Cleaned(dict[str, str]):
    """clean_line of each cell, remembered: names, companies and titles come back row after
    row, and each is cleaned (and held in memory) once."""

    def __missing__(self, raw: str) -> str:
        value = self[raw] = clean_line(raw)
        return value


def _parse_zip(data: bytes, result: ParseResult, limits: Limits) -> None:
    # One budget of rows and time for every file in the zip: 999 Invitations.csv of 1,500
    # rows each are 1.5 million rows, however small each file is.
    budget = Budget(limits)
    seen: set[str] = set()
    companies: dict[str, CompanyRecord] = {}
    for name, content in iter_zip_members(data, limits, _rank):
        role = _role(name) or ""
        if role == "connections" and role in seen:
            continue  # the first Connections.csv is the export's
        seen.add(role)
        if role == "connections":
            _parse_connections(content, result, limits, file=name, budget=budget)
        elif role == "invitations":
            _parse_invitations(content, result, limits, file=name, budget=budget)
        else:
            date_column, verb = _JOBS[role]
            _parse_jobs(content, result, budget, name, date_column, verb, companies)
        budget.check_time()
    if not seen:
        raise UnsupportedFile(_no_linkedin_files(data))
    result.companies.extend(companies.values())


_JOBS = {
    "saved_jobs": ("saved date", "Saved job"),
    "job_applications": ("application date", "Applied"),
}


def _rank(name: str) -> int | None:
    role = _role(name)
    return None if role is None else [r for r, _ in _MEMBERS].index(role)


def _role(name: str) -> str | None:
    base = name.rsplit("/", 1)[-1].lower()
    for role, pattern in _MEMBERS:
        if pattern.fullmatch(base):
            return role
    return None


def _no_linkedin_files(data: bytes) -> str:
    names = zip_names(data)
    if "[Content_Types].xml" in names:
        return (
            "This is an Excel workbook, not a CSV: open it in Excel, save it as "
            "“CSV UTF-8”, and import that file."
        )
    return (
        "This zip has no Connections.csv, Invitations.csv or Jobs files: choose the LinkedIn "
        "data export zip (Basic_LinkedInDataExport_….zip) or the Connections.csv inside it."
    )


def _is_invitations(keys: list[str]) -> bool:
    return {"from", "to", "sent at", "direction"} <= set(keys)


def _parse_invitations(
    data: bytes, result: ParseResult, limits: Limits, *, file: str, budget: Budget
) -> None:
    table = find_table(decode(data), limits, _is_invitations, budget)
    if table is None:
        result.skipped.append(
            Skipped(1, "no header row with From, To, Sent At and Direction; file left out", file)
        )
        return
    col = table.index()
    i_from, i_to, i_at, i_dir = col.get("from"), col.get("to"), col.get("sent at"), col["direction"]
    i_msg = col.get("message")
    i_inviter, i_invitee = col.get("inviterprofileurl"), col.get("inviteeprofileurl")
    for line, row in table.rows:
        if not any(c.strip() for c in row):
            continue
        direction = cell(row, i_dir).strip().upper()
        if direction not in ("OUTGOING", "INCOMING"):
            reason = f"direction '{cell(row, i_dir).strip()}' is neither OUTGOING nor INCOMING"
            result.skipped.append(Skipped(line, reason, file))
            continue
        occurred_at = parse_datetime(cell(row, i_at))
        if occurred_at is None:
            reason = f"'Sent At' date '{cell(row, i_at).strip()}' cannot be read"
            result.skipped.append(Skipped(line, reason, file))
            continue
        is_out = direction == "OUTGOING"
        name = clean_line(cell(row, i_to if is_out else i_from))
        url = normalise_linkedin_url(cell(row, i_invitee if is_out else i_inviter))
        if not name and not url:
            result.skipped.append(Skipped(line, "the invitation names nobody", file))
            continue
        summary = "Sent a LinkedIn invitation" if is_out else "Received a LinkedIn invitation"
        if message := clean_text(cell(row, i_msg)):
            summary = f"{summary}: {message}"
        result.interactions.append(
            InteractionRecord(
                line=line,
                person_key=PersonKey(name=name, linkedin_url=url),
                occurred_at=occurred_at,
                direction="out" if is_out else "in",
                channel="linkedin",
                summary=summary,
                file=file,
            )
        )


def _parse_jobs(
    data: bytes,
    result: ParseResult,
    budget: Budget,
    file: str,
    date_column: str,
    verb: str,
    companies: dict[str, CompanyRecord],
) -> None:
    table = find_table(decode(data), budget.limits, lambda keys: "company name" in keys, budget)
    if table is None:
        result.skipped.append(Skipped(1, "no header row with Company Name; file left out", file))
        return
    col = table.index()
    i_company, i_title, i_date = col["company name"], col.get("job title"), col.get(date_column)
    for line, row in table.rows:
        if not any(c.strip() for c in row):
            continue
        name = clean_line(cell(row, i_company))
        if not name:
            result.skipped.append(Skipped(line, "the job has no company name", file))
            continue
        title = clean_line(cell(row, i_title))
        day = parse_date(cell(row, i_date), us_slashes=True)
        note = f"{verb}: {title}" if title else verb
        if day:
            note = f"{note} ({day.isoformat()})"
        # One record per company, however many of its jobs were saved or applied for.
        key = company_key(name)
        if key in companies:
            companies[key].note += "\n" + note
        else:
            companies[key] = CompanyRecord(line=line, name=name, note=note, file=file)
