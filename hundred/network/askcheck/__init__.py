"""The ask-checker: flags job asks and missing parts in an outreach message (article point 2).

Pure: text in, findings out. Job asks are found by rules (regular expressions read in the
context of their sentence and clause) and by a small trained model (weights in a data file,
scored in pure Python); both are deterministic, so the same text always gives the same
findings, and every flag quotes the words that made it (docs/ask-checker.md).

An empty or whitespace-only text is not a message: `check` raises EmptyMessage.

>>> [f.code for f in check("Hi Sam, do you know of any openings at Acme?")]
['job_ask', 'no_time_box', 'no_advice_ask', 'no_pitch']
"""

from __future__ import annotations

from hundred.network.askcheck.context import sentence_ends
from hundred.network.askcheck.findings import ADVICE_ASK as ADVICE_ASK
from hundred.network.askcheck.findings import (
    CODES,
    MAX_FIRST_MESSAGE_WORDS,
    MAX_TIME_BOX_MINUTES,
    Finding,
    has_job_ask,
)
from hundred.network.askcheck.findings import PITCH_TEMPLATE as PITCH_TEMPLATE
from hundred.network.askcheck.job_asks import job_ask_findings
from hundred.network.askcheck.missing import missing_findings
from hundred.network.askcheck.vague import vague_findings

# ADVICE_ASK and PITCH_TEMPLATE (imported "as" themselves above) are not in __all__ but stay
# importable from here, as they were before the checker became a package.
__all__ = [
    "CODES",
    "MAX_FIRST_MESSAGE_WORDS",
    "MAX_TIME_BOX_MINUTES",
    "EMPTY_MESSAGE",
    "EmptyMessage",
    "Finding",
    "check",
    "has_job_ask",
]


EMPTY_MESSAGE = "Write a message first."


class EmptyMessage(ValueError):
    """The text is empty or only spaces and line breaks: there is nothing to check."""

    def __init__(self) -> None:
        super().__init__(EMPTY_MESSAGE)


def check(text: str, *, first_message: bool = True) -> list[Finding]:
    """Findings for an outreach text: job asks, vague goals, then missing parts.

    Raises EmptyMessage for an empty or whitespace-only text.
    """
    if not text or not text.strip():
        raise EmptyMessage()
    ends = sentence_ends(text)
    job_asks = job_ask_findings(text, ends)
    taken = [(f.start, f.end) for f in job_asks if f.start is not None and f.end is not None]
    vague = vague_findings(text, ends, taken)
    missing = missing_findings(text, has_vague_goal=bool(vague), first_message=first_message)
    return job_asks + vague + missing
