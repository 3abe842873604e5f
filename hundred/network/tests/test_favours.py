from datetime import date

from freezegun import freeze_time

from hundred.network.models import Favour, FollowUp
from hundred.test import BaseTestCase


class FavoursTestCase(BaseTestCase):
    clock = freeze_time("2026-11-06 09:00:00+00:00")

    def setUp(self):
        self.login()
        self.maya = self.make_person()

    def test_it_adds_a_favour_i_owe_with_its_follow_up(self):
        r = self.client.post(
            f"/people/{self.maya.pk}/favours/",
            {"direction": "i_offered", "what": "Send the budgeting article", "due_on": ""},
        )
        self.assertRedirects(r, f"/people/{self.maya.pk}/", fetch_redirect_response=False)
        favour = Favour.objects.get(person=self.maya)
        self.assertEqual((favour.direction, favour.state), ("i_offered", "promised"))
        # No date given: five business days from Fri 6 Nov.
        self.assertEqual(FollowUp.objects.get(favour=favour).due_on, date(2026, 11, 13))
        self.assertContains(
            self.client.get(f"/people/{self.maya.pk}/"), "Send the budgeting article"
        )

    def test_what_they_did_for_me_is_recorded_done(self):
        self.client.post(
            f"/people/{self.maya.pk}/favours/",
            {"direction": "they_did", "what": "Introduced me to Ann"},
        )
        favour = Favour.objects.get(person=self.maya)
        self.assertEqual((favour.state, favour.done_on), ("done", date(2026, 11, 6)))
        self.assertFalse(FollowUp.objects.exists())
        self.assertContains(self.client.get("/give-back/"), "Introduced me to Ann")

    def test_give_back_lists_what_i_owe_and_marks_it_done(self):
        owed = self.make_favour(self.maya, what="Read her CV", due_on=date(2026, 11, 10))
        follow = self.make_followup(self.maya, reason="favour", favour=owed)
        self.make_favour(self.maya, direction="they_did", what="Sent me three names", state="done")
        r = self.client.get("/give-back/")
        owe = r.content.decode().split('id="gave-h"')[0]
        self.assertIn("Read her CV", owe)
        self.assertNotIn("Sent me three names", owe)
        r = self.client.post(f"/favours/{owed.pk}/done/")
        self.assertRedirects(r, "/give-back/", fetch_redirect_response=False)
        owed.refresh_from_db()
        follow.refresh_from_db()
        self.assertEqual((owed.state, owed.done_on), ("done", date(2026, 11, 6)))
        self.assertEqual(follow.state, "done")

    def test_a_favour_follow_up_done_marks_the_favour_done(self):
        owed = self.make_favour(self.maya)
        follow = self.make_followup(self.maya, reason="favour", favour=owed)
        self.client.post(f"/follow-ups/{follow.pk}/done/")
        owed.refresh_from_db()
        self.assertEqual(owed.state, "done")


class FavourFormIdsTestCase(BaseTestCase):
    def test_the_person_page_uses_each_id_once_and_keeps_the_field_names(self):
        import re

        self.login()
        maya = self.make_person()
        html = self.client.get(f"/people/{maya.pk}/").content.decode()
        ids = re.findall(r'\sid="([^"]+)"', html)
        self.assertEqual([i for i in set(ids) if ids.count(i) > 1], [])
        # The interaction form keeps Django's ids; the favour form's carry their own prefix,
        # and its label still points at its control.
        self.assertEqual(html.count('id="id_direction"'), 1)
        self.assertIn('<label for="favour_direction">', html)
        self.assertIn('name="direction" id="favour_direction"', html)
