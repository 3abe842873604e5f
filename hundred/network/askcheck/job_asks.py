"""Job asks: the rule table and the trained model, each explained, merged into findings.

The rules (job_ask_rules.py) see the phrasings they were written for and quote exactly those
words. The model (model.py) reads the whole message and catches asks written in words no rule
knows; when it flags a message that no rule flagged, the finding quotes the strongest words of
the sentence that asks most, and its message and rewrite follow what those words ask for
(explain.py).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from hundred.network.askcheck import model as modellib
from hundred.network.askcheck.context import context_at, disclaims_ask, is_negated
from hundred.network.askcheck.explain import model_kind
from hundred.network.askcheck.findings import Finding
from hundred.network.askcheck.guards import applies_unpaid, is_past_the_ask, strong
from hundred.network.askcheck.intent_rules import INTENT_RULES
from hundred.network.askcheck.job_ask_rules import JOB_ASK_RULES
from hundred.network.askcheck.kinds import Kind, Rule


def _finding(text: str, start: int, end: int, kind: Kind) -> Finding:
    return Finding(
        code="job_ask",
        severity="error",
        message=kind.message,
        words=text[start:end],
        start=start,
        end=end,
        suggestion=kind.suggestion,
    )


def _sentences_with(word: str, lowered: str, starts: list[int]) -> set[int]:
    """The indexes of the sentences (by their start offsets) in which `word` occurs."""
    hit: set[int] = set()
    at = lowered.find(word)
    while at != -1:
        hit.add(bisect_right(starts, at) - 1)
        at = lowered.find(word, at + 1)
    return hit


def _windows(
    lowered: str, needs: frozenset[str] | None, starts: list[int], seen: dict[str, set[int]]
) -> list[range]:
    """The runs of sentences holding a word the rule needs: the only places it can match."""
    if needs is None:
        return [range(0, len(lowered))]
    hit: set[int] = set()
    for word in needs:
        if word not in seen:
            seen[word] = _sentences_with(word, lowered, starts)
        hit |= seen[word]
    windows: list[range] = []
    for i in sorted(hit):
        end = starts[i + 1] if i + 1 < len(starts) else len(lowered)
        if windows and windows[-1].stop == starts[i]:
            windows[-1] = range(windows[-1].start, end)
        else:
            windows.append(range(starts[i], end))
    return windows


def _matches(text: str, sentence_ends: list[re.Match[str]]) -> Iterator[tuple[Rule, re.Match]]:
    # Each rule runs only over the sentences that hold a word it needs (kinds.Rule.needs),
    # which spares most of the text for most rules.
    lowered = text.lower()
    starts = [0] + [m.end() for m in sentence_ends]
    seen: dict[str, set[int]] = {}  # many rules need the same words
    for rule in JOB_ASK_RULES + INTENT_RULES:
        for window in _windows(lowered, rule.needs, starts, seen):
            yield from ((rule, m) for m in rule.pattern.finditer(text, window.start, window.stop))


# The phrase table's rules that hold wherever they stand ("help me find a job", "a job for me"):
# an ask in so many words, which no score of the model's withdraws (job_ask_findings).
_EXPLICIT = frozenset(id(rule) for rule in JOB_ASK_RULES if rule.guard is strong)


def rule_findings(text: str, sentence_ends: list[re.Match[str]]) -> list[Finding]:
    """The job asks the rules see, one finding per run of overlapping or touching matches."""
    return _rule_findings(text, sentence_ends)[0]


def _rule_findings(text: str, sentence_ends: list[re.Match[str]]) -> tuple[list[Finding], bool]:
    """The rules' findings, and whether one of them is an ask in so many words (_EXPLICIT)."""
    candidates: list[tuple[int, int, Kind]] = []
    explicit = False
    # A message that withdraws from a process or declines an offer tells how an ask went: only
    # the phrasings that are asks wherever they stand count in it.
    past = is_past_the_ask(text)
    # (eleventh version) A message applying or offering for work that is not paid (a volunteer's
    # place, a voluntary seat, a grant) asks for no job, whatever its words.
    if applies_unpaid(text):
        return [], False
    for rule, m in _matches(text, sentence_ends):
        if past and rule.guard is not strong:
            continue
        # A rule may need words around the ask to recognise it ("you could forward my CV") but
        # report only the ask itself, marked as the group "w".
        start, end = m.span("w") if "w" in rule.pattern.groupindex else m.span()
        ctx = context_at(text, start, end, sentence_ends)
        if rule.guard(ctx) and not is_negated(ctx, m.group(0)):
            candidates.append((start, end, rule.kind))
            explicit = explicit or id(rule) in _EXPLICIT
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
    return [_finding(text, start, end, kind) for start, end, kind in merged], explicit


def is_explicit_ask(text: str, sentence_ends: list[re.Match[str]]) -> bool:
    """Whether one of the rules' findings is an ask in so many words (training reads it)."""
    return _rule_findings(text, sentence_ends)[1]


def model_finding(
    text: str, sentence_ends: list[re.Match[str]], model: modellib.Model | None = None
) -> Finding | None:
    """The model's finding, when it reads the message as a job ask (None otherwise).

    `model` is the committed one unless given (cross-validation scores with fold models).
    """
    ends = [m.end() for m in sentence_ends]
    if not modellib.judges(text, ends) or not modellib.is_job_ask(text, model):
        return None
    explanation = modellib.explain(text, ends, model)
    if explanation is None:
        return None
    kind = model_kind(explanation.cues)
    return _finding(text, explanation.start, explanation.end, kind)


def job_ask_findings(
    text: str, sentence_ends: list[re.Match[str]], model: modellib.Model | None = None
) -> list[Finding]:
    """The job asks in text: the rules' findings, or else the model's.

    The rules' findings stand unless the model, reading the whole message, overrules them
    (model.overrules): when the message says it is not asking (context.disclaims_ask) and
    scores below the veto — a long advice ask that says "I want to say clearly I am not asking
    you for job in your school", in which a rule matched "job in your school" — or, since the
    eleventh version, when it scores below the strong veto (chosen, since the twelfth, on
    writers the rules were never written from) and none of the findings is an ask in so many
    words ("Could you help me find a job?" stands whatever follows it).
    """
    found, explicit = _rule_findings(text, sentence_ends)
    if found:
        asks = tuple(f.start for f in found)
        disclaims = disclaims_ask(text, asks)
        vetoed = modellib.overrules(text, model, disclaims=disclaims, explicit=explicit)
        return [] if vetoed else found
    flagged = model_finding(text, sentence_ends, model)
    return [flagged] if flagged else []
