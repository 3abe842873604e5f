"""The short pitch, and the LinkedIn note it goes into: within 200 characters with the pitch
included, shortened in the stated order, whole words and whole sentences only (pure)."""

from __future__ import annotations

import json
import re
from itertools import chain, combinations, product
from pathlib import Path

import pytest

from hundred.network import outreach
from hundred.network.askcheck import check, has_job_ask
from hundred.network.pitch import SHORTENING, build_pitch, short_pitch

DEMO = json.loads((Path(__file__).parents[1] / "demo" / "data.json").read_text())
DEMO_TARGET = DEMO["target"]
FIELDS = ("skills", "industries", "company_kinds", "work_environment", "geographies")
LIMITS = (0, 30, 45, 60, 75, 90, 105, 120, 150, 200, 300)
# The words a short pitch may use besides the target's own.
FRAME_WORDS = set(
    re.findall(
        r"[\w']+",
        "I'm looking for an opportunity to use I'd like my skills in a an the area or and "
        "remotely working organisation I do best work environment",
    )
)


def subsets(values: list[str]):
    return chain.from_iterable(combinations(values, n) for n in range(len(values) + 1))


def demo_targets():
    """Every combination of the demo target's values: each part empty, whole, or any part of it."""
    for parts in product(*(subsets(DEMO_TARGET[f]) for f in FIELDS)):
        yield {f: list(values) for f, values in zip(FIELDS, parts, strict=True)}


def assert_reads_well(text: str, target: dict[str, list[str]], full: str) -> None:
    if not text:
        return
    assert text.startswith("I") and text.endswith("."), text
    assert "  " not in text and " ." not in text and " ," not in text, text
    assert not re.search(r"\b(in|a|an|the|or|and|my)\.$", text), text
    assert not re.search(r"\b(\w+) \1\b", text), text
    # Whole words only: each is the frame's or a word of the target (or of the full pitch).
    said = full + " " + " ".join(sum(target.values(), []))
    allowed = FRAME_WORDS | set(re.findall(r"[\w']+", said))
    for word in re.findall(r"[\w']+", text):
        assert word in allowed, (word, text)


def test_every_combination_of_the_demo_target_fits_every_limit() -> None:
    seen = 0
    for target in demo_targets():
        full = build_pitch(**target)
        for limit in LIMITS:
            short = short_pitch(full, limit=limit, **target)
            assert len(short) <= limit
            assert_reads_well(short, target, full)
            if full and len(full) <= limit:
                assert short == full
            seen += 1
    assert seen == 1024 * len(LIMITS)


def test_a_target_value_is_kept_whole_or_left_out() -> None:
    for target in demo_targets():
        full = build_pitch(**target)
        for limit in LIMITS:
            short = short_pitch(full, limit=limit, **target)
            for value in sum(target.values(), []):
                for word in value.split():
                    if word in short.split() and value not in short:
                        # A word of a value appears only as part of the whole value, or as a
                        # frame word ("team" in "small team" vs "my … skills").
                        assert word in FRAME_WORDS or any(
                            word in other and other in short for other in sum(target.values(), [])
                        ), (value, short)


def test_the_demo_pitch_shortens_in_the_stated_order() -> None:
    pitch = DEMO["pitch"]
    first = pitch.split(". ")[0] + "."
    expected = [
        (len(pitch), pitch),
        (len(first), first),
        (
            150,
            "I'm looking for an opportunity to use my financial analysis skills in a non-profit "
            "organisation in the Boston area.",
        ),
        (
            110,
            "I'd like to use my financial analysis skills in a non-profit healthcare "
            "organisation in the Boston area.",
        ),
        (
            95,
            "I'd like to use my financial analysis skills in a healthcare organisation in the "
            "Boston area.",
        ),
        (80, "I'd like to use my financial analysis skills in a healthcare organisation."),
        (50, "I'd like to use my financial analysis skills."),
        (40, ""),
    ]
    for limit, short in expected:
        assert short_pitch(pitch, limit=limit, **DEMO_TARGET) == short, limit
    assert len(SHORTENING) == 8


def test_all_values_with_the_short_opening_come_before_the_first_values() -> None:
    target = {**DEMO_TARGET, "skills": ["budgeting"], "industries": ["healthcare", "housing"]}
    full = build_pitch(**target)
    first = full.split(". ")[0] + "."
    short = short_pitch(full, limit=len(first) - 1, **target)
    assert short == (
        "I'd like to use my budgeting skills in a non-profit or mission-driven healthcare or "
        "housing organisation in the Boston area."
    )


def test_a_saved_pitch_loses_its_second_sentence_first() -> None:
    pitch = (
        "I help community clinics make sense of their numbers, e.g. budgets and grants. "
        "I'd love to do that for a health non-profit in Boston."
    )
    # The period of "e.g." ends no sentence.
    assert short_pitch(pitch, limit=90, **DEMO_TARGET) == (
        "I help community clinics make sense of their numbers, e.g. budgets and grants."
    )
    assert short_pitch("I met Dr. Lee at a clinic. I want more.", limit=30, **DEMO_TARGET) == (
        "I met Dr. Lee at a clinic."
    )
    # With no target to build from, a pitch that does not fit is left out.
    empty = {f: [] for f in FIELDS}
    assert short_pitch(pitch, limit=60, **empty) == ""
    assert short_pitch("", limit=200, **empty) == ""


LONG = "x" * 110


@pytest.mark.parametrize(
    "target",
    [
        # A long skill list.
        {
            **DEMO_TARGET,
            "skills": [
                "financial planning and analysis",
                "budgeting and forecasting",
                "grant reporting",
                "fund accounting",
                "board reporting",
                "payroll",
                "audit preparation",
                "cash-flow management",
                "procurement and contracts",
                "data visualisation",
            ],
        },
        # Long organisation kinds and industries.
        {
            **DEMO_TARGET,
            "company_kinds": ["community-owned cooperative social enterprise " * 2],
            "industries": ["renewable energy and sustainable infrastructure development " * 2],
        },
        # A value longer than any note could hold.
        {**DEMO_TARGET, "skills": [LONG + " analysis"]},
        {f: [LONG] for f in FIELDS},
        {**DEMO_TARGET, "geographies": ["the Bay Area", "remote"]},
        {**DEMO_TARGET, "geographies": ["remote"]},
        {**DEMO_TARGET, "skills": [], "industries": []},
    ],
)
def test_long_targets_still_fit_or_say_nothing(target: dict[str, list[str]]) -> None:
    full = build_pitch(**target)
    for limit in range(0, 320, 5):
        short = short_pitch(full, limit=limit, **target)
        assert len(short) <= limit
        assert_reads_well(short, target, full)


# --- the LinkedIn note -------------------------------------------------------------------------


def note(target: dict[str, list[str]], first_name: str, how: str, my_name: str = "Ann Keller"):
    pitch = build_pitch(**target)
    values = outreach.placeholder_values(
        outreach.Recipient(first_name, how, "Helen Okonkwo"), pitch=pitch, my_name=my_name
    )
    body = outreach.default_template("linkedin").body
    return outreach.fill(body, values, lambda n: short_pitch(pitch, limit=n, **target))


def test_the_default_note_fits_free_accounts_for_every_demo_target_and_person() -> None:
    longest_first = max(DEMO["first_names"], key=len)
    for i, target in enumerate(demo_targets()):
        for how in outreach.HOW_WE_KNOW:
            first = DEMO["first_names"][i % len(DEMO["first_names"])]
            for name in (first, longest_first):
                text = note(target, name, how)
                assert len(text) <= outreach.LINKEDIN_FREE_NOTE_LIMIT, text
                assert text.startswith(f"Hi {name}, ")
                assert "15–20 minutes" in text and "{" not in text
            if i % 16 == 0:
                # The checker is slower; one target in 16 still covers each part's values.
                assert not has_job_ask(check(text))


def test_a_complete_target_keeps_a_pitch_in_the_note() -> None:
    for how in outreach.HOW_WE_KNOW:
        text = note(DEMO_TARGET, "Esperanza", how)
        assert "I'd like to use my financial analysis skills" in text, text
        # The note says what they are looking for: the checker has nothing to add.
        assert check(text) == [], text


def test_a_note_that_cannot_fit_leaves_the_pitch_out_rather_than_cut_it() -> None:
    text = note(DEMO_TARGET, "A" * 150, "colleague")
    assert "I'd like" not in text and "looking for" not in text
    assert len(text) > outreach.LINKEDIN_FREE_NOTE_LIMIT
    assert outreach.note_length(text).over == (200,)


@pytest.mark.parametrize(
    "length, over, words",
    [
        (0, (), "LinkedIn note: 0 of 200 characters — fits free and paid accounts."),
        (200, (), "LinkedIn note: 200 of 200 characters — fits free and paid accounts."),
        (
            201,
            (200,),
            "LinkedIn note: 201 characters — over 200, too long for free LinkedIn accounts; "
            "within 300 for paid ones.",
        ),
        (300, (200,), None),
        (
            301,
            (200, 300),
            "LinkedIn note: 301 characters — over 300, too long for LinkedIn, paid accounts "
            "(300) and free ones (200).",
        ),
    ],
)
def test_the_note_length_names_the_limits_it_is_over(length, over, words) -> None:
    found = outreach.note_length("x" * length)
    assert (found.length, found.over) == (length, over)
    if words:
        assert found.message == words


def test_the_note_length_counts_a_line_break_once() -> None:
    assert outreach.note_length("a\r\nb").length == outreach.note_length("a\nb").length == 3
