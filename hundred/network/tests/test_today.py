from datetime import UTC, date, datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from hundred.network.today import build_today
from hundred.test import BaseTestCase

URL = "/"


def section(response, heading_id: str) -> str:
    """The HTML of the card whose heading has this id."""
    html = response.content.decode()
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


class TodayTestCase(BaseTestCase):
    clock = freeze_time("2025-03-12 10:00:00+00:00")

    def setUp(self):
        self.maya = self.make_person()
        self.sam = self.make_person("Sam", "Ito")
        self.login()

    def test_it_shows_follow_ups_due_and_overdue_oldest_first(self):
        self.make_followup(self.maya, due_on=date(2025, 3, 12), reason="thank_you")
        self.make_followup(self.sam, due_on=date(2025, 3, 5), reason="no_reply", channel="phone")
        due = section(self.client.get(URL), "due-h")
        self.assertIn("Say thank you by e-mail", due)
        self.assertIn("due Wed 12 Mar", due)
        self.assertIn("No reply yet by phone", due)
        self.assertIn("overdue since Wed 5 Mar", due)
        self.assertLess(due.index("Sam Ito"), due.index("Maya Okafor"))

    def test_it_leaves_out_later_done_and_skipped_follow_ups(self):
        self.make_followup(self.maya, due_on=date(2025, 3, 13))
        self.make_followup(self.sam, due_on=date(2025, 3, 1), state="done")
        self.make_followup(self.sam, due_on=date(2025, 3, 1), state="skipped")
        due = section(self.client.get(URL), "due-h")
        self.assertNotIn("Maya Okafor", due)
        self.assertNotIn("Sam Ito", due)
        self.assertIn("Nothing due.", due)

    def test_it_shows_meetings_ahead_soonest_first(self):
        self.make_meeting(self.sam, starts_at=datetime(2025, 3, 15, 15, tzinfo=UTC))
        self.make_meeting(
            self.maya, starts_at=datetime(2025, 3, 14, 9, tzinfo=UTC), place="Café Nero"
        )
        meetings = section(self.client.get(URL), "meet-h")
        self.assertIn("Fri 14 Mar, 09:00 · 20 min · Café Nero", meetings)
        self.assertIn("Sat 15 Mar, 15:00", meetings)
        self.assertLess(meetings.index("Maya Okafor"), meetings.index("Sam Ito"))

    def test_it_leaves_past_meetings_out_of_meetings_ahead(self):
        self.make_meeting(self.maya, starts_at=datetime(2025, 3, 11, 9, tzinfo=UTC))
        meetings = section(self.client.get(URL), "meet-h")
        self.assertNotIn("Maya Okafor", meetings)

    def test_it_shows_only_my_things(self):
        bruno = self.make_person("Bruno", "Costa", owner=self.bob)
        self.make_followup(bruno, due_on=date(2025, 3, 1))
        self.make_meeting(bruno, starts_at=datetime(2025, 3, 14, 9, tzinfo=UTC))
        self.make_favour(bruno)
        r = self.client.get(URL)
        self.assertNotContains(r, "Bruno")
        self.assertIn("Nothing due.", section(r, "due-h"))

    def test_it_counts_due_in_the_account_zone(self):
        # 10:00 UTC on the 12th is already the 13th in Kiritimati (UTC+14).
        self.make_followup(self.maya, due_on=date(2025, 3, 13))
        self.assertNotIn("Maya Okafor", section(self.client.get(URL), "due-h"))
        self.alice.time_zone = "Pacific/Kiritimati"
        self.alice.save(update_fields=["time_zone"])
        self.assertIn("Maya Okafor", section(self.client.get(URL), "due-h"))

    def test_it_invites_a_new_user_to_start_the_list(self):
        self.login(self.charlie)
        self.assertContains(self.client.get(URL), "Start your list of 100")
        self.login(self.alice)
        self.assertNotContains(self.client.get(URL), "Start your list of 100")


class TodayPlanTestCase(BaseTestCase):
    clock = freeze_time("2026-11-11 10:00:00+00:00")  # a Wednesday

    def setUp(self):
        self.maya = self.make_person()
        self.login()

    def test_it_offers_done_snooze_and_skip_for_each_follow_up(self):
        f = self.make_followup(self.maya, due_on=date(2026, 11, 10))
        due = section(self.client.get(URL), "due-h")
        for action in ("done", "snooze", "skip"):
            self.assertIn(f'action="/follow-ups/{f.pk}/{action}/"', due)

    def test_it_shows_meetings_today_and_this_week_with_prep_sheets(self):
        today = self.make_meeting(self.maya, starts_at=datetime(2026, 11, 11, 15, tzinfo=UTC))
        later = self.make_meeting(
            self.make_person("Sam", "Ito"), starts_at=datetime(2026, 11, 16, 9, tzinfo=UTC)
        )
        self.make_meeting(
            self.make_person("Far", "Off"), starts_at=datetime(2026, 12, 1, tzinfo=UTC)
        )
        meetings = section(self.client.get(URL), "meet-h")
        self.assertIn(f"/meetings/{today.pk}/", meetings)
        self.assertIn(f"/meetings/{later.pk}/", meetings)
        self.assertLess(meetings.index("<h3>Today</h3>"), meetings.index("Sam Ito"))
        self.assertNotIn("Far Off", meetings)

    def test_it_shows_favours_owed_not_favours_received(self):
        self.make_favour(self.maya, what="Read her CV", due_on=date(2026, 11, 9))
        self.make_favour(self.maya, direction="they_did", what="Gave me names", state="done")
        favours = section(self.client.get(URL), "fav-h")
        self.assertIn("Read her CV", favours)
        self.assertIn("overdue since Mon 9 Nov", favours)
        self.assertNotIn("Gave me names", favours)

    def test_it_suggests_asking_and_listing_when_the_day_is_short(self):
        r = self.client.get(URL)
        suggestions = section(r, "sugg-h")
        self.assertIn('href="/people/?stage=listed"', suggestions)
        self.assertIn("Ask 3 people", suggestions)
        self.assertIn('href="/hundred/"', suggestions)
        for i in range(3):
            self.make_followup(self.make_person(f"P{i}"), due_on=date(2026, 11, 11))
        self.assertNotContains(self.client.get(URL), 'id="sugg-h"')

    def test_it_shows_the_weekly_target_with_progress(self):
        monday = datetime(2026, 11, 9, 9, tzinfo=UTC)
        for _ in range(2):
            self.make_interaction(self.maya, is_outreach=True, occurred_at=monday)
        self.make_interaction(
            self.maya, is_outreach=True, occurred_at=datetime(2026, 11, 8, tzinfo=UTC)
        )
        self.make_meeting(self.maya, starts_at=datetime(2026, 11, 13, 9, tzinfo=UTC))
        week = section(self.client.get(URL), "week-h")
        self.assertIn("Asks: 2 of 5", week)
        self.assertIn("Meetings: 1 of 2", week)
        self.assertIn('value="2"', week)

    def test_it_keeps_the_number_of_queries_constant(self):
        def fill(n):
            for i in range(n):
                p = self.make_person(f"Q{i}-{n}")
                self.make_followup(p, due_on=date(2026, 11, 10))
                self.make_favour(p)
                self.make_meeting(p, starts_at=datetime(2026, 11, 12, 9, tzinfo=UTC))
                self.make_meeting(p, starts_at=datetime(2026, 11, 10, 9, tzinfo=UTC))

        fill(1)
        self.client.get(URL)  # settings row created on first use
        with CaptureQueriesContext(connection) as one:
            self.client.get(URL)
        fill(6)
        with CaptureQueriesContext(connection) as many:
            self.client.get(URL)
        self.assertEqual(len(one), len(many))


class TodayNextItemsTestCase(BaseTestCase):
    """Today lists the next ten of each section and says how many more there are."""

    clock = freeze_time("2026-11-11 10:00:00+00:00")

    def setUp(self):
        self.login()

    def fill(self, n: int) -> None:
        for i in range(n):
            p = self.make_person("Q", f"{n:02}-{i:02}")
            self.make_followup(p, due_on=date(2026, 11, 10))
            self.make_favour(p)
            self.make_meeting(p, starts_at=datetime(2026, 11, 12, 9, i, tzinfo=UTC))
            self.make_meeting(p, starts_at=datetime(2026, 11, 10, 9, i, tzinfo=UTC))

    def test_it_shows_ten_of_each_and_says_how_many_more(self):
        self.fill(13)
        r = self.client.get(URL)
        due = section(r, "due-h")
        self.assertEqual(due.count('id="followup-'), 10)
        self.assertIn('href="?all=followups#due-h">and 3 more follow-ups</a>', due)
        self.assertIn("and 3 more meetings", section(r, "meet-h"))
        self.assertIn("and 3 more debriefs", section(r, "debrief-h"))
        self.assertIn("and 3 more favours", section(r, "fav-h"))

    def test_the_link_shows_that_section_in_full(self):
        self.fill(13)
        r = self.client.get(URL, {"all": "followups"})
        due = section(r, "due-h")
        self.assertEqual(due.count('id="followup-'), 13)
        self.assertNotIn("more follow-up", due)
        self.assertIn("and 3 more meetings", section(r, "meet-h"))  # the others stay short

    def test_no_more_link_when_everything_is_shown(self):
        self.fill(10)
        r = self.client.get(URL)
        self.assertNotContains(r, "more follow-up")
        self.assertNotContains(r, "?all=")

    def test_the_queries_do_not_grow_past_the_first_ten(self):
        self.fill(1)
        self.client.get(URL)  # settings row created on first use
        with CaptureQueriesContext(connection) as few:
            r = self.client.get(URL)
        self.fill(30)
        with CaptureQueriesContext(connection) as many:
            r = self.client.get(URL)
        self.assertEqual(len(few), len(many))
        self.assertIn("and 21 more follow-ups", section(r, "due-h"))

    def test_its_counts_are_the_accounts_own(self):
        # The counts are one query read on the user's row: bob's rows must not reach alice's.
        for owner in (self.alice, self.bob, self.bob):
            p = self.make_person("Q", owner.email, owner=owner)
            self.make_followup(p, due_on=date(2026, 11, 10))
            self.make_favour(p)
            self.make_meeting(p, starts_at=datetime(2026, 11, 12, 9, tzinfo=UTC))
            self.make_meeting(p, starts_at=datetime(2026, 11, 10, 9, tzinfo=UTC))
            self.make_interaction(
                p, is_outreach=True, occurred_at=datetime(2026, 11, 10, tzinfo=UTC)
            )
        data = build_today(self.alice)
        self.assertEqual(
            (data.people_count, data.asks_this_week, data.meetings_this_week, data.totals),
            (1, 1, 2, {"followups": 1, "meetings": 1, "debriefs": 1, "favours": 1}),
        )
