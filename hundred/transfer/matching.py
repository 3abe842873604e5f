"""Is an imported person someone already known? A matcher and a merge."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from hundred.transfer.formats.identity import (
    fold,
    name_org_key,
    normalise_email,
    normalise_linkedin_url,
)
from hundred.transfer.formats.records import PersonKey, PersonRecord


@dataclass
class Existing:
    """The matching-relevant part of a person already in the account."""

    id: int
    emails: list[str] = field(default_factory=list)
    linkedin_url: str = ""
    first_name: str = ""
    last_name: str = ""
    company: str = ""


class Matcher:
    """Finds the existing person an imported record refers to, by email, profile, name+org."""

    def __init__(self, existing: Iterable[Existing]) -> None:
        self._by_email: dict[str, int] = {}
        self._by_url: dict[str, int] = {}
        self._by_key: dict[str, int] = {}
        self._by_name: dict[str, set[int]] = defaultdict(set)
        for person in existing:
            self._index(
                person.id,
                person.emails,
                person.linkedin_url,
                person.first_name,
                person.last_name,
                person.company,
            )

    def _index(
        self, id: int, emails: Iterable[str], url: str, first: str, last: str, company: str
    ) -> None:
        # setdefault: the first person to claim a key keeps it, so later duplicates
        # collapse onto the earliest one.
        for email in emails:
            if key := normalise_email(email):
                self._by_email.setdefault(key, id)
        if url and (key := normalise_linkedin_url(url)):
            self._by_url.setdefault(key, id)
        if key := name_org_key(first, last, company):
            self._by_key.setdefault(key, id)
        if name := fold(f"{first} {last}"):
            self._by_name[name].add(id)

    def match(self, rec: PersonRecord) -> int | None:
        """The id of the person rec refers to, or None for someone new."""
        for email in rec.emails:
            if (id := self._by_email.get(normalise_email(email))) is not None:
                return id
        if rec.linkedin_url:
            if (id := self._by_url.get(normalise_linkedin_url(rec.linkedin_url))) is not None:
                return id
        key = name_org_key(rec.first_name, rec.last_name, rec.company)
        return self._by_key.get(key) if key else None

    def add(self, id: int, rec: PersonRecord) -> None:
        """Index a person just created or merged so later rows of the same file find them."""
        self._index(id, rec.emails, rec.linkedin_url, rec.first_name, rec.last_name, rec.company)

    def match_key(self, key: PersonKey) -> int | None:
        """The person an interaction names: by profile, else by a full name only one person has."""
        if key.linkedin_url:
            if (id := self._by_url.get(normalise_linkedin_url(key.linkedin_url))) is not None:
                return id
        ids = self._by_name.get(fold(key.name), ())
        # Two people called Sam Lee: attaching the invitation to either could be wrong.
        return next(iter(ids)) if len(ids) == 1 else None


_FILLABLE = (
    "first_name",
    "last_name",
    "linkedin_url",
    "company",
    "title",
    "location",
    "notes",
    "how_known",
    "stage",
)


_PHONE_NOISE = re.compile(r"[^\d+]")


def merge_into(existing: Mapping[str, Any], rec: PersonRecord) -> dict[str, Any]:
    """The fields to change on existing: empty ones filled, new emails/phones/tags appended."""
    changes: dict[str, Any] = {}
    for name in _FILLABLE:
        value = getattr(rec, name)
        if value and not existing.get(name):
            changes[name] = value
    for name in ("connected_on", "closeness"):
        value = getattr(rec, name)
        if value is not None and existing.get(name) is None:
            changes[name] = value
    for name, key in (
        ("emails", normalise_email),
        ("phones", lambda p: _PHONE_NOISE.sub("", p)),
        ("tags", str.casefold),
    ):
        current = list(existing.get(name) or [])
        seen = {key(v) for v in current}
        added = []
        for value in getattr(rec, name):
            k = key(value)
            if k and k not in seen:
                seen.add(k)
                added.append(value)
        if added:
            changes[name] = current + added
    return changes
