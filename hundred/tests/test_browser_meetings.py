"""In real Chromium: schedule a meeting, read the prep sheet, write the debrief, see Today;
move a meeting and cancel it.

Skipped when there is no Chromium at /usr/bin/chromium, except on CI (CI=true), where a missing
browser is a failure. Never `playwright install`: Hundred uses Debian's Chromium.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from hundred.accounts.models import User
from hundred.network.models import Person
from hundred.test import PASSWORD
from hundred.tests.browser import BrowserTestCase, require_chromium

require_chromium()


class MeetingFlowTest(BrowserTestCase):
    viewport = {"width": 1280, "height": 900}

    def setUp(self) -> None:
        super().setUp()
        self.user = User.objects.create_user("ann@example.org", PASSWORD, time_zone="UTC")
        self.maya = Person.objects.create(
            owner=self.user, first_name="Maya", last_name="Okafor", stage="asked"
        )

    def test_schedule_prep_debrief_then_today_and_the_list(self) -> None:
        page = self.page
        page.goto(self.url("/accounts/login/"))
        page.get_by_label("E-mail address").fill("ann@example.org")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(lambda url: "/accounts/login/" not in url)

        # Schedule: a week ago, so that the thank-you is already due today.
        page.goto(self.url(f"/people/{self.maya.pk}/"))
        page.get_by_role("link", name="Schedule a meeting").click()
        when = timezone.localtime(timezone.now() - timedelta(days=7), self.user.tzinfo)
        page.get_by_label("When").fill(when.strftime("%Y-%m-%dT10:00"))
        expect(page.get_by_label("Length in minutes")).to_have_value("20")
        page.get_by_label("Where or how").fill("Café Nero")
        page.get_by_role("button", name="Book it").click()

        # The prep sheet.
        expect(page.get_by_role("heading", name="Prep sheet: Maya Okafor")).to_be_visible()
        expect(page.get_by_text("Is there anything I can do for you?")).to_be_visible()
        expect(page.get_by_text("Who else should I talk to?", exact=False)).to_be_visible()
        self.maya.refresh_from_db()
        self.assertEqual(self.maya.stage, "scheduled")

        # The debrief: two names and one favour.
        page.get_by_role("link", name="Write the debrief").click()
        page.get_by_label("Advice received").fill("Look at mid-size non-profits in Boston.")
        page.locator("#id_name_0").fill("Ann Lee")
        page.locator("#id_name_0_company").fill("Harbor Light")
        page.locator("#id_name_0_reach").fill("ann@harbor.org")
        page.locator("#id_name_1").fill("Tom Park")
        page.locator("#id_name_1_reach").fill("+1 617 555 0100")
        page.locator("#id_favour_0").fill("Read her nephew's CV")
        due = (timezone.localdate() + timedelta(days=3)).isoformat()
        page.locator("#id_favour_0_due").fill(due)
        page.get_by_label("What I offered 1").fill("Send the budgeting article")
        page.get_by_role("button", name="Save the debrief").click()
        expect(page.get_by_text("2 new names on your list")).to_be_visible()

        # Today: the thank-you and the favour.
        page.goto(self.url("/"))
        due_section = page.locator("#followups")
        expect(due_section).to_contain_text("Maya Okafor")
        expect(due_section).to_contain_text("Say thank you")
        favours = page.locator("#favours")
        expect(favours).to_contain_text("Maya Okafor asked me: Read her nephew's CV")
        expect(favours).to_contain_text("I offered Maya Okafor: Send the budgeting article")

        # The two new people are on the list, introduced by Maya.
        page.goto(self.url("/people/"))
        expect(page.get_by_role("link", name="Ann Lee")).to_be_visible()
        expect(page.get_by_role("link", name="Tom Park")).to_be_visible()
        page.get_by_role("link", name="Tom Park").click()
        expect(page.get_by_text("Introduced by", exact=True)).to_be_visible()
        expect(page.locator("dl.facts")).to_contain_text("Maya Okafor")
        for name in ("Ann", "Tom"):
            person = Person.objects.get(owner=self.user, first_name=name)
            self.assertEqual(
                (person.introduced_by, person.source, person.stage),
                (self.maya, "introduced", "listed"),
            )

    def test_move_then_cancel_from_the_person_page(self) -> None:
        from hundred.network.actions.meetings import do_schedule_meeting
        from hundred.network.models import FollowUp

        page = self.page
        page.goto(self.url("/accounts/login/"))
        page.get_by_label("E-mail address").fill("ann@example.org")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(lambda url: "/accounts/login/" not in url)
        meeting = do_schedule_meeting(
            self.user, self.maya, starts_at=timezone.now() + timedelta(days=2)
        )

        # Move it from the person page: back there afterwards, at the new time.
        page.goto(self.url(f"/people/{self.maya.pk}/"))
        page.get_by_role("link", name="Move the meeting of").click()
        new = timezone.localtime(timezone.now() + timedelta(days=5), self.user.tzinfo)
        page.get_by_label("When").fill(new.strftime("%Y-%m-%dT09:30"))
        page.get_by_role("button", name="Move it").click()
        page.wait_for_url(self.url(f"/people/{self.maya.pk}/"))
        expect(page.get_by_role("status")).to_contain_text("moved to")
        meeting.refresh_from_db()
        self.assertEqual(timezone.localtime(meeting.starts_at, self.user.tzinfo).day, new.day)

        # Cancel it from the prep sheet, with a reminder to find another time.
        page.goto(self.url(f"/meetings/{meeting.pk}/"))
        page.get_by_role("link", name="Cancel the meeting").click()
        expect(page.get_by_text("goes back to “asked”")).to_be_visible()
        page.get_by_label("Remind me to find another time on").fill(new.date().isoformat())
        page.get_by_role("button", name="Cancel the meeting").click()
        expect(page.get_by_role("status")).to_contain_text("Maya Okafor is back at “asked”.")
        expect(page.locator(".badge.cancelled").first).to_be_visible()
        self.maya.refresh_from_db()
        self.assertEqual(self.maya.stage, "asked")
        self.assertTrue(FollowUp.objects.filter(person=self.maya, state="open").exists())
