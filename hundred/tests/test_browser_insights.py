"""In real Chromium: open Insights on the demo account and see the charts and the referral tree.

Skipped when there is no Chromium at /usr/bin/chromium, except on CI (CI=true), where a missing
browser is a failure. Never `playwright install`: Hundred uses Debian's Chromium.
"""

from __future__ import annotations

from playwright.sync_api import expect

from hundred.accounts.models import User
from hundred.network.demo import build_demo
from hundred.test import PASSWORD
from hundred.tests.browser import BrowserTestCase, require_chromium

require_chromium()


class InsightsInBrowserTest(BrowserTestCase):
    def test_it_shows_the_demo_accounts_charts_and_tree(self):
        user = User.objects.create_user("demo@example.org", PASSWORD)
        build_demo(user)
        page = self.browser.new_page(java_script_enabled=False)  # no JavaScript needed to see it
        page.goto(f"{self.live_server_url}/accounts/login/")
        page.get_by_label("E-mail address").fill(user.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.goto(f"{self.live_server_url}/insights/")

        expect(page.get_by_role("heading", name="Insights", exact=True)).to_be_visible()
        charts = page.locator("svg[role=img]")
        expect(charts).to_have_count(6)
        for name in ("Funnel", "Activity, last 12 weeks", "Referral tree", "Progress to 100"):
            expect(page.get_by_role("img", name=name)).to_be_visible()
        # Bars were drawn, not just empty frames.
        self.assertGreater(
            page.locator("svg#funnel rect, [aria-labelledby^=funnel] rect").count(), 3
        )
        tree = page.get_by_role("img", name="Referral tree")
        box = tree.bounding_box()
        self.assertGreater(box["height"], 100)
        nodes = tree.locator("a")
        self.assertGreater(nodes.count(), 5)
        # A node of the tree leads to its person.
        href = nodes.first.get_attribute("href")
        self.assertRegex(href, r"^/people/\d+/$")
        page.goto(f"{self.live_server_url}{href}")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        page.close()
