"""In real Chromium: open Insights on the demo account and see the charts and the referral tree.

Skipped when there is no Chromium at /usr/bin/chromium, except on CI (CI=true), where a missing
browser is a failure. Never `playwright install`: Hundred uses Debian's Chromium.
"""

from __future__ import annotations

from playwright.sync_api import expect

from hundred.accounts.models import User
from hundred.network.demo import build_demo
from hundred.test import PASSWORD
from hundred.tests.browser import BrowserTestCase, log_in, require_chromium

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
        expect(page.locator("svg[role=img]")).to_have_count(5)
        for name in ("Funnel", "Activity, last 12 weeks", "Progress to 100"):
            expect(page.get_by_role("img", name=name)).to_be_visible()
        # Bars were drawn, not just empty frames.
        self.assertGreater(
            page.locator("svg#funnel rect, [aria-labelledby^=funnel] rect").count(), 3
        )
        # The tree's nodes are links, so it is a group, not an image (axe: nested-interactive).
        tree = page.get_by_role("group", name="Referral tree")
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


# Every chart's text: its rendered size and whether it sits inside its chart's box.
CHART_TEXT = """() => {
  const out = [];
  for (const svg of document.querySelectorAll("svg.chart")) {
    const box = svg.getBoundingClientRect();
    for (const t of svg.querySelectorAll("text")) {
      const r = t.getBoundingClientRect();
      out.push({
        text: t.textContent, size: r.height,
        inside: r.left >= box.left - 1 && r.right <= box.right + 1
          && r.top >= box.top - 1 && r.bottom <= box.bottom + 1,
      });
    }
  }
  return out;
}"""


class ChartsReadableTest(BrowserTestCase):
    def setUp(self):
        super().setUp()
        self.user = User.objects.create_user("demo@example.org", PASSWORD)
        build_demo(self.user)

    def check(self, viewport):
        page = self.page
        page.set_viewport_size(viewport)
        page.goto(f"{self.live_server_url}/insights/")
        # Charts as wide as their card.
        card = page.locator("#h-funnel").locator("xpath=..").bounding_box()
        chart = page.get_by_role("img", name="Funnel").bounding_box()
        self.assertGreater(chart["width"], min(card["width"] - 60, 800))
        texts = page.evaluate(CHART_TEXT)
        self.assertGreater(len(texts), 20)
        small = [t["text"] for t in texts if t["size"] < 12]
        clipped = [t["text"] for t in texts if not t["inside"]]
        self.assertEqual((small, clipped), ([], []))
        # axe's nested-interactive: nothing focusable inside an element shown as an image;
        # and no column header without a name.
        self.assertEqual(page.locator("[role=img] a, [role=img] button").count(), 0)
        empty = page.locator("th").evaluate_all(
            "ths => ths.filter(th => !th.textContent.trim()).length"
        )
        self.assertEqual(empty, 0)
        # The page itself never scrolls sideways.
        self.assertLessEqual(
            page.evaluate("document.scrollingElement.scrollWidth"), viewport["width"]
        )

    def test_charts_are_wide_with_labels_of_12_px_or_more_and_none_clipped(self):
        log_in(self.page, self.live_server_url, self.user.email, PASSWORD)
        self.check({"width": 1280, "height": 800})
        self.check({"width": 390, "height": 844})

    def test_the_funnels_last_two_stages_are_counts_not_rates(self):
        log_in(self.page, self.live_server_url, self.user.email, PASSWORD)
        self.page.goto(f"{self.live_server_url}/insights/")
        rows = self.page.locator("#h-funnel").locator("xpath=..").locator("tbody tr")
        for stage in ("Names received", "At target companies"):
            row = rows.filter(has_text=stage)
            expect(row).to_contain_text("a count, not a share")
        funnel = self.page.get_by_role("img", name="Funnel")
        self.assertNotRegex(funnel.text_content(), r"\d{3} %")
