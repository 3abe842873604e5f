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
      // Not drawn at this width (svg.py's legend or axis-end): no box at all.
      if (r.width === 0 && r.height === 0) continue;
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


# Whether a text is on the screen without swiping: rendered, inside the window's width and
# inside every box around it that scrolls or clips sideways.
ON_SCREEN = """([heading, text]) => {
  const card = document.getElementById(heading).closest("section");
  const own = (e) => [...e.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE)
    .map((n) => n.textContent).join("").trim();
  return [...card.querySelectorAll("*")].some((e) => {
    if (own(e) !== text || !e.checkVisibility({visibilityProperty: true})) return false;
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.left < -1 || r.right > window.innerWidth + 1) return false;
    for (let p = e.parentElement; p; p = p.parentElement) {
      if (getComputedStyle(p).overflowX === "visible") continue;
      const b = p.getBoundingClientRect();
      if (r.left < b.left - 1 || r.right > b.right + 1) return false;
    }
    return true;
  });
}"""

# The weekly charts' scale: the largest number among the labels drawn at the plot's left.
TOP_OF_SCALE = """(heading) => {
  const svg = document.getElementById(heading).closest("section").querySelector("svg.chart");
  const numbers = [...svg.querySelectorAll("text[text-anchor=end]")]
    .map((t) => t.textContent.trim()).filter((t) => /^[0-9.]+$/.test(t));
  return numbers.sort((a, b) => Number(b) - Number(a))[0];
}"""

WEEKLY_KEYS = {
    "h-activity": ["Outreach", "Replies", "Meetings", "Follow-ups done"],
    "h-names": [],
}


class WeeklyChartsKeyOnAPhoneTest(BrowserTestCase):
    """The weekly charts open on their latest weeks (scrolled to the right), and what their
    colours mean and where their scale tops out is on the screen too, without a swipe."""

    def setUp(self):
        super().setUp()
        self.user = User.objects.create_user("demo@example.org", PASSWORD)
        build_demo(self.user)
        log_in(self.page, self.live_server_url, self.user.email, PASSWORD)

    def on_screen(self, heading: str, text: str) -> bool:
        return self.page.evaluate(ON_SCREEN, [heading, text])

    def test_the_key_and_scale_show_beside_the_latest_weeks(self):
        # A phone, and a narrow tablet window where the chart scrolls too.
        for viewport in ({"width": 390, "height": 844}, {"width": 820, "height": 1000}):
            self.page.set_viewport_size(viewport)
            self.page.goto(f"{self.live_server_url}/insights/")
            for heading, names in WEEKLY_KEYS.items():
                with self.subTest(chart=heading, width=viewport["width"]):
                    box = self.page.locator(f"[aria-labelledby={heading}] .chart-box")
                    shown, chart = box.bounding_box(), box.locator("svg").bounding_box()
                    self.assertGreater(chart["width"], shown["width"])  # it does scroll
                    # Still opened on its latest weeks.
                    self.assertAlmostEqual(
                        chart["x"] + chart["width"], shown["x"] + shown["width"], delta=1
                    )
                    latest = self.page.evaluate(
                        "h => document.getElementById(h).closest('section')"
                        ".querySelector('details tbody tr:last-child td').textContent",
                        heading,
                    )  # "Mon 2 Nov 2026": the chart labels the week "02 Nov"
                    day, month = latest.split()[1:3]
                    self.assertTrue(self.on_screen(heading, f"{int(day):02d} {month}"))
                    for name in names:
                        self.assertTrue(self.on_screen(heading, name), name)
                    top = self.page.evaluate(TOP_OF_SCALE, heading)
                    self.assertTrue(top)
                    self.assertTrue(self.on_screen(heading, top), f"scale's top {top}")

    def test_on_a_desktop_the_key_is_the_charts_own(self):
        self.page.set_viewport_size({"width": 1280, "height": 800})
        self.page.goto(f"{self.live_server_url}/insights/")
        box = self.page.locator("[aria-labelledby=h-activity] .chart-box")
        self.assertEqual(
            box.bounding_box()["width"], box.locator("svg").bounding_box()["width"]
        )  # no scrolling
        for name in WEEKLY_KEYS["h-activity"]:
            self.assertTrue(self.on_screen("h-activity", name), name)
            self.assertEqual(  # in the picture, drawn once
                self.page.locator("[aria-labelledby=h-activity]")
                .get_by_text(name, exact=True)
                .filter(visible=True)
                .count(),
                1,
            )


class ProgressKeyOnAPhoneTest(BrowserTestCase):
    """Progress to 100 scrolls sideways on a phone, and its three-column legend with it: every
    group's name and count is on the screen without a swipe, in a list above the bar."""

    def setUp(self):
        super().setUp()
        self.user = User.objects.create_user("demo@example.org", PASSWORD)
        build_demo(self.user)
        log_in(self.page, self.live_server_url, self.user.email, PASSWORD)

    def groups(self) -> list[str]:
        """'Classmate: 12' for each row of the chart's table."""
        rows = self.page.locator("[aria-labelledby=h-hundred] details tbody tr")
        return [
            f"{r.locator('td').nth(0).text_content()}: {r.locator('td').nth(1).text_content()}"
            for r in rows.all()
        ]

    def on_screen(self, text: str) -> bool:
        return self.page.evaluate(ON_SCREEN, ["h-hundred", text])

    def test_on_a_phone_the_key_is_a_list_above_the_bar(self):
        self.page.set_viewport_size({"width": 390, "height": 844})
        self.page.goto(f"{self.live_server_url}/insights/")
        box = self.page.locator("[aria-labelledby=h-hundred] .chart-box")
        shown, chart = box.bounding_box(), box.locator("svg").bounding_box()
        self.assertGreater(chart["width"], shown["width"])  # it does scroll
        groups = self.groups()
        self.assertGreater(len(groups), 3)  # the demo has a legend of more than one column
        for text in groups:
            self.assertTrue(self.on_screen(text), text)
        # The drawing is cut to its bar: no blank band where its legend was.
        self.assertLess(chart["height"], 48)

    def test_on_a_desktop_the_key_is_the_charts_own(self):
        self.page.set_viewport_size({"width": 1280, "height": 800})
        self.page.goto(f"{self.live_server_url}/insights/")
        section = self.page.locator("[aria-labelledby=h-hundred]")
        self.assertEqual(section.locator(".chart-key").filter(visible=True).count(), 0)
        for text in self.groups():
            self.assertTrue(self.on_screen(text), text)
            self.assertEqual(  # in the picture, drawn once
                section.get_by_text(text, exact=True).filter(visible=True).count(), 1
            )
        chart = section.locator("svg.chart").bounding_box()
        self.assertGreater(chart["height"], 100)  # the legend's rows below the bar


class RepliesTableOnAPhoneTest(BrowserTestCase):
    def test_the_replies_table_fits_and_keeps_each_rate_on_one_line(self):
        user = User.objects.create_user("demo@example.org", PASSWORD)
        build_demo(user)
        log_in(self.page, self.live_server_url, user.email, PASSWORD)
        self.page.set_viewport_size({"width": 390, "height": 844})
        self.page.goto(f"{self.live_server_url}/insights/")
        section = self.page.locator("[aria-labelledby=h-replies]")
        table = section.locator("table")
        rates = table.locator("tbody td:last-child")
        self.assertGreater(rates.count(), 1)
        for cell in rates.all():
            with self.subTest(rate=cell.text_content()):
                self.assertRegex(cell.text_content(), r"^\d+\s%$")
                lines = cell.evaluate(
                    "td => { const r = document.createRange(); r.selectNodeContents(td);"
                    " return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size; }"
                )
                self.assertEqual(lines, 1)
        # On a phone a table is a box that scrolls what does not fit (app.css): nothing does.
        self.assertLessEqual(*table.evaluate("t => [t.scrollWidth, t.clientWidth]"))
