"""Which of a user's people are probably one person, and why: candidate pairs with a score.

Pure: people in, pairs out. The review's table (dedupe.py) stores what this returns.

A pair is *offered* when the names are alike (rapidfuzz token-sort ratio of folded names with
common nicknames spelled out, plus 5 for the same company, at least THRESHOLD) or when the two
share a LinkedIn profile or an e-mail address. Its *score* then weighs identity: the same
profile, or a shared e-mail without two different profiles, is 100; otherwise the name score,
minus 10 for two different companies and minus 25 for two different LinkedIn profiles — so two
people with different profiles are never 100 % alike, and the reasons say what differs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Protocol
from urllib.parse import unquote

from rapidfuzz import fuzz, process

from hundred.transfer.formats.identity import (
    company_key,
    fold,
    normalise_email,
    normalise_linkedin_url,
)

THRESHOLD = 90.0
SAME_COMPANY = 5.0
OTHER_COMPANY = 10.0
OTHER_PROFILE = 25.0

# A block this large (30,000 synthetic "First123 Last123" names make one) would take minutes
# compared in full; its names are sorted and each compared with its NEIGHBOURS on either side.
FULL_BLOCK = 2_000
NEIGHBOURS = 200

# Each person is paired with at most this many of the names most like theirs (ties: the
# earliest in the block), so 150 people called Daniel Kim make ~750 pairs, not 11,175.
PARTNERS = 5

# More people than this sharing one e-mail or profile is a shared mailbox, not one person.
IDENTITY_GROUP = 20

# Common English short forms; a name is compared (and blocked) by its long form, so "Bob Lee"
# and "Robert Lee" meet. One long form each: "Sam" is read as Samuel.
NICKNAMES = {
    "alex": "alexander", "andy": "andrew", "ben": "benjamin", "beth": "elizabeth",
    "bill": "william", "billy": "william", "bob": "robert", "bobby": "robert",
    "chris": "christopher", "dan": "daniel", "danny": "daniel", "dave": "david",
    "ed": "edward", "eddie": "edward", "jim": "james", "jimmy": "james", "jen": "jennifer",
    "jenny": "jennifer", "joe": "joseph", "kate": "katherine", "katie": "katherine",
    "kathy": "katherine", "liz": "elizabeth", "maggie": "margaret", "matt": "matthew",
    "meg": "margaret", "mike": "michael", "nick": "nicholas", "pat": "patricia",
    "peggy": "margaret", "rob": "robert", "sam": "samuel", "steve": "stephen",
    "sue": "susan", "tom": "thomas", "tony": "anthony", "will": "william",
}  # fmt: skip


class Named(Protocol):
    id: int
    first_name: str
    last_name: str
    company: str
    emails: list[str]
    linkedin_url: str


@dataclass(frozen=True)
class Someone:
    """A person as the review compares them: folded keys, plus what to show."""

    id: int
    name: str  # folded, nicknames spelled out, words sorted
    block: tuple[str, str]
    company: str  # cleaned company key, or ""
    company_label: str
    emails: frozenset[str]
    profile: str  # normalised LinkedIn URL, or ""


@dataclass(slots=True)
class Pair:
    """Two people who may be one: ids a < b, the score, and (on demand) the reasons."""

    first: Someone
    second: Someone
    name_score: float
    score: float

    @property
    def a(self) -> int:
        return self.first.id

    @property
    def b(self) -> int:
        return self.second.id

    @property
    def reasons(self) -> dict[str, list[str]]:
        """What agrees and what differs, in words the review shows."""
        x, y = self.first, self.second
        agree, differ = [], []
        if x.profile and x.profile == y.profile:
            agree.append("same LinkedIn profile")
        elif x.profile and y.profile:
            differ.append(f"different LinkedIn profiles (/in/{_slug(x.profile)}, "
                          f"/in/{_slug(y.profile)})")  # fmt: skip
        if shared := sorted(x.emails & y.emails):
            agree.append(f"same e-mail ({shared[0]})")
        if self.name_score == 100:
            agree.append("same name")
        elif self.name_score:
            agree.append(f"names {self.name_score:.0f} % alike")
        if x.company and x.company == y.company:
            agree.append(f"same company ({x.company_label})")
        elif x.company and y.company:
            differ.append(f"different companies ({x.company_label}, {y.company_label})")
        return {"agree": agree, "differ": differ}


@lru_cache(maxsize=65536)
def _name(first: str, last: str) -> tuple[str, tuple[str, str]]:
    """(folded name with nicknames spelled out and words sorted, block) of a first and last name."""
    words = [NICKNAMES.get(w, w) for w in fold(f"{first} {last}").split()]
    if not words:
        return "", ("", "")
    a, b = words[0][0], words[-1][0]
    # Sorted, so "Jane Doe" and "Doe Jane" share a block.
    return " ".join(sorted(words)), ((a, b) if a <= b else (b, a))


def someone(p: Named) -> Someone:
    name, block = _name(p.first_name or "", p.last_name or "")
    return Someone(
        id=p.id,
        name=name,
        block=block,
        company=company_key(p.company) if p.company else "",
        company_label=p.company or "",
        emails=frozenset(k for e in p.emails or () if (k := normalise_email(e))),
        profile=normalise_linkedin_url(p.linkedin_url) if p.linkedin_url else "",
    )


def _rough_slug(url: str) -> str:
    """The profile's slug, cheaply and loosely: a filter before normalise_linkedin_url."""
    tail = url.lower().partition("/in/")[2]
    return unquote(tail.split("/")[0].split("?")[0].split("#")[0].strip())


def _relevant(people: list[Named], wanted: frozenset[int]) -> list[Named]:
    """The wanted people and everyone who could pair with them: their blocks, e-mails, profiles."""
    changed = [p for p in people if p.id in wanted]
    blocks = {_name(p.first_name or "", p.last_name or "")[1] for p in changed}
    emails = {k for p in changed for e in p.emails or () if (k := normalise_email(e))}
    slugs = {_rough_slug(p.linkedin_url) for p in changed if p.linkedin_url} - {""}

    def related(p: Named) -> bool:
        return (
            p.id in wanted
            or _name(p.first_name or "", p.last_name or "")[1] in blocks
            or any(normalise_email(e) in emails for e in p.emails or ())
            or bool(p.linkedin_url and _rough_slug(p.linkedin_url) in slugs)
        )

    return [p for p in people if related(p)]


def _slug(url: str) -> str:
    return url.rsplit("/", 1)[-1]


def judge(
    a: Someone, b: Someone, name_score: float | None = None, threshold: float = THRESHOLD
) -> Pair | None:
    """The pair with its score, or None when it is not worth offering."""
    if name_score is None:
        name_score = fuzz.ratio(a.name, b.name) if a.name and b.name else 0.0
    same_profile = bool(a.profile) and a.profile == b.profile
    other_profile = bool(a.profile and b.profile) and not same_profile
    shared = not a.emails.isdisjoint(b.emails)
    score = name_score
    if a.company and a.company == b.company:
        score = min(100.0, score + SAME_COMPANY)
    if score < threshold and not same_profile and not shared:
        return None
    if same_profile or (shared and not other_profile):
        score = 100.0
    else:
        if a.company and b.company and a.company != b.company:
            score -= OTHER_COMPANY
        if other_profile:
            score -= OTHER_PROFILE
    if a.id > b.id:
        a, b = b, a
    return Pair(a, b, round(name_score, 1), round(max(0.0, score), 1))


def _by_name(
    block: list[Someone], only: frozenset[int] | None, threshold: float
) -> Iterable[tuple[Someone, Someone, float]]:
    """(a, b, name score) for the alike names of one block; with only, pairs touching it."""
    cutoff = threshold - SAME_COMPANY
    names = [m.name for m in block]
    if len(block) > FULL_BLOCK:
        order = sorted(range(len(block)), key=names.__getitem__)
        block = [block[i] for i in order]
        names = [names[i] for i in order]
        reach = NEIGHBOURS
    else:
        reach = len(block)
    for i, m in enumerate(block):
        if only is not None and m.id not in only:
            continue
        lo, hi = max(0, i - reach), i + 1 + reach
        # PARTNERS + 1: the name itself is among the choices.
        hits = process.extract(
            names[i], names[lo:hi], scorer=fuzz.ratio, score_cutoff=cutoff, limit=PARTNERS + 1
        )
        mine = [(score, block[lo + j]) for _, score, j in hits if block[lo + j].id != m.id]
        for score, other in mine[:PARTNERS]:
            yield m, other, score


def _uncrowded(people: list[Someone]) -> list[Someone]:
    """Addresses or profiles held by more than IDENTITY_GROUP people say nothing: drop them."""
    held: Counter[str] = Counter()
    for p in people:
        held.update(p.emails)
        held[p.profile] += 1
    crowded = {k for k, n in held.items() if n > IDENTITY_GROUP and k}
    if not crowded:
        return people
    return [
        replace(p, emails=p.emails - crowded, profile="" if p.profile in crowded else p.profile)
        if p.profile in crowded or not p.emails.isdisjoint(crowded)
        else p
        for p in people
    ]


def _by_identity(
    people: list[Someone], only: frozenset[int] | None
) -> Iterable[tuple[Someone, Someone]]:
    groups: dict[str, list[Someone]] = defaultdict(list)
    for p in people:
        if p.profile:
            groups[p.profile].append(p)
        for e in p.emails:
            groups[e].append(p)
    for members in groups.values():
        if len(members) < 2:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if only is None or a.id in only or b.id in only:
                    yield a, b


def candidate_pairs(
    people: Iterable[Named],
    *,
    only: Iterable[int] | None = None,
    threshold: float = THRESHOLD,
) -> list[Pair]:
    """Pairs of people who may be one, best first; with only, the pairs those ids choose.

    Each person brings the pairs with their PARTNERS most alike names (and everyone sharing
    their profile or an e-mail); all pairs are the union of what each brings, so the pairs for
    some ids are a subset of all pairs, and the same pairs all pairs would give them. Names
    are compared within blocks of the same two initials (of the first and last word, in
    either order, after nicknames), so a typo in an initial is missed; in a block of more than
    FULL_BLOCK people each name is compared with its NEIGHBOURS either side in sorted order.
    """
    wanted = frozenset(only) if only is not None else None
    if wanted is not None:
        people = _relevant(list(people), wanted)
    everyone = _uncrowded([someone(p) for p in people])
    blocks: dict[tuple[str, str], list[Someone]] = defaultdict(list)
    for s in everyone:
        if s.name:
            blocks[s.block].append(s)
    found: dict[tuple[int, int], Pair | None] = {}

    def consider(a: Someone, b: Someone, score: float | None) -> None:
        key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        if key not in found:  # each pair is judged once, from whichever side finds it first
            found[key] = judge(a, b, score, threshold)

    for members in blocks.values():
        if wanted is not None and not any(m.id in wanted for m in members):
            continue
        for a, b, score in _by_name(members, wanted, threshold):
            consider(a, b, score)
    for a, b in _by_identity(everyone, wanted):
        if a.id != b.id:
            consider(a, b, None)
    pairs = [p for p in found.values() if p is not None]
    return sorted(pairs, key=lambda p: (-p.score, p.a, p.b))


def near_duplicates(
    people: Iterable[Named], *, threshold: float = THRESHOLD
) -> list[tuple[int, int, float]]:
    """(id_a, id_b, score) of every candidate pair, best first."""
    return [(p.a, p.b, p.score) for p in candidate_pairs(people, threshold=threshold)]
