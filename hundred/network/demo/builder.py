"""The demo's builder: what it has made so far, its clock, and the writes every chapter uses.

Everything is made unsaved, in memory, and written kind by kind at the end (save.py). Dates
count back in business days from `today`; follow-up dates come from the follow-up engine
(rules.py), so the demo obeys the same rules as real data. One seeded random generator makes
every choice, so the chapters must run in the same order every time (see `build_demo`).
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from hundred.lib.dates import add_business_days
from hundred.network.actions.followups import unreachable
from hundred.network.demo.data import AREA_CODES, NUDGES
from hundred.network.models import (
    Channel,
    Company,
    Direction,
    Favour,
    FollowUp,
    FollowUpState,
    Interaction,
    Meeting,
    Person,
    Stage,
)
from hundred.network.rules import Attempt, Pause, Planned, RuleSettings, after_outreach

SEED = 100  # the article's list of 100 people
_ONE_DAY = timedelta(days=1)


def business_days_before(d: date, n: int) -> date:
    """The n-th business day before d (the demo counts back; the rules only count forward)."""
    while n:
        d -= _ONE_DAY
        if d.weekday() < 5:
            n -= 1
    return d


class Builder:
    """Holds every object made so far, unsaved, and makes the ones every chapter needs."""

    def __init__(self, owner, today: date) -> None:
        self.owner = owner
        self.today = today
        self.tz = owner.tzinfo
        self.rng = random.Random(SEED)
        self.rules = RuleSettings()
        self.start = self.day(-40)  # the first working day of the search, eight weeks ago
        self.companies: dict[str, Company] = {}
        self.people: list[Person] = []
        self.cast: dict[str, Person] = {}
        self.person_tags: list[tuple[Person, str]] = []
        self.meetings: dict[str, Meeting] = {}
        self.mentions: list[tuple[Meeting, Company]] = []
        self.interactions: list[Interaction] = []
        self.interaction_people: list[tuple[Interaction, Person]] = []
        self.followups: list[FollowUp] = []
        self.favours: list[Favour] = []
        self.last_touch: dict[int, date] = {}  # id(person) -> date of the latest interaction
        self.favour_done_by: dict[str, Interaction] = {}  # cast key -> the touch that did it
        self.nurtured_at: dict[str, datetime] = {}
        self.names: set[tuple[str, str]] = set()
        self.filler: list[Person] = []  # the generated part of the list, not the cast
        numbers = [f"+1{code}55501{n:02d}" for code in AREA_CODES for n in range(100)]
        self.rng.shuffle(numbers)
        self.phones = numbers

    # Dates.

    def day(self, offset: int) -> date:
        """A business day `offset` business days from today; 0 is today, or Monday at a weekend."""
        if offset < 0:
            return business_days_before(self.today, -offset)
        return add_business_days(self.today, offset, self.rules.holidays)

    def at(self, d: date, hhmm: str) -> datetime:
        hours, minutes = (int(part) for part in hhmm.split(":"))
        return datetime(d.year, d.month, d.day, hours, minutes, tzinfo=self.tz)

    def some_time(self, d: date, first_hour: int = 8, last_hour: int = 17) -> datetime:
        hour = self.rng.randint(first_hour, last_hour)
        return self.at(d, f"{hour}:{self.rng.randrange(0, 60, 5):02d}")

    def listing_time(self) -> datetime:
        """When a name went on the list: an evening in the few days before the search began."""
        return self.some_time(self.start - timedelta(days=self.rng.randint(1, 3)), 18, 21)

    # Interactions and follow-ups.

    def touch(
        self,
        people: list[Person],
        when: datetime,
        channel: str,
        direction: str,
        summary: str,
        *,
        is_outreach: bool = False,
        meeting: Meeting | None = None,
    ) -> Interaction:
        interaction = Interaction(
            owner=self.owner,
            channel=channel,
            direction=direction,
            occurred_at=when,
            summary=summary,
            is_outreach=is_outreach,
            meeting=meeting,
            created_at=when,
        )
        self.interactions.append(interaction)
        for person in people:
            self.interaction_people.append((interaction, person))
            if is_outreach and direction == Direction.OUT:
                if person.asked_at is None or when < person.asked_at:
                    person.asked_at = when
            previous = self.last_touch.get(id(person))
            if previous is None or when.date() > previous:
                self.last_touch[id(person)] = when.date()
        return interaction

    def follow_up(
        self,
        person: Person,
        due_on: date,
        reason: str,
        created_at: datetime,
        *,
        channel: str = Channel.EMAIL,
        attempt: int = 1,
        note: str = "",
        meeting: Meeting | None = None,
        favour: Favour | None = None,
    ) -> FollowUp:
        followup = FollowUp(
            owner=self.owner,
            person=person,
            due_on=due_on,
            channel=channel,
            reason=reason,
            attempt=attempt,
            note=note,
            meeting=meeting,
            favour=favour,
            created_at=created_at,
        )
        self.followups.append(followup)
        return followup

    @staticmethod
    def close(followup: FollowUp, when: datetime, interaction: Interaction | None = None) -> None:
        followup.state = FollowUpState.DONE
        followup.done_at = when
        followup.interaction = interaction

    @staticmethod
    def skip(followup: FollowUp | None, when: datetime) -> None:
        if followup is not None and followup.state == FollowUpState.OPEN:
            followup.state = FollowUpState.SKIPPED
            followup.done_at = when

    def outreach(
        self, person: Person, first_on: date, channel: str, attempts: int, summary: str
    ) -> tuple[FollowUp | None, date, Pause | None]:
        """Make `attempts` attempts as the engine plans them: the outreach, then each no-reply
        follow-up done on its due date. Returns the open follow-up (None once paused), the day
        of the last attempt and the pause, if the cap was reached."""
        made: list[Attempt] = []
        pending: FollowUp | None = None
        on = first_on
        for n in range(attempts):
            when = self.some_time(on, 8, 16)
            if n == 0:
                text = summary
            else:
                channel = pending.channel
                text = NUDGES.get(channel, "Followed up")
            interaction = self.touch([person], when, channel, Direction.OUT, text, is_outreach=True)
            if pending is not None:
                self.close(pending, when, interaction)
            if n == 0:
                person.set_stage(Stage.ASKED)
                person.stage_changed_at = when
            made.append(Attempt(on, channel))
            plan = after_outreach(made, self.rules, unreachable(person))
            if isinstance(plan, Pause):
                person.stage = Stage.PAUSED
                person.stage_changed_at = when
                person.paused_until = plan.until
                return None, on, plan
            assert isinstance(plan, Planned)
            pending = self.follow_up(
                person, plan.due_on, plan.reason, when, channel=plan.channel, attempt=plan.attempt
            )
            on = plan.due_on
        return pending, made[-1].on, None
