"""The web app in real Chromium: a newcomer signs up, adds a person, finds them, logs a call.

Skipped when there is no Chromium on this machine, except on CI (CI=true), where a missing
browser is a failure: the browser test must run there, not quietly skip.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from hundred.accounts.models import User
from hundred.network.models import Interaction, Person
from hundred.test import PASSWORD
from hundred.tests.browser import BrowserTestCase, log_in, require_chromium

require_chromium()


class FirstVisitTest(BrowserTestCase):
    def test_it_signs_up_adds_a_person_finds_them_and_logs_an_interaction(self) -> None:
        page = self.page

        # A fresh instance sends a visitor to log in; the first account is made from there.
        page.goto(self.url("/"))
        expect(page).to_have_url(re.compile(r"/accounts/login/"))
        page.get_by_role("link", name="Create an account").click()
        expect(page.get_by_role("heading", name="Create your account")).to_be_visible()
        page.get_by_label("E-mail address").fill("ann@example.org")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_label("Time zone").select_option("Europe/London")
        page.get_by_role("button", name="Create account").click()

        # The first-run steps can each be skipped; after the last one comes Today.
        expect(page.get_by_role("heading", name="Welcome to Hundred")).to_be_visible()
        for _ in range(3):
            page.get_by_role("button", name="Skip for now").click()
        expect(page).to_have_url(self.url("/"))
        expect(page.get_by_role("heading", name=re.compile(r"^Today"))).to_be_visible()
        user = User.objects.get()
        self.assertEqual((user.email, user.time_zone), ("ann@example.org", "Europe/London"))

        nav = page.get_by_role("navigation", name="Main")
        nav.get_by_role("link", name="People").click()
        expect(page.get_by_role("heading", name=re.compile(r"^People"))).to_be_visible()

        # Two people, so that the search has someone to leave out.
        self.add_person("Maya", "Okafor", "Northwind Analytics", "maya@example.net")
        nav.get_by_role("link", name="People").click()
        self.add_person("Tom", "Baker", "Contoso Health", "tom@example.com")
        nav.get_by_role("link", name="People").click()
        results = page.locator("#people-results")
        expect(results.get_by_role("link", name="Tom Baker")).to_be_visible()
        expect(results.get_by_role("link", name="Maya Okafor")).to_be_visible()

        # Typing in the search box updates the results through htmx, without a page load:
        # a marker set on this page's window must survive the search.
        page.evaluate("window.searchMarker = 'same page'")
        page.get_by_role("searchbox", name="Search").press_sequentially("northwind", delay=20)
        expect(results.get_by_role("link", name="Tom Baker")).to_have_count(0)
        expect(results.get_by_role("link", name="Maya Okafor")).to_be_visible()
        self.assertEqual(page.evaluate("window.searchMarker"), "same page")
        expect(page).to_have_url(re.compile(r"[?&]q=northwind"))

        results.get_by_role("link", name="Maya Okafor").click()
        expect(page.get_by_role("heading", name=re.compile(r"^Maya Okafor"))).to_be_visible()
        log = page.get_by_role("region", name="Log an interaction")
        log.get_by_label("Channel").select_option(label="Phone")
        log.get_by_label("Summary").fill("Twenty minutes on non-profit finance teams in Boston.")
        log.get_by_role("button", name="Log it").click()

        expect(page.get_by_text("Logged.")).to_be_visible()
        timeline = page.get_by_role("region", name="Timeline")
        expect(timeline).to_contain_text("Twenty minutes on non-profit finance teams in Boston.")
        maya = Person.objects.get(owner=user, first_name="Maya")
        self.assertEqual(
            (maya.company.name, maya.emails), ("Northwind Analytics", ["maya@example.net"])
        )
        interaction = Interaction.objects.get(owner=user)
        self.assertEqual(list(interaction.people.all()), [maya])
        self.assertEqual(interaction.channel, "phone")

    def add_person(self, first: str, last: str, company: str, email: str) -> None:
        page = self.page
        page.get_by_role("link", name="Add a person", exact=True).first.click()
        expect(page.get_by_role("heading", name="Add a person")).to_be_visible()
        page.get_by_label("First name").fill(first)
        page.get_by_label("Last name").fill(last)
        page.get_by_label("Company").fill(company)
        page.get_by_label("E-mail addresses").fill(email)
        page.get_by_role("button", name="Save", exact=True).click()
        expect(page.get_by_role("heading", name=re.compile(rf"^{first} {last}"))).to_be_visible()


class KeyboardTest(BrowserTestCase):
    def test_it_lets_the_keyboard_reach_the_main_nav_after_the_skip_link(self) -> None:
        User.objects.create_user("ann@example.org", PASSWORD)
        page = self.page
        log_in(page, self.live_server_url, "ann@example.org", PASSWORD)
        page.goto(self.url("/people/"))

        page.keyboard.press("Tab")
        skip = page.get_by_role("link", name="Skip to content")
        expect(skip).to_be_focused()
        # Off-screen until focused, then on screen where a sighted keyboard user can see it.
        box = skip.bounding_box()
        self.assertIsNotNone(box)
        self.assertGreaterEqual(box["x"], 0)

        today = page.get_by_role("navigation", name="Main").get_by_role("link", name="Today")
        for _ in range(5):
            page.keyboard.press("Tab")
            if today.evaluate("el => el === document.activeElement"):
                break
        expect(today).to_be_focused()
        page.keyboard.press("Enter")
        expect(page).to_have_url(self.url("/"))
