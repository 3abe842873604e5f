"""Is an imported person someone already known? A matcher and a merge."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from hundred.transfer.formats.identity import (
    fold,
    fold_name,
    name_org_key,
    normalise_email,
    normalise_linkedin_url,
)
from hundred.transfer.formats.lengths import fit
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


@dataclass(slots=True)
class Keys:
    """What identifies one record, computed once: normalised e-mails and profile, name keys."""

    emails: tuple[str, ...]
    url: str
    name_org: str
    name: str


def keys_of(emails: Iterable[str], url: str, first: str, last: str, company: str) -> Keys:
    # Keyed as stored: a value longer than its column is compared cut, as the loader keeps it
    # (a person already stored whole, before imports cut, meets the file's cut value too).
    first, last = fit("first_name", first), fit("last_name", last)
    url, company = fit("linkedin_url", url), fit("company", company)
    name = fold_name(first, last)
    return Keys(
        emails=email_keys(emails),
        url=normalise_linkedin_url(url) if url else "",
        name_org=name_org_key(first, last, company, folded=name),
        name=name,
    )


def email_keys(emails: Iterable[str]) -> tuple[str, ...]:
    return tuple(k for e in emails if (k := normalise_email(e))) if emails else ()


class Matcher:
    """Finds the existing person an imported record refers to.

    The rule (docs/import-export.md): the same LinkedIn profile is the same person; else the
    same e-mail address, unless both have profiles and they differ; else the same name and
    organisation, when exactly one person has them and at least one side has no profile. Two
    records with different profiles are never the same person here, however alike the names.
    """

    def __init__(self, existing: Iterable[Existing]) -> None:
        self._by_email: dict[str, int] = {}
        self._by_url: dict[str, int] = {}
        self._url_of: dict[int, str] = {}
        # Everyone with a name key, and those of them without a profile; a person who gains
        # a profile leaves the second (the keys they wait under are in _waiting).
        self._by_key: dict[str, set[int]] = {}
        self._open: dict[str, set[int]] = {}
        self._waiting: dict[int, list[str]] = {}
        self._by_name: dict[str, set[int]] = defaultdict(set)
        # People with a profile are indexed by name only when a lookup by name needs it
        # (_named): a file whose every row has a known profile never does.
        self._unnamed: list[Existing] = []
        for person in existing:
            url = fit("linkedin_url", person.linkedin_url)
            url = normalise_linkedin_url(url) if url else ""
            if url:
                self._add_ids(person.id, Keys(email_keys(person.emails), url, "", ""))
                self._unnamed.append(person)
            else:
                self.add_keys(
                    person.id,
                    keys_of(
                        person.emails,
                        person.linkedin_url,
                        person.first_name,
                        person.last_name,
                        person.company,
                    ),
                )

    def _named(self) -> None:
        """Index by name the people with a profile that __init__ left out (sets: the order
        they join in does not matter, and with a profile they never wait in _open)."""
        for person in self._unnamed:
            first, last = fit("first_name", person.first_name), fit("last_name", person.last_name)
            name = fold_name(first, last)
            name_org = name_org_key(first, last, fit("company", person.company), folded=name)
            if name_org:
                self._by_key.setdefault(name_org, set()).add(person.id)
            if name:
                self._by_name[name].add(person.id)
        self._unnamed = []

    def add_keys(self, id: int, keys: Keys) -> None:
        """Index a person (existing, just created, or just merged into) under keys."""
        self._add_ids(id, keys)
        if keys.name_org:
            self._by_key.setdefault(keys.name_org, set()).add(id)
            if not self._url_of.get(id):
                self._open.setdefault(keys.name_org, set()).add(id)
                self._waiting.setdefault(id, []).append(keys.name_org)
        if keys.name:
            self._by_name[keys.name].add(id)

    def _add_ids(self, id: int, keys: Keys) -> None:
        # setdefault: the first person to claim an e-mail or a profile keeps it.
        for email in keys.emails:
            self._by_email.setdefault(email, id)
        if keys.url:
            self._by_url.setdefault(keys.url, id)
            if not self._url_of.get(id):
                self._url_of[id] = keys.url  # the merge fills an empty profile
                for key in self._waiting.pop(id, ()):
                    self._open[key].discard(id)

    def by_url(self, url: str) -> int | None:
        """The person with this (normalised) profile, if any."""
        return self._by_url.get(url)

    def match_keys(self, keys: Keys) -> int | None:
        """The id of the person with these keys, or None for someone new."""
        if keys.url and (id := self._by_url.get(keys.url)) is not None:
            return id
        for email in keys.emails:
            if (id := self._by_email.get(email)) is not None:
                other = self._url_of.get(id)
                if not (keys.url and other and other != keys.url):
                    return id
        if not keys.name_org:
            return None
        # With a profile, only someone without one can be them by name.
        if not keys.url and self._unnamed:
            self._named()
        found = (self._open if keys.url else self._by_key).get(keys.name_org)
        # Two people fit: either could be wrong, so neither is chosen.
        return next(iter(found)) if found and len(found) == 1 else None

    def match(self, rec: PersonRecord) -> int | None:
        """The id of the person rec refers to, or None for someone new."""
        return self.match_keys(record_keys(rec))

    def add(self, id: int, rec: PersonRecord) -> None:
        """Index a person just created or merged so later rows of the same file find them."""
        self.add_keys(id, record_keys(rec))

    def match_key(self, key: PersonKey) -> int | None:
        """The person an interaction names: by profile, else by a full name only one person has."""
        if key.linkedin_url:
            url = normalise_linkedin_url(fit("linkedin_url", key.linkedin_url))
            if (id := self._by_url.get(url)) is not None:
                return id
        if self._unnamed:
            self._named()
        ids = self._by_name.get(fold(key.name), ())
        # Two people called Sam Lee: attaching the invitation to either could be wrong.
        return next(iter(ids)) if len(ids) == 1 else None


def record_keys(rec: PersonRecord) -> Keys:
    return keys_of(rec.emails, rec.linkedin_url, rec.first_name, rec.last_name, rec.company)


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
        incoming = getattr(rec, name)
        if not incoming:
            continue  # most rows bring no phone or tag: nothing to compare
        current = list(existing.get(name) or [])
        seen = {key(v) for v in current}
        added = []
        for value in incoming:
            k = key(value)
            if k and k not in seen:
                seen.add(k)
                added.append(value)
        if added:
            changes[name] = current + added
    return changes
