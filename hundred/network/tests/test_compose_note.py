"""The composer's greeting and its LinkedIn note: the name without decorations, and a note
that fits LinkedIn's 200 characters (free accounts) or warns past 300 (paid)."""

from __future__ import annotations

from hundred.network.models import Person
from hundred.test import BaseTestCase


def compose_url(person: Person) -> str:
    return f"/people/{person.pk}/compose/"


class GreetingTestCase(BaseTestCase):
    def setUp(self):
        self.login()

    def test_the_greeting_drops_decorations_and_the_stored_name_keeps_them(self):
        for typed, greeting in (
            ("Tobi 🚀", "Hi Tobi,"),
            ("Dr. Ana ✨", "Hi Ana,"),
            ("Sam | Hiring", "Hi Sam,"),
            ("Ngọc", "Hi Ngọc,"),
            ("✨", "Hi there,"),
        ):
            person = self.make_person(typed, "Lee")
            for template in ("email", "linkedin", "phone"):
                r = self.client.get(compose_url(person) + f"?template={template}")
                self.assertTrue(r.context["form"].initial["body"].startswith(greeting), typed)
            person.refresh_from_db()
            self.assertEqual(person.first_name, typed)

    def test_several_people_each_get_their_own_plain_greeting(self):
        tobi = self.make_person("Tobi 🚀", "Lee")
        r = self.client.post(
            "/outreach/check/", {"body": "Hi {first_name}, 15–20 minutes?", "ids": [tobi.pk]}
        )
        self.assertContains(r, "Hi Tobi, 15–20 minutes?")
        self.assertNotContains(r, "🚀")
