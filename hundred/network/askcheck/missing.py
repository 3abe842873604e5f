"""Missing parts: no short time box, no ask for advice, no pitch, or a first message too long."""

from __future__ import annotations

import re

from hundred.network.askcheck.findings import (
    MAX_FIRST_MESSAGE_WORDS,
    MAX_TIME_BOX_MINUTES,
    PITCH_TEMPLATE,
    Finding,
)
from hundred.network.askcheck.patterns import rx

_NUMBER_WORDS = {
    "five": 5,
    "ten": 10,
    "fifteen": 15,
    "twenty": 20,
    "twenty-five": 25,
    "twenty five": 25,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "forty five": 45,
    "sixty": 60,
    "ninety": 90,
}
_NUMBER = r"(?:\d{1,3}|twenty[\s-]five|forty[\s-]five|five|ten|fifteen|twenty|thirty|forty|sixty)"
_MINUTES = re.compile(
    rf"\b(?P<a>{_NUMBER})(?:\s*(?:-|–|—|/|to|or)\s*(?P<b>{_NUMBER}))?[\s-]*"
    r"(?:minutes?|mins?)\b",
    re.IGNORECASE,
)
_SHORT_HOUR = rx(
    r"\b(?:a quarter of an hour|quarter of an hour|half an hour|half-hour|half hour)\b"
)
_LONG_HOUR = rx(r"\b(?:an|one|a couple of|two|a few) hours?\b|\b(?:an|one)-hour\b")


def _minutes(word: str) -> int:
    word = re.sub(r"\s+", " ", word.lower())
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.replace(" ", "-")]


def _time_box_finding(text: str) -> Finding | None:
    too_long: tuple[int, int] | None = None
    for m in _MINUTES.finditer(text):
        longest = max(_minutes(m.group("a")), _minutes(m.group("b") or m.group("a")))
        if longest <= MAX_TIME_BOX_MINUTES:
            return None
        too_long = too_long or m.span()
    if _SHORT_HOUR.search(text):
        return None
    long_hour = _LONG_HOUR.search(text)
    too_long = too_long or (long_hour.span() if long_hour else None)
    if too_long:
        start, end = too_long
        return Finding(
            code="no_time_box",
            severity="warning",
            message=(
                f"“{text[start:end]}” is a lot to ask of a busy person; ask for 15–20 minutes "
                "so it is easy to say yes."
            ),
            words=text[start:end],
            start=start,
            end=end,
            suggestion="Could I have 15–20 minutes of your time in the next couple of weeks?",
        )
    return Finding(
        code="no_time_box",
        severity="warning",
        message=(
            "Ask for a short, specific amount of their time (15–20 minutes) so it is easy to "
            "say yes."
        ),
        words="",
        start=None,
        end=None,
        suggestion=(
            "Could I have 15–20 minutes of your time, by phone or over coffee, in the next "
            "couple of weeks?"
        ),
    )


_ADVICE = rx(
    # "advices": the plural second-language writers often use; "15 min of your brain"
    r"\b(?:advices?|advise|guidance|suggestions?|suggest|ideas?|insights?|perspective|thoughts"
    r"|pointers|tips|input|counsel|recommendations?|recommend|names|contacts|brainstorm\w*"
    r"|pick(?:ing)? your brains?|(?:of|borrow) your brains?|learn from you"
    r"|your (?:experience|take|views?|opinion)"
    r"|who else|anyone else|(?:people|companies|organi[sz]ations|firms) (?:I|you think I|that I)"
    r" should|introduc\w* (?:me )?to)\b"
)

_PITCH = (
    rx(
        r"\b(?:use|using|apply|applying|bring|bringing|put|putting|leverage|leveraging|build on"
        # "my financial analysis, budgeting and grant reporting skills": a list of skills may
        # run to a dozen words, with commas.
        r"|draw on|contribute) my (?:[\w'-]+,? ){0,15}?(?:skills?|experience|expertise|background"
        r"|knowledge|strengths?|talents?)\b"
    ),
    rx(
        r"\b(?:looking|hoping|aiming|seeking|searching|exploring|targeting|pursuing|interested"
        r"|focused|focusing|concentrating|keen|moving|transitioning|pivoting|returning)\b"
        r"(?: [\w'-]+){0,6}? (?:roles?|positions?|jobs?|opportunit(?:y|ies)|work|careers?|posts?"
        r"|move|openings?) (?:in|at|with|within|as|for|across|on)\b"
    ),
    rx(
        r"\b(?:my|our) (?:job )?(?:search|focus|target|goal|aim) (?:is|'s|has been) "
        r"(?:(?:focused|centred|centered|aimed|directed|narrowed) )?(?:on|in|to|toward|towards)\b"
    ),
    rx(
        r"\b(?:move|moving|transition|transitioning|pivot|pivoting|shift|shifting|switch"
        r"|switching|return|returning|get back|getting back) (?:back )?(?:in)?to "
        r"(?:(?:a|an|the) )?[\w-]+ (?:roles?|sector|industry|field|work|world|space"
        r"|organi[sz]ations?|companies|firms)\b"
    ),
)

_WORD = re.compile(r"\w+(?:['’-]\w+)*")


def missing_findings(text: str, *, has_vague_goal: bool, first_message: bool) -> list[Finding]:
    """What the message lacks: a short time box, an ask for advice, a pitch, brevity."""
    findings: list[Finding] = []
    time_box = _time_box_finding(text)
    if time_box:
        findings.append(time_box)
    if not _ADVICE.search(text):
        findings.append(
            Finding(
                code="no_advice_ask",
                severity="warning",
                message=(
                    "Say what you want from them (advice, names, suggestions, ideas) and then "
                    "take it from there."
                ),
                words="",
                start=None,
                end=None,
                suggestion=(
                    "I'd value your advice, and any names or ideas you think I should pursue."
                ),
            )
        )
    # A vague goal already says "tell them what you are looking for", with the words to fix.
    if not has_vague_goal and not any(p.search(text) for p in _PITCH):
        findings.append(
            Finding(
                code="no_pitch",
                severity="warning",
                message=(
                    "Tell them briefly what you are looking for: the skills you want to use, in "
                    "what industry and where."
                ),
                words="",
                start=None,
                end=None,
                suggestion=PITCH_TEMPLATE,
            )
        )
    if first_message:
        count = len(_WORD.findall(text))
        if count > MAX_FIRST_MESSAGE_WORDS:
            findings.append(
                Finding(
                    code="too_long",
                    severity="warning",
                    message=(
                        f"At {count} words this is hard to read on a phone; keep a first message "
                        f"to {MAX_FIRST_MESSAGE_WORDS} words or fewer."
                    ),
                    words="",
                    start=None,
                    end=None,
                    suggestion=(
                        "Keep three things: how you know them, your one-sentence pitch, and the "
                        "ask for 15–20 minutes of advice, names and ideas."
                    ),
                )
            )
    return findings
