"""The follow-up engine: when to follow up, on which channel, and when to stop (article point 5).

Pure functions on dates: the caller loads attempts and follow-ups from the database, asks these
functions what should happen, and writes the answer back. Nothing here reads the clock.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from hundred.lib.dates import add_business_days
from hundred.lib.when import day

__all__ = [
    "ASK_AGAIN",
    "ATTEMPT_REASONS",
    "CHANNELS",
    "REASONS",
    "Attempt",
    "OpenFollowUp",
    "Pause",
    "Planned",
    "RuleSettings",
    "SpacingViolation",
    "after_outreach",
    "check_attempt",
    "first_channel",
    "favour_followup_due",
    "is_back",
    "keep_in_touch_due",
    "on_reply",
    "paused_until",
    "snooze",
    "thank_you_due",
    "unreachable_channels",
]

CHANNELS = ("email", "phone", "video", "in_person", "letter", "linkedin", "text", "event")
REASONS = (
    "no_reply",
    "ask_again",
    "thank_you",
    "promised_info",
    "favour",
    "keep_in_touch",
    "other",
)
NO_REPLY = "no_reply"
# "They said not now — ask again in N weeks": the first attempt of a fresh round.
ASK_AGAIN = "ask_again"
# The follow-ups that are outreach attempts: doing one is asking again, so the pest guard
# judges it, and a reply makes it moot.
ATTEMPT_REASONS = (NO_REPLY, ASK_AGAIN)

# The contact detail a channel needs: no phone number, no call or text. The other channels need
# none that Hundred keeps (there is no postal address field; a video call, a meeting in person
# or an event is arranged on another channel), so they are always open.
CHANNEL_NEEDS = {"email": "email", "phone": "phone", "text": "phone", "linkedin": "linkedin"}
CONTACT_DETAILS = ("email", "phone", "linkedin")

# How a sentence says "on that channel": "by e-mail", "in person", "at an event".
_BY_CHANNEL = {
    "email": "by e-mail",
    "phone": "by phone",
    "video": "by video call",
    "in_person": "in person",
    "letter": "by letter",
    "linkedin": "by LinkedIn message",
    "text": "by text message",
    "event": "at an event",
}


@dataclass(frozen=True)
class RuleSettings:
    """One account's follow-up settings; the defaults follow the Rules in DESIGN.md."""

    no_reply_business_days: int = 5  # wait after an outreach before following up
    max_attempts: int = 3  # outreach attempts in all, the first one included
    min_spacing_business_days: int = 5  # the pest guard
    pause_days: int = 60  # calendar days a person stays paused after the last attempt
    thank_you_days: int = 1  # business days after a meeting; 0 means the same day
    keep_in_touch_days: tuple[int, int, int] = (30, 60, 90)  # by closeness 1, 2, 3
    favour_default_business_days: int = 5  # when a promised favour has no date of its own
    channel_rotation: tuple[str, ...] = ("email", "phone", "letter", "linkedin")
    holidays: tuple[date, ...] = ()

    def __post_init__(self) -> None:
        # Settings come from a form and from the database; a bad value should fail here with
        # its name, not later as a strange due date.
        for name in (
            "no_reply_business_days",
            "max_attempts",
            "min_spacing_business_days",
            "pause_days",
            "favour_default_business_days",
        ):
            _require_count(name, getattr(self, name), minimum=1)
        _require_count("thank_you_days", self.thank_you_days, minimum=0)
        keep = tuple(self.keep_in_touch_days)
        if len(keep) != 3:
            raise ValueError("keep_in_touch_days needs three numbers, for closeness 1, 2 and 3.")
        for days in keep:
            _require_count("keep_in_touch_days", days, minimum=1)
        rotation = tuple(self.channel_rotation)
        if not rotation:
            raise ValueError("channel_rotation needs at least one channel.")
        unknown = [c for c in rotation if c not in CHANNELS]
        if unknown:
            raise ValueError(f"channel_rotation has unknown channels: {', '.join(unknown)}.")
        if len(set(rotation)) != len(rotation):
            raise ValueError("channel_rotation lists a channel twice.")
        # Accept lists (from a form or parse_holidays) but keep the settings hashable.
        object.__setattr__(self, "keep_in_touch_days", keep)
        object.__setattr__(self, "channel_rotation", rotation)
        object.__setattr__(self, "holidays", tuple(sorted(set(self.holidays))))


@dataclass(frozen=True)
class Attempt:
    """An outbound outreach, or a no-reply follow-up, that was made."""

    on: date
    channel: str


@dataclass(frozen=True)
class Planned:
    """A follow-up to create."""

    due_on: date
    channel: str
    attempt: int
    reason: str


@dataclass(frozen=True)
class Pause:
    """The person goes to 'paused' until this date."""

    until: date


@dataclass(frozen=True)
class OpenFollowUp:
    """An open follow-up as the engine needs to see it."""

    id: int
    reason: str


@dataclass(frozen=True)
class SpacingViolation:
    """Why the pest guard refuses an attempt, and what would be fine instead.

    earliest_on is the first date the attempt would pass: the spacing's earliest date, or, past
    the cap, the day the pause ends and a fresh round may start. channel is the channel to use
    instead when the refusal is about the channel; None when the channel was fine.
    """

    reason: str
    earliest_on: date | None = None
    channel: str | None = None


def unreachable_channels(details: Iterable[str]) -> frozenset[str]:
    """The channels a person cannot be reached on, given the contact details they have
    ("email", "phone", "linkedin").

    >>> sorted(unreachable_channels(["email"]))
    ['linkedin', 'phone', 'text']
    """
    have = set(details)
    unknown = have - set(CONTACT_DETAILS)
    if unknown:
        raise ValueError(f"Unknown contact details: {', '.join(sorted(unknown))}.")
    return frozenset(c for c, need in CHANNEL_NEEDS.items() if need not in have)


def first_channel(s: RuleSettings, unreachable: frozenset[str] = frozenset()) -> str:
    """The first channel of the rotation the person can be reached on; the first of all when
    there is none."""
    return next((c for c in s.channel_rotation if c not in unreachable), s.channel_rotation[0])


def after_outreach(
    attempts: Sequence[Attempt], s: RuleSettings, unreachable: frozenset[str] = frozenset()
) -> Planned | Pause:
    """Plan the next no-reply follow-up, or pause the person once max_attempts are made.

    The follow-up is due no_reply_business_days after the latest attempt (never sooner than the
    pest guard allows), on the next channel in the rotation that differs from the latest one,
    is not in `unreachable` (see unreachable_channels) and, where possible, has not been tried
    yet. When every other channel is unreachable, the rotation is followed as if all were
    open. The pause runs pause_days from the latest attempt.
    """
    if not attempts:
        raise ValueError("after_outreach needs at least the attempt just made.")
    ordered = _in_order(attempts)
    last = ordered[-1]
    if len(ordered) >= s.max_attempts:
        return Pause(until=paused_until(last.on, s))
    # If the wait were shorter than the spacing, the engine would schedule what its own guard
    # refuses; the longer of the two wins.
    wait = max(s.no_reply_business_days, s.min_spacing_business_days)
    return Planned(
        due_on=add_business_days(last.on, wait, s.holidays),
        channel=_next_channel(ordered, s.channel_rotation, unreachable),
        attempt=len(ordered) + 1,
        reason=NO_REPLY,
    )


def on_reply(open_followups: Iterable[OpenFollowUp]) -> list[int]:
    """Return the ids of the attempts still planned (no reply, ask again) that an inbound reply
    cancels; a thank-you, a favour, a keep-in-touch reminder stay open."""
    return [f.id for f in open_followups if f.reason in ATTEMPT_REASONS]


def check_attempt(
    attempts: Sequence[Attempt],
    proposed_on: date,
    s: RuleSettings,
    channel: str | None = None,
    unreachable: frozenset[str] = frozenset(),
) -> SpacingViolation | None:
    """Refuse a new attempt past max_attempts, closer than the spacing to the latest one, or
    on the latest one's channel while the rotation offers another the person can be reached
    on (channels in `unreachable` do not count, as in after_outreach).

    A new attempt follows every earlier one, so a proposed date before the latest attempt is
    judged like any other date short of the earliest allowed. With channel None the channel is
    not judged (a follow-up moved to another date keeps the channel it was given). Returns None
    when the attempt is fine.
    """
    if not attempts:
        return None
    ordered = _in_order(attempts)
    last = ordered[-1]
    if len(ordered) >= s.max_attempts:
        return _past_the_cap(len(ordered), last.on, s)
    earliest = add_business_days(last.on, s.min_spacing_business_days, s.holidays)
    too_soon = proposed_on < earliest
    other = _next_channel(ordered, s.channel_rotation, unreachable)
    offers_another = other != last.channel and other not in unreachable
    same_channel = channel is not None and channel == last.channel and offers_another
    if not (too_soon or same_channel):
        return None
    show_year = last.on.year != earliest.year
    spacing = _plural(s.min_spacing_business_days, "business day")
    if not same_channel:
        return SpacingViolation(
            f"Your last attempt was on {_day(last.on, show_year)}; the pest guard keeps "
            f"attempts {spacing} apart — the earliest is {_day(earliest, show_year)}.",
            earliest_on=earliest,
        )
    by_last, by_other = _BY_CHANNEL.get(last.channel, last.channel), _BY_CHANNEL[other]
    if not too_soon:
        return SpacingViolation(
            f"Your last attempt was {by_last} too; the pest guard wants each attempt on "
            f"another channel — try {by_other}.",
            earliest_on=proposed_on,
            channel=other,
        )
    return SpacingViolation(
        f"Your last attempt was {by_last} on {_day(last.on, show_year)}; the pest guard keeps "
        f"attempts {spacing} apart and on another channel — the earliest is "
        f"{_day(earliest, show_year)}, {by_other}.",
        earliest_on=earliest,
        channel=other,
    )


def _past_the_cap(made_count: int, last_on: date, s: RuleSettings) -> SpacingViolation:
    # The round ends with a pause; when it is over, the count starts afresh.
    back_on = paused_until(last_on, s)
    show_year = back_on.year != last_on.year
    made = _plural(made_count, "attempt")
    if made_count == s.max_attempts:
        said = f"You have already made {made}, the most this account allows"
    else:
        # Possible after an override; say the limit rather than call this count the limit.
        said = f"You have already made {made}; this account allows at most {s.max_attempts}"
    return SpacingViolation(
        f"{said}. The pause after the last one ends on {_day(back_on, show_year)}; "
        "from then you may start afresh.",
        earliest_on=back_on,
    )


def thank_you_due(meeting_on: date, s: RuleSettings) -> date:
    """Return the business day thank_you_days after the meeting (a Friday meeting -> Monday)."""
    return add_business_days(meeting_on, s.thank_you_days, s.holidays)


def keep_in_touch_due(last_contact_on: date, closeness: int, s: RuleSettings) -> date:
    """Return the first business day on or after last contact + 30, 60 or 90 days by closeness."""
    if closeness not in (1, 2, 3):
        raise ValueError(f"closeness must be 1, 2 or 3, not {closeness!r}.")
    days = s.keep_in_touch_days[closeness - 1]
    return add_business_days(last_contact_on + timedelta(days=days), 0, s.holidays)


def favour_followup_due(promised_due_on: date | None, today: date, s: RuleSettings) -> date:
    """Return the favour's own due date, or favour_default_business_days after today.

    A date the user gave is kept as given, even a weekend or a past date: it is their promise,
    and a past one should show as overdue rather than quietly move.
    """
    if promised_due_on is not None:
        return promised_due_on
    return add_business_days(today, s.favour_default_business_days, s.holidays)


def paused_until(paused_on: date, s: RuleSettings) -> date:
    """Return the date a person paused on paused_on comes back: pause_days calendar days on."""
    return paused_on + timedelta(days=s.pause_days)


def is_back(until: date, today: date) -> bool:
    """Say whether a person paused until the given date is back today (on that date or later)."""
    return today >= until


def snooze(due_on: date, today: date, days: int, s: RuleSettings) -> date:
    """Move a follow-up days calendar days past the later of its due date and today.

    The result is a business day: snoozing a day on a Friday lands on Monday. Counting from
    today makes snoozing an overdue follow-up put it ahead of today, not still in the past.
    """
    if days < 1:
        raise ValueError(f"Snooze by one day or more, not {days}.")
    start = max(due_on, today)
    return add_business_days(start + timedelta(days=days), 0, s.holidays)


def _in_order(attempts: Sequence[Attempt]) -> list[Attempt]:
    # sorted() is stable: of two attempts on the same day, the one listed later counts as later.
    return sorted(attempts, key=lambda a: a.on)


def _next_channel(
    ordered: Sequence[Attempt], rotation: tuple[str, ...], unreachable: frozenset[str]
) -> str:
    last = ordered[-1].channel
    tried = {a.channel for a in ordered}
    # Start after the last channel in the rotation, or at its beginning if it was off-rotation
    # (a video call, a text); wrap around so every channel gets its turn.
    start = rotation.index(last) + 1 if last in rotation else 0
    candidates = [c for c in rotation[start:] + rotation[:start] if c != last]
    # Skip the channels they cannot be reached on, unless that leaves none: then as before.
    candidates = [c for c in candidates if c not in unreachable] or candidates
    untried = [c for c in candidates if c not in tried]
    if untried:
        return untried[0]
    if candidates:
        return candidates[0]
    # A one-channel rotation leaves no other channel to change to.
    return rotation[0]


def _require_count(name: str, value: object, minimum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError(f"{name} must be a whole number of at least {minimum}, not {value!r}.")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _day(d: date, with_year: bool) -> str:
    return f"{day(d)} {d.year}" if with_year else day(d)
