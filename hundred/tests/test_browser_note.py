"""In real Chromium: the composer's LinkedIn note counter follows the typing past 200 (free
accounts) and past 300 (paid), with the ask-checker's requests blocked so only the static
script can be counting; then the server's verdict says the same; recording past 300 asks first.

Skipped when there is no Chromium on this machine, except on CI (CI=true), where a missing
browser is a failure.
"""

from __future__ import annotations

from django.utils import timezone
from playwright.sync_api import expect

from hundred.accounts.models import User
from hundred.network.models import Interaction, Person, Target
from hundred.test import PASSWORD, REACHABLE
from hundred.tests.browser import BrowserTestCase, log_in, require_chromium

require_chromium()

START = "Hi Maya, could I have 15–20 minutes of your advice? "


class LinkedInNoteCounterTest(BrowserTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.user = User.objects.create_user(
            "ann@example.org", PASSWORD, name="Ann", onboarded_at=timezone.now()
        )
        Target.objects.create(
            owner=self.user,
            skills=["financial analysis", "budgeting"],
            industries=["healthcare"],
            company_kinds=["non-profit"],
            work_environment=["small team"],
            geographies=["Boston"],
        )
        self.maya = Person.objects.create(
            owner=self.user, first_name="Maya", how_known="colleague", **REACHABLE
        )
        self.csp: list[str] = []
        self.page.on(
            "console",
            lambda m: self.csp.append(m.text) if "Content Security Policy" in m.text else None,
        )
        log_in(self.page, self.live_server_url, "ann@example.org", PASSWORD)

    def test_the_counter_follows_the_typing_past_200_and_300(self):
        page = self.page
        page.goto(self.url(f"/people/{self.maya.pk}/compose/?template=linkedin"))
        page.wait_for_load_state("load")
        counter = page.locator("#note-counter")
        body = page.get_by_label("Message")
        note = body.input_value()
        self.assertLessEqual(len(note), 200)
        self.assertIn("I'd like to use my financial analysis", note)
        expect(counter).to_have_text(
            f"LinkedIn note: {len(note)} of 200 characters — fits free and paid accounts."
        )

        # No answer from the server while typing: whatever the counter says, the script said.
        page.route("**/outreach/check/", lambda route: route.abort())
        text = START + "x" * (198 - len(START))
        body.fill(text)
        body.press_sequentially("yz", delay=20)
        expect(counter).to_have_text(
            "LinkedIn note: 200 of 200 characters — fits free and paid accounts."
        )
        body.press_sequentially("!", delay=20)
        expect(counter).to_have_text(
            "LinkedIn note: 201 characters — over 200, too long for free LinkedIn accounts; "
            "within 300 for paid ones."
        )
        expect(counter).to_have_class("note-counter notice warning")
        body.press_sequentially(" " + "w" * 98, delay=2)
        expect(counter).to_contain_text("LinkedIn note: 300 characters — over 200")
        body.press_sequentially("q", delay=20)
        expect(counter).to_have_text(
            "LinkedIn note: 301 characters — over 300, too long for LinkedIn, paid accounts "
            "(300) and free ones (200)."
        )
        # Back under 200: the warning goes.
        body.fill(START)
        expect(counter).to_have_text(
            f"LinkedIn note: {len(START.strip())} of 200 characters — fits free and paid accounts."
        )
        expect(counter).to_have_class("note-counter")

        # With the server answering again, its verdict counts the same.
        page.unroute("**/outreach/check/")
        long_note = START + "x" * 260
        with page.expect_response("**/outreach/check/"):
            body.fill(long_note)
        expect(page.locator("#findings")).to_contain_text(
            f"LinkedIn note: {len(long_note.strip())} characters — over 300", timeout=15_000
        )

        # Recording it asks first, and records nothing.
        page.get_by_role("button", name="Record and copy the text").click()
        page.wait_for_load_state("load")
        expect(page.locator("#id_body_error")).to_contain_text(
            f"This LinkedIn note has {len(long_note.strip())} characters"
        )
        expect(
            page.get_by_label("I know this is too long for a LinkedIn note; record it anyway")
        ).to_be_visible()
        expect(page.locator("#note-counter")).to_contain_text("over 300")
        self.assertFalse(Interaction.objects.exists())
        self.assertEqual(self.csp, [])
