import pytest

from hundred.network.askcheck import check
from hundred.network.pitch import (
    FIELDS,
    MAX_PITCH_WORDS,
    Completeness,
    PitchWarning,
    build_pitch,
    homework_prompt,
    pitch_warnings,
    target_completeness,
)


def target(**given: list[str]) -> dict[str, list[str]]:
    return {name: given.get(name, []) for name in FIELDS}


ARTICLE_TARGET = target(
    skills=["financial analysis"], industries=["non-profit"], geographies=["Boston"]
)
ARTICLE_PITCH = (
    "I'm looking for an opportunity to use my financial analysis skills in a non-profit "
    "organisation in the Boston area."
)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (ARTICLE_TARGET, ARTICLE_PITCH),
        (
            target(
                skills=["financial analysis", "budgeting"],
                industries=["non-profit"],
                geographies=["Boston", "Cambridge"],
            ),
            "I'm looking for an opportunity to use my financial analysis and budgeting skills in "
            "a non-profit organisation in the Boston or Cambridge area.",
        ),
        (
            target(
                skills=["forecasting", "budgeting", "reporting"],
                industries=["healthcare", "education"],
                geographies=["Leeds", "York", "Harrogate"],
            ),
            "I'm looking for an opportunity to use my forecasting, budgeting and reporting skills "
            "in a healthcare or education organisation in the Leeds, York or Harrogate area.",
        ),
        (
            target(
                skills=["budgeting"],
                company_kinds=["mid-sized"],
                industries=["healthcare"],
                geographies=["Leeds"],
            ),
            "I'm looking for an opportunity to use my budgeting skills in a mid-sized healthcare "
            "organisation in the Leeds area.",
        ),
        (
            target(skills=["budgeting"], company_kinds=["independent"], geographies=["Leeds"]),
            "I'm looking for an opportunity to use my budgeting skills in an independent "
            "organisation in the Leeds area.",
        ),
        (
            target(skills=["budgeting"], industries=["university"]),
            "I'm looking for an opportunity to use my budgeting skills in a university.",
        ),
        (
            target(skills=["budgeting"], industries=["NGO"]),
            "I'm looking for an opportunity to use my budgeting skills in an NGO.",
        ),
        (
            target(skills=["budgeting"], industries=["hospitals"]),
            "I'm looking for an opportunity to use my budgeting skills in hospitals.",
        ),
        (
            target(skills=["budgeting"], industries=["public sector"]),
            "I'm looking for an opportunity to use my budgeting skills in the public sector.",
        ),
        (
            target(skills=["budgeting"], company_kinds=["start-up"], industries=["fintech"]),
            "I'm looking for an opportunity to use my budgeting skills in a fintech start-up.",
        ),
        (
            # Issue 19: the kind named the organisation, so the industry goes before it, not
            # "a non-profit organisations renewable energy organisation".
            target(
                skills=["grant writing"],
                company_kinds=["non-profit organisations"],
                industries=["renewable energy"],
            ),
            "I'm looking for an opportunity to use my grant writing skills in renewable energy "
            "non-profit organisations.",
        ),
        (
            target(
                skills=["budgeting"],
                company_kinds=["small charity", "start-up"],
                industries=["healthcare", "public sector"],
            ),
            "I'm looking for an opportunity to use my budgeting skills in a small charity or "
            "start-up in the healthcare or public sector.",
        ),
        (
            target(
                skills=["budgeting"], company_kinds=["consultancy"], industries=["energy sector"]
            ),
            "I'm looking for an opportunity to use my budgeting skills in a consultancy in the "
            "energy sector.",
        ),
        (
            target(skills=["people management skills"], geographies=["Boston"]),
            "I'm looking for an opportunity to use my people management skills in the Boston area.",
        ),
        (
            target(skills=["audit experience"], geographies=["the Boston area"]),
            "I'm looking for an opportunity to use my audit experience in the Boston area.",
        ),
        (
            target(industries=["non-profit"], geographies=["Boston"]),
            "I'm looking for an opportunity to use my skills in a non-profit organisation in the "
            "Boston area.",
        ),
        (
            target(skills=["budgeting"], geographies=["Remote"]),
            "I'm looking for an opportunity to use my budgeting skills working remotely.",
        ),
        (
            target(skills=["budgeting"], geographies=["Leeds", "remote"]),
            "I'm looking for an opportunity to use my budgeting skills in the Leeds area or "
            "remotely.",
        ),
        (
            target(
                skills=[" budgeting ", "", "Budgeting", "  "],
                industries=["non-profit", "Non-profit"],
                geographies=["Boston,"],
            ),
            "I'm looking for an opportunity to use my budgeting skills in a non-profit "
            "organisation in the Boston area.",
        ),
        (target(), ""),
        (target(work_environment=["small teams"]), ""),
    ],
)
def test_build_pitch(given: dict[str, list[str]], expected: str) -> None:
    assert build_pitch(**given) == expected


@pytest.mark.parametrize(
    ("environment", "second_sentence"),
    [
        (["collaborative"], "I do my best work in a collaborative environment."),
        (["small", "collaborative"], "I do my best work in a small, collaborative environment."),
        (["informal"], "I do my best work in an informal environment."),
        (["small teams"], "I do my best work in small teams."),
        (["collaborative", "small teams"], "I do my best work in collaborative, small teams."),
        (["hybrid setting"], "I do my best work in a hybrid setting."),
        (
            ["small teams", "mission-driven culture"],
            "I do my best work in small teams and a mission-driven culture.",
        ),
    ],
)
def test_the_work_environment_is_a_second_sentence(
    environment: list[str], second_sentence: str
) -> None:
    pitch = build_pitch(**{**ARTICLE_TARGET, "work_environment": environment})
    assert pitch == f"{ARTICLE_PITCH} {second_sentence}"


@pytest.mark.parametrize(
    "given",
    [
        ARTICLE_TARGET,
        target(skills=["a"], industries=["b"], company_kinds=["c"], geographies=["d"]),
        target(skills=["budgeting"]),
        target(geographies=["Leeds"]),
        target(company_kinds=["small"], work_environment=["quiet"]),
    ],
)
def test_a_built_pitch_never_leaves_gaps(given: dict[str, list[str]]) -> None:
    pitch = build_pitch(**given)
    assert "  " not in pitch
    assert " ." not in pitch
    assert "in a organisation" not in pitch
    assert "in the  area" not in pitch
    assert pitch.endswith(".")


def test_a_built_pitch_passes_its_own_checks() -> None:
    given = target(
        skills=["financial analysis", "budgeting"],
        industries=["non-profit"],
        company_kinds=["small"],
        work_environment=["collaborative"],
        geographies=["Boston"],
    )
    pitch = build_pitch(**given)
    assert (
        pitch_warnings(
            pitch,
            skills=given["skills"],
            industries=given["industries"],
            geographies=given["geographies"],
        )
        == []
    )


def test_a_built_pitch_reads_as_a_pitch_to_the_ask_checker() -> None:
    findings = check(build_pitch(**ARTICLE_TARGET))
    assert "no_pitch" not in [f.code for f in findings]
    assert "job_ask" not in [f.code for f in findings]


def codes(text: str, **target_parts: list[str]) -> list[str]:
    parts = {"skills": [], "industries": [], "geographies": [], **target_parts}
    return [w.code for w in pitch_warnings(text, **parts)]


FULL = {"skills": ["budgeting"], "industries": ["non-profit"], "geographies": ["Boston"]}
GOOD = "I'd like to use my budgeting skills in a non-profit in Boston."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (GOOD, []),
        (ARTICLE_PITCH.replace("financial analysis", "budgeting"), []),
        (f"{GOOD} I do my best work in small teams.", []),
        ("I'd like to use my budgeting skills at a nonprofit near boston.", []),
        ("I'd like to use my BUDGETING skills at a non profit in BOSTON.", []),
        ("I'd like to use my budgeting skills at non-profits in Boston.", []),
        ("I'd like to use my budgeting skills, e.g. forecasts, at a non-profit in Boston.", []),
        (f"{GOOD} I like small teams. I live nearby.", ["too_many_sentences"]),
        (f"{GOOD} Small teams! Near home?", ["too_many_sentences"]),
        ("I'd like to use my skills in a non-profit in Boston.", ["no_skills"]),
        ("I'd like to use my budgeting skills in Boston.", ["no_industry"]),
        ("I'd like to use my budgeting skills in a non-profit.", ["no_geography"]),
        ("I'd like to use my skills.", ["no_skills", "no_industry", "no_geography"]),
        ("I'd like to use my budgeting skills in a non-profit in Bostonia.", ["no_geography"]),
        ("", ["empty"]),
        ("   \n ", ["empty"]),
    ],
)
def test_pitch_warnings(text: str, expected: list[str]) -> None:
    assert codes(text, **FULL) == expected


@pytest.mark.parametrize(
    ("words", "warned"),
    [(MAX_PITCH_WORDS, False), (MAX_PITCH_WORDS + 1, True), (80, True)],
)
def test_a_pitch_past_about_forty_words(words: int, warned: bool) -> None:
    text = GOOD[:-1] + " " + " ".join(["really"] * (words - len(GOOD.split()))) + "."
    assert len(text.split()) == words
    assert ("too_long" in codes(text, **FULL)) is warned


def test_a_long_pitch_says_how_long_it_is() -> None:
    text = GOOD[:-1] + " " + " ".join(["really"] * 50) + "."
    [warning] = [w for w in pitch_warnings(text, **FULL) if w.code == "too_long"]
    assert "62 words" in warning.message
    assert "40" in warning.message


@pytest.mark.parametrize(
    ("part", "code", "word"),
    [
        ("skills", "no_skills", "skills"),
        ("industries", "no_industry", "industry"),
        ("geographies", "no_geography", "geography"),
    ],
)
def test_a_part_missing_from_the_target_is_named_as_such(part: str, code: str, word: str) -> None:
    parts = {**FULL, part: []}
    [warning] = pitch_warnings(GOOD, **parts)
    assert warning.code == code
    assert warning.message.startswith(f"Your target has no {word} yet")


def test_a_part_missing_from_the_pitch_names_the_target_values() -> None:
    parts = {**FULL, "geographies": ["Leeds", "York", "Hull"]}
    [warning] = pitch_warnings(GOOD, **parts)
    assert warning == PitchWarning(
        "no_geography", "Your pitch doesn't name your geography; mention Leeds or York."
    )


def test_an_empty_pitch_has_only_the_empty_warning() -> None:
    [warning] = pitch_warnings("", skills=[], industries=[], geographies=[])
    assert warning.code == "empty"
    assert "skills" in warning.message


@pytest.mark.parametrize(
    ("given", "percent", "missing"),
    [
        (target(), 0, list(FIELDS)),
        (
            target(skills=["budgeting"]),
            20,
            ["industries", "company_kinds", "work_environment", "geographies"],
        ),
        (
            target(skills=["budgeting"], geographies=["Leeds"]),
            40,
            ["industries", "company_kinds", "work_environment"],
        ),
        (
            target(skills=["a"], industries=["b"], company_kinds=["c"]),
            60,
            ["work_environment", "geographies"],
        ),
        (
            target(skills=["a"], industries=["b"], company_kinds=["c"], work_environment=["d"]),
            80,
            ["geographies"],
        ),
        (
            target(
                skills=["a"],
                industries=["b"],
                company_kinds=["c"],
                work_environment=["d"],
                geographies=["e"],
            ),
            100,
            [],
        ),
        (
            target(skills=["", "  "], industries=["b"]),
            20,
            ["skills", "company_kinds", "work_environment", "geographies"],
        ),
    ],
)
def test_target_completeness(given: dict[str, list[str]], percent: int, missing: list[str]) -> None:
    assert target_completeness(**given) == Completeness(percent=percent, missing=missing)


@pytest.mark.parametrize(
    ("missing", "questions"),
    [
        (["skills"], ["What kind of job"]),
        (["industries"], ["In what industry?"]),
        (["company_kinds"], ["What type of company?"]),
        (["work_environment"], ["What work environment?"]),
        (["geographies"], ["What geography?"]),
        (
            ["geographies", "skills", "industries"],
            ["What kind of job", "In what industry?", "What geography?"],
        ),
    ],
)
def test_homework_prompt_asks_the_articles_questions(
    missing: list[str], questions: list[str]
) -> None:
    prompt = homework_prompt(missing)
    positions = [prompt.index(q) for q in questions]
    assert positions == sorted(positions), "questions come in the article's order"
    assert prompt.endswith(
        "do a bit more homework to figure that out before you go out there and network."
    )
    others = {
        "What kind of job",
        "In what industry?",
        "What type of company?",
        "What work environment?",
        "What geography?",
    } - set(questions)
    assert not [q for q in others if q in prompt]


def test_homework_prompt_with_nothing_missing_is_empty() -> None:
    assert homework_prompt([]) == ""


def test_homework_prompt_refuses_an_unknown_part() -> None:
    with pytest.raises(ValueError, match="salary"):
        homework_prompt(["skills", "salary"])


def test_completeness_feeds_the_homework_prompt() -> None:
    completeness = target_completeness(**target(skills=["budgeting"]))
    prompt = homework_prompt(completeness.missing)
    assert "What kind of job" not in prompt
    assert "In what industry?" in prompt
