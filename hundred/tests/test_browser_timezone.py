"""In real Chromium: sign-up preselects the browser's time zone (a static script), falls back to
the instance's without JavaScript, and Settings says which zone is in force.

Skipped when there is no Chromium at /usr/bin/chromium, except on CI (CI=true).
"""

from __future__ import annotations

from playwright.sync_api import expect

from hundred.accounts.models import User
from hundred.test import PASSWORD
from hundred.tests.browser import BrowserTestCase, log_in, require_chromium
from hundred.tests.test_browser_csp import WATCH

require_chromium()

NEW_YORK = "America/New_York"


class SignUpTimeZoneTest(BrowserTestCase):
    def open(self, **options):
        context = self.browser.new_context(viewport=self.viewport, **options)
        context.set_default_timeout(10_000)
        self.addCleanup(context.close)
        return context.new_page()

    def test_a_new_york_browser_signs_up_in_new_york(self) -> None:
        page = self.open(timezone_id=NEW_YORK)
        page.add_init_script(WATCH)
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        response = page.goto(self.url("/accounts/signup/"))
        self.assertIn("script-src 'self'", response.headers["content-security-policy"])
        expect(page.get_by_label("Time zone")).to_have_value(NEW_YORK)
        self.assertEqual(page.evaluate("window.__csp"), [])  # the script is allowed
        expect(page.locator("#time-zone-guess")).to_be_visible()
        expect(page.locator("#time-zone-guess")).to_contain_text("America/New York")
        page.get_by_label("E-mail address").fill("dana@example.org")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Create account").click()
        page.wait_for_url(lambda url: "/signup/" not in url)
        self.assertEqual(User.objects.get().time_zone, NEW_YORK)

        page.goto(self.url("/accounts/settings/"))
        expect(page.locator("#time-zone-in-force")).to_contain_text(NEW_YORK)
        # The browser agrees with the account: no nudge.
        expect(page.locator("[data-browser-zone-differs]")).to_be_hidden()
        self.assertEqual(errors, [])

    def test_without_javascript_it_is_the_instance_zone_with_its_hint(self) -> None:
        page = self.open(timezone_id=NEW_YORK, java_script_enabled=False)
        page.goto(self.url("/accounts/signup/"))
        expect(page.get_by_label("Time zone")).to_have_value("UTC")
        expect(page.get_by_text("every time you see follow it")).to_be_visible()
        expect(page.locator("#time-zone-guess")).to_be_hidden()

    def test_settings_notice_a_browser_elsewhere(self) -> None:
        User.objects.create_user("ann@example.org", PASSWORD, time_zone="UTC")
        page = self.open(timezone_id="Europe/Paris")
        log_in(page, self.live_server_url, "ann@example.org", PASSWORD)
        page.goto(self.url("/accounts/settings/"))
        expect(page.locator("#time-zone-in-force")).to_contain_text("UTC")
        nudge = page.locator("[data-browser-zone-differs]")
        expect(nudge).to_be_visible()
        expect(nudge).to_contain_text("This browser is set to Europe/Paris")
