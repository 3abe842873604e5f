"""What the ask-checker reports: findings, their codes and limits, and the rewrites it offers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

CODES = ("job_ask", "vague_goal", "no_time_box", "no_advice_ask", "no_pitch", "too_long")

# About what fits on a phone screen or two: the article's ask is short, so the message can be.
MAX_FIRST_MESSAGE_WORDS = 150
# The article asks for 15-20 minutes; half an hour is still a short, bounded ask, an hour is not.
MAX_TIME_BOX_MINUTES = 30

ADVICE_ASK = (
    "Could I have 15–20 minutes of your time for your advice, and any names or ideas you think "
    "I should pursue?"
)
PITCH_TEMPLATE = (
    "I'm looking for an opportunity to use my [skills] in a [kind of] [industry] organisation "
    "in the [place] area."
)


@dataclass(frozen=True)
class Finding:
    """One thing the ask-checker noticed; `words` and the span are empty for something missing."""

    code: str
    severity: str
    message: str
    words: str
    start: int | None
    end: int | None
    suggestion: str

    def as_dict(self) -> dict[str, str | int | None]:
        """The finding as a JSON-ready dict, keys in the documented order."""
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "words": self.words,
            "start": self.start,
            "end": self.end,
            "suggestion": self.suggestion,
        }


def has_job_ask(findings: Iterable[Finding]) -> bool:
    """True when any finding is a job ask (the CLI's exit status 3)."""
    return any(f.code == "job_ask" for f in findings)
