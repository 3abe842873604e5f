"""Each Insights figure on a small hand-built account whose answers are known."""

from __future__ import annotations

from datetime import UTC, date, datetime

from freezegun import freeze_time

from hundred.insight.metrics import build_insights
from hundred.insight.review import weekly_targets
from hundred.network.models import FollowUpSettings, Interaction, Meeting
from hundred.test import BaseTestCase

NOW = datetime(2026, 3, 18, 12, 0, tzinfo=UTC)  # a Wednesday; last week is 9–15 March


def at(month: int, day: int, hour: int = 9) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=UTC)


class MetricsTestCase(BaseTestCase):
    clock = freeze_time(NOW)

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        t = cls()
        cls.t1 = t.make_company(
            "Cedar Health",
            is_target=True,
            priority=1,
            research_status="researching",
            industry="Health",
            location="Boston, MA",
        )
        cls.t2 = t.make_company(
            "Empty Care", is_target=True, priority=2, industry="health", location="Salem, MA"
        )
        cls.other = t.make_company("Bay Clinic", industry="Health")
        cls.ann = t.make_person("Ann", "Lee", how_known="colleague", stage="met", company=cls.t1)
        cls.m1 = t.make_meeting(cls.ann, starts_at=at(3, 10, 10), debriefed_at=at(3, 10, 12))
        cls.m3 = t.make_meeting(cls.ann, starts_at=at(2, 2, 10), debriefed_at=at(2, 2, 12))
        cls.ben = t.make_person(
            "Ben",
            "Ng",
            how_known="introduced",
            introduced_by=cls.ann,
            introduced_at=cls.m1,
            company=cls.t1,
        )
        cls.cy = t.make_person(
            "Cy", "Roe", how_known="introduced", introduced_by=cls.ann, introduced_at=cls.m1
        )
        cls.dee = t.make_person("Dee", "Poe", how_known="classmate", stage="asked")
        cls.eve = t.make_person("Eve", "Sun", how_known="colleague")
        cls.fay = t.make_person("Fay", "Oda", how_known="friend", company=cls.other)
        t.make_meeting(cls.dee, starts_at=at(3, 20, 10))  # in the future: not met, not counted

        def touch(person, when, **fields):
            t.make_interaction(person, occurred_at=when, **fields)

        touch(cls.eve, at(3, 2), is_outreach=True, channel="email")
        touch(cls.eve, at(3, 4), direction="in", channel="email")  # a reply after 2 days
        touch(cls.dee, at(3, 11), is_outreach=True, channel="phone")  # no reply
        touch(cls.ann, at(2, 1), is_outreach=True, channel="email")  # a Sunday: week of 26 Jan
        touch(cls.ann, at(2, 5), direction="in")  # a reply after 4 days
        touch(cls.ann, at(3, 10, 15), channel="email")  # the thank-you note after m1
        touch(cls.dee, datetime(2025, 6, 1, tzinfo=UTC), is_outreach=True, channel="linkedin")

        t.make_followup(cls.dee, due_on=date(2026, 3, 17))  # overdue
        t.make_followup(cls.eve, due_on=date(2026, 3, 18))  # due today: not overdue
        t.make_followup(cls.fay, due_on=date(2026, 3, 1), state="skipped")
        t.make_followup(cls.cy, due_on=date(2026, 3, 12), state="done", done_at=at(3, 12))
        t.make_favour(cls.ann, direction="i_offered", created_at=at(3, 11))
        t.make_favour(cls.ann, direction="they_did", created_at=at(3, 11))

    def build(self, user=None):
        return build_insights(user or self.alice, now=NOW)

    def test_it_counts_the_list_by_how_people_are_known(self):
        data = self.build()
        self.assertEqual(data.listed, 6)
        self.assertEqual(
            [(key, n) for key, _, n in data.by_how_known],
            [("colleague", 2), ("classmate", 1), ("friend", 1), ("introduced", 2)],
        )

    def test_it_builds_the_funnel_with_conversion_rates(self):
        funnel = {s.key: (s.count, s.rate) for s in self.build().funnel}
        self.assertEqual(funnel["listed"], (6, None))
        # Ann (met), Dee (asked) and Eve (an outreach, though still listed).
        self.assertEqual(funnel["asked"], (3, 0.5))
        # Only Ann had a meeting in the past; Dee's is next week.
        self.assertEqual(funnel["met"], (1, 1 / 3))
        # Not subsets of the stage before (two names came from people not met): counts only.
        self.assertEqual(funnel["names"], (2, None))
        self.assertEqual(funnel["at_targets"], (2, None))

    def test_the_funnel_counts_each_person_once_whichever_way_they_qualify(self):
        # Fay is still "listed" but was met last week and sent outreach twice: asked and met
        # once each. Bob's people, meetings and outreach never count for Alice.
        self.make_meeting(self.fay, starts_at=at(3, 12, 10))
        self.make_interaction(self.fay, occurred_at=at(3, 12), is_outreach=True)
        self.make_interaction(self.fay, occurred_at=at(3, 13), is_outreach=True)
        bobs = self.make_person("Gus", "Bob", owner=self.bob, introduced_by=None)
        self.make_meeting(bobs, starts_at=at(3, 12, 10))
        funnel = {s.key: s.count for s in self.build().funnel}
        self.assertEqual(funnel, {"listed": 6, "asked": 4, "met": 2, "names": 2, "at_targets": 2})
        self.assertEqual(self.build(self.bob).funnel[2].count, 1)

    def test_it_counts_twelve_iso_weeks_of_activity(self):
        weeks = {w.starts_on: w for w in self.build().weeks}
        self.assertEqual(len(weeks), 12)
        self.assertEqual(min(weeks), date(2025, 12, 29))
        self.assertEqual(max(weeks), date(2026, 3, 16))
        w = weeks[date(2026, 3, 2)]
        self.assertEqual((w.outreach, w.replies, w.meetings, w.followups_done), (1, 1, 0, 0))
        w = weeks[date(2026, 3, 9)]
        self.assertEqual((w.outreach, w.replies, w.meetings, w.followups_done), (1, 0, 1, 1))
        self.assertEqual(weeks[date(2026, 1, 26)].outreach, 1)
        self.assertEqual(
            (weeks[date(2026, 2, 2)].replies, weeks[date(2026, 2, 2)].meetings), (1, 1)
        )
        self.assertEqual(sum(w.outreach for w in weeks.values()), 3)  # June 2025 is outside

    def test_it_groups_weeks_in_the_accounts_time_zone(self):
        self.charlie.time_zone = "Pacific/Auckland"
        self.charlie.save()
        p = self.make_person(owner=self.charlie)
        # Sunday 8 March 20:00 UTC is Monday 9 March 09:00 in Auckland.
        self.make_interaction(p, occurred_at=datetime(2026, 3, 8, 20, tzinfo=UTC), is_outreach=True)
        weeks = {w.starts_on: w.outreach for w in build_insights(self.charlie, now=NOW).weeks}
        self.assertEqual(weeks[date(2026, 3, 9)], 1)
        self.assertEqual(weeks[date(2026, 3, 2)], 0)

    def test_it_measures_replies_by_channel_and_the_median_days(self):
        data = self.build()
        self.assertEqual(
            [(c.channel, c.sent, c.replied) for c in data.replies_by_channel],
            [("email", 2, 2), ("phone", 1, 0)],  # June 2025's LinkedIn note is too old
        )
        self.assertEqual(data.replies_by_channel[0].rate, 1.0)
        self.assertEqual(data.median_days_to_reply, 3.0)

    def test_a_reply_before_the_outreach_does_not_count(self):
        p = self.make_person("Gil", owner=self.charlie)
        self.make_interaction(p, occurred_at=at(3, 1), direction="in")
        self.make_interaction(p, occurred_at=at(3, 2), is_outreach=True)
        data = build_insights(self.charlie, now=NOW)
        self.assertEqual([(c.sent, c.replied) for c in data.replies_by_channel], [(1, 0)])
        self.assertIsNone(data.median_days_to_reply)

    def test_one_reply_answers_every_earlier_outreach_but_not_one_at_the_same_instant(self):
        gil = self.make_person("Gil", owner=self.charlie)
        hal = self.make_person("Hal", owner=self.charlie)
        self.make_interaction(gil, occurred_at=at(3, 1), is_outreach=True, channel="email")
        self.make_interaction(gil, occurred_at=at(3, 3), is_outreach=True, channel="phone")
        self.make_interaction(gil, occurred_at=at(3, 5), direction="in")  # answers both
        self.make_interaction(gil, occurred_at=at(3, 5), is_outreach=True)  # same instant: no
        self.make_interaction(gil, occurred_at=at(3, 9), direction="in")  # answers the 5th's
        both = self.make_interaction(gil, occurred_at=at(3, 10), is_outreach=True)
        both.people.add(hal)  # one message to two people: two outreach, one answered
        self.make_interaction(hal, occurred_at=at(3, 11), direction="in")
        self.make_interaction(gil, occurred_at=at(3, 12), direction="out")  # not outreach
        data = build_insights(self.charlie, now=NOW)
        self.assertEqual(
            [(c.channel, c.sent, c.replied) for c in data.replies_by_channel],
            [("email", 4, 3), ("phone", 1, 1)],
        )
        # Delays in days: 4, 2, 4 and 1; the median is 3.
        self.assertEqual(data.median_days_to_reply, 3.0)

    def test_it_counts_overdue_followups(self):
        data = self.build()
        self.assertEqual(data.overdue, 1)
        self.assertEqual([f.person for f in data.overdue_list], [self.dee])

    def test_it_measures_names_per_meeting_and_its_trend(self):
        data = self.build()
        self.assertEqual((data.debriefed_meetings, data.names_given), (2, 2))
        self.assertEqual(data.names_per_meeting, 1.0)
        weeks = {w.starts_on: w.names_per_meeting for w in data.weeks}
        self.assertEqual(weeks[date(2026, 3, 9)], 2.0)
        self.assertEqual(weeks[date(2026, 2, 2)], 0.0)
        self.assertIsNone(weeks[date(2026, 3, 2)])

    def test_it_builds_the_referral_tree_and_the_connectors(self):
        data = self.build()
        self.assertEqual([r.id for r in data.tree.roots], [self.ann.pk])
        self.assertEqual({c.id for c in data.tree.roots[0].children}, {self.ben.pk, self.cy.pk})
        self.assertEqual(data.tree.depth, 1)
        self.assertEqual([(p.name, n) for p, n in data.connectors], [("Ann Lee", 2)])

    def test_it_shows_target_companies_with_stages_and_warm_paths(self):
        data = self.build()
        self.assertEqual([c.name for c in data.targets], ["Cedar Health", "Empty Care"])
        cedar = data.targets[0]
        self.assertEqual((cedar.priority_label, cedar.research_label), ("High", "Researching"))
        self.assertEqual(cedar.by_stage, [("Listed", 1), ("Met", 1)])
        self.assertEqual(
            [[p.name for p in chain] for chain in cedar.paths], [["Ann Lee"], ["Ann Lee", "Ben Ng"]]
        )

    def test_a_warm_path_runs_through_introductions(self):
        # Cy (introduced by Ann) moves to Empty Care: the way in is Ann → Cy.
        self.cy.company = self.t2
        self.cy.save()
        empty = self.build().targets[1]
        self.assertEqual([[p.name for p in c] for c in empty.paths], [["Ann Lee", "Cy Roe"]])
        self.assertEqual(empty.suggestions, [])

    def test_an_empty_target_suggests_whom_to_ask(self):
        empty = self.build().targets[1]
        self.assertEqual(empty.people, 0)
        # Same industry (any case): everyone at Cedar Health and Bay Clinic; met people first.
        self.assertEqual([p.name for p in empty.suggestions], ["Ann Lee", "Ben Ng", "Fay Oda"])
        self.assertEqual(empty.suggestion_reason, "people at other health companies")

    def test_an_empty_target_suggests_people_in_the_same_city(self):
        self.make_company("Salem Works", is_target=True, location="Salem, MA")
        self.dee.location = "salem, ma"
        self.dee.save()
        salem = next(c for c in self.build().targets if c.name == "Salem Works")
        self.assertEqual([p.name for p in salem.suggestions], ["Dee Poe"])
        self.assertIn("Salem", salem.suggestion_reason)

    def test_a_city_suggestion_goes_by_the_company_when_the_person_has_no_location(self):
        self.make_company("Salem Works", is_target=True, location="Salem, MA")
        salem_co = self.make_company("Harbour Ltd", location=" Salem , MA")
        self.make_person("Gus", "Hale", company=salem_co)  # no location of his own
        self.make_person("Ida", "Vance", location="Salem-on-Sea, UK")  # another place
        salem = next(c for c in self.build().targets if c.name == "Salem Works")
        self.assertEqual([p.name for p in salem.suggestions], ["Gus Hale"])

    def test_names_are_read_only_for_the_people_the_page_shows(self):
        for i in range(5):
            self.make_person(f"Quiet{i}", "Nobody")  # known directly, introduced nobody
        data = self.build()
        named = {data.people[pid].name for pid in data.people.names}
        self.assertFalse(any(name.startswith("Quiet") for name in named))
        self.assertIn("Ann Lee", named)

    def test_the_weekly_review_uses_last_iso_week(self):
        review = self.build().review
        self.assertEqual((review.starts_on, review.ends_on), (date(2026, 3, 9), date(2026, 3, 15)))
        self.assertEqual((review.week.outreach, review.week.meetings), (1, 1))
        self.assertEqual((review.asks_target, review.meetings_target), (5, 2))
        checklist = review.checklist
        self.assertFalse(checklist.followed_up)
        self.assertEqual([m.pk for m, _ in checklist.meetings], [self.m1.pk])
        self.assertTrue(checklist.thanked)  # the e-mail to Ann after the meeting
        self.assertTrue(checklist.helped)
        self.assertEqual(checklist.help_given, 1)

    def test_a_meeting_without_a_note_or_a_done_thank_you_is_not_thanked(self):
        Interaction.objects.filter(owner=self.alice, occurred_at=at(3, 10, 15)).delete()
        self.assertFalse(self.build().review.checklist.thanked)
        self.make_followup(
            self.ann, meeting=self.m1, reason="thank_you", state="done", done_at=at(3, 11)
        )
        self.assertTrue(self.build().review.checklist.thanked)

    def test_only_a_message_out_after_the_meeting_to_that_person_thanks_them(self):
        gil = self.make_person("Gil", owner=self.charlie)
        hal = self.make_person("Hal", owner=self.charlie)
        self.make_meeting(gil, starts_at=at(3, 10, 10))
        self.make_meeting(hal, starts_at=at(3, 12, 10))
        self.make_interaction(gil, occurred_at=at(3, 9))  # before the meeting
        self.make_interaction(gil, occurred_at=at(3, 11), direction="in")  # their message
        self.make_interaction(hal, occurred_at=at(3, 12, 10))  # at the very start: not after
        thanked = [ok for _, ok in build_insights(self.charlie, now=NOW).review.checklist.meetings]
        self.assertEqual(thanked, [False, False])
        self.make_interaction(hal, occurred_at=at(3, 16))  # after, even a week later
        thanked = [ok for _, ok in build_insights(self.charlie, now=NOW).review.checklist.meetings]
        self.assertEqual(thanked, [False, True])

    def test_weekly_targets_come_from_the_settings_when_there_are_some(self):
        self.assertEqual(weekly_targets(self.alice), (5, 2, False))
        FollowUpSettings.objects.create(owner=self.alice, asks_per_week=8, meetings_per_week=3)
        review = self.build().review
        self.assertEqual((review.asks_target, review.meetings_target), (8, 3))
        self.assertTrue(review.targets_from_settings)

    def test_another_accounts_data_is_never_counted(self):
        bob_company = self.make_company("Cedar Health", owner=self.bob, is_target=True)
        b1 = self.make_person("Bo", owner=self.bob, company=bob_company, stage="met")
        b2 = self.make_person("Bea", owner=self.bob, introduced_by=b1)
        self.make_interaction(b2, occurred_at=at(3, 10), is_outreach=True)
        self.make_interaction(b2, occurred_at=at(3, 11), direction="in")
        Meeting.objects.create(
            owner=self.bob, person=b1, starts_at=at(3, 10), debriefed_at=at(3, 10)
        )
        self.make_followup(b1, due_on=date(2026, 3, 1))
        data = self.build()
        self.assertEqual(data.listed, 6)
        self.assertEqual([s.count for s in data.funnel], [6, 3, 1, 2, 2])
        self.assertEqual(data.overdue, 1)
        self.assertEqual(sum(c.sent for c in data.replies_by_channel), 3)
        self.assertEqual(data.review.week.meetings, 1)
        self.assertEqual(len(data.targets), 2)
        self.assertNotIn(b1.pk, data.people)
