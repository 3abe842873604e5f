import io
import re
from contextlib import redirect_stderr, redirect_stdout
from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

from hundred.cli import main
from hundred.network.demo import DemoExists, build_demo
from hundred.network.models import (
    Company,
    Favour,
    FavourDirection,
    FavourState,
    FollowUp,
    FollowUpReason,
    FollowUpState,
    HowKnown,
    Interaction,
    Meeting,
    Person,
    Source,
    Stage,
    Tag,
    Target,
)
from hundred.test import BaseTestCase

WEDNESDAY = date(2026, 3, 11)
SATURDAY = date(2026, 3, 14)


def depth(person: Person) -> int:
    """How many introductions lead to this person from someone the seeker already knew."""
    steps = 0
    while person.introduced_by_id is not None:
        person = person.introduced_by
        steps += 1
    return steps


def snapshot(user) -> dict[str, list[tuple]]:
    """Everything that should come out the same twice, in the account's wall-clock time."""

    def wall(moment):
        return moment.astimezone(user.tzinfo).replace(tzinfo=None)

    people = Person.objects.for_user(user).select_related("company", "introduced_by")
    return {
        "people": sorted(
            (
                p.first_name,
                p.last_name,
                p.stage,
                p.how_known,
                p.closeness,
                p.source,
                p.company.name if p.company else "",
                p.introduced_by.full_name if p.introduced_by else "",
                tuple(p.emails),
                tuple(p.phones),
                wall(p.stage_changed_at),
                str(p.paused_until),
            )
            for p in people
        ),
        "meetings": sorted(
            (m.person.full_name, wall(m.starts_at), m.place, m.is_debriefed)
            for m in Meeting.objects.for_user(user).select_related("person")
        ),
        "interactions": sorted(
            (
                wall(i.occurred_at),
                i.channel,
                i.direction,
                i.summary,
                tuple(sorted(p.full_name for p in i.people.all())),
            )
            for i in Interaction.objects.for_user(user).prefetch_related("people")
        ),
        "followups": sorted(
            (f.person.full_name, f.due_on, f.reason, f.state, f.channel, f.attempt)
            for f in FollowUp.objects.for_user(user).select_related("person")
        ),
        "favours": sorted(
            (f.person.full_name, f.direction, f.what, f.state, str(f.due_on), str(f.done_on))
            for f in Favour.objects.for_user(user).select_related("person")
        ),
    }


class DemoTestCase(BaseTestCase):
    def build(self, user=None, today: date = WEDNESDAY) -> dict:
        return build_demo(user or self.alice, today=today)

    def people(self, user=None):
        return Person.objects.for_user(user or self.alice)

    def open_followups(self, user=None):
        return FollowUp.objects.for_user(user or self.alice).filter(state=FollowUpState.OPEN)

    def test_it_builds_the_sizes_asked_for(self):
        counts = self.build()
        self.assertEqual(counts["people"], self.people().count())
        self.assertTrue(140 <= counts["people"] <= 160, counts)
        self.assertTrue(28 <= counts["companies"] <= 32, counts)
        self.assertEqual(counts["companies"], Company.objects.for_user(self.alice).count())
        targets = Company.objects.for_user(self.alice).filter(is_target=True)
        self.assertTrue(7 <= targets.count() <= 9)
        self.assertEqual(targets.exclude(notes="").count(), targets.count())
        self.assertEqual(len({c.priority for c in targets}), 3)
        for name, model in [
            ("interactions", Interaction),
            ("meetings", Meeting),
            ("followups", FollowUp),
            ("favours", Favour),
        ]:
            self.assertEqual(counts[name], model.objects.for_user(self.alice).count(), name)
            self.assertGreater(counts[name], 5, name)

    def test_it_writes_the_target_and_an_article_shaped_pitch(self):
        self.build()
        target = Target.objects.for_user(self.alice).get()
        self.assertTrue(
            target.pitch.startswith(
                "I'm looking for an opportunity to use my financial analysis skills in a "
                "non-profit organisation in the Boston area."
            )
        )
        self.assertIn("non-profit", target.company_kinds)
        self.assertEqual(target.changes.count(), 1)
        self.alice.refresh_from_db()
        self.assertIsNotNone(self.alice.onboarded_at)

    def test_it_is_the_same_network_twice_on_the_same_day(self):
        self.charlie.time_zone = "America/New_York"
        self.charlie.save()
        self.build(self.alice)
        self.build(self.charlie)
        first, second = snapshot(self.alice), snapshot(self.charlie)
        for kind in first:
            self.assertEqual(first[kind], second[kind], kind)

    def test_it_moves_with_the_day(self):
        self.build(self.alice, WEDNESDAY)
        self.build(self.charlie, WEDNESDAY + timedelta(days=7))
        alice_meetings = sorted(m.starts_at for m in Meeting.objects.for_user(self.alice))
        charlie_meetings = sorted(m.starts_at for m in Meeting.objects.for_user(self.charlie))
        self.assertEqual([m + timedelta(days=7) for m in alice_meetings], charlie_meetings)

    def test_it_uses_every_relationship_kind_and_stage(self):
        self.build()
        kinds = set(self.people().values_list("how_known", flat=True))
        self.assertEqual(kinds, set(HowKnown.values))
        stages = [p.stage for p in self.people()]
        self.assertEqual(set(stages), set(Stage.values))
        # Most are still only listed; a good number asked; a few declined or paused.
        self.assertEqual(max(set(stages), key=stages.count), Stage.LISTED)
        self.assertGreaterEqual(stages.count(Stage.ASKED), 20)
        self.assertTrue(2 <= stages.count(Stage.DECLINED) <= 6)
        colleagues = self.people().filter(how_known=HowKnown.COLLEAGUE).count()
        for kind in HowKnown.values:
            if kind != HowKnown.COLLEAGUE:
                self.assertGreater(colleagues, self.people().filter(how_known=kind).count(), kind)
        for person in self.people().filter(stage=Stage.PAUSED):
            self.assertGreater(person.paused_until, WEDNESDAY)
        self.assertFalse(self.people().exclude(stage=Stage.PAUSED).exclude(paused_until=None))
        self.assertTrue(self.people().filter(source=Source.LINKEDIN).exclude(connected_on=None))
        self.assertFalse(self.people().filter(source=Source.LINKEDIN, connected_on=None).exists())
        self.assertGreater(Tag.objects.for_user(self.alice).count(), 5)
        self.assertTrue(self.people().filter(tags__name="church choir").exists())
        self.assertTrue(
            self.people().filter(how_known=HowKnown.SERVICE, title__icontains="plumber")
        )

    def test_it_invents_every_contact_detail(self):
        self.build()
        for person in self.people():
            for email in person.emails:
                self.assertRegex(email, r"^[a-z0-9.]+@example\.(com|org|net)$")
            for phone in person.phones:
                self.assertRegex(phone, r"^\+1\d{3}55501\d{2}$")
            if person.linkedin_url:
                self.assertRegex(person.linkedin_url, r"^https://www\.linkedin\.com/in/[a-z0-9-]+$")
        phones = [p for person in self.people() for p in person.phones]
        self.assertEqual(len(phones), len(set(phones)))
        names = [(p.first_name, p.last_name) for p in self.people()]
        self.assertEqual(len(names), len(set(names)))
        for company in Company.objects.for_user(self.alice).exclude(website=""):
            self.assertRegex(company.website, r"^https://[a-z]+\.example$")

    def test_introductions_form_chains_from_the_meetings(self):
        self.build()
        introduced = (
            self.people()
            .exclude(introduced_by=None)
            .select_related("introduced_by", "introduced_at", "company")
        )
        self.assertTrue(10 <= introduced.count() <= 20)
        for person in introduced:
            self.assertEqual(person.source, Source.INTRODUCED)
            self.assertEqual(person.how_known, HowKnown.INTRODUCED)
            meeting = person.introduced_at
            self.assertEqual(meeting.person_id, person.introduced_by_id, person)
            self.assertTrue(meeting.is_debriefed, person)
            self.assertGreaterEqual(person.created_at, meeting.starts_at)
            first_touch = person.interactions.order_by("occurred_at").first()
            if first_touch is not None:
                self.assertGreater(first_touch.occurred_at, meeting.starts_at, person)
        self.assertGreaterEqual(max(depth(p) for p in introduced), 3)
        self.assertTrue(any(p.company and p.company.is_target for p in introduced))
        self.assertEqual(
            self.people().filter(how_known=HowKnown.INTRODUCED, introduced_by=None).count(), 0
        )

    def test_meetings_lie_ahead_and_one_waits_for_its_debrief(self):
        self.build()
        meetings = Meeting.objects.for_user(self.alice).select_related("person")
        ahead = [m for m in meetings if m.starts_at.date() >= WEDNESDAY]
        self.assertTrue(2 <= len(ahead) <= 4)
        self.assertTrue(any(m.starts_at.date() == WEDNESDAY for m in ahead))
        for meeting in ahead:
            self.assertEqual(meeting.person.stage, Stage.SCHEDULED)
            self.assertFalse(meeting.is_debriefed)
            self.assertTrue(meeting.pitch_snapshot)
        past = [m for m in meetings if m.starts_at.date() < WEDNESDAY]
        owed = [m for m in past if not m.is_debriefed]
        self.assertTrue(1 <= len(owed) <= 2)
        debriefed = [m for m in past if m.is_debriefed]
        self.assertGreaterEqual(len(debriefed), 5)
        for meeting in debriefed:
            self.assertTrue(meeting.advice)
            self.assertGreater(meeting.debriefed_at, meeting.starts_at)
            self.assertIn(meeting.person.stage, (Stage.MET, Stage.NURTURING))
        self.assertTrue(any(m.companies_mentioned.exists() for m in debriefed))
        minutes = [m.duration_minutes for m in meetings]
        self.assertEqual(max(set(minutes), key=minutes.count), 20)
        for meeting in meetings:
            self.assertLess(meeting.starts_at.date(), WEDNESDAY + timedelta(days=14))
            self.assertGreater(meeting.starts_at.date(), WEDNESDAY - timedelta(days=8 * 7))

    def test_interactions_span_eight_weeks_and_tell_the_outreach(self):
        self.build()
        interactions = Interaction.objects.for_user(self.alice).prefetch_related("people")
        dates = [i.occurred_at.date() for i in interactions]
        self.assertLess(max(dates), WEDNESDAY)
        self.assertGreaterEqual(min(dates), WEDNESDAY - timedelta(days=8 * 7 + 3))
        self.assertLess(min(dates), WEDNESDAY - timedelta(days=7 * 7))
        self.assertTrue(any(len(i.people.all()) >= 2 for i in interactions))
        self.assertTrue(interactions.filter(direction="in").exists())
        for person in self.people().filter(
            stage__in=[Stage.ASKED, Stage.SCHEDULED, Stage.MET, Stage.DECLINED, Stage.PAUSED]
        ):
            self.assertTrue(person.interactions.filter(is_outreach=True, direction="out"), person)
        for person in self.people().filter(stage=Stage.LISTED):
            self.assertFalse(person.interactions.filter(is_outreach=True).exists(), person)
        for summary in interactions.filter(is_outreach=True).values_list("summary", flat=True):
            self.assertNotRegex(summary.lower(), r"\b(jobs?|openings?|hiring|vacanc)")

    def test_follow_ups_are_overdue_due_today_and_ahead(self):
        self.build()
        open_followups = self.open_followups()
        self.assertTrue(open_followups.filter(due_on__lt=WEDNESDAY).exists())
        self.assertTrue(open_followups.filter(due_on=WEDNESDAY).exists())
        self.assertTrue(open_followups.filter(due_on__gt=WEDNESDAY).exists())
        reasons = set(open_followups.values_list("reason", flat=True))
        self.assertLessEqual(
            {
                FollowUpReason.NO_REPLY,
                FollowUpReason.THANK_YOU,
                FollowUpReason.KEEP_IN_TOUCH,
                FollowUpReason.FAVOUR,
            },
            reasons,
        )
        no_reply = open_followups.filter(reason=FollowUpReason.NO_REPLY)
        self.assertEqual({f.attempt for f in no_reply}, {2, 3})
        for followup in no_reply.select_related("person"):
            self.assertEqual(followup.person.stage, Stage.ASKED, followup)
            last = followup.person.interactions.filter(direction="out").latest("occurred_at")
            self.assertNotEqual(followup.channel, last.channel, followup)
            # No reply since the outreach (an introducer's e-mail may come before it).
            first = followup.person.interactions.filter(is_outreach=True).earliest("occurred_at")
            replies = followup.person.interactions.filter(
                direction="in", occurred_at__gt=first.occurred_at
            )
            self.assertFalse(replies.exists(), followup)
        closed = FollowUp.objects.for_user(self.alice).exclude(state=FollowUpState.OPEN)
        self.assertTrue(closed.filter(state=FollowUpState.DONE).exists())
        self.assertTrue(closed.filter(state=FollowUpState.SKIPPED).exists())
        self.assertFalse(closed.filter(done_at=None).exists())
        thanks = open_followups.filter(reason=FollowUpReason.THANK_YOU).select_related("meeting")
        for followup in thanks:
            self.assertGreater(followup.due_on, followup.meeting.starts_at.date())

    def test_favours_go_all_three_ways(self):
        self.build()
        favours = Favour.objects.for_user(self.alice)
        self.assertEqual(set(favours.values_list("direction", flat=True)), set(FavourDirection))
        self.assertTrue(favours.filter(state=FavourState.PROMISED).exclude(due_on=None))
        self.assertTrue(favours.filter(state=FavourState.DONE).exclude(done_on=None))
        self.assertFalse(favours.filter(state=FavourState.DONE, done_on=None).exists())

    def test_a_weekend_still_has_something_due_and_a_meeting_ahead(self):
        self.build(today=SATURDAY)
        self.assertTrue(self.open_followups().filter(due_on=SATURDAY).exists())
        self.assertTrue(self.open_followups().filter(due_on__lt=SATURDAY).exists())
        ahead = Meeting.objects.for_user(self.alice).filter(starts_at__date__gt=SATURDAY)
        self.assertGreaterEqual(ahead.count(), 2)
        for meeting in Meeting.objects.for_user(self.alice):
            self.assertLess(meeting.starts_at.weekday(), 5)

    def test_times_are_wall_clock_times_in_the_account_time_zone(self):
        self.alice.time_zone = "America/Los_Angeles"
        self.alice.save()
        self.build()
        for meeting in Meeting.objects.for_user(self.alice):
            local = meeting.starts_at.astimezone(self.alice.tzinfo)
            self.assertTrue(7 <= local.hour <= 18, local)
        today = Meeting.objects.for_user(self.alice).order_by("starts_at")
        self.assertTrue(
            any(m.starts_at.astimezone(self.alice.tzinfo).date() == WEDNESDAY for m in today)
        )

    def test_it_writes_in_a_few_queries(self):
        with CaptureQueriesContext(connection) as queries:
            self.build()
        self.assertLess(len(queries), 40)

    def test_it_leaves_other_accounts_alone(self):
        bob_person = self.make_person("Bruno", "Ferreira", owner=self.bob)
        self.make_company("Bob's Company", owner=self.bob)
        self.build()
        self.assertEqual(list(Person.objects.for_user(self.bob)), [bob_person])
        self.assertEqual(Company.objects.for_user(self.bob).count(), 1)
        for model in (Interaction, Meeting, FollowUp, Favour, Target, Tag):
            self.assertFalse(model.objects.for_user(self.bob).exists(), model)
        self.assertFalse(Person.objects.for_user(self.charlie).exists())
        bob_person.refresh_from_db()
        self.assertEqual(bob_person.stage, Stage.LISTED)

    def test_it_refuses_an_account_with_people(self):
        self.build()
        counts = Person.objects.count(), Interaction.objects.count()
        with self.assertRaisesRegex(DemoExists, "already has people.*hundred createuser"):
            self.build()
        self.assertEqual((Person.objects.count(), Interaction.objects.count()), counts)

    def test_it_refuses_an_account_with_companies_or_a_target(self):
        self.make_company(owner=self.bob)
        with self.assertRaisesRegex(DemoExists, "already has companies"):
            self.build(self.bob)
        self.make_target(owner=self.charlie, skills=["payroll"])
        with self.assertRaisesRegex(DemoExists, "already has a target"):
            self.build(self.charlie)
        self.assertFalse(Person.objects.filter(owner__in=[self.bob, self.charlie]).exists())

    def test_it_fills_the_empty_target_onboarding_left(self):
        blank = self.make_target()
        self.build()
        target = Target.objects.for_user(self.alice).get()
        self.assertEqual(target.pk, blank.pk)
        self.assertIn("financial analysis", target.skills)

    def test_the_command_fills_the_account_and_says_what_it_made(self):
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            status = main(["demo", "--user", "alice@example.org"])
        self.assertEqual(status, 0, err.getvalue())
        people = self.people().count()
        self.assertTrue(140 <= people <= 160)
        self.assertRegex(
            out.getvalue(), rf"^Filled alice@example.org with {people} people, \d+ companies"
        )
        self.assertEqual(err.getvalue(), "")

    def test_the_command_refuses_a_second_run_in_one_sentence(self):
        self.build()
        err = io.StringIO()
        with redirect_stdout(io.StringIO()), redirect_stderr(err):
            status = main(["demo", "--user", "alice@example.org"])
        self.assertEqual(status, 2)
        self.assertEqual(len(err.getvalue().splitlines()), 1)
        self.assertIn("already has people", err.getvalue())

    def test_the_command_names_an_unknown_account(self):
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            status = main(["demo", "--user", "nobody@example.org"])
        self.assertEqual(status, 2)
        self.assertEqual(out.getvalue(), "")
        lines = err.getvalue().splitlines()
        self.assertEqual(len(lines), 1)
        self.assertTrue(re.search(r"no account for nobody@example\.org", lines[0]), lines)
        self.assertFalse(Person.objects.exists())
