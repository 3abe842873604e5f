"""The API's people: one true sentence for an over-long stored name; one company under its
legal suffixes."""

from __future__ import annotations

from datetime import UTC, datetime

from django.db import connection

from hundred.api.tests.base import ApiTestCase
from hundred.network.models import Person

LONG = "A" * 300


class LongNamesInTheApiTestCase(ApiTestCase):
    def test_a_patch_on_a_person_stored_with_a_long_name_says_only_what_is_true(self):
        if connection.vendor != "sqlite":
            self.skipTest("only SQLite stores a value longer than its column")
        # Stored whole by the quick add before it refused (SQLite keeps what it is given).
        person = self.make_person(LONG, "", emails=[])
        r = self.call("patch", f"/people/{person.pk}/", {"notes": "x"})
        problem = self.assertProblem(r, 422, "first_name")
        self.assertEqual(
            problem["detail"], "Ensure this value has at most 150 characters (it has 300)."
        )

    def test_a_debrief_refuses_a_long_name_given(self):
        maya = self.make_person(stage="scheduled")
        meeting = self.make_meeting(maya, starts_at=datetime(2026, 11, 20, 10, tzinfo=UTC))
        r = self.call("post", f"/meetings/{meeting.pk}/debrief/", {"names": [{"name": LONG}]})
        problem = self.assertProblem(r, 422, "names[0].name")
        self.assertIn("at most 150 characters (this one has 300)", problem["detail"])
        self.assertEqual(Person.objects.count(), 1)


class CompaniesInTheApiTestCase(ApiTestCase):
    def test_a_person_posted_with_a_suffixed_company_joins_the_company_there(self):
        northwind = self.make_company("Northwind Analytics")
        r = self.call(
            "post", "/people/", {"first_name": "Ann", "company": "Northwind Analytics, Inc."}
        )
        self.assertEqual(r.status_code, 201, r.content)
        self.assertEqual(r.json()["company_id"], northwind.pk)
        r = self.call("get", "/people/?company=NORTHWIND ANALYTICS INC")
        self.assertEqual([p["first_name"] for p in r.json()["items"]], ["Ann"])
