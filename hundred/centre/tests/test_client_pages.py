"""A client's read-only pages as their coach sees them: the banner, no writing forms, notes
only with the grant's consent, the log, the private note, and 404 for everyone else."""

from __future__ import annotations

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from hundred.centre.actions.grants import do_revoke
from hundred.centre.models import CoachNote, CoachView
from hundred.centre.tests.base import CentreTestCase

PAGES = (
    "coach-client-today",
    "coach-client-insights",
    "coach-client-hundred",
    "coach-client-people",
)
FORM = re.compile(r'<form[^>]*method="post"[^>]*action="([^"]*)"', re.IGNORECASE)


class ClientPagesTestCase(CentreTestCase):
    def setUp(self) -> None:
        self.person = self.make_person(notes="Met at the Rotary; her husband is my dentist.")
        self.make_followup(self.person, note="Ask about the data team")
        self.make_favour(self.person, what="Send her my paper on pricing")
        self.make_meeting(
            self.person,
            starts_at=timezone.now() - timedelta(days=1),
            debrief_notes="She said the team is hiring in spring.",
        )

    def urls(self):
        return [reverse(name, args=[self.alice.pk]) for name in PAGES]

    def test_every_page_shows_the_banner_and_writes_a_view(self):
        self.grant()
        self.login(self.coach)
        for url in self.urls():
            with self.subTest(url=url):
                r = self.client.get(url)
                self.assertContains(
                    r, "You are viewing Alice Archer's Hundred, read-only, by their consent."
                )
        self.assertEqual(CoachView.objects.filter(seeker=self.alice, coach=self.coach).count(), 4)

    def test_no_page_posts_anywhere_but_the_coachs_own_note(self):
        self.grant(with_notes=True)
        self.login(self.coach)
        note = reverse("coach-client-note", args=[self.alice.pk])
        for url in self.urls():
            with self.subTest(url=url):
                body = self.client.get(url).content.decode()
                self.assertEqual(
                    [a for a in FORM.findall(body) if a not in (note, reverse("accounts-logout"))],
                    [],
                )
                self.assertNotIn("hx-post", body)

    def test_the_clients_today_writes_nothing_of_the_clients(self):
        # A pause that has ended is the client's Today's to end (or the worker's), not the
        # coach's look: the client's data, and so their kept figures, stay as they were.
        paused = self.make_person(
            "Pat", "Lee", stage="paused", paused_until=timezone.localdate() - timedelta(days=1)
        )
        self.grant()
        self.alice.refresh_from_db()
        stamp = self.alice.data_stamp
        self.login(self.coach)
        self.client.get(reverse("coach-client-today", args=[self.alice.pk]))
        paused.refresh_from_db()
        self.alice.refresh_from_db()
        self.assertEqual((paused.stage, self.alice.data_stamp), ("paused", stamp))
        self.login()
        self.assertContains(self.client.get(reverse("network-today")), "1 paused person is back")
        paused.refresh_from_db()
        self.assertNotEqual(paused.stage, "paused")

    def test_no_page_writes_to_the_clients_account(self):
        # Nothing made on first use either (follow-up settings, a target): a coach's look
        # leaves the client's data, and so their kept figures and Insights, as they were.
        self.grant(with_notes=True)
        self.alice.refresh_from_db()
        stamp = self.alice.data_stamp
        self.login(self.coach)
        for url in self.urls():
            self.client.get(url)
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.data_stamp, stamp)

    def test_the_insights_copy_links_to_none_of_the_clients_own_pages(self):
        company = self.make_company("Acme", is_target=True)
        self.person.company = company
        self.person.save()
        self.grant()
        self.login(self.coach)
        body = self.client.get(reverse("coach-client-insights", args=[self.alice.pk]))
        self.assertContains(body, "Acme")
        self.assertNotContains(body, f'href="{reverse("network-company", args=[company.pk])}"')
        self.login()
        own = self.client.get(reverse("insight-insights"))
        self.assertContains(own, f'href="{reverse("network-company", args=[company.pk])}"')

    def test_without_notes_no_notes_message_texts_or_debriefs(self):
        self.grant(with_notes=False)
        self.login(self.coach)
        for url in self.urls():
            with self.subTest(url=url):
                body = self.client.get(url).content.decode()
                self.assertNotIn("Rotary", body)
                self.assertNotIn("Ask about the data team", body)
                self.assertNotIn("paper on pricing", body)
                self.assertNotIn("hiring in spring", body)
                # Names and figures stay.
                self.assertIn("Maya Okafor" if "insights" not in url else "1 of 100", body)

    def test_with_notes_the_notes_are_there(self):
        self.grant(with_notes=True)
        self.login(self.coach)
        self.assertContains(
            self.client.get(reverse("coach-client-people", args=[self.alice.pk])), "Rotary"
        )
        today = self.client.get(reverse("coach-client-today", args=[self.alice.pk]))
        self.assertContains(today, "Ask about the data team")
        self.assertContains(today, "paper on pricing")

    def test_people_search_and_the_one_person_link(self):
        self.make_person("Zoltan", "Kiss")
        self.grant()
        self.login(self.coach)
        url = reverse("coach-client-people", args=[self.alice.pk])
        r = self.client.get(url, {"q": "zolt"})
        self.assertContains(r, "Zoltan Kiss")
        self.assertNotContains(r, "Maya Okafor")
        r = self.client.get(url, {"person": self.person.pk})
        self.assertContains(r, "Maya Okafor")
        self.assertNotContains(r, "Zoltan Kiss")

    def test_the_private_note_is_saved_and_shown_to_the_coach_only(self):
        self.grant()
        self.login(self.coach)
        url = reverse("coach-client-note", args=[self.alice.pk])
        r = self.client.post(url, {"text": "Confident; needs more asks."})
        self.assertRedirects(r, reverse("coach-client-today", args=[self.alice.pk]))
        self.assertEqual(
            CoachNote.objects.get(coach=self.coach, seeker=self.alice).text,
            "Confident; needs more asks.",
        )
        self.assertContains(
            self.client.get(reverse("coach-client-today", args=[self.alice.pk])),
            "Confident; needs more asks.",
        )
        self.login()
        self.assertNotContains(self.client.get(reverse("coaching")), "needs more asks")
        # Another coach with a grant of their own does not see it.
        self.grant(coach=self.second_coach)
        self.login(self.second_coach)
        self.assertNotContains(
            self.client.get(reverse("coach-client-today", args=[self.alice.pk])),
            "needs more asks",
        )

    def test_it_is_404_without_a_grant_after_revocation_between_centres_and_for_others(self):
        self.login(self.coach)
        for url in self.urls():
            self.assertEqual(self.client.get(url).status_code, 404, url)
        self.grant()
        do_revoke(self.alice, self.coach)
        for url in self.urls():
            self.assertEqual(self.client.get(url).status_code, 404, url)
        note = reverse("coach-client-note", args=[self.alice.pk])
        self.assertEqual(self.client.post(note, {"text": "x"}).status_code, 404)
        self.assertFalse(CoachNote.objects.exists())
        self.grant()
        # A coach moved to another centre keeps no access through an old grant.
        self.coach.organisation = self.other_centre
        self.coach.save()
        for url in self.urls():
            self.assertEqual(self.client.get(url).status_code, 404, url)
        for user in (self.far_coach, self.admin, self.bob, self.alice):
            self.login(user)
            for url in self.urls():
                self.assertEqual(self.client.get(url).status_code, 404, f"{user} {url}")
        self.assertEqual(CoachView.objects.count(), 0)


class ClientPeopleQueriesTestCase(CentreTestCase):
    """The client's people page reads the columns it shows: its queries do not grow with the
    rows (a column shown but not read would cost a query a row), with notes or without."""

    def queries(self, url) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            r = self.client.get(url)
        self.assertEqual(r.status_code, 200)
        return len(captured)

    def test_the_queries_do_not_grow_with_the_people(self):
        company = self.make_company("Acme")
        url = reverse("coach-client-people", args=[self.alice.pk])
        self.login(self.coach)
        for with_notes in (False, True):
            with self.subTest(with_notes=with_notes):
                CoachGrantModel = type(self.grant(with_notes=with_notes))
                self.make_person("Ann", "Lee", company=company, notes="n", title="CTO")
                few = self.queries(url)
                for i in range(5):
                    self.make_person(
                        "Bo",
                        f"Bell{i}",
                        company=company,
                        notes="Rotarian-secret",
                        asked_at=timezone.now(),
                    )
                self.assertEqual(self.queries(url), few)
                body = self.client.get(url).content.decode()
                self.assertIn("Acme", body)
                self.assertIn("CTO", body)
                self.assertEqual("Rotarian-secret" in body, with_notes)
                CoachGrantModel.objects.all().delete()
