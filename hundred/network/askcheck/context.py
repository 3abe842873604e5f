"""The words around a match: its sentence and clause, and whether a negation withdraws the ask."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hundred.network.askcheck.patterns import rx

# A sentence ends at . ! ? (with any closing quote) before whitespace, or at a blank line; a
# single line break does not end one, because e-mail clients wrap lines mid-sentence.
_SENTENCE_END = re.compile(r"[.!?\u2026]+[\"'\u2019\u201d)\]]*(?=\s|$)|\n[ \t]*\n")
# Within a sentence a clause turns at these, so "I'm not asking for a job, but are you hiring?"
# is read as two clauses and the negation does not cover the second.
# (eleventh version, from author M's "I'm not asking you to bend any rules, just to get her CV in
# front of a human") a comma and "just", "only" or "simply" turn it too.
_CLAUSE_BREAK = re.compile(
    r"[;:\u2014\u2013]|\s-{1,2}\s|\b(?:but|however|although|though|whereas)\b"
    r"|,\s+(?=(?:just|only|simply|merely)\b)",
    re.IGNORECASE,
)

# "n't", or a contraction typed without its apostrophe ("dont"); a bare "nt" would also match
# "want" and "went".
_NEG = (
    r"(?:n't\b|\b(?:dont|wont|cant|isnt|arent|didnt|doesnt|wouldnt|couldnt|shouldnt|havent"
    r"|hasnt|wasnt|werent|aint|cannot)\b|\bnot\b|\bnever\b|\bno\b)"
)
# A negation that governs the ask: "not asking", "I won't ask", "not here to ask", "no
# expectation of". "Don't mind" and "don't hesitate" are not negations of the ask.
# (eleventh version, from authors O, P and Q) a negation over two coordinated asks ("I'm not
# applying for a position or asking for job leads"), "askin", "looking for u to".
_OR_ALSO = (
    r"(?:(?:apply\w*|ask\w*|seek\w*|looking for)(?: [\w']+){0,5}? (?:or|nor) (?:[\w']+ ){0,2}?)?"
)
_NEGATED_ASK = rx(
    r"(?:"
    + _NEG
    + r"|\bnor\b)"
    + r" (?!mind\b|hesitate\b)(?:[\w']+ ){0,3}?"
    + _OR_ALSO
    + r"(?:ask|asking|askin|applying"
    r"|request\w*|expect\w*|seek\w*|after|about|here to|writing|reaching|hoping (?:for|you)"
    r"|want(?:ing)? (?:you|u)|need(?:ing)? (?:you|u)|looking (?:for|to) (?:you|u)"
    r"|a (?:job )?(?:request|ask))\b"
)
# A negation right before the match: "you may not know of any openings".
_NEGATED_NEAR = rx(_NEG + r" (?:[\w']+ ){0,3}$")
# A message that says it is not asking: "I'm not asking you for a job", "nor am I asking you to
# find him a placement", "I am not applying", "not seeking employment", "not fishing".
# Reluctance is not a disclaimer (eleventh version, from author M): "I didn't want to ask you
# this", "I hate to ask", "I don't like asking" come before the ask.
_DISCLAIMER = rx(
    r"(?:" + _NEG + r"|\bnor\b) (?!mind\b|hesitate\b|(?:want|wanted|wanna|like|liked|mean"
    r"|meant|love|enjoy)\w* (?:to )?ask)(?:[\w']+ ){0,3}?(?:ask|asking|askin|apply"
    r"|applying|request\w*|expect\w*|seek\w*|fishing|here to|writing (?:to|about|for)"
    r"|looking for (?:you|u) to)\b"
)
_INSTEAD = rx(r"\b(?:rather than|instead of|without) (?:[\w']+ ){0,3}$")


@dataclass(frozen=True)
class Context:
    text: str
    start: int
    end: int
    clause_start: int
    clause_end: int
    sentence_start: int
    sentence_end: int

    @property
    def prefix(self) -> str:
        return self.text[self.clause_start : self.start]

    @property
    def tail(self) -> str:
        return self.text[self.end : self.clause_end]

    @property
    def sentence(self) -> str:
        return self.text[self.sentence_start : self.sentence_end]


def sentence_ends(text: str) -> list[re.Match[str]]:
    """Where the sentences of `text` end, for `context_at`."""
    return list(_SENTENCE_END.finditer(text))


def context_at(text: str, start: int, end: int, ends: list[re.Match[str]]) -> Context:
    """The sentence and clause around text[start:end], given the text's sentence ends."""
    sentence_start, sentence_end = 0, len(text)
    for m in ends:
        if m.end() <= start:
            sentence_start = m.end()
        elif m.start() >= end:
            sentence_end = m.end()
            break
    clause_start, clause_end = sentence_start, sentence_end
    for m in _CLAUSE_BREAK.finditer(text, sentence_start, sentence_end):
        if m.end() <= start:
            clause_start = m.end()
        elif m.start() >= end:
            clause_end = m.start()
            break
    return Context(text, start, end, clause_start, clause_end, sentence_start, sentence_end)


def disclaims_ask(text: str, asks: tuple[int, ...] = ()) -> bool:
    """True when the text says, somewhere, that it is not asking (for a job, or at all).

    `asks` are where the asks the rules found start: a disclaimer whose own sentence goes on to
    one of them does not count (eleventh version, from author M's miss: "I'm not asking you to
    bend any rules, just to get her CV in front of a human"). The rules already read a negation
    over its own clause, so an ask they found after it in its sentence is one it does not
    cover."""
    if not asks:
        return bool(_DISCLAIMER.search(text))
    ends = [m.end() for m in sentence_ends(text)]
    for m in _DISCLAIMER.finditer(text):
        stop = next((e for e in ends if e > m.end()), len(text))
        if not any(m.end() <= start < stop for start in asks):
            return True
    return False


# A favour already done, thanked or told: "Thank you for passing my CV along", "that you'd put
# my name forward" ("if you'd put…" still asks).
_DONE = rx(
    r"(?:\bthank(?:s| you)(?: [\w']+){0,3}? for|(?<!\bif\s)(?<!\bwhether\s)(?<!\bhoping\s)"
    r"(?<!\bhope\s)(?<!\bwish\s)\b(?:you'd|you had|you've)) $"
)


def is_negated(ctx: Context, words: str) -> bool:
    """True when a negation in the clause withdraws the ask ("I'm not asking for a job"), or
    the ask is a favour already done ("Thank you for passing my CV along")."""
    prefix = ctx.prefix
    if _NEGATED_ASK.search(prefix) or _INSTEAD.search(prefix) or _DONE.search(prefix):
        return True
    # "I don't know whether you're hiring" hedges the ask rather than withdrawing it.
    if re.match(r"(?:if|whether)\b", words, re.IGNORECASE):
        return False
    return bool(_NEGATED_NEAR.search(prefix))
