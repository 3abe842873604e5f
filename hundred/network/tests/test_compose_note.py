"""The composer's greeting and its LinkedIn note: the name without decorations, and a note
that fits LinkedIn's 200 characters (free accounts) or warns past 300 (paid)."""

from __future__ import annotations

from hundred.network.models import Interaction, Person
from hundred.test import REACHABLE, BaseTestCase


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


FREE_PITCH_TARGET = {
    "skills": ["financial analysis", "budgeting and forecasting", "grant reporting"],
    "industries": ["healthcare", "community services"],
    "company_kinds": ["non-profit", "mission-driven"],
    "work_environment": ["collaborative", "small team"],
    "geographies": ["Boston"],
}
ADVICE = "Could I have 15–20 minutes of your advice? I'd like to use my budgeting skills. "


class LinkedInNoteTestCase(BaseTestCase):
    def setUp(self):
        self.login()
        self.maya = self.make_person("Maya", "Okafor", how_known="colleague", **REACHABLE)

    def post(self, body: str, person=None, **fields):
        data = {"channel": "linkedin", "subject": "", "body": body, "send": "copy", **fields}
        return self.client.post(compose_url(person or self.maya), data)

    def test_the_default_note_carries_a_short_pitch_within_200_characters(self):
        self.make_target(**FREE_PITCH_TARGET)
        r = self.client.get(compose_url(self.maya) + "?template=linkedin")
        body = r.context["form"].initial["body"]
        self.assertIn("I'd like to use my financial analysis skills", body)
        self.assertLessEqual(len(body), 200)
        self.assertContains(r, f"LinkedIn note: {len(body)} of 200 characters — fits free")
        self.assertContains(r, 'id="note-counter"')
        # Only on the LinkedIn channel.
        r = self.client.get(compose_url(self.maya) + "?template=email")
        self.assertNotContains(r, 'id="note-counter"')

    def test_a_note_over_300_is_refused_with_a_warning_until_confirmed(self):
        body = ADVICE + "x " * 130
        r = self.post(body)
        self.assertContains(
            r,
            f"This LinkedIn note has {len(body.strip())} characters: LinkedIn stops notes at 300 "
            "on paid accounts, and at 200 on free ones.",
        )
        self.assertContains(r, 'name="long_anyway"')
        self.assertContains(r, "over 300, too long for LinkedIn")
        self.assertFalse(Interaction.objects.exists())
        # Confirmed: recorded as typed.
        r = self.post(body, long_anyway="on")
        self.assertEqual(r.status_code, 302)
        self.assertEqual(Interaction.objects.get().channel, "linkedin")

    def test_a_note_between_200_and_300_is_recorded_and_the_verdict_says_free_accounts_stop(self):
        body = ADVICE + "x " * 70
        r = self.client.post(
            "/outreach/check/", {"body": body, "channel": "linkedin", "ids": [self.maya.pk]}
        )
        self.assertContains(r, "over 200, too long for free LinkedIn accounts; within 300")
        self.assertNotContains(r, "data-live")
        r = self.post(body)
        self.assertEqual(r.status_code, 302)

    def test_the_same_text_on_another_channel_is_not_a_note(self):
        body = ADVICE + "x " * 130
        self.assertEqual(self.post(body, channel="email").status_code, 302)

    def test_for_several_people_the_longest_copy_is_judged(self):
        long_name = self.make_person("B" * 120, "Lee", **REACHABLE)
        body = "Hi {first_name}, " + ADVICE + "x " * 60
        longest = len(f"Hi {'B' * 120}, {ADVICE}{'x ' * 60}".strip())
        self.assertGreater(longest, 300)
        self.assertLess(len(f"Hi Maya, {ADVICE}{'x ' * 60}".strip()), 300)
        r = self.client.post(
            "/people/compose/",
            {
                "channel": "linkedin",
                "body": body,
                "send": "copy",
                "ids": [self.maya.pk, long_name.pk],
            },
        )
        self.assertContains(r, f"The longest copy of this LinkedIn note has {longest} characters")
        self.assertFalse(Interaction.objects.exists())
