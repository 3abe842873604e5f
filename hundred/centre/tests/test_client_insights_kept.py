"""A coach's read-only copy of a client's Insights is kept like the client's own page: computed
once for each state of the client's account, read by every server process after, never behind
a write, and never taken for the client's own page (insight/kept.py)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from freezegun import freeze_time

from hundred.centre.tests.base import CentreTestCase
from hundred.insight.kept import forget_cached_bodies, refresh, refresh_due
from hundred.insight.models import KeptPage


class KeptCopyTestCase(CentreTestCase):
    clock = freeze_time("2026-11-11 10:00:00+00:00")

    def setUp(self) -> None:
        self.company = self.make_company("Acme", is_target=True)
        self.make_person(stage="listed", company=self.company)
        self.grant()
        self.copy_url = reverse("coach-client-insights", args=[self.alice.pk])
        self.company_link = f'href="{reverse("network-company", args=[self.company.pk])}"'

    def coach_looks(self) -> tuple[str, int]:
        self.login(self.coach)
        with CaptureQueriesContext(connection) as captured:
            r = self.client.get(self.copy_url)
        self.assertEqual(r.status_code, 200)
        return r.content.decode(), len(captured)

    def client_looks(self) -> str:
        self.login()
        r = self.client.get(reverse("insight-insights"))
        self.assertEqual(r.status_code, 200)
        return r.content.decode()

    def test_a_second_look_reads_the_kept_copy_in_any_process(self):
        first, computed = self.coach_looks()
        forget_cached_bodies()  # another server process
        again, kept = self.coach_looks()
        self.assertLess(kept, computed - 5)
        self.assertIn("1 of 100 people listed", again)
        self.assertNotIn(self.company_link, again)

    def test_a_write_by_the_client_shows_at_once(self):
        self.coach_looks()
        self.make_person("Sam", "Ito")
        self.assertIn("2 of 100 people listed", self.coach_looks()[0])

    def test_a_coach_looking_is_not_the_client_looking(self):
        self.coach_looks()
        row = KeptPage.objects.get(account=self.alice)
        self.assertIsNone(row.viewed_on)
        self.assertIsNone(row.body)
        self.alice.mark_data_changed()
        self.assertFalse(refresh(self.alice.pk))  # never computed ahead for a coach
        self.assertEqual(refresh_due(), 0)

    def test_the_copy_and_the_clients_own_page_are_kept_side_by_side(self):
        own = self.client_looks()
        self.assertIn(self.company_link, own)
        copy, _ = self.coach_looks()
        self.assertNotIn(self.company_link, copy)
        row = KeptPage.objects.get(account=self.alice)
        self.assertIsNotNone(row.body)
        self.assertIsNotNone(row.read_only_body)
        forget_cached_bodies()
        self.assertIn(self.company_link, self.client_looks())  # her own, not the copy
        self.assertNotIn(self.company_link, self.coach_looks()[0])

    def test_the_client_looking_after_a_coach_keeps_the_coachs_copy(self):
        _, computed = self.coach_looks()
        self.assertIn(self.company_link, self.client_looks())  # her own page, computed
        row = KeptPage.objects.get(account=self.alice)
        self.assertEqual(row.viewed_on.isoformat(), "2026-11-11")
        self.assertIsNotNone(row.read_only_body)  # the copy of the same state stays
        forget_cached_bodies()
        self.assertLess(self.coach_looks()[1], computed - 5)

    def test_a_write_drops_the_copy_with_the_clients_page(self):
        self.coach_looks()
        self.client_looks()
        self.make_person("Sam", "Ito")
        self.client_looks()
        self.assertIsNone(KeptPage.objects.get(account=self.alice).read_only_body)
        self.assertIn("2 of 100 people listed", self.coach_looks()[0])

    def test_a_coach_without_a_grant_reads_nothing_kept(self):
        self.coach_looks()
        self.login(self.second_coach)
        self.assertEqual(self.client.get(self.copy_url).status_code, 404)
