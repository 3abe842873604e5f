from dataclasses import replace
from datetime import date

import pytest
from freezegun import freeze_time

from hundred.network.rules import (
    Attempt,
    OpenFollowUp,
    Pause,
    Planned,
    RuleSettings,
    SpacingViolation,
    after_outreach,
    check_attempt,
    favour_followup_due,
    is_back,
    keep_in_touch_due,
    on_reply,
    paused_until,
    snooze,
    thank_you_due,
)

DEFAULTS = RuleSettings()

# November 2026: Tue 3, Fri 6, Sat 7, Mon 9, Tue 10, Tue 17. Christmas is a Friday.
TUE_3 = date(2026, 11, 3)
FRI_6 = date(2026, 11, 6)
SAT_7 = date(2026, 11, 7)
MON_9 = date(2026, 11, 9)
TUE_10 = date(2026, 11, 10)
TUE_17 = date(2026, 11, 17)
CHRISTMAS = date(2026, 12, 25)
BOXING_DAY_OBSERVED = date(2026, 12, 28)
NEW_YEAR = date(2027, 1, 1)
WITH_HOLIDAYS = RuleSettings(holidays=(CHRISTMAS, BOXING_DAY_OBSERVED, NEW_YEAR))
ONE_ATTEMPT = replace(DEFAULTS, max_attempts=1)
OWN_KEEP_IN_TOUCH = replace(DEFAULTS, keep_in_touch_days=(14, 45, 180))


def email(on: date) -> Attempt:
    return Attempt(on, "email")


def phone(on: date) -> Attempt:
    return Attempt(on, "phone")


def letter(on: date) -> Attempt:
    return Attempt(on, "letter")


def linkedin(on: date) -> Attempt:
    return Attempt(on, "linkedin")


def no_reply(due_on: date, channel: str, attempt: int) -> Planned:
    return Planned(due_on=due_on, channel=channel, attempt=attempt, reason="no_reply")


# --- after_outreach: when and on which channel the next attempt goes, and the cap ---


@pytest.mark.parametrize(
    "attempts, settings, expected",
    [
        # The first outreach: a follow-up 5 business days on, by phone.
        ([email(TUE_3)], DEFAULTS, no_reply(TUE_10, "phone", 2)),
        # A Friday outreach waits over one weekend only.
        ([email(FRI_6)], DEFAULTS, no_reply(date(2026, 11, 13), "phone", 2)),
        # An outreach sent on a Saturday counts from the Monday after.
        ([email(SAT_7)], DEFAULTS, no_reply(date(2026, 11, 13), "phone", 2)),
        # Second attempt made: the third goes by letter.
        ([email(TUE_3), phone(TUE_10)], DEFAULTS, no_reply(TUE_17, "letter", 3)),
        # The order of the list does not matter; the latest attempt does.
        ([phone(TUE_10), email(TUE_3)], DEFAULTS, no_reply(TUE_17, "letter", 3)),
        # Holidays are skipped: Thu 24 Dec + 5 passes Christmas, 28 Dec and New Year's Day.
        ([email(date(2026, 12, 24))], WITH_HOLIDAYS, no_reply(date(2027, 1, 5), "phone", 2)),
        ([email(date(2026, 12, 24))], DEFAULTS, no_reply(date(2026, 12, 31), "phone", 2)),
        # The cap: the third attempt pauses the person for 60 days from it.
        ([email(TUE_3), phone(TUE_10), letter(TUE_17)], DEFAULTS, Pause(date(2027, 1, 16))),
        ([email(TUE_3)], replace(DEFAULTS, max_attempts=1), Pause(date(2027, 1, 2))),
        (
            [email(TUE_3)],
            replace(ONE_ATTEMPT, pause_days=30),
            Pause(date(2026, 12, 3)),
        ),
        # Beyond the cap (after an override) the answer is still a pause.
        (
            [email(TUE_3), phone(TUE_10), letter(TUE_17), linkedin(date(2026, 11, 24))],
            DEFAULTS,
            Pause(date(2027, 1, 23)),
        ),
        # A wait shorter than the pest guard's spacing is stretched to the spacing ...
        ([email(TUE_3)], replace(DEFAULTS, no_reply_business_days=3), no_reply(TUE_10, "phone", 2)),
        # ... and a longer wait is kept.
        (
            [email(TUE_3)],
            replace(DEFAULTS, no_reply_business_days=7),
            no_reply(date(2026, 11, 12), "phone", 2),
        ),
        (
            [email(TUE_3)],
            replace(DEFAULTS, no_reply_business_days=2, min_spacing_business_days=2),
            no_reply(date(2026, 11, 5), "phone", 2),
        ),
    ],
)
def test_after_outreach(
    attempts: list[Attempt], settings: RuleSettings, expected: Planned | Pause
) -> None:
    assert after_outreach(attempts, settings) == expected


MANY = replace(DEFAULTS, max_attempts=10)


@pytest.mark.parametrize(
    "channels, settings, expected",
    [
        (["email"], DEFAULTS, "phone"),
        (["email", "phone"], DEFAULTS, "letter"),
        (["email", "phone", "letter"], MANY, "linkedin"),
        # After the end of the rotation it wraps around.
        (["linkedin"], DEFAULTS, "email"),
        # A channel outside the rotation starts it from the beginning.
        (["video"], DEFAULTS, "email"),
        (["email", "text"], DEFAULTS, "phone"),
        # Channels already tried are skipped when another is left.
        (["phone", "email"], DEFAULTS, "letter"),
        (["email", "letter"], DEFAULTS, "linkedin"),
        (["letter", "linkedin", "email"], MANY, "phone"),
        # All tried: the next in the rotation that is not the last one.
        (["email", "phone", "letter", "linkedin"], MANY, "email"),
        (["email", "phone"], replace(MANY, channel_rotation=("email", "phone")), "email"),
        # The rotation is a setting.
        (["email"], replace(DEFAULTS, channel_rotation=("email", "linkedin", "phone")), "linkedin"),
        # A one-channel rotation has nothing else to offer.
        (["email"], replace(DEFAULTS, channel_rotation=("email",)), "email"),
    ],
)
def test_channels_rotate(channels: list[str], settings: RuleSettings, expected: str) -> None:
    attempts = [Attempt(date(2026, 11, 2 + 7 * i), c) for i, c in enumerate(channels)]
    planned = after_outreach(attempts, settings)
    assert isinstance(planned, Planned)
    assert planned.channel == expected


def test_same_day_attempts_count_in_the_order_given() -> None:
    planned = after_outreach([email(TUE_3), phone(TUE_3)], DEFAULTS)
    assert planned == no_reply(TUE_10, "letter", 3)


def test_after_outreach_needs_an_attempt() -> None:
    with pytest.raises(ValueError, match="at least the attempt just made"):
        after_outreach([], DEFAULTS)


@pytest.mark.parametrize(
    "settings",
    [
        DEFAULTS,
        WITH_HOLIDAYS,
        replace(DEFAULTS, no_reply_business_days=2),
        replace(DEFAULTS, no_reply_business_days=2, min_spacing_business_days=8, max_attempts=5),
        replace(DEFAULTS, max_attempts=6, channel_rotation=("phone", "email")),
        replace(DEFAULTS, channel_rotation=("email",)),
    ],
)
@pytest.mark.parametrize("first_on", [TUE_3, FRI_6, SAT_7, date(2026, 12, 22)])
def test_the_engine_never_plans_what_the_pest_guard_refuses(
    settings: RuleSettings, first_on: date
) -> None:
    attempts = [email(first_on)]
    while isinstance(planned := after_outreach(attempts, settings), Planned):
        assert check_attempt(attempts, planned.due_on, settings, planned.channel) is None
        attempts.append(Attempt(planned.due_on, planned.channel))
    assert len(attempts) == settings.max_attempts


# --- on_reply: a reply cancels the no-reply follow-ups and nothing else ---


def test_a_reply_cancels_pending_no_reply_followups_only() -> None:
    open_followups = [
        OpenFollowUp(1, "no_reply"),
        OpenFollowUp(2, "thank_you"),
        OpenFollowUp(3, "favour"),
        OpenFollowUp(4, "no_reply"),
        OpenFollowUp(5, "keep_in_touch"),
        OpenFollowUp(6, "promised_info"),
        OpenFollowUp(7, "other"),
        OpenFollowUp(8, "ask_again"),
    ]
    assert on_reply(open_followups) == [1, 4, 8]


@pytest.mark.parametrize(
    "open_followups",
    [[], [OpenFollowUp(2, "thank_you"), OpenFollowUp(3, "favour")]],
)
def test_a_reply_with_nothing_to_cancel(open_followups: list[OpenFollowUp]) -> None:
    assert on_reply(open_followups) == []


# --- check_attempt: the pest guard ---

# Stands for "refused, whatever the wording" in the table below.
REFUSED = object()


@pytest.mark.parametrize(
    "attempts, proposed_on, settings, expected",
    [
        # The first attempt is always fine.
        ([], TUE_3, DEFAULTS, None),
        # Exactly 5 business days after the last one is fine; later too.
        ([email(TUE_3)], TUE_10, DEFAULTS, None),
        ([email(TUE_3)], date(2026, 11, 11), DEFAULTS, None),
        # Four business days after is too soon.
        (
            [email(TUE_3)],
            MON_9,
            DEFAULTS,
            SpacingViolation(
                "Your last attempt was on Tue 3 Nov; the pest guard keeps attempts "
                "5 business days apart — the earliest is Tue 10 Nov.",
                earliest_on=TUE_10,
            ),
        ),
        # The same day, and a day before the last attempt, are too soon as well.
        ([email(TUE_3)], TUE_3, DEFAULTS, REFUSED),
        ([email(TUE_3)], date(2026, 11, 2), DEFAULTS, REFUSED),
        # The latest attempt counts, whatever the order of the list.
        ([phone(TUE_10), email(TUE_3)], date(2026, 11, 16), DEFAULTS, REFUSED),
        ([phone(TUE_10), email(TUE_3)], TUE_17, DEFAULTS, None),
        # Holidays push the earliest date on.
        (
            [email(date(2026, 12, 24))],
            date(2026, 12, 31),
            WITH_HOLIDAYS,
            SpacingViolation(
                "Your last attempt was on Thu 24 Dec 2026; the pest guard keeps attempts "
                "5 business days apart — the earliest is Tue 5 Jan 2027.",
                earliest_on=date(2027, 1, 5),
            ),
        ),
        ([email(date(2026, 12, 24))], date(2027, 1, 5), WITH_HOLIDAYS, None),
        # The spacing is a setting, and one day reads as one day.
        (
            [email(TUE_3)],
            TUE_3,
            replace(DEFAULTS, min_spacing_business_days=1),
            SpacingViolation(
                "Your last attempt was on Tue 3 Nov; the pest guard keeps attempts "
                "1 business day apart — the earliest is Wed 4 Nov.",
                earliest_on=date(2026, 11, 4),
            ),
        ),
        # The cap, whatever the date; it names the day the pause ends and a fresh round starts.
        (
            [email(TUE_3), phone(TUE_10), letter(TUE_17)],
            date(2027, 6, 1),
            DEFAULTS,
            SpacingViolation(
                "You have already made 3 attempts, the most this account allows. The pause "
                "after the last one ends on Sat 16 Jan 2027; from then you may start afresh.",
                earliest_on=date(2027, 1, 16),
            ),
        ),
        (
            [email(TUE_3)],
            date(2027, 6, 1),
            replace(DEFAULTS, max_attempts=1),
            SpacingViolation(
                "You have already made 1 attempt, the most this account allows. The pause "
                "after the last one ends on Sat 2 Jan 2027; from then you may start afresh.",
                earliest_on=date(2027, 1, 2),
            ),
        ),
        (
            [email(TUE_3), phone(TUE_10), letter(TUE_17), linkedin(date(2026, 11, 24))],
            date(2027, 6, 1),
            DEFAULTS,
            SpacingViolation(
                "You have already made 4 attempts; this account allows at most 3. The pause "
                "after the last one ends on Sat 23 Jan 2027; from then you may start afresh.",
                earliest_on=date(2027, 1, 23),
            ),
        ),
        (
            [email(TUE_3), phone(TUE_10)],
            TUE_17,
            replace(DEFAULTS, max_attempts=2, pause_days=14),
            SpacingViolation(
                "You have already made 2 attempts, the most this account allows. The pause "
                "after the last one ends on Tue 24 Nov; from then you may start afresh.",
                earliest_on=date(2026, 11, 24),
            ),
        ),
        # One attempt short of the cap is judged on spacing alone.
        ([email(TUE_3), phone(TUE_10)], TUE_17, DEFAULTS, None),
    ],
)
def test_check_attempt(
    attempts: list[Attempt], proposed_on: date, settings: RuleSettings, expected: object
) -> None:
    result = check_attempt(attempts, proposed_on, settings)
    if expected is REFUSED:
        assert isinstance(result, SpacingViolation)
        assert result.earliest_on is not None
        assert result.earliest_on > proposed_on
    else:
        assert result == expected


@pytest.mark.parametrize(
    "attempts, proposed_on, channel, settings, expected",
    [
        # Without a channel to judge (a follow-up moved to another date), only the date counts.
        ([email(TUE_3)], TUE_10, None, DEFAULTS, None),
        # Another channel than the last is fine, even one already tried or off the rotation.
        ([email(TUE_3)], TUE_10, "phone", DEFAULTS, None),
        ([email(TUE_3), phone(TUE_10)], TUE_17, "email", DEFAULTS, None),
        ([email(TUE_3)], TUE_10, "video", DEFAULTS, None),
        # The same channel as the last attempt is refused, with the rotation's next channel.
        (
            [email(TUE_3)],
            TUE_10,
            "email",
            DEFAULTS,
            SpacingViolation(
                "Your last attempt was by e-mail too; the pest guard wants each attempt on "
                "another channel — try by phone.",
                earliest_on=TUE_10,
                channel="phone",
            ),
        ),
        (
            [email(TUE_3), phone(TUE_10)],
            TUE_17,
            "phone",
            DEFAULTS,
            SpacingViolation(
                "Your last attempt was by phone too; the pest guard wants each attempt on "
                "another channel — try by letter.",
                earliest_on=TUE_17,
                channel="letter",
            ),
        ),
        # An off-rotation channel twice is refused too; the rotation starts from its top.
        ([Attempt(TUE_3, "video")], TUE_10, "video", DEFAULTS, REFUSED),
        # Too soon and on the same channel: one sentence says both.
        (
            [email(TUE_3)],
            date(2026, 11, 4),
            "email",
            DEFAULTS,
            SpacingViolation(
                "Your last attempt was by e-mail on Tue 3 Nov; the pest guard keeps attempts "
                "5 business days apart and on another channel — the earliest is Tue 10 Nov, "
                "by phone.",
                earliest_on=TUE_10,
                channel="phone",
            ),
        ),
        # A one-channel rotation leaves no other channel: the same one is fine.
        ([email(TUE_3)], TUE_10, "email", replace(DEFAULTS, channel_rotation=("email",)), None),
        # A rotation without the last channel offers its own first one.
        (
            [email(TUE_3)],
            TUE_10,
            "email",
            replace(DEFAULTS, channel_rotation=("letter",)),
            SpacingViolation(
                "Your last attempt was by e-mail too; the pest guard wants each attempt on "
                "another channel — try by letter.",
                earliest_on=TUE_10,
                channel="letter",
            ),
        ),
    ],
)
def test_check_attempt_judges_the_channel(
    attempts: list[Attempt],
    proposed_on: date,
    channel: str | None,
    settings: RuleSettings,
    expected: object,
) -> None:
    result = check_attempt(attempts, proposed_on, settings, channel)
    if expected is REFUSED:
        assert isinstance(result, SpacingViolation)
        assert result.channel is not None and result.channel != channel
    else:
        assert result == expected


# --- after a meeting: thank-you and favours ---


@pytest.mark.parametrize(
    "meeting_on, settings, expected",
    [
        (TUE_3, DEFAULTS, date(2026, 11, 4)),
        # A Friday meeting is thanked on Monday, a Saturday one too.
        (FRI_6, DEFAULTS, MON_9),
        (SAT_7, DEFAULTS, MON_9),
        (date(2026, 12, 24), WITH_HOLIDAYS, date(2026, 12, 29)),
        (date(2026, 12, 24), DEFAULTS, CHRISTMAS),
        # Zero days: the same day, or the next business day after a weekend meeting.
        (TUE_3, replace(DEFAULTS, thank_you_days=0), TUE_3),
        (SAT_7, replace(DEFAULTS, thank_you_days=0), MON_9),
        (TUE_3, replace(DEFAULTS, thank_you_days=2), date(2026, 11, 5)),
    ],
)
def test_thank_you_due(meeting_on: date, settings: RuleSettings, expected: date) -> None:
    assert thank_you_due(meeting_on, settings) == expected


@pytest.mark.parametrize(
    "promised_due_on, today, settings, expected",
    [
        # No date promised: 5 business days from today.
        (None, FRI_6, DEFAULTS, date(2026, 11, 13)),
        (None, SAT_7, DEFAULTS, date(2026, 11, 13)),
        (None, date(2026, 12, 24), WITH_HOLIDAYS, date(2027, 1, 5)),
        (None, TUE_3, replace(DEFAULTS, favour_default_business_days=2), date(2026, 11, 5)),
        # A promised date is kept as given, a weekend or a past date included.
        (date(2026, 11, 20), TUE_3, DEFAULTS, date(2026, 11, 20)),
        (SAT_7, TUE_3, DEFAULTS, SAT_7),
        (date(2026, 10, 30), TUE_3, DEFAULTS, date(2026, 10, 30)),
    ],
)
def test_favour_followup_due(
    promised_due_on: date | None, today: date, settings: RuleSettings, expected: date
) -> None:
    assert favour_followup_due(promised_due_on, today, settings) == expected


# --- keep in touch by closeness ---


@pytest.mark.parametrize(
    "last_contact_on, closeness, settings, expected",
    [
        # Mon 2 Mar 2026 + 30 = Wed 1 Apr; + 60 = Fri 1 May; + 90 = Sun 31 May, so Mon 1 Jun.
        (date(2026, 3, 2), 1, DEFAULTS, date(2026, 4, 1)),
        (date(2026, 3, 2), 2, DEFAULTS, date(2026, 5, 1)),
        (date(2026, 3, 2), 3, DEFAULTS, date(2026, 6, 1)),
        # Wed 4 Mar + 60 = Sun 3 May, so Mon 4 May.
        (date(2026, 3, 4), 2, DEFAULTS, date(2026, 5, 4)),
        # Landing on a holiday moves to the next business day: 25 Nov + 30 = Christmas.
        (date(2026, 11, 25), 1, WITH_HOLIDAYS, date(2026, 12, 29)),
        (
            date(2026, 3, 2),
            1,
            OWN_KEEP_IN_TOUCH,
            date(2026, 3, 16),
        ),
        (
            date(2026, 3, 2),
            3,
            OWN_KEEP_IN_TOUCH,
            date(2026, 8, 31),
        ),
    ],
)
def test_keep_in_touch_due(
    last_contact_on: date, closeness: int, settings: RuleSettings, expected: date
) -> None:
    assert keep_in_touch_due(last_contact_on, closeness, settings) == expected


@pytest.mark.parametrize("closeness", [0, 4, -1])
def test_keep_in_touch_refuses_unknown_closeness(closeness: int) -> None:
    with pytest.raises(ValueError, match="closeness must be 1, 2 or 3"):
        keep_in_touch_due(TUE_3, closeness, DEFAULTS)


# --- paused and back ---


@pytest.mark.parametrize(
    "paused_on, settings, expected",
    [
        (TUE_17, DEFAULTS, date(2027, 1, 16)),
        (TUE_3, DEFAULTS, date(2027, 1, 2)),
        (TUE_3, replace(DEFAULTS, pause_days=14), TUE_17),
    ],
)
def test_paused_until(paused_on: date, settings: RuleSettings, expected: date) -> None:
    assert paused_until(paused_on, settings) == expected


@pytest.mark.parametrize(
    "today, expected",
    [(date(2027, 1, 15), False), (date(2027, 1, 16), True), (date(2027, 3, 1), True)],
)
def test_is_back(today: date, expected: bool) -> None:
    assert is_back(date(2027, 1, 16), today) is expected


# --- snooze ---


@pytest.mark.parametrize(
    "due_on, today, days, settings, expected",
    [
        # Snoozing a day on a Friday lands on Monday.
        (FRI_6, FRI_6, 1, DEFAULTS, MON_9),
        (TUE_3, TUE_3, 1, DEFAULTS, date(2026, 11, 4)),
        (MON_9, MON_9, 7, DEFAULTS, date(2026, 11, 16)),
        # An overdue follow-up is snoozed from today, not from its old date.
        (TUE_3, MON_9, 2, DEFAULTS, date(2026, 11, 11)),
        # A follow-up not yet due is snoozed from its due date.
        (date(2026, 11, 11), MON_9, 2, DEFAULTS, date(2026, 11, 13)),
        # Holidays are skipped.
        (date(2026, 12, 24), date(2026, 12, 24), 1, WITH_HOLIDAYS, date(2026, 12, 29)),
    ],
)
def test_snooze(
    due_on: date, today: date, days: int, settings: RuleSettings, expected: date
) -> None:
    assert snooze(due_on, today, days, settings) == expected


@pytest.mark.parametrize("days", [0, -3])
def test_snooze_needs_a_day_or_more(days: int) -> None:
    with pytest.raises(ValueError, match="one day or more"):
        snooze(TUE_3, TUE_3, days, DEFAULTS)


# --- a whole story, with the clock frozen far away to show nothing reads it ---


@freeze_time("2031-06-15 23:59:59")
def test_a_persistent_not_pestering_story() -> None:
    # Tue 3 Nov: an email. The engine plans a phone call for Tue 10 Nov.
    attempts = [email(TUE_3)]
    assert after_outreach(attempts, DEFAULTS) == no_reply(TUE_10, "phone", 2)
    # Calling on Mon 9 Nov is refused with the earliest date; Tue 10 Nov is fine.
    refused = check_attempt(attempts, MON_9, DEFAULTS)
    assert refused is not None and refused.earliest_on == TUE_10
    assert check_attempt(attempts, TUE_10, DEFAULTS) is None
    # The call goes unanswered; a letter is planned for Tue 17 Nov.
    attempts.append(phone(TUE_10))
    assert after_outreach(attempts, DEFAULTS) == no_reply(TUE_17, "letter", 3)
    # The letter is the third attempt: a fourth is refused and the person is paused.
    attempts.append(letter(TUE_17))
    assert after_outreach(attempts, DEFAULTS) == Pause(date(2027, 1, 16))
    assert check_attempt(attempts, date(2027, 2, 1), DEFAULTS) is not None
    assert not is_back(date(2027, 1, 16), date(2027, 1, 15))
    assert is_back(date(2027, 1, 16), date(2027, 1, 16))
    # Dates that depend on "today" take it as an argument, never from the clock.
    assert favour_followup_due(None, FRI_6, DEFAULTS) == date(2026, 11, 13)
    assert snooze(TUE_3, TUE_3, 1, DEFAULTS) == date(2026, 11, 4)


# --- settings ---


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"no_reply_business_days": 0}, "no_reply_business_days must be a whole number"),
        ({"max_attempts": 0}, "max_attempts must be a whole number of at least 1"),
        ({"min_spacing_business_days": -1}, "min_spacing_business_days"),
        ({"pause_days": 0}, "pause_days"),
        ({"thank_you_days": -1}, "thank_you_days must be a whole number of at least 0"),
        ({"favour_default_business_days": 0}, "favour_default_business_days"),
        ({"max_attempts": 2.5}, "max_attempts"),
        ({"max_attempts": True}, "max_attempts"),
        ({"keep_in_touch_days": (30, 60)}, "three numbers"),
        ({"keep_in_touch_days": (30, 0, 90)}, "keep_in_touch_days must be"),
        ({"channel_rotation": ()}, "at least one channel"),
        ({"channel_rotation": ("email", "pigeon")}, "unknown channels: pigeon"),
        ({"channel_rotation": ("email", "phone", "email")}, "twice"),
    ],
)
def test_settings_refuse_bad_values(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        RuleSettings(**changes)


def test_settings_take_lists_and_stay_hashable() -> None:
    settings = RuleSettings(
        keep_in_touch_days=[14, 30, 60],
        channel_rotation=["email", "text"],
        holidays=[NEW_YEAR, CHRISTMAS, CHRISTMAS],
    )
    assert settings.keep_in_touch_days == (14, 30, 60)
    assert settings.channel_rotation == ("email", "text")
    assert settings.holidays == (CHRISTMAS, NEW_YEAR)
    assert hash(settings) == hash(
        RuleSettings(
            keep_in_touch_days=(14, 30, 60),
            channel_rotation=("email", "text"),
            holidays=(CHRISTMAS, NEW_YEAR),
        )
    )


def test_defaults_match_the_design() -> None:
    assert DEFAULTS.no_reply_business_days == 5
    assert DEFAULTS.max_attempts == 3
    assert DEFAULTS.min_spacing_business_days == 5
    assert DEFAULTS.pause_days == 60
    assert DEFAULTS.thank_you_days == 1
    assert DEFAULTS.keep_in_touch_days == (30, 60, 90)
    assert DEFAULTS.channel_rotation == ("email", "phone", "letter", "linkedin")
    assert DEFAULTS.holidays == ()
