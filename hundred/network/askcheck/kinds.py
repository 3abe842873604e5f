"""The kinds of job ask (each with its message and suggested rewrite) and what a rule is."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from hundred.network.askcheck.context import Context
from hundred.network.askcheck.findings import ADVICE_ASK
from hundred.network.askcheck.patterns import rx
from hundred.network.askcheck.triggers import required_words


@dataclass(frozen=True)
class Kind:
    message: str
    suggestion: str


OPENINGS = Kind(
    "Asking whether they know of openings puts them on the spot: most people don't know about "
    "openings, even at their own company.",
    ADVICE_ASK,
)
HIRING = Kind(
    "Asking whether they are hiring turns an advice conversation into a job request they can "
    "only answer yes or no.",
    "Could I have 15–20 minutes to hear how you see the field, and which companies or people "
    "you think I should learn about?",
)
REFERRAL = Kind(
    "Asking for a referral or a good word asks them to vouch for you before they know what you "
    "are looking for.",
    "Could I have 15–20 minutes of your time for your advice, and the names of one or two people "
    "you think I should talk to?",
)
RESUME = Kind(
    "Asking them to pass on your résumé makes them your recruiter, and it's not their job to "
    "find you a job.",
    "Could I have 15–20 minutes for your advice on my search, and any names of people or "
    "companies I should look into?",
)
KEEP_IN_MIND = Kind(
    "Asking to be considered or kept in mind leaves it in their hands; ask for something easy "
    "to give today instead.",
    ADVICE_ASK,
)
DIRECT = Kind(
    "It's not their job to find you a job; ask for advice, names and ideas, and take it from "
    "there.",
    ADVICE_ASK,
)

OFFER = Kind(
    "Offering to start, to fill in or to take on paid work for them asks for a job in all but "
    "name; ask for their view of the field instead.",
    "Could I have 15–20 minutes to hear how you see the trade these days, and who else you "
    "think I should talk to?",
)

# Tenth version, from author L's misses: a freelancer or a trader selling their own paid work to
# the reader or the reader's organisation ("I could do your office lunches at £9 a head", "add me
# to your list of contractors"). The buyer is asked to take the writer on, by the job.
SELLING = Kind(
    "Offering to sell them your own paid work — a price, a rate, a place on their list of "
    "contractors — asks them to take you on, by the job; ask how they choose the people they "
    "buy from instead.",
    "Could I have 15–20 minutes to hear how you find and choose the people you work with, and "
    "who else you think I should talk to?",
)


@dataclass(frozen=True)
class Rule:
    kind: Kind
    guard: Callable[[Context], bool]
    pattern: re.Pattern[str]
    # Words one of which every match holds (triggers.py); None when the pattern has none.
    needs: frozenset[str] | None = None

    def may_match(self, lowered: str) -> bool:
        """False when the lower-cased text lacks every word a match needs."""
        return self.needs is None or any(word in lowered for word in self.needs)


def make_rule(kind: Kind, guard: Callable[[Context], bool], pattern: str) -> Rule:
    compiled = rx(pattern)
    return Rule(kind, guard, compiled, required_words(compiled))
