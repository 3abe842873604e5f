"""What the parsers hand to the loader: plain records, the limits they enforce, their one error."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

KINDS = ("linkedin", "google", "outlook", "vcard", "csv")


class UnsupportedFile(Exception):
    """A file Hundred cannot read; str(e) is one sentence telling the user what to do."""


@dataclass(frozen=True)
class Limits:
    """Caps that keep one upload from exhausting the server; each refusal names its cap."""

    max_file_bytes: int = 20 * 1024 * 1024
    max_rows: int = 50_000  # CSV data rows, or cards in a vCard file
    max_field_chars: int = 10_000
    max_zip_members: int = 1_000
    max_unzipped_bytes: int = 100 * 1024 * 1024
    max_zip_ratio: int = 100  # uncompressed / compressed, for members over 1 MiB
    max_parse_seconds: float = 30.0  # reading one upload, every member of a zip together


DEFAULT_LIMITS = Limits()

# How often (in rows) the clock is read; reading it every row would cost more than the check.
CLOCK_EVERY = 512


@dataclass
class Budget:
    """What one upload has used of its limits, shared by every file inside a zip."""

    limits: Limits
    rows: int = 0
    # Looked up at each call, not bound once: a frozen clock in tests replaces time.monotonic.
    started: float = field(default_factory=lambda: time.monotonic())

    def count_row(self, what: str = "rows") -> None:
        """One more row (or card); refuses the upload past max_rows or max_parse_seconds."""
        self.rows += 1
        if self.rows > self.limits.max_rows:
            raise UnsupportedFile(
                f"The file has more than {self.limits.max_rows:,} {what}, the most Hundred "
                "reads at once: split it into smaller files and import each."
            )
        if self.rows % CLOCK_EVERY == 0:
            self.check_time()

    def check_time(self) -> None:
        if time.monotonic() - self.started > self.limits.max_parse_seconds:
            raise UnsupportedFile(
                f"Reading the file took more than the {self.limits.max_parse_seconds:g} seconds "
                "Hundred gives one upload: split it into smaller files and import each."
            )


@dataclass(slots=True)
class PersonRecord:
    """One person as a file describes them, cleaned but not yet matched."""

    line: int
    first_name: str = ""
    last_name: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    linkedin_url: str = ""
    company: str = ""
    title: str = ""
    location: str = ""
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    connected_on: date | None = None
    source: str = ""
    # Hundred's own CSV export carries these; LinkedIn sets how_known; others leave them empty.
    how_known: str = ""
    closeness: int | None = None
    stage: str = ""


@dataclass(slots=True)
class CompanyRecord:
    """A company of interest, e.g. from LinkedIn's saved jobs and job applications."""

    line: int
    name: str
    note: str = ""
    file: str = ""  # the member of a LinkedIn export zip it came from


@dataclass(slots=True)
class PersonKey:
    """How an interaction names the other person: LinkedIn gives a full name and a profile."""

    name: str
    linkedin_url: str = ""


@dataclass(slots=True)
class InteractionRecord:
    """A touch with a person, e.g. a LinkedIn invitation sent or received."""

    line: int
    person_key: PersonKey
    occurred_at: datetime  # timezone-aware, UTC
    direction: str  # 'out' | 'in'
    channel: str = "linkedin"
    summary: str = ""
    file: str = ""


@dataclass(slots=True)
class Skipped:
    """A row left out, or (in ParseResult.warnings) a value left out of a row that was kept."""

    line: int
    reason: str
    file: str = ""  # set when the row came from a member of a zip


@dataclass
class ParseResult:
    """Everything one file yielded; nothing is written anywhere yet."""

    kind: str
    people: list[PersonRecord] = field(default_factory=list)
    companies: list[CompanyRecord] = field(default_factory=list)
    interactions: list[InteractionRecord] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[Skipped] = field(default_factory=list)
    # LinkedIn's messages, profile and positions (formats/linkedin_history.History), or None.
    history: Any = None


# Hundred's own CSV export, in this order; its importer recognises this header and maps it
# without asking.
HUNDRED_CSV_COLUMNS = (
    "first_name",
    "last_name",
    "emails",
    "phones",
    "linkedin_url",
    "company",
    "title",
    "location",
    "how_known",
    "closeness",
    "stage",
    "tags",
    "notes",
    "connected_on",
    "source",
)
