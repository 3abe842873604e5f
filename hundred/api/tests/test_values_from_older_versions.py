"""Rows holding values the app would not accept today, as a database restored by an older
version (before restore checked values) can: the API, the web pages and the JSON backup still
answer, one bad row never takes a list down, and what could not be given is logged.

The rows are written past the app (QuerySet.update, raw SQL), as such a restore wrote them.
"""

from __future__ import annotations

from contextlib import nullcontext
from unittest import skipUnless

from django.db import connection
from django.utils import timezone

from hundred.api.tests.base import ApiTestCase
from hundred.network.models import FollowUp, Person
from hundred.network.models.people import as_texts
from hundred.transfer.backup.export import dumps_backup, export_backup

# 330 characters in a 150-character column: SQLite keeps them; PostgreSQL refuses them, so there
# the row holds the longest name the column takes.
LONG = "Bartholomew" * 30 if connection.vendor == "sqlite" else ("Bartholomew" * 30)[:150]

# (what the row holds, then what the API gives for it)
STORED = [
    ({"first_name": LONG}, {"first_name": LONG}),
    ({"emails": "ann@example.org"}, {"emails": ["ann@example.org"]}),
    ({"emails": 5}, {"emails": ["5"]}),
    ({"emails": {"work": "ann@example.org"}}, {"emails": []}),
    ({"emails": ["ann@example.org", {"a": 1}, None]}, {"emails": ["ann@example.org"]}),
    ({"phones": [6175550100, "banana"]}, {"phones": ["6175550100", "banana"]}),
    ({"phones": "555"}, {"phones": ["555"]}),
    ({"stage": "nonsense"}, {"stage": "listed"}),
    ({"how_known": "nonsense"}, {"how_known": "other"}),
    ({"closeness": 99}, {"closeness": 2}),
]


class StoredValuesTest(ApiTestCase):
    def setUp(self):
        super().setUp()
        self.good = self.make_person("Good", "Row")
        self.bad = []
        for n, (stored, _) in enumerate(STORED):
            p = self.make_person("Bad", f"Row{n}")
            FollowUp.objects.create(owner=self.alice, person=p, due_on=timezone.localdate())
            Person.objects.filter(pk=p.pk).update(**stored)
            self.bad.append(p)
        # JSON null, which QuerySet.update writes as SQL NULL (the column refuses that).
        self.null = self.make_person("Null", "Emails")
        with connection.cursor() as c:
            c.execute("UPDATE network_person SET emails = 'null' WHERE id = %s", [self.null.pk])

    def test_the_api_lists_every_person_with_what_each_holds(self):
        with self.assertLogs("hundred", "WARNING") as logs:
            response = self.call("get", "/people/?limit=200")
        self.assertEqual(response.status_code, 200, response.content)
        items = {item["id"]: item for item in response.json()["items"]}
        self.assertEqual(len(items), 2 + len(STORED))
        for p, (stored, given) in zip(self.bad, STORED, strict=True):
            with self.subTest(stored=stored):
                self.assertEqual({k: items[p.pk][k] for k in given}, given)
        self.assertEqual(items[self.null.pk]["emails"], [])
        self.assertEqual(items[self.good.pk]["emails"], ["good@example.net"])
        # Each mended value is in the log, with the person where the API knows it.
        text = "\n".join(logs.output)
        self.assertIn("Person.emails holds 5, not a list of texts", text)
        self.assertIn(f"person {self.bad[7].pk}: stage 'nonsense'", text)

    def test_the_api_gives_each_person(self):
        for p, (stored, given) in zip(self.bad, STORED, strict=True):
            # A long name is given as it is, with nothing to log; the rest are mended.
            logged = nullcontext() if "first_name" in stored else self.assertLogs("hundred")
            with self.subTest(stored=stored), logged:
                response = self.call("get", f"/people/{p.pk}/")
                self.assertEqual(response.status_code, 200, response.content)
                self.assertEqual({k: response.json()[k] for k in given}, given)

    @skipUnless(connection.vendor == "sqlite", "bytes in a text column: SQLite stores them")
    def test_a_row_the_api_cannot_give_is_left_out_of_the_list_and_logged(self):
        # Bytes in a text column: only raw SQL writes that, and nothing mends it.
        with connection.cursor() as c:
            c.execute("UPDATE network_person SET notes = x'00ff' WHERE id = %s", [self.good.pk])
        with self.assertLogs("hundred.api.people", "ERROR") as logs:
            response = self.call("get", "/people/?limit=200")
        self.assertEqual(response.status_code, 200, response.content)
        ids = [item["id"] for item in response.json()["items"]]
        self.assertNotIn(self.good.pk, ids)
        self.assertEqual(len(ids), 1 + len(STORED))
        self.assertIn(f"person {self.good.pk} left out of the API's list", logs.output[0])

    def test_the_web_pages_show_them(self):
        self.login()
        with self.assertLogs("hundred", "WARNING"):
            for path in ("/people/", "/", "/insights/"):
                with self.subTest(path=path):
                    self.assertEqual(self.client.get(path).status_code, 200)
            for p in [*self.bad, self.null]:
                for path in (f"/people/{p.pk}/", f"/people/{p.pk}/edit/"):
                    with self.subTest(path=path):
                        self.assertEqual(self.client.get(path).status_code, 200)
            page = self.client.get(f"/people/{self.bad[1].pk}/").content.decode()
        self.assertIn("ann@example.org", page)  # the bare text, as one address

    def test_the_json_backup_is_written(self):
        with self.assertLogs("hundred", "WARNING"):
            backup = export_backup(self.alice)
            dumps_backup(backup)
        people = {p["last_name"]: p for p in backup["people"]}
        self.assertEqual(people["Row2"]["emails"], ["5"])
        self.assertEqual(people["Row4"]["emails"], ["ann@example.org"])
        self.assertEqual(people["Emails"]["emails"], [])

    def test_what_the_api_takes_is_unchanged(self):
        for body in ({"emails": [5]}, {"emails": "ann@example.org"}, {"stage": "nonsense"}):
            with self.subTest(body=body):
                self.assertProblem(self.call("patch", f"/people/{self.good.pk}/", body), 422)


class AsTextsTest(ApiTestCase):
    def test_a_list_of_texts_is_kept_and_anything_else_made_one(self):
        self.assertEqual(as_texts(["a", "b"]), (["a", "b"], False))
        self.assertEqual(as_texts([]), ([], False))
        self.assertEqual(as_texts("a"), (["a"], True))
        self.assertEqual(as_texts(None), ([], True))
        self.assertEqual(as_texts(True), ([], True))
        self.assertEqual(as_texts(2.5), (["2.5"], True))
        self.assertEqual(as_texts({"a": "b"}), ([], True))
        self.assertEqual(as_texts(["a", 1, [2], {"c": 3}, False, None]), (["a", "1"], True))
