"""Job asks: every rule run over the text, overlapping matches merged into one finding each."""

from __future__ import annotations

import re

from hundred.network.askcheck.context import context_at, is_negated
from hundred.network.askcheck.findings import Finding
from hundred.network.askcheck.job_ask_rules import JOB_ASK_RULES, Kind


def job_ask_findings(text: str, sentence_ends: list[re.Match[str]]) -> list[Finding]:
    """The job asks in text, one finding per run of overlapping or touching matches."""
    candidates: list[tuple[int, int, Kind]] = []
    for rule in JOB_ASK_RULES:
        for m in rule.pattern.finditer(text):
            # A rule may need words around the ask to recognise it ("you could forward my CV")
            # but report only the ask itself, marked as the group "w".
            start, end = m.span("w") if "w" in rule.pattern.groupindex else m.span()
            ctx = context_at(text, start, end, sentence_ends)
            if rule.guard(ctx) and not is_negated(ctx, m.group(0)):
                candidates.append((start, end, rule.kind))
    # Several rules often see the same ask ("any openings" inside "know of any openings",
    # "consider me for" next to "any upcoming roles"): matches that overlap or touch become one
    # finding over their union, named after the earliest.
    candidates.sort(key=lambda c: (c[0], -c[1]))
    merged: list[tuple[int, int, Kind]] = []
    for start, end, kind in candidates:
        if merged and (start <= merged[-1][1] or not text[merged[-1][1] : start].strip()):
            first_start, first_end, first_kind = merged[-1]
            merged[-1] = (first_start, max(first_end, end), first_kind)
        else:
            merged.append((start, end, kind))
    return [
        Finding(
            code="job_ask",
            severity="error",
            message=kind.message,
            words=text[start:end],
            start=start,
            end=end,
            suggestion=kind.suggestion,
        )
        for start, end, kind in merged
    ]
