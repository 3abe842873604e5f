"""In real Chromium: upload a LinkedIn file, watch the progress, preview, import."""

from __future__ import annotations

from pathlib import Path

from django.utils import timezone
from playwright.sync_api import expect

from hundred.accounts.models import User
from hundred.network.models import Person
from hundred.test import PASSWORD
from hundred.tests.browser import BrowserTestCase, log_in, require_chromium

require_chromium()

FIXTURE = Path(__file__).parents[1] / "transfer" / "tests" / "fixtures" / "linkedin_connections.csv"


class ImportInBrowserTest(BrowserTestCase):
    def test_it_uploads_with_progress_then_previews_and_imports(self) -> None:
        user = User.objects.create_user("ann@example.org", PASSWORD, onboarded_at=timezone.now())
        page = self.page
        log_in(page, self.live_server_url, user.email, PASSWORD)
        posts = []
        page.on(
            "request",
            lambda r: posts.append((r.resource_type, r.url)) if r.method == "POST" else None,
        )
        page.goto(self.url("/transfer/"))
        page.get_by_label("What kind of file").select_option("linkedin")
        page.get_by_label("The file").set_input_files(str(FIXTURE))
        page.get_by_role("button", name="Upload and preview").click()
        expect(page.get_by_role("heading", name="What this import would do")).to_be_visible()
        # The file went by XMLHttpRequest, which is what lets the bar show the bytes sent.
        self.assertIn(("xhr", self.url("/transfer/upload/")), posts)
        self.assertEqual(Person.objects.filter(owner=user).count(), 0)

        # Stop this one submission after the page's own handler has run (window listeners
        # come last), to see the progress it shows while the server imports.
        page.evaluate("window.addEventListener('submit', e => e.preventDefault(), {once: true})")
        page.get_by_role("button", name="Import", exact=True).click()
        expect(page.get_by_text("Importing…")).to_be_visible()
        expect(page.get_by_role("button", name="Import", exact=True)).to_be_disabled()
        page.evaluate("document.querySelector('form[data-progress]').submit()")
        page.wait_for_url(lambda url: "/preview/" not in url)
        self.assertGreater(Person.objects.filter(owner=user).count(), 0)
