"""In real Chromium: the person form suggests people ("Introduced by") and companies as you
type.

Skipped when there is no Chromium at /usr/bin/chromium, except on CI (CI=true), where a missing
browser is a failure. Never `playwright install`: Hundred uses Debian's Chromium.
"""

from __future__ import annotations

from playwright.sync_api import expect

from hundred.accounts.models import User
from hundred.network.models import Company, Person
from hundred.test import PASSWORD
from hundred.tests.browser import BrowserTestCase, log_in, require_chromium

require_chromium()


class IntroducerFieldTest(BrowserTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.user = User.objects.create_user("ann@example.org", PASSWORD)
        self.maya = Person.objects.create(owner=self.user, first_name="Maya", last_name="Okafor")
        Person.objects.create(owner=self.user, first_name="Mark", last_name="Ito")
        self.page = self.context.new_page()
        log_in(self.page, self.live_server_url, "ann@example.org", PASSWORD)

    def test_typing_part_of_a_name_suggests_them_and_the_pick_is_saved(self) -> None:
        page = self.page
        page.goto(f"{self.live_server_url}/people/add/")
        page.get_by_label("First name").fill("Sam")
        field = page.get_by_label("Introduced by")
        field.press_sequentially("oka", delay=30)
        option = page.locator("#introducer-options option")
        expect(option).to_have_count(1)
        label = f"Maya Okafor (#{self.maya.pk})"
        expect(option).to_have_attribute("value", label)
        field.fill(label)  # what picking the suggestion does
        page.get_by_role("button", name="Save", exact=True).click()
        page.wait_for_url(lambda url: "/people/add/" not in url)
        expect(page.locator("dt", has_text="Introduced by")).to_be_visible()
        expect(page.locator("dd a", has_text="Maya Okafor")).to_be_visible()
        sam = Person.objects.get(owner=self.user, first_name="Sam")
        self.assertEqual(sam.introduced_by, self.maya)

    def test_typing_part_of_a_company_suggests_it(self) -> None:
        Company.objects.create(owner=self.user, name="Northwind Analytics")
        Company.objects.create(owner=self.user, name="Contoso")
        page = self.page
        page.goto(f"{self.live_server_url}/people/add/")
        page.get_by_label("Company").press_sequentially("wind", delay=30)
        option = page.locator("#company-names option")
        expect(option).to_have_count(1)
        expect(option).to_have_attribute("value", "Northwind Analytics")
