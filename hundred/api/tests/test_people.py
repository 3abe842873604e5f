"""People over the API: list with search, filters and cursor pages; create, read, update,
delete through the web's form and action."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from hundred.api.tests.base import ApiTestCase
from hundred.network.models import Interaction, Person, Tag


class PeopleListTestCase(ApiTestCase):
    def test_it_pages_with_a_cursor(self):
        for i in range(5):
            self.make_person(first_name=f"P{i}")
        seen, cursor, pages = [], None, 0
        while True:
            path = "/people/?limit=2" + (f"&cursor={cursor}" if cursor else "")
            r = self.call("get", path)
            self.assertEqual(r.status_code, 200)
            page = r.json()
            seen += [p["first_name"] for p in page["items"]]
            pages += 1
            cursor = page["next_cursor"]
            if cursor is None:
                break
        self.assertEqual(seen, [f"P{i}" for i in range(5)])
        self.assertEqual(pages, 3)

    def test_it_searches_and_filters(self):
        ann = self.make_person("Ann", "Lee", stage="asked", company=self.make_company("Acme"))
        ann.tags.set([Tag.objects.create(owner=self.alice, name="data")])
        self.make_person("Bo", "Chan")
        for query in ("q=lee", "stage=asked", "tag=data", "company=acme"):
            with self.subTest(query=query):
                items = self.call("get", f"/people/?{query}").json()["items"]
                self.assertEqual([p["id"] for p in items], [ann.pk])

    def test_a_bad_filter_or_cursor_names_the_field(self):
        self.assertProblem(self.call("get", "/people/?stage=famous"), 422, "stage")
        self.assertProblem(self.call("get", "/people/?cursor=zzz"), 422, "cursor")
        self.assertProblem(self.call("get", "/people/?limit=0"), 422, "limit")

    def test_the_number_of_queries_does_not_grow_with_the_people(self):
        def count() -> int:
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.call("get", "/people/").status_code, 200)
            return len(queries)

        self.make_person(company=self.make_company())
        count()  # the first request of the hour also starts the token's rate-limit window
        few = count()
        tag = Tag.objects.create(owner=self.alice, name="x")
        for i in range(10):
            self.make_person(first_name=f"N{i}", company=self.make_company(f"C{i}")).tags.add(tag)
        self.assertEqual(count(), few)


class PersonTestCase(ApiTestCase):
    def test_it_creates_a_person_through_the_web_form(self):
        r = self.call(
            "post",
            "/people/",
            {
                "first_name": "Ann",
                "last_name": "Lee",
                "emails": ["ann@example.org"],
                "company": "Acme",
                "tags": ["data", "boston"],
                "stage": "listed",
            },
        )
        self.assertEqual(r.status_code, 201, r.content)
        body = r.json()
        person = Person.objects.get(pk=body["id"])
        self.assertEqual((person.owner, person.company.name), (self.alice, "Acme"))
        self.assertEqual(body["tags"], ["boston", "data"])
        self.assertEqual(body["emails"], ["ann@example.org"])

    def test_it_refuses_what_the_web_refuses_naming_the_field(self):
        problem = self.assertProblem(
            self.call("post", "/people/", {"first_name": "Ann", "emails": ["not-an-address"]}),
            422,
            "emails",
        )
        self.assertIn("not-an-address", problem["detail"])
        problem = self.assertProblem(
            self.call("post", "/people/", {"first_name": "Ann", "phones": ["abc"]}), 422, "phones"
        )
        self.assertIn("“abc” is not a phone number", problem["detail"])
        self.assertProblem(self.call("post", "/people/", {}), 422, "body")
        self.assertProblem(self.call("post", "/people/", {"stage": "famous"}), 422, "stage")
        self.assertFalse(Person.objects.exists())

    def test_patch_changes_only_what_it_sends(self):
        person = self.make_person(title="Analyst", notes="met at PyCon")
        r = self.call("patch", f"/people/{person.pk}/", {"title": "Director"})
        self.assertEqual(r.status_code, 200, r.content)
        person.refresh_from_db()
        self.assertEqual((person.title, person.notes), ("Director", "met at PyCon"))
        self.assertEqual(person.emails, ["maya@example.net"])

    def test_introduced_by_takes_an_id_of_ones_own(self):
        ann = self.make_person("Ann", "Lee")
        theirs = self.make_person("Bo", "Chan", owner=self.bob)
        person = self.make_person()
        r = self.call("patch", f"/people/{person.pk}/", {"introduced_by": ann.pk})
        self.assertEqual(r.json()["introduced_by"], ann.pk)
        r = self.call("patch", f"/people/{person.pk}/", {"introduced_by": theirs.pk})
        self.assertProblem(r, 422, "introduced_by")

    def test_read_and_delete(self):
        person = self.make_person()
        self.make_interaction(person, summary="coffee")
        r = self.call("get", f"/people/{person.pk}/")
        self.assertEqual(r.json()["first_name"], "Maya")
        self.assertEqual(self.call("delete", f"/people/{person.pk}/").status_code, 204)
        self.assertFalse(Person.objects.exists())
        self.assertFalse(Interaction.objects.exists())
        self.assertProblem(self.call("get", f"/people/{person.pk}/"), 404)

    def test_another_accounts_person_is_404_and_untouched(self):
        theirs = self.make_person(owner=self.bob, title="Same")
        for method, body in (("get", None), ("patch", {"title": "X"}), ("delete", None)):
            with self.subTest(method=method):
                self.assertProblem(self.call(method, f"/people/{theirs.pk}/", body), 404)
        theirs.refresh_from_db()
        self.assertEqual(theirs.title, "Same")


class MergeTestCase(ApiTestCase):
    def test_it_folds_the_other_in_as_the_duplicates_review_does(self):
        keep = self.make_person("Ann", "Lee", emails=["ann@a.org"])
        other = self.make_person("Ann", "Lee", emails=["ann@b.org"], title="CTO")
        self.make_interaction(other, summary="coffee")
        r = self.call("post", f"/people/{keep.pk}/merge/", {"other": other.pk})
        self.assertEqual(r.status_code, 200, r.content)
        self.assertEqual(r.json()["emails"], ["ann@a.org", "ann@b.org"])
        self.assertEqual(r.json()["title"], "CTO")
        self.assertFalse(Person.objects.filter(pk=other.pk).exists())
        self.assertEqual(Interaction.objects.get().people.get(), keep)

    def test_itself_or_another_accounts_person_is_refused(self):
        keep = self.make_person()
        theirs = self.make_person(owner=self.bob)
        self.assertProblem(
            self.call("post", f"/people/{keep.pk}/merge/", {"other": keep.pk}), 422, "other"
        )
        self.assertProblem(
            self.call("post", f"/people/{keep.pk}/merge/", {"other": theirs.pk}), 404
        )
        self.assertTrue(Person.objects.filter(pk=theirs.pk).exists())
