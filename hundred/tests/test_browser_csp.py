"""In real Chromium, on the demo account: every main page loads under the Content-Security-Policy
with no violation reported, and what uses JavaScript (htmx, the copy button) still works.

Skipped when there is no Chromium at /usr/bin/chromium, except on CI (CI=true), where a missing
browser is a failure. Never `playwright install`: Hundred uses Debian's Chromium.
"""

from __future__ import annotations

import re

from django.utils import timezone
from playwright.sync_api import expect

from hundred.accounts.models import User
from hundred.network.demo import build_demo
from hundred.network.models import Meeting, Person
from hundred.test import PASSWORD
from hundred.tests.browser import BrowserTestCase, log_in, require_chromium

require_chromium()

# Collects every violation the page reports, from the first script on.
WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile);
});
"""

ADVICE = (
    "Hi {first},\n\nI'm looking for an opportunity to use my analysis skills in a non-profit "
    "organisation. Could I have 15–20 minutes of your advice, and the names of people you "
    "think I should talk to?\n\nThank you,\nAnn"
)


class CspInBrowserTest(BrowserTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.user = User.objects.create_user(
            "ann@example.org", PASSWORD, name="Ann", onboarded_at=timezone.now()
        )
        build_demo(self.user)
        self.context.add_init_script(WATCH)
        self.console: list[str] = []
        self.page.on(
            "console",
            lambda m: self.console.append(m.text) if m.type in ("error", "warning") else None,
        )

    def assert_no_violation(self, where: str) -> None:
        reported = self.page.evaluate("window.__csp")
        blocked = [m for m in self.console if "Content Security Policy" in m or "Refused" in m]
        self.assertEqual(reported, [], f"CSP violations on {where}")
        self.assertEqual(blocked, [], f"CSP messages in the console on {where}")

    def visit(self, path: str) -> None:
        response = self.page.goto(self.url(path))
        self.assertEqual(response.status, 200, path)
        self.assertIn("script-src 'self'", response.headers["content-security-policy"])
        self.page.wait_for_load_state("networkidle")
        self.assert_no_violation(path)

    def test_the_main_pages_load_with_no_violation(self):
        self.visit("/accounts/login/")
        log_in(self.page, self.live_server_url, "ann@example.org", PASSWORD)
        person = Person.objects.filter(owner=self.user).exclude(emails=[]).first()
        meeting = Meeting.objects.filter(owner=self.user).first()
        for path in [
            "/",
            "/people/",
            person.get_absolute_url(),
            f"/people/{person.pk}/compose/",
            "/insights/",
            "/transfer/",
            "/accounts/settings/",
            f"/meetings/{meeting.pk}/",
            "/hundred/",
            "/companies/",
            "/target/",
            "/give-back/",
            "/transfer/duplicates/",
            f"/meetings/{meeting.pk}/move/",
            f"/meetings/{meeting.pk}/cancel/",
            f"/meetings/{meeting.pk}/debrief/",
            "/settings/questions/",
        ]:
            with self.subTest(path=path):
                self.visit(path)

    def test_the_insights_charts_draw(self):
        log_in(self.page, self.live_server_url, "ann@example.org", PASSWORD)
        self.visit("/insights/")
        expect(self.page.locator("svg.chart")).to_have_count(6)
        # The stylesheet that used to be inline still applies: charts scale to their box.
        width = self.page.locator("svg.chart").first.evaluate("e => getComputedStyle(e).display")
        self.assertEqual(width, "block")

    def test_htmx_and_the_copy_button_work_under_the_policy(self):
        self.context.grant_permissions(["clipboard-read", "clipboard-write"])
        log_in(self.page, self.live_server_url, "ann@example.org", PASSWORD)
        page = self.page
        # htmx: the ask-checker answers as one types (an XHR and a swap, no page load).
        person = Person.objects.filter(owner=self.user).exclude(emails=[]).first()
        self.visit(f"/people/{person.pk}/compose/")
        page.get_by_label("Message").fill(ADVICE.format(first=person.first_name))
        expect(page.locator("#findings")).to_contain_text("Clean")
        # The inline form style moved to app.css: the Done buttons on Today sit in line.
        page.get_by_role("button", name="Record and copy the text").click()
        expect(page.get_by_role("heading", name="Outreach recorded")).to_be_visible()
        page.get_by_role("button", name="Copy the text").click()
        expect(page.get_by_role("button", name="Copied")).to_be_visible()
        self.assertIn("15–20 minutes", page.evaluate("navigator.clipboard.readText()"))
        self.assert_no_violation("the composer and the sent page")

    def test_no_inline_style_is_needed_for_the_today_buttons(self):
        log_in(self.page, self.live_server_url, "ann@example.org", PASSWORD)
        self.visit("/")
        forms = self.page.locator("form.inline")
        if forms.count():
            display = forms.first.evaluate("e => getComputedStyle(e).display")
            self.assertEqual(display, "inline")
        self.assertFalse(re.search(r"\sstyle=", self.page.content()))

    def test_the_admin_loads_with_no_violation(self):
        self.user.is_staff = self.user.is_superuser = True
        self.user.save(update_fields=["is_staff", "is_superuser"])
        log_in(self.page, self.live_server_url, "ann@example.org", PASSWORD)
        for path in ["/admin/", "/admin/accounts/user/", f"/admin/accounts/user/{self.user.pk}/"]:
            with self.subTest(path=path):
                self.visit(path)
