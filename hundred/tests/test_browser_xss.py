"""In real Chromium: XSS payloads stored in every field a user can fill, on every page that
shows them, run nothing.

The payloads (data/xss_payloads.txt: script tags, event handlers, javascript: and data: URLs,
SVG and MathML tricks, attribute breakouts, template literals, htmx attributes, CSS) go into
people, companies, the target and its history, meetings, follow-ups, favours, interactions, the
question bank, outreach templates and the account's name — and, through the real upload form,
into an imported file's name, headers and cells. Each page is then loaded with a watch on
dialogs, the console, requests, CSP violations and the DOM: a payload that worked would show
as an alert, a request for /xss-probe, a violation (the policy blocks what escaping missed), or
an element with id=xss. The page must also show the payloads as text, so a page that dropped
them cannot pass for one that escaped them.

Skipped when there is no Chromium at /usr/bin/chromium, except on CI (CI=true).
"""

from __future__ import annotations

import csv
import io
import itertools
from datetime import timedelta
from pathlib import Path

from django.utils import timezone
from playwright.sync_api import expect

from hundred.accounts.models import User
from hundred.network.models import (
    Company,
    Favour,
    FollowUp,
    Interaction,
    Meeting,
    OutreachTemplate,
    Person,
    QuestionBank,
    Tag,
    Target,
    TargetChange,
)
from hundred.test import PASSWORD
from hundred.tests.browser import BrowserTestCase, log_in, require_chromium

require_chromium()

PAYLOADS = [
    line
    for line in (Path(__file__).parent / "data" / "xss_payloads.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip() and not line.startswith("# ")
]

# Before any page script: every CSP violation the page reports.
WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""

# What an injection that escaping missed leaves in the DOM.
INJECTED = """() => {
  const found = [];
  const urls = ["href", "src", "action", "formaction", "data", "srcdoc", "xlink:href"];
  for (const el of document.querySelectorAll("*")) {
    if (el.id === "xss" || el.classList.contains("xss")) found.push(el.outerHTML.slice(0, 120));
    for (const a of el.attributes) {
      const name = a.name.toLowerCase(), value = a.value.trim().toLowerCase();
      if (name.startsWith("on") || name.startsWith("hx-on")) found.push(name + "=" + value);
      if (urls.includes(name) && (value.startsWith("javascript:") ||
          value.startsWith("data:text/html") || value.includes("xss-probe"))) {
        found.push(name + "=" + value);
      }
    }
  }
  return found;
}"""


class Payloads:
    """The payloads in turn; fit(n) is the next one that fits a field of n characters."""

    def __init__(self) -> None:
        self.cycle = itertools.cycle(PAYLOADS)

    def fit(self, max_length: int = 10_000) -> str:
        for _ in range(len(PAYLOADS)):
            payload = next(self.cycle)
            if len(payload) <= max_length:
                return payload
        raise AssertionError(f"no payload fits {max_length} characters")

    def some(self, n: int, max_length: int = 10_000) -> list[str]:
        return [self.fit(max_length) for _ in range(n)]

    def all(self) -> str:
        return "\n".join(PAYLOADS)


def build_hostile_account(user: User) -> dict:
    """Every user-editable field of an account filled with payloads; the objects to visit."""
    p = Payloads()
    now = timezone.now()
    user.name = p.fit(150)
    user.save(update_fields=["name"])
    target = Target.objects.create(
        owner=user,
        skills=p.some(3, 200),
        industries=p.some(2, 200),
        company_kinds=p.some(2, 200),
        work_environment=p.some(2, 200),
        geographies=p.some(2, 200),
        pitch=p.all(),
    )
    TargetChange.objects.create(
        owner=user, target=target, snapshot={"pitch": p.fit(), "skills": p.some(2)}
    )
    companies = [
        Company.objects.create(
            owner=user,
            name=p.fit(200),
            website=p.fit(300),
            industry=p.fit(120),
            kind=p.fit(120),
            location=p.fit(200),
            notes=p.all(),
            is_target=True,
        )
        for _ in range(3)
    ]
    tags = [Tag.objects.create(owner=user, name=name) for name in p.some(6, 60)]
    people: list[Person] = []
    for i in range(8):
        person = Person.objects.create(
            owner=user,
            first_name=p.fit(150),
            last_name=p.fit(150),
            emails=[f"person{i}@example.org", p.fit(100)],
            phones=[p.fit(40)],
            linkedin_url=p.fit(300),
            company=companies[i % len(companies)],
            title=p.fit(200),
            location=p.fit(200),
            notes=p.all(),
            stage=["listed", "asked", "meeting", "met", "listed", "paused", "listed", "asked"][i],
            introduced_by=people[-1] if people else None,
            asked_at=now - timedelta(days=9) if i % 2 else None,
        )
        person.tags.set(tags[i % 3 :: 2])
        people.append(person)
    # A pair the duplicates review finds: the same name and e-mail address.
    twin_first, twin_last = p.fit(150), p.fit(150)
    for _ in range(2):
        Person.objects.create(
            owner=user, first_name=twin_first, last_name=twin_last, emails=["twin@example.org"]
        )
    meeting = Meeting.objects.create(
        owner=user,
        person=people[2],
        starts_at=now + timedelta(days=1),
        place=p.fit(200),
        agenda=p.all(),
        questions=p.all(),
        pitch_snapshot=p.fit(),
        company_notes=p.all(),
        advice=p.all(),
        debrief_notes=p.all(),
    )
    meeting.companies_mentioned.set(companies)
    for person in people[:4]:
        interaction = Interaction.objects.create(
            owner=user,
            occurred_at=now - timedelta(days=9),
            summary=p.all(),
            is_outreach=True,
            is_override=True,
            override_reason=p.fit(),
        )
        interaction.people.set([person])
        FollowUp.objects.create(
            owner=user,
            person=person,
            due_on=timezone.localdate(),
            note=p.fit(),
            is_override=True,
            override_reason=p.fit(),
        )
        Favour.objects.create(
            owner=user,
            person=person,
            direction="they_asked" if person.pk % 2 else "i_offered",
            what=p.fit(300),
            due_on=timezone.localdate(),
        )
    groups = ("trends", "insights", "advice", "resources", "assignments")
    QuestionBank.objects.create(
        owner=user, groups={g: p.some(3) for g in groups}, closing=p.fit(300)
    )
    template = OutreachTemplate.objects.create(
        owner=user, name=p.fit(100), subject=p.fit(200), body=p.all() + "\n{pitch}\n{first_name}"
    )
    return {"person": people[2], "company": companies[0], "meeting": meeting, "template": template}


def hostile_csv() -> bytes:
    """A contacts CSV whose headers and cells are payloads."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["First Name", "Last Name", "Email", "Organisation", "Notes", PAYLOADS[0]])
    for i, payload in enumerate(PAYLOADS):
        writer.writerow([payload, PAYLOADS[-1 - i], f"imported{i}@example.org", payload, payload])
    return out.getvalue().encode()


class XssInBrowserTest(BrowserTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.user = User.objects.create_user(
            "ann@example.org", PASSWORD, name="Ann", onboarded_at=timezone.now()
        )
        self.objects = build_hostile_account(self.user)
        self.context.add_init_script(WATCH)
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.probes: list[str] = []
        self.page.on("dialog", self.on_dialog)
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on(
            "request", lambda r: self.probes.append(r.url) if "xss-probe" in r.url else None
        )

    def on_dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def assert_nothing_ran(self, where: str) -> None:
        page = self.page
        page.wait_for_load_state("networkidle")
        # The payloads are on the page (as text, or a form's value): escaped, not dropped.
        self.assertIn("xss", page.content().lower(), where)
        self.assertEqual(self.dialogs, [], f"a dialog opened on {where}")
        self.assertEqual(self.probes, [], f"a payload fetched a URL on {where}")
        self.assertEqual(page.evaluate(INJECTED), [], f"markup injected on {where}")
        self.assertEqual(page.evaluate("window.__csp"), [], f"CSP violations on {where}")
        noted = [m for m in self.console if "xss" in m.lower() or "Content Security" in m]
        self.assertEqual(noted, [], f"the console on {where}")

    def visit(self, path: str) -> None:
        response = self.page.goto(self.url(path))
        self.assertEqual(response.status, 200, path)
        self.assert_nothing_ran(path)

    def test_stored_payloads_run_on_no_page(self):
        log_in(self.page, self.live_server_url, self.user.email, PASSWORD)
        person, company = self.objects["person"], self.objects["company"]
        meeting, template = self.objects["meeting"], self.objects["template"]
        for path in [
            "/",
            "/people/",
            "/people/?q=xss",
            person.get_absolute_url(),
            f"/people/{person.pk}/edit/",
            "/hundred/",
            "/companies/",
            f"/companies/{company.pk}/",
            f"/companies/{company.pk}/edit/",
            "/target/",
            f"/meetings/{meeting.pk}/",
            f"/meetings/{meeting.pk}/debrief/",
            "/insights/",
            "/transfer/duplicates/",
            "/give-back/",
            "/settings/questions/",
            "/outreach/templates/",
            f"/outreach/templates/{template.pk}/edit/",
            "/accounts/settings/",
        ]:
            with self.subTest(path=path):
                self.visit(path)

    def test_the_composer_checks_and_previews_payloads_without_running_them(self):
        log_in(self.page, self.live_server_url, self.user.email, PASSWORD)
        person = self.objects["person"]
        self.visit(f"/people/{person.pk}/compose/")
        message = self.page.get_by_label("Message")
        with self.page.expect_response(lambda r: "/outreach/check/" in r.url):
            message.fill("Any job openings? " + "\n".join(PAYLOADS))
        expect(self.page.locator("#findings")).to_contain_text("job")
        self.assert_nothing_ran("the composer's check")

    def test_an_imported_file_runs_nothing_from_mapping_to_preview_to_import(self):
        page = self.page
        log_in(page, self.live_server_url, self.user.email, PASSWORD)
        page.goto(self.url("/transfer/"))
        page.get_by_label("What kind of file").select_option("csv")
        page.get_by_label("The file").set_input_files(
            {
                "name": "<img src=x id=xss onerror=alert('xss-filename')>.csv",
                "mimeType": "text/csv",
                "buffer": hostile_csv(),
            }
        )
        page.get_by_role("button", name="Upload and preview").click()
        page.wait_for_url(lambda url: "/columns/" in url or "/preview/" in url)
        if "/columns/" in page.url:
            self.assert_nothing_ran("the column mapping")
            page.get_by_role("button", name="Preview").click()
        expect(page.get_by_role("heading", name="What this import would do")).to_be_visible()
        self.assert_nothing_ran("the import preview")
        page.get_by_role("button", name="Import", exact=True).click()
        page.wait_for_url(lambda url: "/preview/" not in url)
        self.assert_nothing_ran("the import's report")
        self.assertTrue(Person.objects.filter(owner=self.user, emails=["imported0@example.org"]))
        self.visit("/transfer/")
        self.visit("/people/")
