from datetime import UTC, date, datetime

from freezegun import freeze_time

from hundred.test import BaseTestCase

URL = "/"


def section(response, heading_id: str) -> str:
    """The HTML of the card whose heading has this id."""
    html = response.content.decode()
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


@freeze_time("2025-03-12 10:00:00+00:00")
class TodayTestCase(BaseTestCase):
    def setUp(self):
        self.maya = self.make_person()
        self.sam = self.make_person("Sam", "Ito")
        self.login()

    def test_it_requires_login(self):
        self.client.logout()
        self.assertRedirects(self.client.get(URL), "/accounts/login/?next=/")

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
