"""In real Chromium: the installed app opens Today offline, read-only, and no other page.

The service worker (static/hundred/sw.js) keeps the last Today loaded online in a cache of its
own; offline, `/` is that copy with a banner and every control off, any other page is the offline
page. Logging out, or another account on the same browser, forgets the copy.

Skipped when there is no Chromium at /usr/bin/chromium, except on CI (CI=true).
"""

from __future__ import annotations

import re

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from hundred.accounts.models import User
from hundred.network.demo import build_demo
from hundred.test import PASSWORD
from hundred.tests.browser import BrowserTestCase, log_in, require_chromium

require_chromium()

# The pages the worker keeps, by path, over every cache of the origin.
KEPT = """async () => {
  const kept = {};
  for (const name of await caches.keys())
    kept[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
  return kept;
}"""

ENABLED_CONTROLS = """() => [...document.querySelectorAll("button, input, select, textarea")]
  .filter((el) => !el.disabled).map((el) => el.outerHTML.slice(0, 80))"""

BANNER = re.compile(r"^Offline — Today as of (\w{3} \d{1,2} \w{3}, )?\d\d:\d\d, read-only$")


class OfflineTodayTest(BrowserTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.user = User.objects.create_user("ann@example.org", PASSWORD)
        build_demo(self.user)

    def open_today_under_the_worker(self, page) -> None:
        page.goto(self.url("/"))
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.reload()  # now under the worker's control, which keeps this load of Today
        page.wait_for_function(
            "caches.has('hundred-today').then(async (has) => has"
            " && !!(await (await caches.open('hundred-today')).match('/')))"
        )

    def kept(self, page) -> dict:
        return page.evaluate(KEPT)

    def test_today_opens_offline_read_only_and_no_other_page_does(self) -> None:
        page = self.page
        log_in(page, self.live_server_url, self.user.email, PASSWORD)
        self.open_today_under_the_worker(page)
        kept = self.kept(page)
        self.assertEqual(kept["hundred-today"], ["/"])
        pages = [url for name, urls in kept.items() for url in urls if name != "hundred-today"]
        self.assertTrue(all(url.startswith("/static/") for url in pages), pages)
        # Online, the banner is not shown and the buttons work.
        expect(page.locator("#offline-note")).to_be_hidden()
        self.assertNotEqual(page.evaluate(ENABLED_CONTROLS), [])
        followup = page.locator("#followups li").first.inner_text().split("\n")[0]

        self.context.set_offline(True)
        page.reload()
        expect(page.get_by_role("heading", name=re.compile("^Today ·"))).to_be_visible()
        note = page.locator("#offline-note")
        expect(note).to_be_visible()
        self.assertRegex(note.inner_text(), BANNER)
        expect(page.locator("#followups li").first).to_contain_text(followup)
        self.assertEqual(page.evaluate(ENABLED_CONTROLS), [])
        done = page.locator("#followups button").first
        self.assertLess(float(done.evaluate("e => getComputedStyle(e).opacity")), 1)  # looks off
        # Styled from the shell, with the page's own Content-Security-Policy kept.
        self.assertEqual(
            page.locator(".card").first.evaluate("e => getComputedStyle(e).borderStyle"), "solid"
        )

        # Every other signed-in page, and Today's longer lists, are the offline page.
        for path in ("/people/", "/insights/", "/?all=followups"):
            with self.subTest(path=path):
                page.goto(self.url(path))
                expect(page.get_by_role("heading", name="You are offline")).to_be_visible()
        page.get_by_role("link", name="Try again").click()
        expect(page.locator("#offline-note")).to_be_visible()

        # Back online, Today is live again: no banner, buttons on.
        self.context.set_offline(False)
        page.reload()
        expect(page.locator("#offline-note")).to_be_hidden()
        self.assertNotEqual(page.evaluate(ENABLED_CONTROLS), [])

    def test_logging_out_forgets_todays_copy(self) -> None:
        page = self.page
        log_in(page, self.live_server_url, self.user.email, PASSWORD)
        self.open_today_under_the_worker(page)
        page.get_by_role("button", name="Log out").click()
        page.wait_for_url(re.compile("/accounts/login/"))
        expect(page.get_by_role("button", name="Log in")).to_be_visible()

        page.wait_for_function("caches.keys().then((keys) => !keys.includes('hundred-today'))")

        self.context.set_offline(True)
        try:
            page.goto(self.url("/"))
            shown = page.content()
        except PlaywrightError:  # the worker went too ("storage"): the browser's own error
            shown = ""
        self.assertNotIn("Follow-ups due", shown)
        self.assertNotIn("offline-note", shown)

    def test_the_log_out_response_alone_clears_the_copy(self) -> None:
        # Clear-Site-Data on the log-out response, with no page after it to run app.js: the
        # log-out is sent by fetch() and its redirect not followed.
        page = self.page
        log_in(page, self.live_server_url, self.user.email, PASSWORD)
        self.open_today_under_the_worker(page)
        status = page.evaluate(
            """async () => {
              const form = document.querySelector("form.logout");
              const r = await fetch(form.action, {method: "POST", body: new FormData(form),
                                                  redirect: "manual"});
              return r.type;
            }"""
        )
        self.assertEqual(status, "opaqueredirect")
        self.assertNotIn("hundred-today", self.kept(page))

    def test_another_account_signing_in_forgets_the_first_ones_copy(self) -> None:
        page = self.page
        other = User.objects.create_user("bob@example.org", PASSWORD)
        log_in(page, self.live_server_url, other.email, PASSWORD)
        page.goto(self.url("/people/"))
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        # A copy of Ann's Today left on this browser (a session that ended without logging
        # out, on a browser that ignores Clear-Site-Data): Bob's next page forgets it.
        page.evaluate(
            """async (key) => {
              const cache = await caches.open("hundred-today");
              await cache.put("/", new Response("<h1>Ann's Today</h1>",
                {headers: {"Content-Type": "text/html", "Hundred-Offline-Copy": key}}));
            }""",
            self.user.offline_key,
        )
        self.assertIn("hundred-today", self.kept(page))
        page.reload()
        page.wait_for_function("caches.keys().then((keys) => !keys.includes('hundred-today'))")
        self.context.set_offline(True)
        page.goto(self.url("/"))
        expect(page.get_by_role("heading", name="You are offline")).to_be_visible()

    def test_the_same_accounts_pages_keep_it(self) -> None:
        page = self.page
        log_in(page, self.live_server_url, self.user.email, PASSWORD)
        self.open_today_under_the_worker(page)
        page.goto(self.url("/people/"))
        page.goto(self.url("/insights/"))
        self.assertEqual(self.kept(page)["hundred-today"], ["/"])
