"""What Google's and Outlook's CSV exports share: columns found by pattern, rows into records."""

from __future__ import annotations

import re
from collections.abc import Callable

from hundred.lib.names import split_name
from hundred.transfer.formats.fields import (
    clean_emails,
    clean_line,
    clean_phones,
)
from hundred.transfer.formats.identity import normalise_linkedin_url
from hundred.transfer.formats.records import (
    Limits,
    ParseResult,
    PersonRecord,
    Skipped,
)
from hundred.transfer.formats.sniffing import wrong_kind
from hundred.transfer.formats.textfile import (
    Table,
    cell,
    decode,
    find_table,
    header_key,
)

SOURCES = frozenset(("manual", "linkedin", "google", "outlook", "vcard", "introduced", "csv"))


NO_NAME = "the row has no name and no e-mail"


def indexes(table: Table, pattern: str) -> list[int]:
    rx = re.compile(pattern)
    return [i for i, h in enumerate(table.headers) if rx.fullmatch(header_key(h))]


def first_of(col: dict[str, int], *names: str) -> int | None:
    return next((col[n] for n in names if n in col), None)


def location_from(row: list[str], *groups: tuple[int | None, ...]) -> str:
    # The first group (e.g. business address) with any part filled wins, as "City, Region, Country".
    for group in groups:
        parts = [clean_line(cell(row, i)) for i in group]
        if any(parts):
            return ", ".join(p for p in parts if p)
    return ""


def linkedin_from(values: list[str]) -> str:
    for value in values:
        if url := normalise_linkedin_url(value):
            return url
    return ""


class RowSink:
    """Collects people and the reasons for what was left out, for one file."""

    def __init__(self, result: ParseResult, region: str, *, verbatim: bool = False) -> None:
        self.result = result
        self.region = region
        self.verbatim = verbatim  # Hundred's own export: names exactly as written

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
        if not self.verbatim:
            first, last = clean_line(first), clean_line(last)
        if not first.strip() and not last.strip() and full:
            first, last = split_name(clean_line(full))
        kept, rejected = clean_emails(emails)
        for bad in rejected:
            self.warn(line, f"'{bad}' is not an e-mail address; left out")
        if not (first.strip() or last.strip() or kept):
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


def read_table(
    data: bytes, kind: str, limits: Limits, is_header: Callable[[list[str]], bool], what: str
) -> Table:
    table = find_table(decode(data), limits, is_header)
    if table is None:
        raise wrong_kind(kind, data, what)
    return table
