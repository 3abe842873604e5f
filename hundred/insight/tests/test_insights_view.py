"""The Insights page through the client: it shows the figures, only the account's own, and runs
the same number of queries however large the account is."""

from __future__ import annotations

import re
from datetime import timedelta
from xml.etree import ElementTree as ET

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from hundred.test import WEDNESDAY, BaseTestCase

URL = reverse("insight-insights")


class InsightsViewTestCase(BaseTestCase):
    # grow() dates its meetings from 3 days ago back. On a Wednesday the small account already
    # has meetings last week, as the larger one does, so both run the weekly review's query for
    # their people; on a Saturday only the larger one did (17 queries against 16).
    clock = freeze_time(WEDNESDAY, tick=True)

    def grow(self, owner, n: int, prefix: str = "P") -> None:
        """n more people with introductions, companies, interactions, meetings and follow-ups."""
        now = timezone.now()
        previous = None
        for i in range(n):
            company = self.make_company(f"{prefix}Co{i}", owner=owner, is_target=i % 2 == 0)
            person = self.make_person(
                f"{prefix}{i}",
                "X",
                owner=owner,
                company=company,
                introduced_by=previous,
                stage=("listed", "asked", "met")[i % 3],
            )
            meeting = self.make_meeting(
                person, starts_at=now - timedelta(days=3 + i), debriefed_at=now
            )
            self.make_interaction(person, occurred_at=now - timedelta(days=i + 8), is_outreach=True)
            self.make_interaction(person, occurred_at=now - timedelta(days=i + 6), direction="in")
            self.make_followup(person, due_on=now.date() - timedelta(days=i + 1))
            self.make_followup(
                person, state="done", done_at=now - timedelta(days=i), meeting=meeting
            )
            self.make_favour(person, direction="i_offered")
            previous = person if i % 4 else None

    def queries(self, user) -> int:
        self.login(user)
        with CaptureQueriesContext(connection) as captured:
            r = self.client.get(URL)
        self.assertEqual(r.status_code, 200)
        return len(captured.captured_queries)

    def test_it_runs_the_same_number_of_queries_for_a_small_and_a_larger_account(self):
        self.grow(self.alice, 3)
        small = self.queries(self.alice)
        self.grow(self.alice, 30, prefix="Q")
        self.assertEqual(self.queries(self.alice), small)

    def test_today_runs_the_same_number_of_queries_for_a_small_and_a_larger_account(self):
        # Today belongs to the network app; measured here because Insights and Today share
        # the scale requirement.
        self.grow(self.alice, 3)
        self.login()
        self.client.get(reverse("network-today"))  # the first visit makes the settings row
        with CaptureQueriesContext(connection) as small:
            self.client.get(reverse("network-today"))
        self.grow(self.alice, 30, prefix="Q")
        with CaptureQueriesContext(connection) as large:
            self.client.get(reverse("network-today"))
        self.assertEqual(len(large.captured_queries), len(small.captured_queries))

    def test_it_shows_the_figures_charts_and_tree(self):
        self.grow(self.alice, 5)
        self.login()
        r = self.client.get(URL)
        html = r.content.decode()
        for heading in (
            "Progress to 100",
            "Funnel",
            "Activity, last 12 weeks",
            "Referral tree",
            "Target companies",
            "Weekly review",
            "Names per meeting",
        ):
            self.assertContains(r, heading)
        svgs = re.findall(r"<svg.*?</svg>", html, flags=re.S)
        # The charts; the menu's icons are hidden from assistive technology and not counted.
        charts = [s for s in svgs if 'aria-hidden="true"' not in s.split(">", 1)[0]]
        self.assertEqual(len(charts), 6)
        for drawing in svgs:
            ET.fromstring(drawing)
        person = self.alice_person("P1")
        self.assertIn(f'href="{person.get_absolute_url()}"', html)

    def alice_person(self, first_name: str):
        from hundred.network.models import Person

        return Person.objects.get(owner=self.alice, first_name=first_name)

    def test_another_accounts_people_never_show(self):
        self.grow(self.alice, 3)
        self.grow(self.bob, 4, prefix="Bobs")
        self.login()
        r = self.client.get(URL)
        self.assertNotContains(r, "Bobs")
        self.assertContains(r, "3 of 100 people listed")

    def test_a_list_past_the_goal_says_so_and_not_that_it_is_a_share_of_it(self):
        from hundred.network.models import Person

        Person.objects.bulk_create(
            Person(owner=self.alice, first_name=f"P{i}", last_name="X") for i in range(100)
        )
        self.login()
        r = self.client.get(URL)
        self.assertContains(r, "100 of 100 people listed.")
        Person.objects.create(owner=self.alice, first_name="One", last_name="More")
        r = self.client.get(URL)
        self.assertContains(r, "101 people listed — past 100.")
        self.assertContains(r, "101 people listed, past 100, by how you know them.")
        self.assertNotContains(r, "of 100 people listed")

    def test_an_empty_account_gets_a_page_that_says_what_to_do(self):
        self.login(self.charlie)
        r = self.client.get(URL)
        self.assertContains(r, "Nobody has introduced anyone yet")
        self.assertContains(r, "No target companies yet")
        self.assertContains(r, "No outreach yet")

    def test_the_page_leaves_the_garbage_collector_as_it_found_it(self):
        import gc

        self.grow(self.alice, 3)
        self.login()
        self.assertTrue(gc.isenabled())
        self.assertEqual(self.client.get(URL).status_code, 200)
        self.assertTrue(gc.isenabled())
        gc.disable()
        try:
            self.assertEqual(self.client.get(URL).status_code, 200)
            self.assertFalse(gc.isenabled())
        finally:
            gc.enable()

    def test_every_link_to_a_person_is_the_person_pages_address(self):
        from hundred.network.models import Person

        self.grow(self.alice, 6)
        self.login()
        html = self.client.get(URL).content.decode()
        found = re.findall(r'href="(/[^"]*people/[0-9]+/)"', html)
        self.assertTrue(found)
        own = {
            reverse("network-person", args=[pk])
            for pk in Person.objects.filter(owner=self.alice).values_list("pk", flat=True)
        }
        self.assertLessEqual(set(found), own)


class OutlineTestCase(BaseTestCase):
    def test_the_outline_lists_the_tree_in_reading_order_with_levels_and_escaped_names(self):
        from hundred.insight.graph import referral_tree
        from hundred.insight.page import _outline

        tree = referral_tree([(1, None), (2, 1), (3, 2), (4, 1), (5, None), (6, 5)])
        names = {1: "Ann", 2: "<b>Bo</b>", 3: "Cy", 4: "Di", 5: "Ed", 6: "Flo"}
        html = str(_outline(tree.roots, name=names.get, url="/p/{}/".format))
        items = re.findall(r"<li[^>]*>.*?</li>", html)
        self.assertEqual(
            [re.search(r">([^<>]*)</a>", item).group(1) for item in items],
            ["Ann", "&lt;b&gt;Bo&lt;/b&gt;", "Cy", "Di", "Ed", "Flo"],
        )
        self.assertEqual(items[0], '<li><a href="/p/1/">Ann</a></li>')
        self.assertIn('class="depth-2"', items[2])
        self.assertIn("(level 2)", items[2])
        self.assertIn("(level 1)", items[3])

    def test_the_outline_stops_at_its_limit(self):
        from hundred.insight.graph import referral_tree
        from hundred.insight.page import _outline

        tree = referral_tree([(1, None), *((i, 1) for i in range(2, 12))])
        html = str(_outline(tree.roots, name=str, url="/p/{}/".format, limit=4))
        self.assertEqual(html.count("<li"), 4)
