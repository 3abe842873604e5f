"""What to say about an ask the model found: which kind of ask its words are, and a rewrite.

The model finds the sentence and its strongest words (model.py); this names the kind of ask
those words make, with the same messages and rewrites the rules give for that kind, and quotes
the words, so a flag from the model explains itself like one from the rules.
"""

from __future__ import annotations

from hundred.network.askcheck.kinds import (
    DIRECT,
    HIRING,
    KEEP_IN_MIND,
    OFFER,
    OPENINGS,
    REFERRAL,
    RESUME,
    Kind,
)
from hundred.network.askcheck.patterns import rx

# The first family whose cue appears in the model's words names the kind of ask.
_CUES: tuple[tuple[Kind, str], ...] = (
    (RESUME, r"\b(?:cvs?|r[eé]sum[eé]s?|resum|application|portfolio|details|number)\b"),
    (
        REFERRAL,
        r"\b(?:refer\w*|word|recommend\w*|vouch|mention\w*|forward|introduc\w*|talk|speak|ask"
        r"|tell|check)\b",
    ),
    (KEEP_IN_MIND, r"\b(?:mind|consider\w*|think of|comes? up|posted|loop|file)\b"),
    (
        OFFER,
        r"\b(?:start|starting|free|available|availability|around|rate|paid|pay|hands|cover"
        r"|capacity|help out|pitch in|shifts?|season|busy|backlog)\b",
    ),
    (HIRING, r"\b(?:hir\w+|recruit\w*|need\w*|short|headcount|budget|room|take\w* on|looking)\b"),
    (OPENINGS, r"\b(?:openings?|vacanc\w+|positions?|roles?|posts?|jobs?|going|anything)\b"),
)
_CUE_PATTERNS = tuple((kind, rx(pattern)) for kind, pattern in _CUES)


def model_kind(cues: tuple[str, ...]) -> Kind:
    """The kind of ask the model's words make, its message quoting them."""
    words = " … ".join(cues)
    kind = next((k for k, pattern in _CUE_PATTERNS if pattern.search(words)), DIRECT)
    quoted = ", ".join(f"“{c}”" for c in cues)
    return Kind(
        f"{kind.message} (No rule matched; the checker's model read this sentence as asking "
        f"for a job, mostly from {quoted}.)",
        kind.suggestion,
    )
