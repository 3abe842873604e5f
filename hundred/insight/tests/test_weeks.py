"""The twelve weeks counted by the database (a CASE over the weeks' bounds) against a plain
count in Python, on random accounts in several time zones, with instants on and next to the
bounds: a Monday's first instant in the account's time zone, a daylight-saving change (8 March
2026 in New York), and now."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from freezegun import freeze_time

from hundred.insight.metrics import build_insights
from hundred.insight.weeks import WEEKS, week_start
from hundred.network.models import (
    Direction,
    FollowUp,
    FollowUpState,
    Interaction,
    Meeting,
    Person,
)
from hundred.test import BaseTestCase

NOW = datetime(2026, 3, 18, 12, 0, tzinfo=UTC)  # a Wednesday
ZONES = ["UTC", "America/New_York", "Pacific/Auckland", "Asia/Kolkata"]


def week_of(when: datetime, tz: ZoneInfo, first_monday) -> int | None:
    """The week of `when` in the account's time zone, None outside the twelve or after now."""
    if when > NOW:
        return None
    week = (week_start(when.astimezone(tz).date()) - first_monday).days // 7
    return week if 0 <= week < WEEKS else None


class WeeksTestCase(BaseTestCase):
    clock = freeze_time(NOW)

    def instants(self, rnd: random.Random, tz: ZoneInfo, first_monday) -> list[datetime]:
        """Random instants over thirteen weeks and a bit, and every Monday's first instant in
        `tz` with the microsecond and the second either side; now and just after it."""
        mondays = [
            datetime.combine(first_monday + timedelta(weeks=i), datetime.min.time(), tzinfo=tz)
            for i in range(-1, WEEKS + 1)
        ]
        edges = [m + timedelta(microseconds=d) for m in mondays for d in (-1, 0, 1)]
        edges += [m + timedelta(seconds=d) for m in mondays for d in (-1, 1)]
        start = NOW - timedelta(weeks=WEEKS + 1)
        spread = [start + timedelta(seconds=rnd.randint(0, 14 * 7 * 86400)) for _ in range(80)]
        return [*edges, *spread, NOW, NOW + timedelta(microseconds=1)]

    def populate(self, rnd: random.Random, tz: ZoneInfo, first_monday) -> Counter:
        """Interactions, meetings and follow-ups at the instants; the expected counts."""
        people = [self.make_person(f"P{i}") for i in range(6)]
        expected: Counter = Counter()
        weeks_of_meetings = {}  # debriefed meetings, not cancelled: their week
        for when in self.instants(rnd, tz, first_monday):
            week = week_of(when, tz, first_monday)
            kind = rnd.choice(["outreach", "note", "reply", "meeting", "followup"])
            if kind in ("outreach", "note", "reply"):
                direction = Direction.IN if kind == "reply" else Direction.OUT
                interaction = self.make_interaction(
                    rnd.choice(people),
                    occurred_at=when,
                    direction=direction,
                    is_outreach=kind == "outreach",
                )
                if rnd.random() < 0.2:  # one interaction with two people counts once
                    interaction.people.add(rnd.choice(people))
                expected[kind, week] += kind != "note"
            elif kind == "meeting":
                cancelled = rnd.random() < 0.2
                debriefed = rnd.random() < 0.5
                meeting = self.make_meeting(
                    rnd.choice(people),
                    starts_at=when,
                    cancelled_at=NOW if cancelled else None,
                    debriefed_at=NOW if debriefed else None,
                )
                # A person is given at one meeting at most: a later meeting takes them over.
                meeting.names_given.add(*rnd.sample(people, rnd.randint(0, 2)))
                if not cancelled:
                    expected["meetings", week] += 1
                    expected["debriefed", week] += debriefed
                    if debriefed:
                        weeks_of_meetings[meeting.id] = week
            else:
                done = rnd.random() < 0.7
                self.make_followup(
                    rnd.choice(people),
                    state=FollowUpState.DONE if done else FollowUpState.OPEN,
                    done_at=when if done else None,
                )
                expected["followups_done", week] += done
        for person in Person.objects.filter(owner=self.alice, introduced_at__isnull=False):
            if person.introduced_at_id in weeks_of_meetings:
                expected["names", weeks_of_meetings[person.introduced_at_id]] += 1
        return expected

    def test_the_weeks_match_a_plain_count_in_every_time_zone(self):
        series = ["outreach", "replies", "meetings", "followups_done", "debriefed", "names"]
        for seed, zone in enumerate(ZONES):
            with self.subTest(zone=zone):
                for model in (Interaction, Meeting, FollowUp, Person):
                    model.objects.filter(owner=self.alice).delete()
                self.alice.time_zone = zone
                self.alice.save()
                tz = ZoneInfo(zone)
                first_monday = week_start(NOW.astimezone(tz).date()) - timedelta(weeks=WEEKS - 1)
                expected = self.populate(random.Random(seed), tz, first_monday)
                expected = Counter(
                    {(k.replace("reply", "replies"), w): n for (k, w), n in expected.items()}
                )
                weeks = build_insights(self.alice, now=NOW).weeks
                self.assertEqual([w.starts_on for w in weeks][0], first_monday)
                for name in series:
                    self.assertEqual(
                        [getattr(w, name) for w in weeks],
                        [expected[name, i] for i in range(WEEKS)],
                        name,
                    )
                # The edges were counted: every series has something in most weeks.
                self.assertGreater(sum(w.outreach + w.replies for w in weeks), WEEKS)
