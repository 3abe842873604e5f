"""The duplicates review's table: filled, kept up to date as people change, read by the page."""

from __future__ import annotations

import tempfile
from unittest import mock

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from freezegun import freeze_time

from hundred.network.models import Person
from hundred.test import BaseTestCase
from hundred.transfer import dedupe
from hundred.transfer.dedupe import do_dismiss_pair, do_merge_people, refresh_candidates
from hundred.transfer.models import DuplicateCandidate, DuplicateScan


def pairs(owner) -> set[tuple[str, str]]:
    return {
        (c.a.full_name, c.b.full_name)
        for c in DuplicateCandidate.objects.filter(owner=owner).select_related("a", "b")
    }


@override_settings(HUNDRED_HOME=tempfile.mkdtemp())
class CandidateTableTestCase(BaseTestCase):
    clock = freeze_time("2026-11-11 10:00Z")

    def setUp(self):
        self.login()
        self.jonathan = self.make_person("Jonathan", "Smith")
        self.jonathon = self.make_person("Jonathon", "Smith")
        self.mary = self.make_person("Mary", "Jones")

    def later(self, minutes: int = 5):
        """Move the clock on, as the real one would between two visits."""
        return freeze_time(f"2026-11-11 10:{minutes:02d}Z")

    def scan(self):
        """The first visit, a few minutes after the people were written."""
        with self.later(5):
            refresh_candidates(self.alice)

    def test_the_first_visit_computes_the_pairs_and_the_page_reads_them(self):
        r = self.client.get(reverse("transfer-duplicates"))
        self.assertContains(r, "Jonathon Smith")
        self.assertContains(r, "names 93 % alike")
        self.assertEqual(pairs(self.alice), {("Jonathan Smith", "Jonathon Smith")})
        self.assertEqual(DuplicateScan.objects.get(owner=self.alice).version, dedupe.VERSION)

    def test_a_person_added_later_is_paired_without_recomputing_the_others(self):
        self.scan()
        # A pair of two people who did not change is kept as it is: only changed people's
        # pairs are computed again. (A full computation would drop this made-up pair.)
        marker = DuplicateCandidate.objects.create(
            owner=self.alice, a=self.jonathan, b=self.mary, score=1.0
        )
        with self.later(10):
            self.make_person("Mary", "Jomes")
            refresh_candidates(self.alice)
        self.assertTrue(DuplicateCandidate.objects.filter(pk=marker.pk).exists())
        self.assertIn(("Mary Jones", "Mary Jomes"), pairs(self.alice))

    def test_an_edit_that_parts_two_names_removes_their_pair(self):
        self.scan()
        with self.later(10):
            self.jonathon.first_name = "Priya"
            self.jonathon.save()
            refresh_candidates(self.alice)
        self.assertEqual(pairs(self.alice), set())

    def test_renaming_a_company_rescores_its_people(self):
        contoso = self.make_company("Contoso")
        self.jonathan.company = contoso
        self.jonathan.save()
        self.jonathon.company = self.make_company("Fabrikam")
        self.jonathon.save()
        self.scan()
        self.assertEqual(DuplicateCandidate.objects.get().score, 82.9)
        with self.later(10):
            contoso.name = "Fabrikam Inc."
            contoso.save()
            refresh_candidates(self.alice)
        self.assertEqual(DuplicateCandidate.objects.get().score, 97.9)

    def test_nothing_changed_costs_two_queries(self):
        self.scan()
        with self.later(10), CaptureQueriesContext(connection) as queries:
            refresh_candidates(self.alice)
        self.assertEqual(len(queries), 2)

    def test_a_deleted_person_takes_their_pairs(self):
        self.scan()
        self.jonathon.delete()
        self.assertEqual(DuplicateCandidate.objects.count(), 0)

    def test_a_merge_removes_the_pair(self):
        self.make_person("Jonathan", "Smyth")
        self.scan()
        self.assertEqual(DuplicateCandidate.objects.count(), 2)
        with self.later(10):
            do_merge_people(self.alice, self.jonathan, self.jonathon)
            r = self.client.get(reverse("transfer-duplicates"))
        self.assertEqual(pairs(self.alice), {("Jonathan Smith", "Jonathan Smyth")})
        self.assertNotContains(r, "Jonathon")

    def test_a_dismissed_pair_is_removed_and_never_computed_again(self):
        self.scan()
        do_dismiss_pair(self.alice, self.jonathon, self.jonathan)
        self.assertEqual(DuplicateCandidate.objects.count(), 0)
        with self.later(10):
            self.jonathan.title = "Analyst"
            self.jonathan.save()
            refresh_candidates(self.alice)
        DuplicateScan.objects.all().delete()
        self.scan()
        self.assertEqual(DuplicateCandidate.objects.count(), 0)

    def test_new_scoring_rules_compute_everything_again(self):
        self.scan()
        DuplicateCandidate.objects.all().delete()
        DuplicateScan.objects.update(version=dedupe.VERSION - 1)
        with self.later(10):
            refresh_candidates(self.alice)
        self.assertEqual(DuplicateCandidate.objects.count(), 1)

    def test_the_table_keeps_the_best_pairs_and_refills_when_they_run_low(self):
        self.make_person("Mary", "Jones")
        self.make_person("Mary", "Jones")  # three Mary Joneses: 3 pairs at 100, and Jonathan's
        with mock.patch.object(dedupe, "MAX_PAIRS", 2):
            self.scan()
            kept = list(DuplicateCandidate.objects.all())
            self.assertEqual([c.score for c in kept], [100.0, 100.0])
            self.assertTrue(DuplicateScan.objects.get().truncated)
            # Both dismissed: the table is under half full, so the next visit computes all
            # the pairs again and keeps the best two that are left.
            for c in kept:
                do_dismiss_pair(self.alice, c.a, c.b)
            with self.later(10):
                refresh_candidates(self.alice)
        left = DuplicateCandidate.objects.order_by("-score")
        self.assertEqual([c.score for c in left], [100.0, 92.9])
        self.assertNotIn((left[0].a_id, left[0].b_id), {(c.a_id, c.b_id) for c in kept})

    def test_each_account_has_its_own_pairs(self):
        self.make_person("Jonathan", "Smith", owner=self.bob)
        self.scan()
        refresh_candidates(self.bob)
        self.assertEqual(DuplicateCandidate.objects.filter(owner=self.bob).count(), 0)
        self.assertEqual(DuplicateCandidate.objects.filter(owner=self.alice).count(), 1)


@override_settings(HUNDRED_HOME=tempfile.mkdtemp())
class ReviewPageTestCase(BaseTestCase):
    def setUp(self):
        self.login()

    def test_two_daniel_kims_show_what_differs_and_are_not_alike(self):
        # Issue #14: different companies and profiles, and "100.0 % alike".
        for n, company in ((1, "Contoso"), (2, "Fabrikam")):
            self.make_person(
                "Daniel",
                "Kim",
                company=self.make_company(company),
                linkedin_url=f"https://www.linkedin.com/in/daniel-kim-{n}",
            )
        r = self.client.get(reverse("transfer-duplicates"))
        self.assertContains(r, "65.0% alike")
        self.assertNotContains(r, "100.0% alike")
        self.assertContains(r, "different LinkedIn profiles (/in/daniel-kim-1, /in/daniel-kim-2)")
        self.assertContains(r, "different companies (Contoso, Fabrikam)")

    def test_the_page_is_paginated_and_its_queries_do_not_grow(self):
        with freeze_time("2026-11-11 10:00Z"):
            for i in range(60):
                self.make_person(f"Ann{i:02d}", "Ofori", emails=[f"a{i}@x.org"])
                self.make_person(f"Ann{i:02d}", "Ofori", emails=[f"a{i}@x.org"])
        with freeze_time("2026-11-11 10:05Z"):
            self.client.get(reverse("transfer-duplicates"))  # computes the table
        with freeze_time("2026-11-11 10:06Z"), CaptureQueriesContext(connection) as first:
            r = self.client.get(reverse("transfer-duplicates"))
        self.assertContains(r, "Page 1 of")
        self.assertEqual(r.content.decode().count("Not the same person"), 50)
        with freeze_time("2026-11-11 10:07Z"), CaptureQueriesContext(connection) as second:
            r = self.client.get(reverse("transfer-duplicates") + "?page=2")
        self.assertEqual(len(first), len(second))
        self.assertContains(r, "Page 2 of")
        self.assertLess(len(first), 12)

    def test_a_merge_through_the_page_leaves_no_pair_behind(self):
        keep = self.make_person("Jonathan", "Smith")
        other = self.make_person("Jonathon", "Smith")
        self.client.get(reverse("transfer-duplicates"))
        r = self.client.post(reverse("transfer-merge"), {"keep": keep.pk, "other": other.pk})
        self.assertRedirects(r, reverse("transfer-duplicates"))
        self.assertFalse(Person.objects.filter(pk=other.pk).exists())
        self.assertEqual(DuplicateCandidate.objects.count(), 0)
        self.assertContains(self.client.get(r.url), "No possible duplicates")
