"""The rotation skips channels the person has no contact detail for (pure rules).

No phone number, no call or text; no e-mail address, no e-mail; no LinkedIn profile, no
LinkedIn message — while another channel is open. With none open, the rotation is as before.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import combinations, permutations

import pytest

from hundred.network.rules import (
    CHANNELS,
    CONTACT_DETAILS,
    Attempt,
    Planned,
    RuleSettings,
    SpacingViolation,
    after_outreach,
    check_attempt,
    first_channel,
    unreachable_channels,
)

DEFAULTS = RuleSettings()
TUE_3 = date(2026, 11, 3)
TUE_10 = date(2026, 11, 10)
ALL_DETAILS = [set(chosen) for n in range(4) for chosen in combinations(CONTACT_DETAILS, n)]


@pytest.mark.parametrize(
    "details, expected",
    [
        ([], {"email", "phone", "text", "linkedin"}),
        (["email"], {"phone", "text", "linkedin"}),
        (["phone"], {"email", "linkedin"}),
        (["linkedin"], {"email", "phone", "text"}),
        (["email", "phone"], {"linkedin"}),
        (["email", "linkedin"], {"phone", "text"}),
        (["phone", "linkedin"], {"email"}),
        (["email", "phone", "linkedin"], set()),
    ],
)
def test_each_channel_needs_its_contact_detail(details: list[str], expected: set[str]) -> None:
    assert unreachable_channels(details) == expected
    # A letter, a video call, a meeting in person and an event need none Hundred keeps.
    assert not {"letter", "video", "in_person", "event"} & unreachable_channels(details)


def test_an_unknown_contact_detail_is_refused() -> None:
    with pytest.raises(ValueError, match="Unknown contact details: fax"):
        unreachable_channels(["email", "fax"])


def plan(channels: list[str], settings: RuleSettings, details: list[str]) -> str:
    attempts = [Attempt(date(2026, 11, 2 + 7 * i), c) for i, c in enumerate(channels)]
    planned = after_outreach(attempts, settings, unreachable_channels(details))
    assert isinstance(planned, Planned)
    return planned.channel


@pytest.mark.parametrize(
    "channels, details, expected",
    [
        # E-mailed, no phone: the letter comes next, not a call.
        (["email"], ["email"], "letter"),
        (["email"], ["email", "phone"], "phone"),
        (["email"], ["email", "linkedin"], "letter"),
        # After the letter, no LinkedIn profile: back to e-mail.
        (["letter"], ["email"], "email"),
        (["letter"], ["email", "linkedin"], "linkedin"),
        # Phoned, no e-mail address: the letter, then LinkedIn.
        (["phone"], ["phone", "linkedin"], "letter"),
        (["phone", "letter"], ["phone", "linkedin"], "linkedin"),
        # Nothing known at all: the letter is the one open channel.
        (["email"], [], "letter"),
        # Everything known: the plain rotation.
        (["email"], ["email", "phone", "linkedin"], "phone"),
    ],
)
def test_the_rotation_skips_channels_they_cannot_be_reached_on(
    channels: list[str], details: list[str], expected: str
) -> None:
    assert plan(channels, DEFAULTS, details) == expected


def test_with_no_other_open_channel_the_rotation_is_as_before() -> None:
    order = replace(DEFAULTS, channel_rotation=("email", "phone", "linkedin"))
    # Only an e-mail address: neither phone nor LinkedIn is open, so the plan is as it was.
    assert plan(["email"], order, ["email"]) == plan(["email"], order, CONTACT_DETAILS) == "phone"
    one = replace(DEFAULTS, channel_rotation=("phone",))
    assert plan(["phone"], one, []) == "phone"


@pytest.mark.parametrize("details", ALL_DETAILS, ids=lambda d: "+".join(sorted(d)) or "none")
def test_every_rotation_and_last_channel_picks_an_open_channel_when_there_is_one(
    details: set[str],
) -> None:
    closed = unreachable_channels(details)
    rotations = [
        rotation
        for n in (1, 2, 3, 4)
        for rotation in permutations(("email", "phone", "letter", "linkedin", "text"), n)
    ]
    for rotation in rotations:
        settings = replace(DEFAULTS, channel_rotation=rotation)
        for last in CHANNELS:
            chosen = plan([last], settings, sorted(details))
            open_others = [c for c in rotation if c != last and c not in closed]
            if open_others:
                assert chosen in open_others, (rotation, last, details)
            else:
                assert chosen == plan([last], settings, CONTACT_DETAILS), (rotation, last)


def test_the_guard_suggests_an_open_channel() -> None:
    found = check_attempt(
        [Attempt(TUE_3, "email")], TUE_10, DEFAULTS, "email", unreachable_channels(["email"])
    )
    assert found == SpacingViolation(
        "Your last attempt was by e-mail too; the pest guard wants each attempt on another "
        "channel — try by letter.",
        earliest_on=TUE_10,
        channel="letter",
    )


def test_the_guard_allows_the_same_channel_when_the_order_offers_no_other_open_one() -> None:
    order = replace(DEFAULTS, channel_rotation=("email", "phone", "linkedin"))
    last = [Attempt(TUE_3, "email")]
    only_email = unreachable_channels(["email"])
    assert check_attempt(last, TUE_10, order, "email", only_email) is None
    # With a phone number the order offers a call, and e-mail again is refused.
    found = check_attempt(last, TUE_10, order, "email", unreachable_channels(["email", "phone"]))
    assert found is not None and found.channel == "phone"
    # Too soon is still too soon.
    early = check_attempt(last, date(2026, 11, 5), order, "email", only_email)
    assert early is not None and early.channel is None and early.earliest_on == TUE_10


@pytest.mark.parametrize("details", ALL_DETAILS, ids=lambda d: "+".join(sorted(d)) or "none")
def test_the_guard_and_the_planner_agree(details: set[str]) -> None:
    """Whatever the planner suggests after an attempt, the guard lets through on that channel
    once the spacing has passed; and it refuses the same channel only when it suggests another."""
    closed = unreachable_channels(details)
    for n in (1, 2, 3):
        for rotation in permutations(("email", "phone", "letter", "linkedin"), n):
            settings = replace(DEFAULTS, channel_rotation=rotation)
            for last in CHANNELS:
                attempts = [Attempt(TUE_3, last)]
                planned = after_outreach(attempts, settings, closed)
                assert check_attempt(attempts, TUE_10, settings, planned.channel, closed) is None
                same = check_attempt(attempts, TUE_10, settings, last, closed)
                if same is not None:
                    assert same.channel == planned.channel != last
                    assert same.channel not in closed


@pytest.mark.parametrize(
    "details, expected",
    [
        (["email"], "email"),
        (["phone"], "phone"),
        (["linkedin"], "letter"),
        ([], "letter"),
    ],
)
def test_ask_again_starts_on_the_first_open_channel(details: list[str], expected: str) -> None:
    assert first_channel(DEFAULTS, unreachable_channels(details)) == expected


def test_ask_again_keeps_the_first_channel_when_none_is_open() -> None:
    order = replace(DEFAULTS, channel_rotation=("phone", "linkedin"))
    assert first_channel(order, unreachable_channels(["email"])) == "phone"
