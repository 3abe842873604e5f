"""Vague goals: "I'm looking for a job" with nothing to say which."""

from __future__ import annotations

import re

from hundred.network.askcheck.context import context_at, is_negated
from hundred.network.askcheck.findings import PITCH_TEMPLATE, Finding
from hundred.network.askcheck.patterns import rx

_SPECIFICS_FOLLOW = (
    r"(?! (?:in|as|at|with|using|that|which|where|doing|on|within|leading|managing|running"
    r"|building|focused|for|near|around|close|search|market|hunt|boards?|titles?|offers?"
    r"|interviews?|descriptions?|postings?|openings?|leads?)\b)"
)
_VAGUE_RULES = (
    # "I'm looking for a job." with nothing after it to say which
    rx(
        r"\b(?:looking for|seeking|searching for|hunting for|want|need|hoping for"
        r"|hoping to (?:find|get|land)|trying to (?:find|get|land))"
        r" (?:(?:a|another|some) )?(?:(?:new|full-time|full time|part-time|part time|good|decent"
        r"|permanent|stable|steady|paid) )?(?:job|role|position|work|employment|gig)\b"
        + _SPECIFICS_FOLLOW
        + r"(?![\w-])"
    ),
    rx(
        r"\b(?:any|whatever) (?:(?:kind|type|sort) of )?(?:job|role|position|work|opportunity)\b"
        + _SPECIFICS_FOLLOW
        + r"(?!s\b)(?! (?:to|you|that you)\b)"
    ),
    rx(r"\b(?:open to|consider|take|do|accept) (?:just )?anything\b(?! (?:you|that you|I|to)\b)"),
    rx(r"\bwhatever(?: is| comes|'s) (?:available|up|going|open)\b"),
)
_VAGUE_GOAL_MESSAGE = (
    "“A job” is too vague for anyone to help with: say what kind of job, in what industry, "
    "what type of company and where."
)


def vague_findings(
    text: str, sentence_ends: list[re.Match[str]], taken: list[tuple[int, int]]
) -> list[Finding]:
    """The vague goals in text that no job ask already covers."""
    spans: list[tuple[int, int]] = []
    for pattern in _VAGUE_RULES:
        for m in pattern.finditer(text):
            start, end = m.span()
            ctx = context_at(text, start, end, sentence_ends)
            if is_negated(ctx, m.group(0)):
                continue
            # A job ask already covers these words, with a stronger message.
            if any(start < t_end and t_start < end for t_start, t_end in taken + spans):
                continue
            spans.append((start, end))
    return [
        Finding(
            code="vague_goal",
            severity="warning",
            message=_VAGUE_GOAL_MESSAGE,
            words=text[start:end],
            start=start,
            end=end,
            suggestion=PITCH_TEMPLATE,
        )
        for start, end in sorted(spans)
    ]
