"""The demo's companies and people: the cast from data.json, then the generated rest of the list."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from random import Random

from hundred.network.demo.builder import Builder
from hundred.network.demo.data import (
    CAST,
    COLLEAGUE_MOVES,
    COMMUNITY_TAGS,
    COMPANIES,
    EMAIL_DOMAINS,
    FAR_TOWNS,
    FILLER_KINDS,
    FINANCE_EMPLOYERS,
    FINANCE_TITLES,
    FIRST_NAMES,
    FORMER_EMPLOYERS,
    HOME_TOWN,
    HOSPITAL_TITLES,
    LAST_NAMES,
    MEETINGS,
    NOTES,
    OFFICE_TITLES,
    SERVICE_PEOPLE,
    TOWNS,
    WORK,
)
from hundred.network.models import Company, HowKnown, Person, Source, Stage


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in ascii_text.lower() if c.isalnum())


def make_companies(b: Builder) -> None:
    """The companies of data.json: the eight targets, then the rest of the seeker's world."""
    created_at = b.at(b.start - timedelta(days=4), "20:00")
    for co in COMPANIES:
        b.companies[co.name] = Company(
            owner=b.owner,
            name=co.name,
            website=f"https://{co.website}" if co.website else "",
            industry=co.industry,
            kind=co.kind,
            location=co.location,
            notes=co.notes,
            is_target=co.priority is not None,
            priority=co.priority or 2,
            research_status=co.research or "not_started",
            created_at=created_at,
        )


def _make_person(
    b: Builder,
    first: str,
    last: str,
    how_known: str,
    closeness: int,
    company: str | None,
    title: str,
    location: str,
    source: str,
    tags: tuple[str, ...] = (),
    notes: str = "",
    created_at: datetime | None = None,
) -> Person:
    """One person on the list, with invented e-mail, phone and LinkedIn details."""
    rng = b.rng
    b.names.add((first, last))
    first_slug, last_slug = _slug(first), _slug(last)
    emails = [f"{first_slug}.{last_slug}@{rng.choice(EMAIL_DOMAINS)}"]
    if rng.random() < 0.25:
        emails.append(f"{first_slug[0]}{last_slug}@{rng.choice(EMAIL_DOMAINS)}")
    phones = [b.phones.pop()] if rng.random() < 0.65 else []
    linkedin = ""
    if source == Source.LINKEDIN or rng.random() < 0.3:
        linkedin = f"https://www.linkedin.com/in/{first_slug}-{last_slug}-{rng.randint(100, 999)}"
    connected_on = None
    if source == Source.LINKEDIN:
        connected_on = b.today - timedelta(days=rng.randint(150, 4500))
    created_at = created_at or b.listing_time()
    person = Person(
        owner=b.owner,
        first_name=first,
        last_name=last,
        emails=emails,
        phones=phones,
        linkedin_url=linkedin,
        company=b.companies[company] if company else None,
        title=title,
        location=location,
        how_known=how_known,
        closeness=closeness,
        notes=notes,
        source=source,
        stage=Stage.LISTED,
        stage_changed_at=created_at,
        connected_on=connected_on,
        created_at=created_at,
    )
    b.people.append(person)
    b.person_tags.extend((person, tag) for tag in tags)
    return person


def make_cast(b: Builder) -> None:
    """The cast of data.json; a name given at a meeting is listed that evening."""
    for who in CAST:
        created_at = None
        if who.introduced_by:
            meet = next(m for m in MEETINGS if m.key == who.introduced_by)
            created_at = b.at(b.day(meet.day), "19:30")  # typed in at the debrief
        b.cast[who.key] = _make_person(
            b,
            who.first,
            who.last,
            who.how_known,
            who.closeness,
            who.company,
            who.title,
            who.location,
            who.source,
            who.tags,
            who.notes,
            created_at,
        )


@dataclass
class _Draft:
    """A generated person as first drawn, before their kind of acquaintance adjusts them."""

    company: str | None
    title: str
    location: str
    source: str
    closeness: int
    notes: str
    tags: list[str] = field(default_factory=list)


def make_filler(b: Builder) -> None:
    """The generated part of the list, kind by kind: names and details from the pools."""
    services = iter(SERVICE_PEOPLE)
    for kind, count in FILLER_KINDS:
        for _ in range(count):
            first, last = _new_name(b)
            draft = _draft(b.rng, kind)
            if kind == HowKnown.SERVICE:
                _as_service(draft, next(services))
            else:
                _AS_KIND[kind](b.rng, draft)
            person = _make_person(
                b,
                first,
                last,
                kind,
                draft.closeness,
                draft.company,
                draft.title,
                draft.location,
                draft.source,
                tuple(draft.tags),
                draft.notes,
                _late_listing(b),
            )
            b.filler.append(person)


def _draft(rng: Random, kind: str) -> _Draft:
    """Anyone's details: work from WORK, a town nearby, a source, a closeness, maybe a note."""
    company = rng.choice(list(WORK)) if rng.random() < 0.75 else None
    title = rng.choice(WORK[company])
    location = rng.choice(TOWNS)
    source = rng.choice((Source.GOOGLE, Source.MANUAL))
    closeness = rng.choice((1, 2, 2, 3))
    notes = rng.choice(NOTES[kind]) if kind in NOTES and rng.random() < 0.25 else ""
    return _Draft(company, title, location, source, closeness, notes)


def _as_colleague(rng: Random, p: _Draft) -> None:
    """Mostly from the two former employers; a quarter have moved on to finance elsewhere."""
    roll = rng.random()
    if roll < 0.55:
        p.company = FORMER_EMPLOYERS[0]
        p.title = rng.choice(FINANCE_TITLES + HOSPITAL_TITLES)
        p.tags.append("Harborview")
        if p.title in FINANCE_TITLES:
            p.tags.append("former team")
    elif roll < 0.75:
        p.company = FORMER_EMPLOYERS[1]
        p.title = rng.choice(FINANCE_TITLES + OFFICE_TITLES)
        p.tags.append("Bayside")
    else:
        p.company = rng.choice(COLLEAGUE_MOVES)
        p.title = rng.choice(FINANCE_TITLES + OFFICE_TITLES)
    p.source = Source.LINKEDIN if rng.random() < 0.8 else Source.MANUAL
    p.closeness = rng.choice((1, 2, 2, 2, 3, 3))


def _as_friend(rng: Random, p: _Draft) -> None:
    p.source = Source.GOOGLE if rng.random() < 0.7 else Source.MANUAL
    p.closeness = rng.choice((1, 1, 2, 2, 3))
    if rng.random() < 0.3:
        p.tags.append("college friends")


def _as_classmate(rng: Random, p: _Draft) -> None:
    if p.company in FINANCE_EMPLOYERS and rng.random() < 0.6:
        p.title = rng.choice(FINANCE_TITLES)
    p.source = Source.LINKEDIN
    p.closeness = rng.choice((2, 3, 3))
    p.tags.append("alumni")
    if rng.random() < 0.6:
        p.tags.append("MBA")


def _as_neighbour(rng: Random, p: _Draft) -> None:
    p.location = HOME_TOWN
    p.closeness = 2
    if rng.random() < 0.5:
        p.tags.append("Elm Street")


def _as_family(rng: Random, p: _Draft) -> None:
    p.location = rng.choice(FAR_TOWNS + TOWNS[:3])
    p.source = Source.GOOGLE
    p.closeness = rng.choice((1, 1, 2))
    p.tags.append("family")


def _as_community(rng: Random, p: _Draft) -> None:
    p.location = rng.choice((HOME_TOWN, *TOWNS[:4]))
    p.closeness = rng.choice((2, 3))
    p.tags.append(rng.choice(COMMUNITY_TAGS))


def _as_service(p: _Draft, service: tuple[str, str | None, str]) -> None:
    """The next of the people who serve the seeker, in the order SERVICE_PEOPLE lists them."""
    p.title, p.company, p.notes = service
    p.location = HOME_TOWN
    p.source = Source.MANUAL
    p.closeness = 3


def _as_other(rng: Random, p: _Draft) -> None:
    p.source = rng.choice((Source.LINKEDIN, Source.MANUAL))
    p.company = rng.choice(COLLEAGUE_MOVES)
    p.title = rng.choice(FINANCE_TITLES)
    p.closeness = 3
    p.tags.append("meetup")


def _as_linkedin(rng: Random, p: _Draft) -> None:
    """A LinkedIn connection known no other way: imported from LinkedIn, as an import now marks."""
    p.source = Source.LINKEDIN
    p.company = rng.choice(COLLEAGUE_MOVES)
    p.title = rng.choice(FINANCE_TITLES)
    p.closeness = 3


_AS_KIND = {
    HowKnown.COLLEAGUE: _as_colleague,
    HowKnown.FRIEND: _as_friend,
    HowKnown.CLASSMATE: _as_classmate,
    HowKnown.NEIGHBOUR: _as_neighbour,
    HowKnown.FAMILY: _as_family,
    HowKnown.COMMUNITY: _as_community,
    HowKnown.LINKEDIN: _as_linkedin,
    HowKnown.OTHER: _as_other,
}


def _late_listing(b: Builder) -> datetime | None:
    """A few names come to mind only once the search is under way; None: listed before it."""
    if b.rng.random() < 0.12:
        return b.some_time(b.day(-b.rng.randint(2, 35)), 18, 21)
    return None


def _new_name(b: Builder) -> tuple[str, str]:
    """A first and last name from the pools that nobody on the list has yet."""
    while True:
        name = (b.rng.choice(FIRST_NAMES), b.rng.choice(LAST_NAMES))
        if name not in b.names:
            return name
