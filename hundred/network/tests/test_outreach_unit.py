"""outreach.py: placeholders, filling and the mailto: link (pure functions)."""

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from hundred.network import askcheck, outreach
from hundred.network.outreach import Recipient, fill, mailto_url, placeholder_values


def values(how_known="colleague", first_name="Maya", introducer="", pitch="", my_name="Ann"):
    return placeholder_values(
        Recipient(first_name, how_known, introducer), pitch=pitch, my_name=my_name
    )


def test_it_gives_every_placeholder_a_value():
    v = values(pitch="  I analyse budgets.  ")
    assert set(v) == set(outreach.PLACEHOLDERS)
    assert v == {
        "first_name": "Maya",
        "how_we_know": "It's been a while since we worked together.",
        "pitch": "I analyse budgets.",
        # Fitted to the message by fill(); nothing until then.
        "short_pitch": "",
        "introducer": "",
        "my_name": "Ann",
    }


@pytest.mark.parametrize("how_known", list(outreach.HOW_WE_KNOW))
def test_it_has_an_opening_for_every_kind(how_known):
    v = values(how_known=how_known, introducer="Tom Baker")
    assert v["how_we_know"].endswith(".")
    assert "{" not in v["how_we_know"]


def test_it_covers_every_how_known_choice():
    from hundred.network.models import HowKnown

    assert set(outreach.HOW_WE_KNOW) == set(HowKnown.values)


def test_it_names_the_introducer():
    v = values(how_known="introduced", introducer="Tom Baker")
    assert v["how_we_know"] == "Tom Baker suggested I get in touch with you."
    assert v["introducer"] == "Tom Baker"


def test_it_says_a_friend_when_the_introducer_is_unknown():
    v = values(how_known="introduced")
    assert v["how_we_know"] == "A friend suggested I get in touch with you."


def test_it_falls_back_for_an_unknown_kind_and_a_missing_first_name():
    v = values(how_known="martian", first_name="")
    assert v["how_we_know"] == "I hope you're well."
    assert v["first_name"] == "there"


def test_it_fills_the_known_placeholders_and_leaves_other_braces():
    text = "Hi {first_name}! {how_we_know} {pitch}\n{unknown} {first_name {}\nBest, {my_name}"
    assert fill(text, values(pitch="I analyse budgets.")) == (
        "Hi Maya! It's been a while since we worked together. I analyse budgets.\n"
        "{unknown} {first_name {}\nBest, Ann"
    )


def test_it_tidies_the_spaces_an_empty_placeholder_leaves():
    assert fill("Hi {first_name}, {pitch} Could we talk?", values()) == "Hi Maya, Could we talk?"
    assert fill("{pitch}  \nNext line", values()) == "Next line"


def test_it_does_not_fill_a_value_that_looks_like_a_placeholder():
    # A pitch that contains "{my_name}" is the user's text, not another placeholder.
    assert fill("{pitch}", values(pitch="I say {my_name}")) == "I say {my_name}"


def test_it_makes_a_mailto_link_with_subject_and_body():
    body = "Hi Maya,\n\nCould I have 15–20 minutes? Q&A = 100% fine #1"
    url = mailto_url(["maya@example.net"], "15–20 minutes & advice?", body)
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    assert unquote(parts.path) == "maya@example.net"
    query = parse_qs(parts.query)
    assert query == {"subject": ["15–20 minutes & advice?"], "body": [body.replace("\n", "\r\n")]}
    assert "%0D%0A" in url
    assert " " not in url and "\n" not in url


def test_it_addresses_every_email_in_the_link():
    url = mailto_url(["a@example.org", "b+x@example.org"], "S", "B")
    assert unquote(urlsplit(url).path) == "a@example.org,b+x@example.org"


def test_it_finds_a_default_template_by_key():
    assert outreach.default_template("phone").channel == "phone"
    assert outreach.default_template("nope") is None


@pytest.mark.parametrize("template", outreach.DEFAULT_TEMPLATES, ids=lambda t: t.key)
def test_it_ships_default_templates_that_ask_for_advice(template):
    text = fill(template.body, values(pitch="I analyse budgets in Boston."))
    assert not askcheck.has_job_ask(askcheck.check(text))
    assert "15–20 minutes" in text
    assert "{" not in text


# --- the default templates, filled from any complete target, pass the ask-checker ------------

_SKILLS = [
    ["financial analysis"],
    ["financial analysis", "budgeting"],
    ["financial analysis", "budgeting", "grant reporting"],
    ["project management", "stakeholder engagement", "data analysis", "procurement and contracts"],
    ["Python"],
    ["welding", "fabrication"],
    ["UX research", "interaction design", "accessibility auditing"],
    ["teaching", "curriculum design"],
]
_INDUSTRIES = [
    ["non-profit"],
    ["healthcare", "public health"],
    ["financial services and insurance"],
    ["arts, culture and heritage"],
    ["hospitality and tourism"],
    ["renewable energy and sustainable infrastructure development"],
]
_KINDS = [["small"], ["mid-sized", "family-owned"], ["start-up"], ["large public sector"], ["NGO"]]
_ENVIRONMENTS = [
    ["collaborative"],
    ["small teams"],
    ["fast-paced", "hands-on"],
    ["remote-first company"],
]
_PLACES = [
    ["Boston"],
    ["Leeds", "Manchester"],
    ["remote"],
    ["the Bay Area", "remote"],
    ["São Paulo"],
]


def _complete_targets():
    import itertools

    combos = itertools.product(_SKILLS, _INDUSTRIES, _KINDS, _ENVIRONMENTS, _PLACES)
    # Every 37th combination (130 targets): each value of each part still appears in many.
    return [combo for i, combo in enumerate(combos) if i % 37 == 0]


def test_the_default_templates_filled_from_any_complete_target_have_no_findings() -> None:
    from hundred.network.askcheck import check
    from hundred.network.outreach import DEFAULT_TEMPLATES, HOW_WE_KNOW, Recipient
    from hundred.network.pitch import build_pitch, short_pitch

    checked = 0
    for i, (skills, industries, kinds, environments, places) in enumerate(_complete_targets()):
        target = {
            "skills": skills,
            "industries": industries,
            "company_kinds": kinds,
            "work_environment": environments,
            "geographies": places,
        }
        pitch = build_pitch(**target)
        for how in HOW_WE_KNOW:
            introducer = "Jane Roe" if i % 2 else ""
            values = placeholder_values(
                Recipient("Dana", how, introducer), pitch=pitch, my_name="Sam"
            )
            for template in DEFAULT_TEMPLATES:
                text = fill(
                    template.body, values, lambda n, p=pitch, t=target: short_pitch(p, limit=n, **t)
                )
                assert check(text) == [], (template.key, how, text)
                checked += 1
    assert checked > 3_000


@pytest.mark.parametrize(
    "skills",
    [
        ["financial analysis", "budgeting", "grant reporting"],
        ["project management", "stakeholder engagement", "data analysis", "procurement"],
    ],
)
def test_a_built_pitch_with_several_skills_reads_as_a_pitch(skills: list[str]) -> None:
    # The bug: "my financial analysis, budgeting and grant reporting skills" crossed commas the
    # pitch pattern could not, so the checker said "Tell them briefly what you are looking for".
    from hundred.network.askcheck import check
    from hundred.network.pitch import build_pitch

    pitch = build_pitch(
        skills=skills,
        industries=["non-profit"],
        company_kinds=[],
        work_environment=[],
        geographies=["Boston"],
    )
    assert ", " in pitch
    assert "no_pitch" not in [f.code for f in check(pitch)]
