"""Issue 3 in real Chromium: target → pitch → an outreach with a job ask, flagged as it is
typed, fixed and recorded; and the 100 list's quick add without a page load.

Skipped when there is no Chromium on this machine, except on CI (CI=true), where a missing
browser is a failure.
"""

from __future__ import annotations

import re

from django.utils import timezone
from playwright.sync_api import expect

from hundred.accounts.models import User
from hundred.network.models import Interaction, Person, Stage, Target
from hundred.test import PASSWORD
from hundred.tests.browser import BrowserTestCase as BaseBrowserTestCase
from hundred.tests.browser import log_in, require_chromium

require_chromium()

SUGGESTED = (
    "I'm looking for an opportunity to use my financial analysis skills in a non-profit "
    "organisation in the Boston area."
)
JOB_ASK = (
    "Hi Maya,\n\nIt's been a while since we worked together. Do you know of any openings on "
    "your team?\n\nThank you,\nAnn"
)
ADVICE_ASK = (
    "Hi Maya,\n\nIt's been a while since we worked together. " + SUGGESTED + " Could I have "
    "15–20 minutes of your advice, and the names of people you think I should talk to?\n\n"
    "Thank you,\nAnn"
)


class BrowserTestCase(BaseBrowserTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.user = User.objects.create_user(
            "ann@example.org", PASSWORD, name="Ann", onboarded_at=timezone.now()
        )
        log_in(self.page, self.live_server_url, "ann@example.org", PASSWORD)


class OutreachTest(BrowserTestCase):
    def test_it_walks_target_pitch_and_an_outreach_whose_job_ask_is_flagged_and_fixed(self):
        maya = Person.objects.create(
            owner=self.user,
            first_name="Maya",
            last_name="Okafor",
            how_known="colleague",
            emails=["maya@example.net"],
        )
        page = self.page

        # The target: what kind of job, in what industry, where.
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Target").click()
        expect(page.get_by_role("heading", name="What you are looking for")).to_be_visible()
        expect(page.get_by_text("do a bit more homework")).to_be_visible()
        page.get_by_label("Skills you want to use").fill("financial analysis")
        page.get_by_label("Industries").fill("non-profit")
        page.get_by_label("Geography").fill("Boston")
        page.get_by_role("button", name="Save target").click()
        expect(page.get_by_text("Target saved.")).to_be_visible()
        expect(page.get_by_text("Your target is 60% complete")).to_be_visible()
        target = Target.objects.get(owner=self.user)
        self.assertEqual(
            (target.skills, target.industries, target.geographies),
            (["financial analysis"], ["non-profit"], ["Boston"]),
        )

        # The pitch: take the one the target suggests.
        page.get_by_role("link", name="Your pitch").click()
        expect(page.get_by_role("heading", name="Your pitch")).to_be_visible()
        page.get_by_role("button", name="Use the suggested pitch").click()
        expect(page.get_by_text("Pitch saved.")).to_be_visible()
        expect(page.get_by_label("Your pitch")).to_have_value(SUGGESTED)
        target.refresh_from_db()
        self.assertEqual(target.pitch, SUGGESTED)

        # The person's page → the composer, filled in for Maya.
        page.goto(self.url(maya.get_absolute_url()))
        page.get_by_role("link", name="Ask for 15–20 minutes").click()
        expect(page.get_by_role("heading", name=re.compile(r"^Ask Maya Okafor"))).to_be_visible()
        body = page.get_by_label("Message")
        expect(body).to_have_value(re.compile(r"^Hi Maya,"))
        expect(body).to_have_value(re.compile(re.escape(SUGGESTED)))

        # Typing a job ask: the checker flags it without a page load.
        page.evaluate("window.composeMarker = 'same page'")
        findings = page.locator("#findings")
        body.fill("")
        body.press_sequentially(JOB_ASK, delay=5)
        mark = findings.locator("mark.finding-job_ask").first
        expect(mark).to_be_visible()
        expect(mark).to_contain_text("any openings")
        expect(findings).to_contain_text("Job ask:")

        # Cleared: the old verdict and preview go, and the checker asks for a message.
        body.fill("")
        expect(findings).to_contain_text("Write a message first.")
        expect(findings.locator("mark")).to_have_count(0)
        expect(findings).not_to_contain_text("Job ask:")
        expect(findings).not_to_contain_text("As they will read it")
        expect(findings.locator(".preview")).to_have_count(0)

        # An advice ask instead: the flag goes.
        body.fill(ADVICE_ASK)
        # The check runs 400 ms after the last keystroke; on a loaded machine give it time.
        expect(findings).to_contain_text("Clean", timeout=15_000)
        expect(findings.locator("mark.finding-job_ask")).to_have_count(0)
        expect(findings).not_to_contain_text("Job ask:")
        expect(findings.locator(".preview")).to_contain_text("15–20 minutes of your advice")
        self.assertEqual(page.evaluate("window.composeMarker"), "same page")
        self.assertFalse(Interaction.objects.exists())

        # Cleared again after a clean verdict, then spaces only: no "Clean" left on screen.
        body.fill("   \n  ")
        expect(findings).to_contain_text("Write a message first.")
        expect(findings).not_to_contain_text("Clean")
        expect(findings.locator(".preview")).to_have_count(0)
        # Recording an empty message is refused with the same words.
        body.fill("")
        page.evaluate("document.getElementById('compose-form').noValidate = true")
        page.get_by_role("button", name="Record and copy the text").click()
        expect(page.locator("#id_body_error")).to_have_text("Write a message first.")
        self.assertFalse(Interaction.objects.exists())
        # A new page: htmx listens only once it has loaded, and typing before then checks nothing.
        page.wait_for_load_state("load")
        body = page.get_by_label("Message")
        body.fill(ADVICE_ASK)
        findings = page.locator("#findings")
        expect(findings).to_contain_text("Clean", timeout=15_000)

        # Record it: the sent page, with the text to copy and Maya now asked.
        page.get_by_role("button", name="Record and copy the text").click()
        expect(page.get_by_role("heading", name="Outreach recorded")).to_be_visible()
        sent = page.get_by_role("region", name="Message to Maya Okafor")
        expect(sent.locator(".badge")).to_have_text("Asked")
        expect(sent.get_by_role("link", name="Open in my mail app")).to_have_attribute(
            "href", re.compile(r"^mailto:maya@example\.net\?subject=")
        )
        expect(sent.get_by_label("The text")).to_have_value(re.compile(r"15–20 minutes of your"))

        sent.get_by_role("link", name="Maya Okafor").click()
        expect(page.get_by_role("heading", name=re.compile(r"^Maya Okafor"))).to_contain_text(
            "Asked"
        )
        expect(page.get_by_role("region", name="Timeline")).to_contain_text("(outreach)")

        maya.refresh_from_db()
        self.assertEqual(maya.stage, Stage.ASKED)
        interaction = Interaction.objects.get(owner=self.user)
        self.assertTrue(interaction.is_outreach)
        self.assertEqual((interaction.channel, interaction.direction), ("email", "out"))
        self.assertIn("15–20 minutes of your advice", interaction.summary)
        self.assertNotIn("openings", interaction.summary)


class HundredListTest(BrowserTestCase):
    def test_it_quick_adds_without_a_page_load_and_keeps_focus_on_the_name(self):
        page = self.page
        page.get_by_role("navigation", name="Main").get_by_role("link", name="100 list").click()
        board = page.locator("#hundred-board")
        expect(board.get_by_role("heading", name="0 of 100")).to_be_visible()
        page.evaluate("window.boardMarker = 'same page'")

        page.get_by_label("Name").fill("Ann Lee")
        page.get_by_label("How you know them").select_option(label="Neighbour")
        page.get_by_label("Company").fill("Contoso")
        page.get_by_role("button", name="Add to the list").click()

        expect(board.get_by_role("heading", name="1 of 100")).to_be_visible()
        expect(board.get_by_role("status")).to_have_text("Ann Lee is on your list.")
        name = page.get_by_label("Name")
        expect(name).to_have_value("")
        expect(name).to_be_focused()
        expect(page.get_by_label("How you know them")).to_have_value("neighbour")
        self.assertEqual(page.evaluate("window.boardMarker"), "same page")

        # Straight on to the next name from the keyboard.
        page.keyboard.type("Tom Baker")
        page.keyboard.press("Enter")
        expect(board.get_by_role("heading", name="2 of 100")).to_be_visible()
        expect(page.get_by_label("Name")).to_be_focused()
        self.assertEqual(page.evaluate("window.boardMarker"), "same page")

        people = Person.objects.filter(owner=self.user).order_by("first_name")
        self.assertEqual(
            [(p.full_name, p.how_known) for p in people],
            [("Ann Lee", "neighbour"), ("Tom Baker", "neighbour")],
        )
        self.assertEqual(people[0].company.name, "Contoso")
        self.assertIsNone(people[1].company)
