"""axe-core, the accessibility scanner, finds nothing serious or critical on any page.

Every signed-in page of the demo account (Today, People, a person, companies, a company, the
target and the pitch, the composer, the 100 list, Insights, a meeting's prep sheet and debrief,
import & export, settings, duplicates) and the log-in and sign-up pages, in real Chromium, in
both colour schemes. axe's own `axe.min.js` is injected into each page from the npm package
that `.ci/run` installs with `npm install --prefix .ci/node axe-core@4` — never downloaded while
the tests run.

Skipped when that file or Chromium is missing, except on CI (CI=true), where either is a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.test import override_settings

from hundred.accounts.models import User
from hundred.network.demo import build_demo
from hundred.network.models import Company, Meeting, Person
from hundred.test import PASSWORD
from hundred.tests.browser import BrowserTestCase, log_in, require_chromium

AXE = Path(__file__).resolve().parents[2] / ".ci/node/node_modules/axe-core/axe.min.js"

if not AXE.exists() and os.environ.get("CI") == "true":
    pytest.fail(f"axe-core not found at {AXE} and CI=true: .ci/run installs it", pytrace=False)
if not AXE.exists():
    pytest.skip(
        f"axe-core not found at {AXE}; install it with "
        "`npm install --prefix .ci/node axe-core@4` to run the accessibility scan",
        allow_module_level=True,
    )
require_chromium()

# axe's verdicts that block a user outright ("critical") or make a page hard to use ("serious").
SCAN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ") + " — " + n.failureSummary),
    }));
}"""


def describe(found: dict[str, list[dict]]) -> str:
    """The violations, page by page, one rule and its first elements per paragraph."""
    lines = []
    for path, violations in found.items():
        for v in violations:
            lines.append(f"{path}: [{v['impact']}] {v['id']}: {v['help']}")
            lines.extend(f"    {node}" for node in v["nodes"])
    return "\n".join(lines)


# Sign-up is shown only while the instance takes new accounts (the demo account is one already).
@override_settings(REGISTRATION_OPEN=True)
class AxeTest(BrowserTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.user = User.objects.create_user("demo@example.org", PASSWORD)
        build_demo(self.user)

    def signed_in_pages(self) -> list[str]:
        person = Person.objects.filter(owner=self.user).order_by("pk").first()
        company = Company.objects.filter(owner=self.user).order_by("pk").first()
        meeting = Meeting.objects.filter(owner=self.user).order_by("pk").first()
        return [
            "/",
            "/people/",
            person.get_absolute_url(),
            "/companies/",
            f"/companies/{company.pk}/",
            "/target/",
            "/target/pitch/",
            f"/people/{person.pk}/compose/",
            "/hundred/",
            "/insights/",
            f"/meetings/{meeting.pk}/",
            f"/meetings/{meeting.pk}/debrief/",
            "/transfer/",
            "/accounts/settings/",
            "/transfer/duplicates/",
        ]

    def scan(self, page, paths: list[str], found: dict, scheme: str) -> None:
        for path in paths:
            response = page.goto(self.url(path))
            self.assertEqual(response.status, 200, path)  # the page itself, not an error page
            page.add_script_tag(path=str(AXE))
            violations = page.evaluate(SCAN)
            if violations:
                found[f"{scheme} {path}"] = violations

    def test_no_serious_or_critical_violations_on_any_page(self) -> None:
        found: dict[str, list[dict]] = {}
        for scheme in ("light", "dark"):
            # The pages' CSP forbids the injected script tag; bypassing it changes nothing else.
            context = self.browser.new_context(
                viewport=self.viewport, color_scheme=scheme, bypass_csp=True
            )
            try:
                page = context.new_page()
                self.scan(page, ["/accounts/login/", "/accounts/signup/"], found, scheme)
                log_in(page, self.live_server_url, self.user.email, PASSWORD)
                self.scan(page, self.signed_in_pages(), found, scheme)
            finally:
                context.close()
        self.assertEqual(found, {}, "axe found serious or critical problems:\n" + describe(found))
