"""The target and the pitch: know what you are looking for, and say it briefly (points 3 and 4).

Pure: lists of strings in, a sentence or a list of warnings out.

>>> build_pitch(skills=["financial analysis"], industries=["non-profit"], company_kinds=[],
...             work_environment=[], geographies=["Boston"])
"I'm looking for an opportunity to use my financial analysis skills in a non-profit organisation in the Boston area."
"""  # noqa: E501

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "FIELDS",
    "MAX_PITCH_SENTENCES",
    "MAX_PITCH_WORDS",
    "Completeness",
    "PitchWarning",
    "build_pitch",
    "homework_prompt",
    "pitch_warnings",
    "short_pitch",
    "target_completeness",
]

# The target's parts, in the order the article asks about them.
FIELDS = ("skills", "industries", "company_kinds", "work_environment", "geographies")

# "Briefly": the article's own example is one sentence of 22 words.
MAX_PITCH_SENTENCES = 2
MAX_PITCH_WORDS = 40

# The article's questions, one per part of the target.
_QUESTIONS = {
    "skills": "What kind of job: which skills do you want to use?",
    "industries": "In what industry?",
    "company_kinds": "What type of company?",
    "work_environment": "What work environment?",
    "geographies": "What geography?",
}

# Words that already name a kind of organisation, so the pitch does not add "organisation".
_ORG_NOUNS = {
    "organisation",
    "organization",
    "company",
    "firm",
    "business",
    "agency",
    "startup",
    "start-up",
    "charity",
    "hospital",
    "school",
    "university",
    "college",
    "bank",
    "practice",
    "consultancy",
    "ngo",
    "foundation",
    "institution",
    "museum",
    "library",
    "council",
    "group",
    "lab",
    "studio",
}
_PLURAL_ORG_NOUNS = {
    "organisations",
    "organizations",
    "companies",
    "firms",
    "businesses",
    "agencies",
    "startups",
    "start-ups",
    "charities",
    "hospitals",
    "schools",
    "universities",
    "colleges",
    "banks",
    "practices",
    "consultancies",
    "ngos",
    "foundations",
    "institutions",
    "museums",
    "libraries",
    "councils",
    "groups",
    "labs",
    "studios",
}
_SKILL_NOUNS = {"skill", "skills", "experience", "expertise", "background", "knowledge"}
_ENV_NOUNS = {
    "team",
    "environment",
    "setting",
    "culture",
    "office",
    "company",
    "organisation",
    "organization",
    "workplace",
    "group",
}
_REMOTE = {"remote", "remotely", "anywhere", "remote-first", "fully remote", "work from home"}

_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_ABBREVIATION = re.compile(
    r"\b(?:e\.g|i\.e|etc|vs|approx|incl|dept|st|dr|mr|mrs|ms|inc|ltd|co|corp)\.|\b(?:[a-z]\.){2,}",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?\u2026]+[\"'\u2019\u201d)]*(?=\s|$)")


def _clean(values: Iterable[str] | None) -> list[str]:
    # Values come from a multi-value form field: drop blanks and repeats, keep the user's order
    # and spelling.
    seen: set[str] = set()
    cleaned: list[str] = []
    for value in values or []:
        value = " ".join(str(value).split()).strip(" ,;.")
        if value and value.casefold() not in seen:
            seen.add(value.casefold())
            cleaned.append(value)
    return cleaned


def _join(items: list[str], conjunction: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def _last_word(phrase: str) -> str:
    return phrase.split()[-1].casefold() if phrase.split() else ""


def _article(phrase: str) -> str:
    word = phrase.split()[0] if phrase.split() else ""
    lower = word.casefold()
    if word.isupper() and len(word) > 1:
        # Read letter by letter: "an NGO", "a UN agency".
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    if lower.startswith(("uni", "use", "usu", "uti", "eu", "one", "once")):
        return "a"
    if lower.startswith(("hour", "honest", "honour", "honor", "heir")):
        return "an"
    return "an" if lower[:1] in "aeiou" else "a"


def _skills_phrase(skills: list[str]) -> str:
    if not skills:
        return "my skills"
    joined = _join(skills, "and")
    return f"my {joined}" if _last_word(joined) in _SKILL_NOUNS else f"my {joined} skills"


def _in_the_field(industries: list[str]) -> str:
    # "renewable energy" stays as it is; "public sector" becomes "the public sector".
    joined = _join(industries, "or")
    return f"the {joined}" if _last_word(joined) in ("sector", "industry", "field") else joined


def _organisation_phrase(company_kinds: list[str], industries: list[str]) -> str:
    kinds = _join(company_kinds, "or")
    if kinds and industries and _last_word(kinds) in _ORG_NOUNS | _PLURAL_ORG_NOUNS:
        # The kind already names the organisation: the industry describes it ("a fintech
        # start-up") or, for more than one of either, follows it ("non-profit organisations in
        # renewable energy or healthcare"), never "a start-up fintech organisation".
        if len(company_kinds) == 1 and len(industries) == 1:
            field = _last_word(industries[0])
            if field not in ("sector", "industry", "field") and field not in _ORG_NOUNS:
                return _organisation_phrase([f"{industries[0]} {kinds}"], [])
        return _organisation_phrase(company_kinds, []) + f" in {_in_the_field(industries)}"
    description = " ".join(p for p in (kinds, _join(industries, "or")) if p)
    if not description:
        return ""
    last = _last_word(description)
    if last in ("sector", "industry", "field"):
        return f" in the {description}"
    if last in _PLURAL_ORG_NOUNS:
        return f" in {description}"
    noun = "" if last in _ORG_NOUNS else " organisation"
    return f" in {_article(description)} {description}{noun}"


def _place_phrase(geographies: list[str]) -> str:
    remote = any(g.casefold() in _REMOTE for g in geographies)
    places = [
        re.sub(r"(?i)^the\s+|\s+area$", "", g) for g in geographies if g.casefold() not in _REMOTE
    ]
    places = [p for p in places if p]
    if places:
        return f" in the {_join(places, 'or')} area" + (" or remotely" if remote else "")
    return " working remotely" if remote else ""


def _environment_sentence(work_environment: list[str]) -> str:
    if not work_environment:
        return ""
    nouns = [e for e in work_environment if _last_word(e).rstrip("s") in _ENV_NOUNS]
    adjectives = [e for e in work_environment if e not in nouns]
    if not nouns:
        described = ", ".join(adjectives)
        return f"I do my best work in {_article(described)} {described} environment."
    # Adjectives describe the first place named: "small, collaborative teams".
    phrases = [", ".join([*adjectives, nouns[0]]), *nouns[1:]]
    with_articles = [p if _last_word(p).endswith("s") else f"{_article(p)} {p}" for p in phrases]
    return f"I do my best work in {_join(with_articles, 'and')}."


_OPENING = "I'm looking for an opportunity to use "
# The opening of a pitch that has to be short (a LinkedIn note): the same sentence, fewer words.
_SHORT_OPENING = "I'd like to use "


def _first_sentence_of_target(
    skills: list[str],
    industries: list[str],
    company_kinds: list[str],
    geographies: list[str],
    opening: str = _OPENING,
) -> str:
    # Cleaned values in; '' when no part of the target is left to say.
    if not (skills or industries or company_kinds or geographies):
        return ""
    return (
        opening
        + _skills_phrase(skills)
        + _organisation_phrase(company_kinds, industries)
        + _place_phrase(geographies)
        + "."
    )


def build_pitch(
    *,
    skills: list[str],
    industries: list[str],
    company_kinds: list[str],
    work_environment: list[str],
    geographies: list[str],
) -> str:
    """The pitch in the article's shape, from the target; '' when the target says nothing yet."""
    skills, industries, company_kinds = _clean(skills), _clean(industries), _clean(company_kinds)
    work_environment, geographies = _clean(work_environment), _clean(geographies)
    first = _first_sentence_of_target(skills, industries, company_kinds, geographies)
    if not first:
        return ""
    return " ".join(s for s in (first, _environment_sentence(work_environment)) if s)


def _first_sentence(text: str) -> str:
    """The text up to the end of its first sentence (an abbreviation's period is not one)."""
    for end in _SENTENCE_END.finditer(text):
        sentence = text[: end.end()]
        if not re.search(rf"(?:{_ABBREVIATION.pattern})$", sentence, re.IGNORECASE):
            return sentence.strip()
    return text.strip()


def _short_variants(pitch: str, target: dict[str, list[str]]):
    """The pitch, then ever shorter ways of saying it, in the order SHORTENING states."""
    pitch = " ".join(pitch.split())
    yield pitch
    yield _first_sentence(pitch)
    skills, industries = _clean(target["skills"]), _clean(target["industries"])
    kinds, places = _clean(target["company_kinds"]), _clean(target["geographies"])
    yield _first_sentence_of_target(skills, industries, kinds, places, _SHORT_OPENING)
    skills, industries, kinds, places = skills[:1], industries[:1], kinds[:1], places[:1]
    yield _first_sentence_of_target(skills, industries, kinds, places, _SHORT_OPENING)
    yield _first_sentence_of_target(skills, industries, [], places, _SHORT_OPENING)
    yield _first_sentence_of_target(skills, industries, [], [], _SHORT_OPENING)
    yield _first_sentence_of_target(skills, [], [], [], _SHORT_OPENING)


# How short_pitch shortens, step by step, until the pitch fits; said in the docs.
SHORTENING = (
    "your pitch as it is",
    "its first sentence",
    "the suggested pitch from your target, opening with “I'd like to use”",
    "only the first value of each part of the target",
    "without the kind of organisation",
    "without the geography",
    "without the industry",
    "no pitch at all",
)


def short_pitch(
    pitch: str,
    *,
    limit: int,
    skills: list[str],
    industries: list[str],
    company_kinds: list[str],
    work_environment: list[str],
    geographies: list[str],
) -> str:
    """The longest of the pitch's shorter forms (SHORTENING, in order) within `limit`
    characters; '' when none fits. Whole sentences only: nothing is cut mid-word.

    >>> short_pitch("I'm looking for an opportunity to use my financial analysis skills in a "
    ...             "non-profit organisation in the Boston area.", limit=80,
    ...             skills=["financial analysis"], industries=["non-profit"], company_kinds=[],
    ...             work_environment=[], geographies=["Boston"])
    "I'd like to use my financial analysis skills in a non-profit organisation."
    """
    target = {
        "skills": skills,
        "industries": industries,
        "company_kinds": company_kinds,
        "work_environment": work_environment,
        "geographies": geographies,
    }
    return next((v for v in _short_variants(pitch, target) if v and len(v) <= limit), "")


@dataclass(frozen=True)
class PitchWarning:
    """Something to fix in a pitch: a code for the program and a sentence for the user."""

    code: str
    message: str


def _sentence_count(text: str) -> int:
    text = _ABBREVIATION.sub(lambda m: m.group(0).replace(".", ""), text)
    parts = _SENTENCE_END.split(text)
    return sum(1 for part in parts if re.search(r"\w", part))


def _mentions(text: str, value: str) -> bool:
    # Spelling varies between the target and the pitch: "non-profit", "nonprofit" and
    # "non profit" are the same word, and so are "non-profits" and "non-profit".
    letters = re.sub(r"[\W_]+", "", value.casefold())
    if len(letters) > 3 and letters.endswith("s") and not letters.endswith(("ss", "is", "us")):
        letters = letters[:-1]
    if not letters:
        return False
    pattern = r"[\s\-]?".join(re.escape(c) for c in letters)
    return re.search(rf"(?<!\w){pattern}(?:s|es)?(?!\w)", text.casefold()) is not None


def _coverage_warning(
    text: str, values: list[str], *, code: str, part: str, example_hint: str
) -> PitchWarning | None:
    if not values:
        return PitchWarning(
            code,
            f"Your target has no {part} yet; add {example_hint}, then use it in your pitch.",
        )
    if not any(_mentions(text, v) for v in values):
        return PitchWarning(
            code, f"Your pitch doesn't name your {part}; mention {_join(values[:2], 'or')}."
        )
    return None


def pitch_warnings(
    text: str, *, skills: list[str], industries: list[str], geographies: list[str]
) -> list[PitchWarning]:
    """What to fix in a pitch: empty, too many sentences or words, or missing a target part."""
    if not text or not text.strip():
        return [
            PitchWarning(
                "empty",
                "Your pitch is empty: say in a sentence which skills you want to use, in what "
                "industry and where.",
            )
        ]
    warnings: list[PitchWarning] = []
    sentences = _sentence_count(text)
    if sentences > MAX_PITCH_SENTENCES:
        warnings.append(
            PitchWarning(
                "too_many_sentences",
                f"Your pitch has {sentences} sentences; keep it to one or two so it is easy to "
                "say when they ask what they can do for you.",
            )
        )
    words = len(_WORD.findall(text))
    if words > MAX_PITCH_WORDS:
        warnings.append(
            PitchWarning(
                "too_long",
                f"Your pitch has {words} words; keep it under about {MAX_PITCH_WORDS} so it "
                "starts the conversation rather than making a speech.",
            )
        )
    for values, code, part, hint in (
        (_clean(skills), "no_skills", "skills", "the skills you want to use"),
        (_clean(industries), "no_industry", "industry", "the industries you want to work in"),
        (_clean(geographies), "no_geography", "geography", "where you want to work"),
    ):
        warning = _coverage_warning(text, values, code=code, part=part, example_hint=hint)
        if warning:
            warnings.append(warning)
    return warnings


@dataclass(frozen=True)
class Completeness:
    """How much of the target is filled in, and which parts are still missing."""

    percent: int
    missing: list[str]


def target_completeness(
    *,
    skills: list[str],
    industries: list[str],
    company_kinds: list[str],
    work_environment: list[str],
    geographies: list[str],
) -> Completeness:
    """Each of the five parts of the target counts for a fifth once it has a value."""
    given = {
        "skills": skills,
        "industries": industries,
        "company_kinds": company_kinds,
        "work_environment": work_environment,
        "geographies": geographies,
    }
    missing = [name for name in FIELDS if not _clean(given[name])]
    filled = len(FIELDS) - len(missing)
    return Completeness(percent=filled * 100 // len(FIELDS), missing=missing)


def homework_prompt(missing: list[str]) -> str:
    """The article's questions for the missing parts, and a nudge to do a bit more homework."""
    unknown = [name for name in missing if name not in _QUESTIONS]
    if unknown:
        raise ValueError(f"Unknown target part: {', '.join(unknown)}.")
    questions = [_QUESTIONS[name] for name in FIELDS if name in missing]
    if not questions:
        return ""
    return (
        " ".join(questions) + " If you're not sure of the answers, do a bit more homework to "
        "figure that out before you go out there and network."
    )
