"""The demo's invented world, read from data.json: the seeker's target, the companies, the cast
whose story is told in full, and the pools the rest of the list is drawn from.

The values live in the JSON file so that editing the story is editing data; this module gives
each part a name, a type and a word on what it means. Choice values (how known, source,
channel, direction, reason) are the models' stored values, as in an export.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any, NamedTuple

_DATA: dict[str, Any] = json.loads(
    files("hundred.network.demo").joinpath("data.json").read_text(encoding="utf-8")
)

# The seeker's target and pitch.
TARGET: dict[str, list[str]] = _DATA["target"]
PITCH: str = _DATA["pitch"]


class Co(NamedTuple):
    """A company: eight targets with research, then the rest of the seeker's world."""

    name: str
    website: str
    industry: str
    kind: str
    location: str
    priority: int | None  # None: not a target
    research: str
    notes: str


COMPANIES = tuple(Co(**c) for c in _DATA["companies"])
FORMER_EMPLOYERS: tuple[str, ...] = tuple(_DATA["former_employers"])


class Who(NamedTuple):
    """One of the cast: people whose story the demo tells in full (meetings, names, favours)."""

    key: str
    first: str
    last: str
    how_known: str
    closeness: int
    company: str | None
    title: str
    location: str
    source: str
    tags: tuple[str, ...] = ()
    notes: str = ""
    introduced_by: str = ""  # the key of the person who gave this name at their meeting


CAST = tuple(Who(**{**w, "tags": tuple(w.get("tags", ()))}) for w in _DATA["cast"])


class Debrief(NamedTuple):
    advice: str
    companies: tuple[str, ...]
    notes: str = ""


class Meet(NamedTuple):
    """One cast member's way to a meeting; days are business days from today (negative: ago)."""

    key: str
    channel: str  # of the first outreach
    asked: int
    nudges: int  # no-reply follow-ups made before they answered
    replied: int
    day: int
    time: str
    minutes: int
    place: str
    debrief: Debrief | None  # None: not written yet, or the meeting is still ahead


def _meet(m: dict[str, Any]) -> Meet:
    debrief = m["debrief"]
    if debrief is not None:
        debrief = Debrief(**{**debrief, "companies": tuple(debrief["companies"])})
    return Meet(**{**m, "debrief": debrief})


MEETINGS = tuple(_meet(m) for m in _DATA["meetings"])

# People met long enough ago that the relationship now runs both ways.
NURTURING: tuple[str, ...] = tuple(_DATA["nurturing"])


class Touch(NamedTuple):
    key: str
    day: int
    time: str
    channel: str
    direction: str
    summary: str
    reason: str = ""  # the follow-up this touch completed, if any
    also: str = ""  # a second person in the same interaction


TOUCHES = tuple(Touch(**t) for t in _DATA["touches"])


class Fav(NamedTuple):
    key: str
    direction: str
    what: str
    due: int | None  # business days from today; 0 is today's date even on a weekend
    done: int | None  # None: still promised


FAVOURS = tuple(Fav(**f) for f in _DATA["favours"])

# Pools for the rest of the list.

FIRST_NAMES: tuple[str, ...] = tuple(_DATA["first_names"])
LAST_NAMES: tuple[str, ...] = tuple(_DATA["last_names"])
TOWNS: tuple[str, ...] = tuple(_DATA["towns"])
FAR_TOWNS: tuple[str, ...] = tuple(_DATA["far_towns"])
HOME_TOWN: str = _DATA["home_town"]
FINANCE_TITLES: tuple[str, ...] = tuple(_DATA["finance_titles"])
HOSPITAL_TITLES: tuple[str, ...] = tuple(_DATA["hospital_titles"])
OFFICE_TITLES: tuple[str, ...] = tuple(_DATA["office_titles"])
# Where a former colleague may have moved: finance and operations people go everywhere.
COLLEAGUE_MOVES: tuple[str, ...] = tuple(_DATA["colleague_moves"])
# Everyone else's work, employer by employer (None: no employer), so a title fits the place.
WORK: dict[str | None, tuple[str, ...]] = {w["company"]: tuple(w["titles"]) for w in _DATA["work"]}
# Employers where a classmate from the MBA may well work in finance.
FINANCE_EMPLOYERS: tuple[str, ...] = tuple(_DATA["finance_employers"])
# (title, company, notes) of the people who serve the seeker: accountant, doctor, hairdresser.
SERVICE_PEOPLE: tuple[tuple[str, str | None, str], ...] = tuple(
    (s["title"], s["company"], s["notes"]) for s in _DATA["service_people"]
)
COMMUNITY_TAGS: tuple[str, ...] = tuple(_DATA["community_tags"])
NOTES: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _DATA["notes"].items()}

# How many of each kind the generated part of the list holds (the cast adds the rest).
FILLER_KINDS: tuple[tuple[str, int], ...] = tuple(_DATA["filler_kinds"].items())
# Open no-reply follow-ups of the people asked and still silent, as business days from today,
# with one attempt made and with two.
ONE_ATTEMPT_DUE: tuple[int, ...] = tuple(_DATA["one_attempt_due"])
TWO_ATTEMPTS_DUE: tuple[int, ...] = tuple(_DATA["two_attempts_due"])
REPLIED_ASKED: int = _DATA["replied_asked"]
DECLINED: int = _DATA["declined"]
PAUSED: int = _DATA["paused"]

# What the seeker and the people asked write.
TOPICS: tuple[str, ...] = tuple(_DATA["topics"])
OUTREACH: tuple[str, ...] = tuple(_DATA["outreach"])
REPLIES_YES: tuple[str, ...] = tuple(_DATA["replies_yes"])
REPLIES_LATER: tuple[str, ...] = tuple(_DATA["replies_later"])
DECLINES: tuple[str, ...] = tuple(_DATA["declines"])
NUDGES: dict[str, str] = _DATA["nudges"]  # by channel

AREA_CODES: tuple[str, ...] = tuple(_DATA["area_codes"])
EMAIL_DOMAINS: tuple[str, ...] = tuple(_DATA["email_domains"])
