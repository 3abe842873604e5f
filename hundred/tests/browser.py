"""Launching Debian's Chromium through Playwright, for the browser test and the README screenshot.

Never a downloaded browser: `playwright install` is not part of Hundred. Re-take the README's
screenshot against a running instance (steps in docs/getting-started.md) with

    .venv/bin/python -m hundred.tests.browser http://127.0.0.1:8000/ EMAIL PASSWORD OUT.png

and the phone one (390×844, the user guide's) by adding `--phone`.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from django.contrib.staticfiles.testing import StaticLiveServerTestCase

DEBIAN_CHROMIUM = "/usr/bin/chromium"

# With the network closed, Chromium's background services (sync, component updates, QUIC
# probes) flood the log with refused connections; these flags keep it quiet and offline.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

SCREENSHOT_SIZE = {"width": 1280, "height": 800}
PHONE_SIZE = {"width": 390, "height": 844}


def find_chromium() -> str | None:
    """The path of a Chromium binary, or None when there is none."""
    if os.path.exists(DEBIAN_CHROMIUM):
        return DEBIAN_CHROMIUM
    return shutil.which("chromium") or shutil.which("chromium-browser")


def require_chromium() -> str:
    """Chromium's path. Without one the calling test module is skipped — and fails on CI."""
    path = find_chromium()
    if path is None:
        import pytest

        if os.environ.get("CI") == "true":
            pytest.fail(
                f"Chromium not found at {DEBIAN_CHROMIUM} and CI=true: the browser tests must "
                "run on CI; install Debian's chromium package.",
                pytrace=False,
            )
        pytest.skip(
            f"Chromium not found at {DEBIAN_CHROMIUM}; install Debian's chromium package to run "
            "browser tests",
            allow_module_level=True,
        )
    # Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls
    # from a thread with a running loop unless told it is safe (it is: the loop is Playwright's).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    return path


def launch(playwright, executable_path: str | None = None):
    """A headless Chromium browser from a `sync_playwright()` context."""
    return playwright.chromium.launch(
        executable_path=executable_path or find_chromium(),
        args=CHROMIUM_ARGS,
        headless=True,
    )


def log_in(page, base_url: str, email: str, password: str) -> None:
    """Log in through the real form; `base_url` ends without a slash."""
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def take_screenshot(
    base_url: str, email: str, password: str, path: str | Path, size: dict = SCREENSHOT_SIZE
) -> None:
    """Save a picture of the People page of a running instance as a PNG (1280×800 unless
    another size is given)."""
    from playwright.sync_api import sync_playwright

    base_url = base_url.rstrip("/")
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(viewport=size)
            log_in(page, base_url, email, password)
            page.goto(f"{base_url}/people/")
            page.screenshot(path=str(path))
        finally:
            browser.close()


class BrowserTestCase(StaticLiveServerTestCase):
    """A live server and one Chromium for the class; a fresh browser context per test.

    The server runs in this process on the tests' frozen clock, ticking from WEDNESDAY (see
    hundred/test.py). Playwright's event loop keeps the real clock (`real_asyncio`), or its
    waits would never end. Chromium keeps its own, which only cookie lifetimes read, and
    Django gives those as Max-Age, relative to the browser's own now: the clocks need not agree.
    """

    viewport = SCREENSHOT_SIZE

    @classmethod
    def setUpClass(cls) -> None:
        from freezegun import freeze_time
        from playwright.sync_api import sync_playwright

        # Imported here: hundred.test needs Django's settings, which the screenshot script
        # below runs without.
        from hundred.test import WEDNESDAY

        cls.clock = freeze_time(WEDNESDAY, tick=True, real_asyncio=True)
        cls.clock.start()
        try:
            super().setUpClass()
            cls.playwright = sync_playwright().start()
            cls.browser = launch(cls.playwright, require_chromium())
        except BaseException:
            cls.clock.stop()
            raise

    @classmethod
    def tearDownClass(cls) -> None:
        try:
            cls.browser.close()
            cls.playwright.stop()
            super().tearDownClass()
        finally:
            cls.clock.stop()

    def setUp(self) -> None:
        self.context = self.browser.new_context(viewport=self.viewport)
        self.context.set_default_timeout(10_000)
        self.page = self.context.new_page()

    def tearDown(self) -> None:
        self.context.close()

    def url(self, path: str) -> str:
        return f"{self.live_server_url}{path}"


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--phone"]
    if len(args) != 4:
        sys.exit("usage: python -m hundred.tests.browser BASE_URL EMAIL PASSWORD OUT.png [--phone]")
    take_screenshot(*args, size=PHONE_SIZE if "--phone" in sys.argv else SCREENSHOT_SIZE)
