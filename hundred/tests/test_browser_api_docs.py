"""In real Chromium: the API's browsable page draws every operation from Hundred's own static
files under the Content-Security-Policy, and "Try it out" works with the signed-in session.

Skipped when there is no Chromium on this machine, except on CI (CI=true), where a missing
browser is a failure.
"""

from __future__ import annotations

from playwright.sync_api import expect

from hundred.accounts.models import User
from hundred.network.models import Person
from hundred.test import PASSWORD
from hundred.tests.browser import BrowserTestCase, log_in, require_chromium

require_chromium()


class ApiDocsPageTest(BrowserTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.user = User.objects.create_user("ann@example.org", PASSWORD)
        Person.objects.create(owner=self.user, first_name="Maya", last_name="Okafor")
        self.console: list[str] = []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.outside: list[str] = []
        self.page.on("request", self._note_outside)
        log_in(self.page, self.live_server_url, "ann@example.org", PASSWORD)

    def _note_outside(self, request) -> None:
        if not request.url.startswith(self.live_server_url):
            self.outside.append(request.url)

    def test_the_page_draws_every_operation_and_tries_one(self):
        page = self.page
        page.goto(self.url("/api/v1/docs"))
        page.wait_for_selector(".opblock", timeout=20000)
        self.assertGreater(page.locator(".opblock").count(), 20)
        self.assertEqual(self.outside, [], "the page fetched something from elsewhere")
        self.assertEqual(
            [m for m in self.console if "Content Security Policy" in m], [], self.console
        )
        # Try GET /people/ with the session.
        block = page.locator(".opblock-get", has_text="/api/v1/people/").first
        block.locator(".opblock-summary").click()
        page.get_by_role("button", name="Try it out").click()
        page.get_by_role("button", name="Execute").click()
        live = page.locator(".live-responses-table")
        expect(live).to_contain_text("Okafor", timeout=20000)
        expect(live).to_contain_text("200")
