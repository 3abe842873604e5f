"""The words the model reads: tokens with their place in the text, and the features made of them.

Pure and shared by the scorer (model.py) and the training script (benchmarks/askcheck_train.py),
so a message is read the same way when the model is trained and when it is used.

A token is a run of letters or digits (apostrophes inside a word are dropped, so "I'm" and a
hurried "Im" are one token), or a question mark. Tokens are lower-cased and every digit reads as
0 ("9am" and "7am" are one token). Features are the tokens (`w|…`), the pairs of neighbouring
tokens (`b|… …`) and the pairs with one token between them (`s|… …`), each counted once per
message: "consider me for" gives `b|consider me`, `b|me for` and `s|consider for`.

>>> [t.norm for t in tokens("I'm free from the 1st, can start Mon?")]
['im', 'free', 'from', 'the', '0st', 'can', 'start', 'mon', '?']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hundred.network.askcheck.guards import (
    EMPLOYER,
    NON_JOB_APPLICATION,
    NOT_PAID_WORK,
    THIRD_OFFERED,
    not_a_job_within,
)

_TOKEN = re.compile(r"[^\W_]+(?:['\u2019\u2018\u02bc`][^\W_]+)*|\?")
# Apostrophes dropped, every digit read as 0 (str.translate: one pass, no regex per token).
_NORMAL = {ord(c): None for c in "'\u2019\u2018\u02bc`"} | {ord(d): "0" for d in "123456789"}


@dataclass(frozen=True)
class Token:
    norm: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """The tokens of `text`, each with its normal form and its span in the text."""
    return [
        Token(m.group().lower().translate(_NORMAL), m.start(), m.end())
        for m in _TOKEN.finditer(text)
    ]


# Hundred's own pitch sentences (pitch.build_pitch): they say what the writer is looking for, as
# the method asks, so the model does not read them. The rules still do.
_OWN_PITCH = re.compile(
    r"(?:^|(?<=[.!?\n]))\s*(?:I['\u2019]m looking for an opportunity to use my |I do my best "
    r"work in )[^.!?\n]*[.!?]?"
)


def model_tokens(text: str) -> list[Token]:
    """The tokens the model reads: all but those of Hundred's own pitch sentences."""
    toks = tokens(text)
    masked = [m.span() for m in _OWN_PITCH.finditer(text)]
    if not masked:
        return toks
    return [t for t in toks if not any(a <= t.start < b for a, b in masked)]


def feature_spans(toks: list[Token]) -> dict[str, tuple[int, int]]:
    """Each feature of the tokens, with the token indexes (first, last) where it first occurs."""
    found: dict[str, tuple[int, int]] = {}
    norms = [t.norm for t in toks]
    for i, word in enumerate(norms):
        found.setdefault("w|" + word, (i, i))
        if i + 1 < len(norms):
            found.setdefault(f"b|{word} {norms[i + 1]}", (i, i + 1))
        if i + 2 < len(norms):
            found.setdefault(f"s|{word} {norms[i + 2]}", (i, i + 2))
    return found


_A = "['\u2019\u2018\u02bc`]?"  # an apostrophe, or none ("dont")
# Cues: what a whole message does, whatever its words, read by a pattern rather than by a word or
# a pair. Each is one feature (`c|…`) the model weighs like any other: an offer made for free, a
# withdrawal or an acceptance, a thank-you for a referral already made, asking to be a referee,
# the writer's time on offer, applying for a named post, the writer as the one hiring, a message
# that says it is not asking.
CUES: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern, re.IGNORECASE)
    for name, pattern in {
        "free": r"\b(?:unpaid|no charge|without charge|free of charge|for free|free,? of course"
        r"|for nothing|pro bono|no fee|don" + _A + r"t (?:want|need|expect) (?:any|no)\w* \w*"
        r" ?for it|not (?:looking|asking) to be paid"
        # volunteering offered, not volunteering done (eighth version: "I volunteered at the
        # clinic for two years" is experience in many a job ask): "I'd like to volunteer",
        # "register as a volunteer", "volunteer a couple of evenings", "Dear Volunteer Team"
        r"|(?:to|I" + _A + r"d|I would|I" + _A + r"ll|I will|I could|can|could) volunteer\b"
        r"|(?:offer|give|register|sign up|enrol|join|come) (?:[\w-]+ ){0,3}?as an? volunteer"
        r"|volunteer (?:mentor|helper|role|basis|coordinator|team|office|rota)s?"
        r"|volunteer(?:ing)? (?:a|my|some|the odd) (?:[\w-]+ )?(?:hours?|evenings?|mornings?"
        r"|days?|time|weekends?|saturdays?)"
        # help or know-how given to the reader (seventh version): "happy to share notes",
        # "compare notes", "pick my brain", "share what I learned"
        r"|(?:share|compare|swap|trade) (?:my |some |our |any )?notes|pick my brain"
        r"|share (?:what I (?:learned|learnt|know|found)|my (?:experience|template|checklist))"
        # (tenth version) help given back for help had: "least I can do after all ur help"
        r"|(?:the )?least (?:I|we) (?:can|could) do)\b",
        # (tenth version) a resignation: "formal notice of my resignation", "I wish to resign"
        "withdraw": r"\b(?:withdraw\w*|notice of (?:my )?resignation|my resignation from|(?:I"
        r" wish|I am writing|writing) to resign|(?:won"
        + _A
        + r"t|can"
        + _A
        + r"t|cannot|will not|unable"
        r" to) (?:make|attend|come to) (?:the|my|our) \w*|(?:delighted|pleased|happy|glad) to"
        r" accept|accept(?:ed|ing)? (?:your|the) (?:kind )?offer|(?:been|was) offered"
        # (ninth version, from author K) an offer declined, an interview had and thanked for
        r"|(?:declin\w*|turn\w* down|say\w* no to) (?:your|the|this) (?:[\w-]+ )?offer"
        r"|(?:going to|have to|must) (?:say no|decline)|thank(?:s| you)(?: \w+){0,2} for (?:[\w-]+"
        r" ){0,4}?interview(?:ing)? me)\b",
        # A third person recommended to a reader who hires (ninth version, from author K): "my
        # ex-colleague is brilliant… happy to be contacted", "want his number?"
        "recommends": r"\b(?:want|shall I (?:send|pass|give) you|I can (?:send|pass|give) you)"
        r" (?:his|her|their) (?:no|number|details|contact|email)\b|\b(?:he|she|they)"
        + _A
        + r"(?:s|re)? (?:happy|glad) to be contacted\b|\b(?:I"
        + _A
        + r"d|I would|I"
        + _A
        + r"ll|I will|I can) (?:mention|recommend|introduce) (?:him|her|them) to (?:you|u)\b"
        # (tenth version) the reader's number given to the third person: "I give him your number"
        r"|\bI(?:" + _A + r"ll| will| can| have| already| just)? (?:give|gave|given|pass|passed"
        r"|send|sent) (?:him|her|them) (?:your|ur) (?:no|number|details|contact|email)\b"
        # (eleventh version, from author M) a reference offered for someone else, a former
        # colleague of the writer's applying: "Happy to give a reference if useful", "My former
        # team member Ioana Rusu is applying"
        r"|\b(?:happy|glad|willing|pleased) to (?:give|provide|write|be|act as|offer) (?:a |an "
        r"|her |him |them |their |his )?(?:[\w-]+ )?(?:reference|referee)\b|\b(?:my|our)"
        r" (?:former|old|ex-?|previous) (?:[\w-]+ ){0,2}?(?:colleague|team member|employee"
        r"|staff member|student|mentee|apprentice|report|assistant)s?\b[^.!?\n]{0,40}?\b(?:is|are"
        r"|has|have|'s) (?:applying|applied|going for)\b"
        # (eleventh version, from author Q) a reference written for someone else: "Please find
        # attached my reference for Chloe Barnes", "pleased to provide a reference for Mr Pascoe"
        r"|\breference for (?:(?-i:[A-Z])|him\b|her\b|them\b)"
        # (from authors O and R) a third person offered for the reader's need: "call femi 07700
        # 900876", "call him, I give you the number"
        r"|" + THIRD_OFFERED,
        "thanked": r"\bthanks?(?: you)?(?: \w+){0,2} for (?:the|your) (?:\w+ )?(?:referral"
        r"|recommendation|introduction|intro)\b",
        "referee": r"\breferees?\b",
        # The writer's time on offer, in words no job ask needs: "free from June", "I'm around
        # all August", "u know where i am", "give me a shout", "I'm your guy", "I'd jump at it"
        "offer": r"\b(?:(?:I"
        + _A
        + r"m|I am|I"
        + _A
        + r"ll be) (?:\w+ )?(?:free|around|about|available)"
        r" (?:from|all|the whole|through|until|most|every|any|mornings|evenings|weekends"
        r"|this|next)|free (?:from|all) (?:the|next|[0-9]|june|july|august|jan\w*|may|april)"
        r"|know where (?:I am|im|to find me)|(?:give|gimme|give me) (?:me )?a (?:shout|bell"
        r"|ring|buzz)|(?:I" + _A + r"m|I am) (?:your|ur) (?:guy|man|girl|woman|person|lad)|jump at"
        r"|bite your hand off|send (?:them|it|work|jobs) my way|count on me|a text away"
        r"|(?:mornings|evenings|weekends|nights|sundays|saturdays) are (?:mine|yours)"
        r"|(?:be|I" + _A + r"m|I am) the one (?:you|u) (?:call|ring|phone))\b",
        # Applying, cover-letter style, for a named post: "I am applying for the part-time
        # Office Administrator role" ("I'm applying for roles in healthcare" names none)
        "applies": r"\b(?:I am|I" + _A + r"m|im) (?:now |currently |writing to )?apply(?:ing)?"
        r" for (?:the|your|this) (?:[\w-]+ ){0,5}?(?:role|position|post|vacancy|job|opening)\b",
        # Applying, registering or enrolling for what is not a job (seventh version, from author
        # I's letters for a degree, a registration, a stall, a traineeship, a bursary), or
        # writing to the body that grants it: "Please find enclosed my application for
        # registration", "Dear Admissions Committee"
        "not_a_job": r"\b(?:appl(?:y|ying|ied|ication)|enrol\w*|enroll\w*|register\w*|put (?:myself"
        r"|my name) forward|stand|standing) (?:for|to|on|onto|with) "
        + not_a_job_within(8)
        + r"|\bdear (?:the )?(?:admissions?"
        r"|registration|course|programme|program|market|arts|grants?|bursary|bursaries"
        r"|scholarships?|enrolment|enrollment|licensing|funding)\b"
        # (ninth version, from author K) anything applied for that names no job
        + "|"
        + NON_JOB_APPLICATION
        # (eleventh version) a volunteer place, a voluntary role, a grant
        + "|"
        + NOT_PAID_WORK,
        # A reply that answers the reader's question (seventh version): "You asked how hiring
        # actually works", "to answer your question", "I hope that helps"
        "answers": r"\byou asked (?:me )?(?:how|about|what|whether|if|why|for my|which|where)\b"
        r"|\bto answer your question|\bhope (?:this|that|it) helps\b",
        # The writer is the one hiring: "I need to hire my first employee", "before I put the job
        # ad up"
        "employer": EMPLOYER.pattern,
        "disclaims": r"\b(?:not|n" + _A + r"t|never|nor|cannot) (?:\w+ ){0,3}?(?:asking|ask|apply"
        r"\w*|seek\w*|expect\w*|fishing|give me (?:a )?(?:job|work)|hire me)\b",
    }.items()
}


# The cues that mark a message as honest in a way the words may not (tenth version): an offer
# made for nothing, an application for what is not a job, a third person recommended, a reply, a
# referee, thanks for a referral, the writer hiring, a withdrawal. A message holding one must
# score above the model's `caution` rather than its threshold (model.is_job_ask), both chosen by
# cross-validation (benchmarks/askcheck_train.py).
HONEST_CUES = frozenset(
    "c|" + name
    for name in (
        "free",
        "not_a_job",
        "recommends",
        "answers",
        "referee",
        "thanked",
        "employer",
        "withdraw",
    )
)


def cue_features(text: str) -> set[str]:
    """The cues the text holds, as features."""
    return {"c|" + name for name, pattern in CUES.items() if pattern.search(text)}


def features(text: str) -> set[str]:
    """The features of a text, as the model reads them."""
    return set(feature_spans(model_tokens(text))) | cue_features(text)
