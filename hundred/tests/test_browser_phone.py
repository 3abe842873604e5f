"""In real Chromium at a phone's size (390×844): the daily pages fit the screen and work by thumb.

On Today, People, a person, the composer and Insights, with the demo account: nothing scrolls
sideways, the header is small and its menu collapsed until tapped (without JavaScript too), the
People list starts above the fold, tap targets are at least 44 px tall, and the basic checks an
accessibility scanner would make pass (no duplicate ids, every form control labelled).

Skipped when there is no Chromium at /usr/bin/chromium, except on CI (CI=true), where a missing
browser is a failure. Never `playwright install`: Hundred uses Debian's Chromium.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from hundred.accounts.models import User
from hundred.network.demo import build_demo
from hundred.network.models import Person, Stage
from hundred.test import PASSWORD
from hundred.tests.browser import BrowserTestCase, log_in, require_chromium

require_chromium()

PHONE = {"width": 390, "height": 844}

# What an accessibility scanner's simplest rules would say about the page: ids used twice,
# form controls nobody labelled, and visible tap targets under 44 px tall.
AUDIT = """() => {
  const ids = {};
  for (const el of document.querySelectorAll("[id]")) ids[el.id] = (ids[el.id] || 0) + 1;
  const duplicates = Object.keys(ids).filter((id) => ids[id] > 1);
  const unlabelled = [];
  for (const el of document.querySelectorAll("input, select, textarea")) {
    if (["hidden", "submit", "button"].includes(el.type)) continue;
    const named = (el.labels && el.labels.length) || el.getAttribute("aria-label")
      || el.getAttribute("aria-labelledby") || el.getAttribute("title");
    if (!named) unlabelled.push(el.name || el.id || el.outerHTML.slice(0, 60));
  }
  const small = [];
  const targets = "main button, main .button, main select, header summary, main summary,"
    + " main input:not([type=checkbox]):not([type=radio]):not([type=hidden]),"
    + " main .timeline a, main p.more a";
  for (const el of document.querySelectorAll(targets)) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;  // not shown (a closed <details>)
    const what = (el.textContent || el.name).trim().slice(0, 30);
    if (box.height < 44) small.push(`${el.tagName} ${what} ${Math.round(box.height)}px`);
  }
  return {
    duplicates, unlabelled, small,
    scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth,
  };
}"""


class PhoneLayoutTest(BrowserTestCase):
    viewport = PHONE

    def setUp(self) -> None:
        super().setUp()
        self.user = User.objects.create_user("demo@example.org", PASSWORD)
        build_demo(self.user)
        self.person = Person.objects.filter(owner=self.user).order_by("pk").first()

    def pages(self) -> list[str]:
        return [
            "/",
            "/people/",
            self.person.get_absolute_url(),
            f"/people/{self.person.pk}/compose/",
            "/insights/",
        ]

    def check_fits(self, page, path: str) -> None:
        page.goto(self.url(path))
        found = page.evaluate(AUDIT)
        with self.subTest(path=path):
            self.assertLessEqual(found["scrollWidth"], found["innerWidth"], "scrolls sideways")
            self.assertEqual(found["duplicates"], [], "ids used twice")
            self.assertEqual(found["unlabelled"], [], "form controls without a label")
            self.assertEqual(found["small"], [], "tap targets under 44 px")

    def test_the_daily_pages_fit_a_phone(self) -> None:
        log_in(self.page, self.live_server_url, self.user.email, PASSWORD)
        for path in self.pages():
            self.check_fits(self.page, path)

    def test_todays_text_links_and_answer_buttons_are_thumb_sized(self) -> None:
        # The audit above measures them; this makes sure Today has them for it to measure.
        log_in(self.page, self.live_server_url, self.user.email, PASSWORD)
        self.page.goto(self.url("/"))
        followups = self.page.locator("#followups")
        for control in (
            followups.get_by_role("link", name="Move…").first,
            followups.get_by_role("button", name=re.compile("^They said no")).first,
            followups.get_by_role("button", name=re.compile("replied: book a meeting")).first,
            followups.get_by_role("link").first,  # the person's name
        ):
            with self.subTest(control=str(control)):
                self.assertGreaterEqual(control.bounding_box()["height"], 44)

    def test_onboarding_steps_stand_apart(self) -> None:
        # Issue 19: the step indicator read "looking for2. Your pitch", run together.
        log_in(self.page, self.live_server_url, self.user.email, PASSWORD)
        for viewport in (PHONE, {"width": 1280, "height": 800}):
            self.page.set_viewport_size(viewport)
            if viewport == PHONE:
                self.check_fits(self.page, "/welcome/names/")
            else:
                self.page.goto(self.url("/welcome/names/"))
            steps = self.page.locator("ol.steps li")
            # The number belongs inside its step's box (an outside marker sat in the gap,
            # against the step before), and the boxes stand apart.
            self.assertEqual(
                steps.evaluate_all("lis => lis.map(li => getComputedStyle(li).listStylePosition)"),
                ["inside"] * 3,
            )
            boxes = [li.bounding_box() for li in steps.all()]
            self.assertEqual(len(boxes), 3)
            for before, after in zip(boxes, boxes[1:], strict=False):
                apart = (
                    after["x"] >= before["x"] + before["width"] + 8  # side by side, a gap
                    or after["y"] >= before["y"] + before["height"]  # one under the other
                )
                self.assertTrue(apart, (before, after))

    def test_the_menu_is_collapsed_and_opens_with_a_tap(self) -> None:
        page = self.page
        log_in(page, self.live_server_url, self.user.email, PASSWORD)
        page.goto(self.url("/people/"))
        header = page.locator("header.top").bounding_box()
        self.assertLessEqual(header["height"], 64)
        nav = page.get_by_role("navigation", name="Main", include_hidden=True)
        expect(nav.get_by_role("link", name="Insights", include_hidden=True)).to_be_hidden()
        # The list starts above the fold.
        first = page.locator("#people-results tbody a").first
        self.assertLess(first.bounding_box()["y"], PHONE["height"])

        page.get_by_text("Menu", exact=True).click()
        expect(nav.get_by_role("link", name="Insights")).to_be_visible()
        nav.get_by_role("link", name="Insights").click()
        expect(page.get_by_role("heading", name="Insights", exact=True)).to_be_visible()

    def test_the_menu_opens_without_javascript(self) -> None:
        context = self.browser.new_context(viewport=PHONE, java_script_enabled=False)
        try:
            page = context.new_page()
            log_in(page, self.live_server_url, self.user.email, PASSWORD)
            page.goto(self.url("/"))
            nav = page.get_by_role("navigation", name="Main", include_hidden=True)
            expect(nav.get_by_role("link", name="People", include_hidden=True)).to_be_hidden()
            page.get_by_text("Menu", exact=True).click()
            nav.get_by_role("link", name="People").click()
            expect(page.get_by_role("heading", name=re.compile("^People"))).to_be_visible()
            self.check_fits(page, "/people/")

            # The sent page's Copy button needs JavaScript: without it the button is not shown
            # and the text waits in a text area to be selected by hand.
            person = (
                Person.objects.filter(owner=self.user, stage="listed").exclude(emails=[]).first()
            )
            page.goto(self.url(f"/people/{person.pk}/compose/"))
            page.get_by_role("button", name="Record and copy the text").click()
            expect(page.get_by_role("heading", name="Outreach recorded")).to_be_visible()
            text = page.get_by_role("textbox", name="The text")
            expect(text).to_be_visible()
            expect(text).to_have_attribute("readonly", "")
            expect(page.get_by_role("button", name="Copy the text")).to_be_hidden()
        finally:
            context.close()

    def test_on_a_wide_screen_the_menu_is_always_open(self) -> None:
        self.page.set_viewport_size({"width": 1280, "height": 800})
        log_in(self.page, self.live_server_url, self.user.email, PASSWORD)
        expect(self.page.get_by_text("Menu", exact=True)).to_be_hidden()
        nav = self.page.get_by_role("navigation", name="Main")
        expect(nav.get_by_role("link", name="Insights")).to_be_visible()
        # One line, icons and all: the menu and Log out beside the brand.
        self.assertLessEqual(self.page.locator("header.top").bounding_box()["height"], 64)
        expect(self.page.get_by_role("button", name="Log out")).to_be_visible()


class InstalledAppTest(BrowserTestCase):
    viewport = PHONE

    def test_the_service_worker_keeps_the_shell_and_says_plainly_when_offline(self) -> None:
        user = User.objects.create_user("ann@example.org", PASSWORD)
        page = self.page
        log_in(page, self.live_server_url, user.email, PASSWORD)
        page.goto(self.url("/"))
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.reload()  # now under the worker's control
        kept = page.evaluate(
            """async () => {
              const urls = [];
              for (const name of await caches.keys())
                if (name !== "hundred-today")  // Today's offline copy: test_browser_offline.py
                  for (const request of await (await caches.open(name)).keys())
                    urls.push(new URL(request.url).pathname);
              return urls;
            }"""
        )
        self.assertIn("/static/hundred/app.css", kept)
        self.assertTrue(all(url.startswith("/static/") for url in kept), kept)  # no other page

        # Chromium's own verdict on the manifest, icons and worker: nothing stops installing
        # but the test's browser context, which is a private ("incognito") one.
        cdp = self.context.new_cdp_session(page)
        errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
        self.assertEqual([e["errorId"] for e in errors if e["errorId"] != "in-incognito"], [])
        manifest = cdp.send("Page.getAppManifest")
        self.assertEqual(manifest["errors"], [])

        self.context.set_offline(True)
        page.goto(self.url("/people/"))
        expect(page.get_by_role("heading", name="You are offline")).to_be_visible()
        # The stylesheet came from the shell: the page is styled without a network.
        self.assertEqual(
            page.locator(".card").evaluate("e => getComputedStyle(e).borderStyle"), "solid"
        )


# WCAG's contrast ratio between an element's text colour and a background colour.
CONTRAST = """([selector, backgroundOf]) => {
  const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const fg = lum(rgb(getComputedStyle(document.querySelector(selector)).color));
  const bg = lum(rgb(getComputedStyle(document.querySelector(backgroundOf)).backgroundColor));
  return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
}"""


STAGES = [stage.value for stage in Stage]

# A badge for each stage, put on the page: its text colour and that colour's contrast ratio
# against the badge's own background.
STAGE_BADGES = """(stages) => {
  const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const found = {};
  for (const stage of stages) {
    const badge = document.createElement("span");
    badge.className = `badge stage-${stage}`;
    badge.textContent = stage;
    document.querySelector("main").append(badge);
    const style = getComputedStyle(badge);
    const fg = lum(rgb(style.color)), bg = lum(rgb(style.backgroundColor));
    found[stage] = [style.color, (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05)];
  }
  return found;
}"""


class ColourSchemesTest(BrowserTestCase):
    def test_text_stays_readable_in_the_light_and_the_dark_scheme(self) -> None:
        user = User.objects.create_user("ann@example.org", PASSWORD)
        build_demo(user)
        for scheme in ("light", "dark"):
            context = self.browser.new_context(viewport=PHONE, color_scheme=scheme)
            try:
                page = context.new_page()
                log_in(page, self.live_server_url, user.email, PASSWORD)
                page.goto(self.url("/people/"))
                page.get_by_text("Menu", exact=True).click()
                for selector, background in [
                    (".top nav a", ".top"),
                    (".top .menu > summary", ".top"),
                    ("h1", "html"),
                    (".card label", ".card"),
                    ("#people-results td a", "#people-results tr"),
                    ("main button[type=submit]", "main button[type=submit]"),
                ]:
                    with self.subTest(scheme=scheme, selector=selector):
                        ratio = page.evaluate(CONTRAST, [selector, background])
                        self.assertGreaterEqual(ratio, 4.5)
                self.check_stage_colours(page)
            finally:
                context.close()

    def check_stage_colours(self, page) -> None:
        """Each stage's badge is readable on its own background, no two stages look alike, and
        the funnel's bars for listed, asked and met are their badges' colours."""
        colours = page.evaluate(STAGE_BADGES, STAGES)
        for stage, (colour, ratio) in colours.items():
            with self.subTest(stage=stage):
                self.assertGreaterEqual(ratio, 4.5, colour)
        self.assertEqual(len({colour for colour, _ in colours.values()}), len(STAGES))
        page.goto(self.url("/insights/"))
        funnel = page.get_by_role("img", name="Funnel")
        for stage in ("listed", "asked", "met"):
            fill = funnel.locator(f"rect.stage-{stage}").evaluate("r => getComputedStyle(r).fill")
            self.assertEqual(fill, colours[stage][0], stage)
