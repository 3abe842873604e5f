"""Today's counts and lists run SQL compiled once per process with fresh values
(network/prepared.py): they must be what the querysets themselves give, at the day's and
week's edges in the account's time zone, for any account, on SQLite and PostgreSQL."""

from datetime import UTC, date, datetime, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from hundred.network.actions.followups import local_date, local_midnight
from hundred.network.models import Favour, FollowUp, Interaction, Meeting, Person
from hundred.network.prepared import ACCOUNT, DATE, Prepared
from hundred.network.today import _COUNTS, build_today
from hundred.test import BaseTestCase

MINUTE = timedelta(minutes=1)


class PreparedTodayTestCase(BaseTestCase):
    # 23:00 on Wednesday 11 November in Auckland (UTC+13): the local day is not UTC's.
    clock = freeze_time("2026-11-11 10:00:00+00:00")

    def setUp(self):
        self.alice.time_zone = "Pacific/Auckland"
        self.alice.save()
        now = datetime(2026, 11, 11, 10, tzinfo=UTC)
        self.now = now
        today = local_date(self.alice, now)
        start = local_midnight(self.alice, today)
        week_end = local_midnight(self.alice, today + timedelta(days=8))
        monday = local_midnight(self.alice, today - timedelta(days=today.weekday()))
        people = [self.make_person("P", f"{i:02}") for i in range(8)]
        for i, due in enumerate(
            [today - timedelta(days=3), today, today + timedelta(days=1), date(2026, 11, 10)]
        ):
            self.make_followup(people[i], due_on=due, reason="no_reply", note=f"n{i}")
        self.make_followup(people[4], due_on=today, state="done")
        for i, at in enumerate(
            [start - MINUTE, start, now - MINUTE, now + MINUTE, week_end - MINUTE, week_end]
        ):
            self.make_meeting(people[i], starts_at=at, place=f"place {i}")
        self.make_meeting(people[6], starts_at=now + MINUTE, cancelled_at=now)
        self.make_meeting(people[7], starts_at=now - MINUTE, debriefed_at=now)
        self.make_favour(people[0], due_on=today)
        self.make_favour(people[1], direction="i_offered")
        self.make_favour(people[2], direction="they_did")
        self.make_favour(people[3], state="done")
        for at in (monday - MINUTE, monday, monday + timedelta(days=7) - MINUTE):
            self.make_interaction(people[5], direction="out", is_outreach=True, occurred_at=at)
        self.make_interaction(people[5], direction="in", is_outreach=False, occurred_at=now)
        # Bob's rows, on the same days, must reach none of alice's figures.
        theirs = self.make_person("B", "Ob", owner=self.bob)
        self.make_followup(theirs, due_on=today)
        self.make_meeting(theirs, starts_at=now + MINUTE)
        self.make_favour(theirs)
        self.today, self.start, self.week_end, self.monday = today, start, week_end, monday

    def expected(self, user):
        """What the querysets give, compiled by Django as usual."""
        followups = FollowUp.objects.for_user(user).filter(state="open", due_on__lte=self.today)
        on = Meeting.objects.for_user(user).not_cancelled()
        meetings = on.filter(starts_at__gte=self.start, starts_at__lt=self.week_end)
        debriefs = Meeting.objects.for_user(user).to_debrief(self.now)
        favours = Favour.objects.for_user(user).owed()
        week = {"gte": self.monday, "lt": self.monday + timedelta(days=7)}
        return {
            "followups": list(followups.order_by("due_on", "id")),
            "meetings": list(meetings.order_by("starts_at", "id")),
            "debriefs": list(debriefs.order_by("starts_at", "id")),
            "favours": list(favours),
            "people": Person.objects.for_user(user).count(),
            "asks": Interaction.objects.for_user(user)
            .filter(
                direction="out",
                is_outreach=True,
                occurred_at__gte=week["gte"],
                occurred_at__lt=week["lt"],
            )
            .count(),
            "meetings_this_week": on.filter(
                starts_at__gte=week["gte"], starts_at__lt=week["lt"]
            ).count(),
        }

    def test_counts_and_lists_are_the_querysets_own_at_the_edges(self):
        data = build_today(self.alice, self.now)
        want = self.expected(self.alice)
        self.assertEqual(data.today, date(2026, 11, 11))
        meetings = data.meetings_today + data.meetings_week
        self.assertEqual(
            [
                [(f.pk, f.due_on, f.reason, f.note, str(f.person)) for f in data.followups],
                [(m.pk, m.starts_at, m.place, str(m.person)) for m in meetings],
                [(m.pk, m.starts_at, str(m.person)) for m in data.debriefs],
                [(f.pk, f.direction, f.due_on, f.what, str(f.person)) for f in data.favours],
            ],
            [
                [(f.pk, f.due_on, f.reason, f.note, str(f.person)) for f in want["followups"]],
                [(m.pk, m.starts_at, m.place, str(m.person)) for m in want["meetings"]],
                [(m.pk, m.starts_at, str(m.person)) for m in want["debriefs"]],
                [(f.pk, f.direction, f.due_on, f.what, str(f.person)) for f in want["favours"]],
            ],
        )
        self.assertEqual(
            (data.people_count, data.asks_this_week, data.meetings_this_week),
            (want["people"], want["asks"], want["meetings_this_week"]),
        )
        # The edges themselves: 3 follow-ups due by the local today, meetings from local
        # midnight up to a minute before the eighth day (the debriefed one too, not the
        # cancelled one), two asks in the local week.
        self.assertEqual(
            (len(data.followups), len(meetings), len(data.debriefs), len(data.favours)),
            (3, 5, 3, 2),
        )
        self.assertEqual(data.asks_this_week, 2)
        self.assertTrue(all(m.starts_at.tzinfo is not None for m in meetings))

    def test_the_next_account_gets_its_own_figures_from_the_same_sql(self):
        build_today(self.alice, self.now)
        kept = len(_COUNTS._compiled)
        data = build_today(self.bob, self.now)
        self.assertEqual(len(_COUNTS._compiled), kept)  # compiled once, run again
        self.assertEqual(
            (data.people_count, len(data.followups), len(data.meetings_week), len(data.favours)),
            (1, 1, 0, 1),
        )
        self.assertEqual([str(f.person) for f in data.followups], ["B Ob"])

    def test_a_list_reads_no_column_it_does_not_show(self):
        data = build_today(self.alice, self.now)
        shown = []
        with CaptureQueriesContext(connection) as reads:
            for f in data.followups:
                shown += [f.person.get_absolute_url(), str(f.person), f.get_reason_display()]
                shown += [f.attempt, f.channel]
            for f in data.favours:
                shown += [f.person.pk, f.direction, f.what, f.due_on]
            for m in data.meetings_today + data.meetings_week + data.debriefs:
                shown += [m.duration_minutes, m.place, m.starts_at, str(m.person)]
        self.assertEqual(len(reads), 0)
        self.assertIn("P 00", shown)
        with CaptureQueriesContext(connection) as reads:
            # Not read with the list: loaded when asked for, as only() leaves it.
            self.assertEqual(data.followups[0].person.title, "")
        self.assertEqual(len(reads), 1)


class PreparedTestCase(BaseTestCase):
    def test_a_value_that_is_not_a_parameter_fails_loudly(self):
        # A LIMIT is written into the SQL: a value used only there cannot be swapped per run.
        prepared = Prepared(
            lambda user, day: Person.objects.for_user(user).values_list("id"),
            user=ACCOUNT,
            day=DATE,
        )
        with self.assertRaisesRegex(RuntimeError, "day is not a parameter"):
            prepared.rows(user=self.alice, day=date(2026, 1, 1))

    def test_rows_come_back_converted(self):
        p = self.make_person()
        self.make_followup(p, due_on=date(2026, 3, 4))
        prepared = Prepared(
            lambda user, day: (
                FollowUp.objects.for_user(user)
                .filter(due_on__lte=day)
                .values_list("due_on", "person__first_name")
            ),
            user=ACCOUNT,
            day=DATE,
        )
        self.assertEqual(
            [list(row) for row in prepared.rows(user=self.alice, day=date(2026, 3, 4))],
            [[date(2026, 3, 4), "Maya"]],
        )
        self.assertEqual(list(prepared.rows(user=self.alice, day=date(2026, 3, 3))), [])
        self.assertEqual(list(prepared.rows(user=self.bob, day=date(2026, 3, 4))), [])
