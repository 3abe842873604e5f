"""Every list endpoint answers in a number of queries that does not grow with the data, and
the insights figures match the account."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from hundred.api.tests.base import ApiTestCase
from hundred.network.models import Tag

LISTS = [
    "/people/",
    "/companies/",
    "/followups/",
    "/meetings/",
    "/favours/",
    "/people/{person}/interactions/",
    "/today/",
    "/insights/",
]


class QueryCountTestCase(ApiTestCase):
    def add_world(self, n: int, anchor) -> None:
        tag = Tag.objects.get_or_create(owner=self.alice, name="t")[0]
        for i in range(n):
            person = self.make_person(f"P{i}", company=self.make_company(f"C{n}-{i}"))
            person.tags.add(tag)
            self.make_followup(person)
            self.make_meeting(person)
            self.make_favour(person)
            self.make_interaction(anchor, summary=f"touch {i}").people.add(person)

    def count(self, path: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            r = self.call("get", path)
        self.assertEqual(r.status_code, 200, r.content)
        return len(queries)

    def test_no_list_grows_with_the_data(self):
        anchor = self.make_person("Anchor")
        self.add_world(1, anchor)
        self.call("get", "/today/")  # the hour's first request starts the rate-limit window
        paths = [p.format(person=anchor.pk) for p in LISTS]
        few = {p: self.count(p) for p in paths}
        self.add_world(8, anchor)
        many = {p: self.count(p) for p in paths}
        self.assertEqual(many, few)


class InsightsTestCase(ApiTestCase):
    def test_it_counts_the_list_and_the_funnel(self):
        self.make_person(stage="asked")
        self.make_person("Bo")
        r = self.call("get", "/insights/")
        self.assertEqual(r.status_code, 200, r.content)
        body = r.json()
        self.assertEqual((body["goal"], body["listed"]), (100, 2))
        self.assertEqual(len(body["weeks"]), 12)
        self.assertEqual(body["funnel"][0]["count"], 2)
