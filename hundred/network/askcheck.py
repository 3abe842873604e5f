"""The ask-checker: flags job asks and missing parts in an outreach message (article point 2).

Pure: text in, findings out. The rules are deterministic regular expressions read in context
(the sentence and clause around each match), so the same text always gives the same findings
and every rule can be explained in docs/ask-checker.md.

>>> [f.code for f in check("Hi Sam, do you know of any openings at Acme?")]
['job_ask', 'no_time_box', 'no_advice_ask', 'no_pitch']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

__all__ = [
    "CODES",
    "MAX_FIRST_MESSAGE_WORDS",
    "MAX_TIME_BOX_MINUTES",
    "Finding",
    "check",
    "has_job_ask",
]

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


# --- Pattern building ---------------------------------------------------------------------------
#
# Patterns are written with plain spaces and plain apostrophes for readability; _rx turns every
# space into "any run of whitespace" (so a phrase may be wrapped across lines) and every
# apostrophe into "any apostrophe" (typewriter, curly, modifier letter, backtick), inside
# character classes too.

_APOSTROPHES = "'\u2019\u2018\u02bc`"


def _rx(pattern: str) -> re.Pattern[str]:
    out: list[str] = []
    in_class = escaped = False
    for char in pattern:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif char == "'":
            out.append(_APOSTROPHES if in_class else f"[{_APOSTROPHES}]")
        elif char == " " and not in_class:
            out.append(r"\s+")
        else:
            if char == "[" and not in_class:
                in_class = True
            elif char == "]" and in_class and out[-1] != "[":
                in_class = False
            out.append(char)
    return re.compile("".join(out), re.IGNORECASE)


_ORG = (
    r"(?:team|company|firm|organi[sz]ation|org|department|dept|group|division|office|employer"
    r"|agency|practice|business|start-?up|lab|shop|unit|school|hospital|bank|side|non-?profit"
    r"|charity|outfit|branch|store|workplace)s?(?![\x27\u2019]\w)"
)
_YOUR_ORG = rf"your (?:[\w-]+ ){{0,2}}?{_ORG}"
_JOB = (
    r"(?:jobs?|roles?|positions?|posts?|openings?|vacanc(?:y|ies)|opportunit(?:y|ies)|gigs?"
    r"|placements?|spots?|reqs?|internships?|apprenticeships?|traineeships?|contracts?"
    r"|(?:graduate|training|trainee) schemes?|(?:temp|freelance|contract|part-time|casual) work)"
)
_RESUME = r"(?:r[eé]\u0301?sum[eé]\u0301?s?|cvs?|c\.v\.|curriculum vitae|application|candidacy)"
_HIRING_PEOPLE = (
    r"(?:(?:the|your|a|their|someone in|anyone in|somebody in|whoever (?:is|does|handles)) "
    r"(?:[\w-]+ )?)?(?:hiring (?:manager|team|lead|committee|partner|panel)s?|hr\b|human resources"
    r"|recruit(?:er|ers|ing|ment)\b|talent (?:acquisition|team|partner)s?)"
)
_RIGHT_PEOPLE = (
    r"(?:the right (?:person|people|hands|desk)|whoever(?: is|'s) hiring"
    r"|any(?:one|body) (?:who|that)(?: is|'s) hiring)"
)
# A capitalised name of up to three words ("Acme", "Acme Health's"), never "I" or a small word
# typed in capitals for emphasis ("people we want to work for AND who value our skills").
_NAME = (
    r"(?!(?:I|A|AN|AND|OR|BUT|THE|TO|OF|FOR|IN|ON|AT|WITH|WHO|THAT)\b)"
    r"(?-i:[A-Z][\w&-]*)(?:'s)?(?: (?-i:[A-Z][\w&-]*)(?:'s)?){0,2}"
)
# "Any openings in your calendar?" is about the meeting, not a job.
_NOT_CALENDAR = (
    r"(?! (?:in|on) (?:your|the) (?:calendar|diary|schedule)"
    r"| for (?:an? )?(?:coffee|call|chat|lunch|meeting|catch-up|quick)\b)"
)
_STILL = r"(?:(?:still|currently|actively|possibly|now|also|by any chance|at all) )*"


# --- Context -------------------------------------------------------------------------------------

# A sentence ends at . ! ? (with any closing quote) before whitespace, or at a blank line; a
# single line break does not end one, because e-mail clients wrap lines mid-sentence.
_SENTENCE_END = re.compile(r"[.!?\u2026]+[\"'\u2019\u201d)\]]*(?=\s|$)|\n[ \t]*\n")
# Within a sentence a clause turns at these, so "I'm not asking for a job, but are you hiring?"
# is read as two clauses and the negation does not cover the second.
_CLAUSE_BREAK = re.compile(
    r"[;:\u2014\u2013]|\s-{1,2}\s|\b(?:but|however|although|though|whereas)\b", re.IGNORECASE
)

# "n't", or a contraction typed without its apostrophe ("dont"); a bare "nt" would also match
# "want" and "went".
_NEG = (
    r"(?:n't\b|\b(?:dont|wont|cant|isnt|arent|didnt|doesnt|wouldnt|couldnt|shouldnt|havent"
    r"|hasnt|wasnt|werent|aint)\b|\bnot\b|\bnever\b|\bno\b)"
)
# A negation that governs the ask: "not asking", "I won't ask", "not here to ask", "no
# expectation of". "Don't mind" and "don't hesitate" are not negations of the ask.
_NEGATED_ASK = _rx(
    _NEG + r" (?!mind\b|hesitate\b)(?:[\w']+ ){0,3}?(?:ask|asking|request\w*|expect\w*"
    r"|seek\w*|after|about|here to|writing|reaching|hoping (?:for|you)|want(?:ing)? you"
    r"|need(?:ing)? you|looking (?:for|to) you|a (?:job )?(?:request|ask))\b"
)
# A negation right before the match: "you may not know of any openings".
_NEGATED_NEAR = _rx(_NEG + r" (?:[\w']+ ){0,3}$")
_INSTEAD = _rx(r"\b(?:rather than|instead of|without) (?:[\w']+ ){0,3}$")

_ASK_CUE = _rx(
    r"\b(?:let me know|wonder\w*|curious|could you|can you|would you|will you|do you|did you"
    r"|have you|are you|is there|are there|please|any chance|tell me|feel free|mind"
    r"|if you (?:know|hear|see|could|can|would|happen)|(?:if|whether) there (?:are|is|might be"
    r"|would be)|to (?:see|find out|check|ask|enquire|inquire) (?:if|whether))\b"
)
_WISH_CUE = _rx(
    r"\b(?:I'd|I would|I'm|I am|I was|I've been|I have been|I)"
    r" (?:[\w']+ ){0,2}?(?:love|like|appreciate|grateful|hoping|hope|keen|eager|interested"
    r"|welcome|want|looking|seeking|wish)\b"
)
_RESEARCH = _rx(r"\b(?:research\w*|studying|tracking|looking into|mapping)\b")
# "How do people hear about openings?" asks for advice about the search, not for a job.
_ADVICE_ABOUT = _rx(
    r"\b(?:how|why|best way|where (?:do|does|would|should|can)|advice (?:on|about)"
    r"|tips (?:on|for))\b"
)
_THANKS_FOR = _rx(r"\bthank(?:s| you)(?: [\w']+){0,2}? for $")
_SCHEDULING = _rx(
    r"\b(?:resched\w*|cancel\w*|postpone\w*|rearrange\w*|calendar|diary|schedule|timing"
    r"|move (?:it|our|the)|push (?:it|our|the)|another (?:time|day)|different (?:time|day)"
    r"|can't make|before then|before we (?:meet|talk|speak)|in the meantime)\b"
)


@dataclass(frozen=True)
class _Context:
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


def _context(text: str, start: int, end: int, sentence_ends: list[re.Match[str]]) -> _Context:
    sentence_start, sentence_end = 0, len(text)
    for m in sentence_ends:
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
    return _Context(text, start, end, clause_start, clause_end, sentence_start, sentence_end)


def _is_negated(ctx: _Context, words: str) -> bool:
    prefix = ctx.prefix
    if _NEGATED_ASK.search(prefix) or _INSTEAD.search(prefix):
        return True
    # "I don't know whether you're hiring" hedges the ask rather than withdrawing it.
    if re.match(r"(?:if|whether)\b", words, re.IGNORECASE):
        return False
    return bool(_NEGATED_NEAR.search(prefix))


# Guards decide whether a match is an ask in its context. Strong phrasings ("could you refer
# me") are asks wherever they stand; weaker ones ("open roles") only inside a question or a
# request, and never while the writer describes their own research.


def _strong(ctx: _Context) -> bool:
    return True


def _question(ctx: _Context) -> bool:
    if _RESEARCH.search(ctx.prefix) or _ADVICE_ABOUT.search(ctx.prefix):
        return False
    return "?" in ctx.tail or bool(_ASK_CUE.search(ctx.prefix))


def _wish(ctx: _Context) -> bool:
    # "I'd love to hear how you got a position at your company" wishes for a story, not a job.
    if _RESEARCH.search(ctx.prefix) or _ADVICE_ABOUT.search(ctx.prefix):
        return False
    return _question(ctx) or bool(_WISH_CUE.search(ctx.prefix))


def _inverted_question(ctx: _Context) -> bool:
    return "?" in ctx.tail and not _RESEARCH.search(ctx.prefix)


def _not_research(ctx: _Context) -> bool:
    return not _RESEARCH.search(ctx.prefix)


def _stands_alone(ctx: _Context) -> bool:
    # "Hiring?" is an ask on its own; "Any tips on hiring?" is not.
    return not re.search(r"[^\W\d_]", ctx.prefix)


def _referral(ctx: _Context) -> bool:
    return _wish(ctx) and not _THANKS_FOR.search(ctx.prefix)


def _comes_up(ctx: _Context) -> bool:
    # "If something comes up and you need to reschedule" is about the meeting, not a job.
    return not _SCHEDULING.search(ctx.sentence)


# --- Job asks ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Kind:
    message: str
    suggestion: str


_OPENINGS = _Kind(
    "Asking whether they know of openings puts them on the spot: most people don't know about "
    "openings, even at their own company.",
    ADVICE_ASK,
)
_HIRING = _Kind(
    "Asking whether they are hiring turns an advice conversation into a job request they can "
    "only answer yes or no.",
    "Could I have 15–20 minutes to hear how you see the field, and which companies or people "
    "you think I should learn about?",
)
_REFERRAL = _Kind(
    "Asking for a referral or a good word asks them to vouch for you before they know what you "
    "are looking for.",
    "Could I have 15–20 minutes of your time for your advice, and the names of one or two people "
    "you think I should talk to?",
)
_RESUME_KIND = _Kind(
    "Asking them to pass on your résumé makes them your recruiter, and it's not their job to "
    "find you a job.",
    "Could I have 15–20 minutes for your advice on my search, and any names of people or "
    "companies I should look into?",
)
_KEEP_IN_MIND = _Kind(
    "Asking to be considered or kept in mind leaves it in their hands; ask for something easy "
    "to give today instead.",
    ADVICE_ASK,
)
_DIRECT = _Kind(
    "It's not their job to find you a job; ask for advice, names and ideas, and take it from "
    "there.",
    ADVICE_ASK,
)


@dataclass(frozen=True)
class _Rule:
    kind: _Kind
    guard: Callable[[_Context], bool]
    pattern: re.Pattern[str]


def _rule(kind: _Kind, guard: Callable[[_Context], bool], pattern: str) -> _Rule:
    return _Rule(kind, guard, _rx(pattern))


_JOB_ASK_RULES: tuple[_Rule, ...] = (
    # "Do you know of any openings?", "if you hear about a role", "come across any vacancies"
    _rule(
        _OPENINGS,
        _strong,
        r"\b(?:(?:know|hear|heard|aware|learn|learned|learnt|see|seen) (?:of|about)"
        r"|come across|came across|run across|spot|notice) "
        rf"(?:any|an?) (?:[\w-]+ ){{0,2}}{_JOB}\b(?! (?:to|you|like)\b)",
    ),
    # "if you hear of anything" (but not "do you know of anything I should read?")
    _rule(
        _OPENINGS,
        _strong,
        r"\b(?:know|hear|heard|come across|see) (?:of|about) anything\b"
        r"(?! (?:I|that I|you think|else|to|about|on)\b)",
    ),
    # "any openings", "any current vacancies", "any open roles"
    _rule(
        _OPENINGS,
        _strong,
        r"\bany (?:[\w-]+ )?(?:openings?|vacanc(?:y|ies))\b" + _NOT_CALENDAR,
    ),
    _rule(
        _OPENINGS,
        _strong,
        r"\bany (?:[\w-]+ )?(?:open|available) (?:jobs?|roles?|positions?|posts?|spots?|reqs?)\b",
    ),
    # "Are there any roles for analysts?" (a question; "I'm open to any role" is not)
    _rule(
        _OPENINGS,
        _question,
        r"\bany (?:[\w-]+ )?(?:(?:job|career|employment|work) )?"
        rf"{_JOB}\b"
        r"(?! (?:to|you|I|that you|suggestions?|advice|ideas?|models?|descriptions?)\b)"
        + _NOT_CALENDAR,
    ),
    # "positions available at your firm?", "roles that are still open"
    _rule(
        _OPENINGS,
        _question,
        rf"\b{_JOB} (?:(?:that|which) (?:are|is) )?(?:(?:currently|still|now) )?"
        r"(?:open|available|going)\b(?! to\b)",
    ),
    # bare "openings" in a question: "Are there openings on your team?"
    _rule(
        _OPENINGS,
        _question,
        r"\b(?:openings?|vacanc(?:y|ies)|open (?:jobs?|roles?|positions?|reqs?))\b" + _NOT_CALENDAR,
    ),
    _rule(
        _OPENINGS,
        _strong,
        r"\b(?:is|are) there (?:anything|something) (?:[\w-]+ )?"
        r"(?:open|available|going|suitable|for me)\b",
    ),
    # "Does your team have a vacancy?"
    _rule(
        _OPENINGS,
        _question,
        rf"\b(?:have|has|got) (?:any|an?) (?:[\w-]+ )?(?:{_JOB}|headcount)\b(?! (?:like|to)\b)",
    ),
    # "Are you hiring?", "Is your team still hiring?"
    _rule(
        _HIRING,
        _strong,
        rf"\b(?:are|is) (?:you|y'all|they|{_YOUR_ORG}|any(?:one|body) (?:on|at|in) (?:your|the)"
        rf" (?:[\w-]+ ){{0,2}}?{_ORG})(?: guys| lot| all| folks)? {_STILL}(?:hiring|recruiting)\b",
    ),
    # "whether your team is hiring", "if you're hiring", "if Acme might be hiring"
    _rule(
        _HIRING,
        _not_research,
        rf"\b(?:if|whether) (?:you|they|{_YOUR_ORG}|{_NAME})"
        r"(?:\s*'(?:re|s)| (?:is|are|was|were|might be|may be|will be|would be|could be))"
        rf" {_STILL}(?:(?:planning on|looking at|thinking (?:of|about)) )?(?:hiring|recruiting)\b",
    ),
    # "Is Acme hiring?"
    _rule(
        _HIRING,
        _inverted_question,
        rf"\b(?:is|are) (?!there\b)(?:the )?{_NAME} {_STILL}(?:hiring|recruiting)\b",
    ),
    # "Do you know who's hiring?", "any companies that are hiring analysts?"
    _rule(
        _HIRING,
        _question,
        r"\b(?:who|any(?:one|body)|some(?:one|body)"
        r"|(?:any|which|what) (?:[\w-]+ ){0,2}?"
        r"(?:companies|firms|organi[sz]ations|employers|teams|places|non-?profits|agencies"
        r"|businesses)|companies|firms|organi[sz]ations|employers)"
        r"(?: (?:that|who|which))?(?:\s*'(?:s|re)| (?:is|are|might be|may be))?"
        r" (?:(?:still|currently|actively|now) )?hiring\b",
    ),
    _rule(
        _HIRING,
        _question,
        r"\blooking to (?:hire|fill|recruit|bring on|add to (?:the|your) team"
        r"|grow (?:the|your) team)\b",
    ),
    # "Hiring?" or "You hiring?" on its own
    _rule(
        _HIRING,
        _stands_alone,
        rf"(?:(?:you|{_YOUR_ORG}|{_NAME}) )?(?:still )?(?:hiring|recruiting)(?=\s*\?)",
    ),
    _rule(
        _HIRING,
        _strong,
        r"\b(?:hire|hiring|employ|employing|onboard) (?:me|someone like me|people like me)\b",
    ),
    _rule(
        _HIRING, _strong, r"\b(?:take|taking|bring|bringing) me on(?:board)?\b(?! (?:a|an|the)\b)"
    ),
    # "Could you refer me?" ("refer me to someone who knows the sector" asks for a name: fine)
    _rule(_REFERRAL, _strong, r"\brefer(?:ring)? me\b(?! (?:on )?to\b)"),
    _rule(
        _REFERRAL,
        _strong,
        r"\brefer(?:ring)? me (?:on )?to (?:[\w-]+ ){0,3}?"
        rf"(?:hiring|hr|human resources|recruit\w*|talent|{_JOB}|postings?)\b",
    ),
    # "I'd be grateful for a referral" (but not "thanks for the referral to Jane")
    _rule(
        _REFERRAL,
        _referral,
        r"\b(?:an?|any|your|the) (?:[\w-]+ )?referral\b"
        r"(?! (?:to|from) (?!(?:the |your |a )?(?:hiring|hr\b|human|recruit)))",
    ),
    _rule(
        _REFERRAL,
        _strong,
        r"\b(?:put|putting|say|saying|drop|dropping) (?:in )?a (?:good |kind |quick )?word"
        r"(?: in)?\b(?: for me)?|\b(?:a|the) good word (?:for|about) me\b",
    ),
    _rule(_REFERRAL, _strong, r"\bvouch(?:ing)? for me\b"),
    _rule(
        _REFERRAL,
        _strong,
        r"\b(?:recommend|recommending|nominate|nominating|endorse|endorsing) me "
        rf"(?:for|as|to {_HIRING_PEOPLE})",
    ),
    # "recommend me to your boss" (but "recommend me to someone who knows the field" asks for
    # a name)
    _rule(
        _REFERRAL,
        _strong,
        r"\brecommend(?:ing)? me to (?!(?:someone|anyone|somebody|anybody|people|others"
        r"|a (?:friend|colleague|contact))\b)[\w-]+(?: [\w-]+)?",
    ),
    # "Would you be a reference for me?", "write me a letter of recommendation"
    _rule(
        _REFERRAL,
        _strong,
        r"\b(?:be|act as|serve as) (?:a |my )reference\b"
        r"|\b(?:write|writing|give|giving) me (?:a )?(?:letter of recommendation|reference)\b",
    ),
    _rule(
        _REFERRAL,
        _strong,
        r"\bput(?:ting)? (?:me|my name) (?:forward|in for|in the hat|up for|in front of)\b",
    ),
    _rule(
        _REFERRAL,
        _strong,
        r"\b(?:introduce|introducing|connect|connecting|put|putting) me (?:in touch )?"
        rf"(?:to|with) {_HIRING_PEOPLE}|\b(?:be|being|get|getting) introduced to {_HIRING_PEOPLE}",
    ),
    # "Do you know the hiring manager for the role?"
    _rule(
        _REFERRAL,
        _question,
        r"\b(?:who(?:'s| is) the hiring manager|who the hiring manager is"
        r"|(?:know|find out|tell me) (?:who )?the hiring manager)\b",
    ),
    _rule(
        _REFERRAL,
        _strong,
        r"\b(?:mention|mentioning|flag|flagging|drop|dropping|pass|passing) (?:me|my name)"
        r" (?:on |along )?to (?:(?:your|the) (?:[\w-]+ )?(?:manager|boss|director|partners?|ceo"
        r"|founder)\b|" + _HIRING_PEOPLE + ")",
    ),
    # "Is your practice taking on staff?", "get me onto the shortlist"
    _rule(
        _HIRING,
        _question,
        r"\btak(?:e|ing) on (?:any |new |more |extra )?(?:staff|trainees|graduates|interns"
        r"|apprentices|people|anyone|contractors|freelancers|juniors)\b",
    ),
    _rule(
        _DIRECT,
        _strong,
        r"\b(?:get|getting|put|putting) (?:me )?(?:onto|on) (?:the|a|your) shortlist\b"
        r"|\bshortlist(?:ing)? me\b"
        r"|\b(?:sort|fix|hook|set) me (?:out |up )?with (?:a|an|some) (?:[\w-]+ )?"
        r"(?:job|role|position|post|work|interview|placement|contract)\b",
    ),
    _rule(
        _REFERRAL,
        _strong,
        rf"\b(?:speak|talk|speaking|talking|have a word) (?:to|with) {_HIRING_PEOPLE}"
        r" (?:about|for|on behalf of) me\b",
    ),
    # "Could you forward my résumé?", "please pass on my CV"
    _rule(
        _RESUME_KIND,
        _strong,
        r"\b(?:you|please) (?:(?:could|can|would|might|will|please|kindly|possibly) ){0,2}"
        rf"(?P<w>(?:pass|forward|send|share|circulate) (?:(?:on|along) )?my {_RESUME})",
    ),
    # "pass my CV along", "circulating my résumé"
    _rule(
        _RESUME_KIND,
        _strong,
        r"\b(?:pass|passing|circulate|circulating|hand|handing) (?:(?:on|along|around) )?my "
        + _RESUME,
    ),
    # "Could you send my résumé to the hiring manager?" ("I'll send my résumé to you" is fine)
    _rule(
        _RESUME_KIND,
        _wish,
        r"\b(?:pass|forward|send|share|get|put|hand|submit|flag|give|take|walk|drop)"
        rf"(?:s|ing)? (?:(?:on|along|over) )?my {_RESUME}"
        r"(?: (?:on|along|over|through|internally|up))?"
        r" (?:to|with|in front of|into the hands of|into|before)"
        r" (?!(?:you|yourself|this|that|we|us|our|I|me|then|the (?:email|message|note|attachment)"
        r"|a (?:friend|colleague))\b)(?:(?:the|your|a|an|their|his|her) )?[\w-]+"
        r"(?: (?:manager|team|department|dept|person|people|lead|partner|folks|hands))?",
    ),
    _rule(
        _RESUME_KIND,
        _strong,
        r"\b(?:pass|forward|send|share|get|put|hand|circulate|submit|flag|give|take)"
        r"(?:s|ing)? (?:it|this|them|that|these|those"
        rf"|my (?:details|profile|info|information|portfolio|name|{_RESUME}))"
        r"(?: (?:on|along|over|through|internally|up))?"
        rf" (?:to|with|in front of|into the hands of|before) (?:{_HIRING_PEOPLE}|{_RIGHT_PEOPLE})",
    ),
    _rule(
        _RESUME_KIND,
        _strong,
        r"\b(?:move|push|flag|fast[- ]?track|expedite|champion|support|back|boost) "
        rf"my {_RESUME}|\bget my {_RESUME} (?:noticed|seen|looked at|read|considered|through)\b",
    ),
    # "I'd love to be considered for the analyst role"
    _rule(_KEEP_IN_MIND, _strong, r"\b(?:to be|being|be|get|getting) considered (?:for|as)\b"),
    _rule(
        _KEEP_IN_MIND,
        _strong,
        rf"\bconsider(?:ing)? me (?:for|as)\b|\bconsider my {_RESUME}",
    ),
    _rule(
        _KEEP_IN_MIND,
        _strong,
        r"\b(?:keep|keeping|bear|bearing) (?:me|my name) in mind\b"
        r"|\bthink of me (?:if|for|when|should|whenever)\b"
        rf"|\b(?:keep|put) (?:me|my (?:name|details|{_RESUME})) on (?:file|record)\b",
    ),
    # "let me know if anything comes up", "if a role opens up"
    _rule(
        _KEEP_IN_MIND,
        _comes_up,
        r"\b(?:anything|something|an? (?:[\w-]+ )?(?:role|position|job|post|spot|opening|vacancy"
        r"|opportunity)) (?:(?:suitable|relevant|appropriate|interesting|good|similar) )?"
        r"(?:comes?|came|opens?|turns?|pops?|crops?|frees?) up\b",
    ),
    _rule(
        _KEEP_IN_MIND,
        _comes_up,
        r"\b(?:anything|something|an? (?:[\w-]+ )?(?:role|position|job|post|spot|opening|vacancy"
        r"|opportunity)|positions|roles|jobs) (?:becomes?|is|are) (?:made )?available\b",
    ),
    _rule(
        _KEEP_IN_MIND,
        _strong,
        r"\bkeep (?:an eye|your eyes|your ears?|an ear) (?:open |out |peeled )?(?:for|on) "
        rf"(?:anything\b|(?:(?:any|an?|the) )?(?:[\w-]+ ){{0,2}}?{_JOB}\b)",
    ),
    _rule(
        _KEEP_IN_MIND,
        _strong,
        r"\bkeep me (?:posted|informed|updated|in the loop) (?:on|about|of|if|when|regarding) "
        rf"(?:anything\b|(?:(?:any|an?|new) )?(?:[\w-]+ ){{0,2}}?{_JOB}\b)",
    ),
    # "find me a job", "get me an interview"
    _rule(
        _DIRECT,
        _strong,
        r"\b(?:find|get|give|offer|land|secure|line up|fix) me (?:a|an|any|some|another) "
        r"(?:[\w-]+ ){0,2}?(?:job|role|position|post|work|gig|placement|opening|contract"
        r"|interview|offer|spot)\b",
    ),
    _rule(
        _DIRECT,
        _strong,
        r"\bhelp(?:ing)? me (?:to )?(?:get hired|apply\b|get (?:a|my) foot in"
        rf"|get in(?:to)? (?:the door|{_YOUR_ORG})|(?:find|get|land|secure|obtain|look for"
        r"|search for|score|apply for) (?:(?:a|an|any|my next|some|the|another) )?"
        r"(?:[\w-]+ ){0,2}?(?:job|role|position|post|work|employment|gig|placement|opening"
        r"|interview|offer)s?\b)",
    ),
    _rule(
        _DIRECT,
        _strong,
        r"\b(?:a|an|any) (?:[\w-]+ )?(?:job|role|position|post|opening|vacancy|spot|place|slot"
        r"|opportunity|gig|room) (?:available |open )?for (?:me|someone like me|people like me)\b"
        r"(?! to\b)|\b(?:any|some) work for me\b",
    ),
    _rule(
        _DIRECT,
        _strong,
        r"\bhelp(?:ing)? me (?:out )?with (?:a|finding a|getting a|landing a) (?:[\w-]+ )?"
        r"(?:job|role|position|post|placement)\b",
    ),
    # "Is there any room on your team?", "job leads"
    _rule(_OPENINGS, _question, rf"\broom (?:on|in|at|within) {_YOUR_ORG}"),
    # "Let me know if there's anything suitable", "anything that might suit me"
    _rule(
        _OPENINGS,
        _question,
        r"\b(?:anything|something) (?:suitable|that (?:might|would|could|may) (?:suit|fit) me"
        r"|for someone like me)\b",
    ),
    _rule(_OPENINGS, _question, r"\bwork (?:going|available)\b"),
    # "Are you looking for an analyst?", "Does your team need a bookkeeper?"
    _rule(
        _HIRING,
        _question,
        rf"\b(?:are you|is {_YOUR_ORG}) (?:currently |still )?looking for (?:an?|any|someone"
        r"|anyone|somebody|anybody|new|more|people|candidates)\b",
    ),
    _rule(
        _HIRING,
        _question,
        # "What if you need a plumber?" is a hypothetical, not a question about hiring.
        rf"(?<!\bwhat\s)\b(?:does|do|if|whether) (?:you|{_YOUR_ORG}|{_NAME})"
        r" (?:need|needs|could use) "
        r"(?:an?|another|more|extra|someone|anyone|somebody|anybody)\b"
        # "if you need a hand with the gala" offers help; it does not ask for a job
        r"(?! (?:hand|favou?r|lift|ride|volunteer|help|break|minute)\b)",
    ),
    # "Could I work for you?", "Can I come and work for you?"
    _rule(
        _DIRECT,
        _strong,
        r"\b(?:could|can|might|may) I (?:come and |possibly |ever )?(?:work (?:for|at) "
        rf"(?:you\b|{_YOUR_ORG}|{_NAME})|join {_YOUR_ORG}|join (?>{_NAME})(?! for\b))",
    ),
    _rule(
        _OPENINGS,
        _strong,
        rf"\b(?:job|role) leads\b|\bleads on (?:any )?(?:[\w-]+ )?{_JOB}",
    ),
    _rule(
        _OPENINGS,
        _question,
        r"\b(?:has|have|got) (?:any |the )?(?:open )?headcount\b",
    ),
    _rule(
        _DIRECT, _strong, r"\b(?:have|has|got) (?:anything|something) (?:[\w-]+ )?for me\b(?! to\b)"
    ),
    _rule(
        _DIRECT,
        _strong,
        r"\b(?:get|land|set up|arrange|secure|line up|score|book|schedule|fix up) me "
        r"(?:an? |some )?(?:job |first |quick )?interviews?\b|\binterview(?:ing)? me\b",
    ),
    _rule(_DIRECT, _wish, r"\ban interview (?:with|at) (?:you|your)\b"),
    _rule(
        _DIRECT,
        _strong,
        r"\b(?:set up|arrange|get|line up|secure|book) (?:an? |some )?interviews? "
        rf"(?:for me|with (?:you\b|{_YOUR_ORG}|{_HIRING_PEOPLE}))",
    ),
    _rule(
        _DIRECT,
        _strong,
        r"\b(?:find|get|give|offer) me (?:something|anything)\b(?! (?:to|I|you)\b)",
    ),
    _rule(
        _DIRECT,
        _strong,
        r"\bget me (?:in(?:to)? (?:the door|there)|a foot in(?: the door)?|in at|through the door"
        rf"|into {_YOUR_ORG})",
    ),
    # "I'd love a role on your team", "an opportunity at your company"
    _rule(
        _DIRECT,
        _wish,
        rf"\b(?:(?:a|an|the|any) )?(?:[\w-]+ )?(?:{_JOB}|employment) "
        rf"(?:at|with|on|in|within|inside|into) (?:{_YOUR_ORG}|you)\b",
    ),
    _rule(
        _DIRECT,
        _strong,
        r"\b(?:love|'d like|would like|want|wanting|hope|hoping|keen|eager|interested in|dream"
        r"|excited|thrilled|delighted|chance|opportunity|possibility|prospect|way)"
        r"(?: to| of)? (?:(?:join|joining|be part of|being part of"
        rf"|become part of) (?:{_YOUR_ORG}|{_NAME})|(?:work|working) (?:for|at) (?:{_YOUR_ORG}|you"
        rf"|{_NAME}))(?!\w)",
    ),
    # "I'm writing to ask about openings" ("I'm not asking about openings" is negated)
    _rule(
        _DIRECT,
        _strong,
        r"\b(?:ask|asking|enquir\w*|inquir\w*) (?:you )?(?:about|for|regarding"
        r"|whether there (?:are|is|might be)|if there (?:are|is|might be)) "
        r"(?:(?:any|a|an|the|possible|potential|current|open|available|job|employment|career"
        rf"|new) )*(?:{_JOB}|referrals?|interviews?|employment|work)\b",
    ),
    _rule(
        _DIRECT,
        _strong,
        r"\bany chance (?:of|for|at) (?:a|an|any) (?:[\w-]+ )?(?:job|role|position|post"
        r"|interview|opening|referral|spot|place)\b",
    ),
)


def _job_ask_findings(text: str, sentence_ends: list[re.Match[str]]) -> list[Finding]:
    candidates: list[tuple[int, int, _Kind]] = []
    for rule in _JOB_ASK_RULES:
        for m in rule.pattern.finditer(text):
            # A rule may need words around the ask to recognise it ("you could forward my CV")
            # but report only the ask itself, marked as the group "w".
            start, end = m.span("w") if "w" in rule.pattern.groupindex else m.span()
            ctx = _context(text, start, end, sentence_ends)
            if rule.guard(ctx) and not _is_negated(ctx, m.group(0)):
                candidates.append((start, end, rule.kind))
    # Several rules often see the same ask ("any openings" inside "know of any openings",
    # "consider me for" next to "any upcoming roles"): matches that overlap or touch become one
    # finding over their union, named after the earliest.
    candidates.sort(key=lambda c: (c[0], -c[1]))
    merged: list[tuple[int, int, _Kind]] = []
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


# --- Vague goal --------------------------------------------------------------------------------

_SPECIFICS_FOLLOW = (
    r"(?! (?:in|as|at|with|using|that|which|where|doing|on|within|leading|managing|running"
    r"|building|focused|for|near|around|close|search|market|hunt|boards?|titles?|offers?"
    r"|interviews?|descriptions?|postings?|openings?|leads?)\b)"
)
_VAGUE_RULES = (
    # "I'm looking for a job." with nothing after it to say which
    _rx(
        r"\b(?:looking for|seeking|searching for|hunting for|want|need|hoping for"
        r"|hoping to (?:find|get|land)|trying to (?:find|get|land))"
        r" (?:(?:a|another|some) )?(?:(?:new|full-time|full time|part-time|part time|good|decent"
        r"|permanent|stable|steady|paid) )?(?:job|role|position|work|employment|gig)\b"
        + _SPECIFICS_FOLLOW
        + r"(?![\w-])"
    ),
    _rx(
        r"\b(?:any|whatever) (?:(?:kind|type|sort) of )?(?:job|role|position|work|opportunity)\b"
        + _SPECIFICS_FOLLOW
        + r"(?!s\b)(?! (?:to|you|that you)\b)"
    ),
    _rx(r"\b(?:open to|consider|take|do|accept) (?:just )?anything\b(?! (?:you|that you|I|to)\b)"),
    _rx(r"\bwhatever(?: is| comes|'s) (?:available|up|going|open)\b"),
)
_VAGUE_GOAL_MESSAGE = (
    "“A job” is too vague for anyone to help with: say what kind of job, in what industry, "
    "what type of company and where."
)


def _vague_findings(
    text: str, sentence_ends: list[re.Match[str]], taken: list[tuple[int, int]]
) -> list[Finding]:
    spans: list[tuple[int, int]] = []
    for pattern in _VAGUE_RULES:
        for m in pattern.finditer(text):
            start, end = m.span()
            ctx = _context(text, start, end, sentence_ends)
            if _is_negated(ctx, m.group(0)):
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


# --- Missing parts -----------------------------------------------------------------------------

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
_SHORT_HOUR = _rx(
    r"\b(?:a quarter of an hour|quarter of an hour|half an hour|half-hour|half hour)\b"
)
_LONG_HOUR = _rx(r"\b(?:an|one|a couple of|two|a few) hours?\b|\b(?:an|one)-hour\b")


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


_ADVICE = _rx(
    r"\b(?:advice|advise|guidance|suggestions?|suggest|ideas?|insights?|perspective|thoughts"
    r"|pointers|tips|input|counsel|recommendations?|recommend|names|contacts|brainstorm\w*"
    r"|pick(?:ing)? your brain|learn from you|your (?:experience|take|views?|opinion)"
    r"|who else|anyone else|(?:people|companies|organi[sz]ations|firms) (?:I|you think I|that I)"
    r" should|introduc\w* (?:me )?to)\b"
)

_PITCH = (
    _rx(
        r"\b(?:use|using|apply|applying|bring|bringing|put|putting|leverage|leveraging|build on"
        r"|draw on|contribute) my (?:[\w'-]+ ){0,5}?(?:skills?|experience|expertise|background"
        r"|knowledge|strengths?|talents?)\b"
    ),
    _rx(
        r"\b(?:looking|hoping|aiming|seeking|searching|exploring|targeting|pursuing|interested"
        r"|focused|focusing|concentrating|keen|moving|transitioning|pivoting|returning)\b"
        r"(?: [\w'-]+){0,6}? (?:roles?|positions?|jobs?|opportunit(?:y|ies)|work|careers?|posts?"
        r"|move|openings?) (?:in|at|with|within|as|for|across|on)\b"
    ),
    _rx(
        r"\b(?:my|our) (?:job )?(?:search|focus|target|goal|aim) (?:is|'s|has been) "
        r"(?:(?:focused|centred|centered|aimed|directed|narrowed) )?(?:on|in|to|toward|towards)\b"
    ),
    _rx(
        r"\b(?:move|moving|transition|transitioning|pivot|pivoting|shift|shifting|switch"
        r"|switching|return|returning|get back|getting back) (?:back )?(?:in)?to "
        r"(?:(?:a|an|the) )?[\w-]+ (?:roles?|sector|industry|field|work|world|space"
        r"|organi[sz]ations?|companies|firms)\b"
    ),
)

_WORD = re.compile(r"\w+(?:['’-]\w+)*")


def _missing_findings(text: str, *, has_vague_goal: bool, first_message: bool) -> list[Finding]:
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


def check(text: str, *, first_message: bool = True) -> list[Finding]:
    """Findings for an outreach text: job asks, vague goals, then missing parts ('' gives [])."""
    if not text or not text.strip():
        return []
    sentence_ends = list(_SENTENCE_END.finditer(text))
    job_asks = _job_ask_findings(text, sentence_ends)
    taken = [(f.start, f.end) for f in job_asks if f.start is not None and f.end is not None]
    vague = _vague_findings(text, sentence_ends, taken)
    missing = _missing_findings(text, has_vague_goal=bool(vague), first_message=first_message)
    return job_asks + vague + missing
