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


class AddFavourErrorsTestCase(BaseTestCase):
    """A favour that cannot be saved: the person page again, saying what is wrong, as typed."""

    clock = freeze_time("2026-11-06 09:00:00+00:00")

    def setUp(self):
        self.login()
        self.maya = self.make_person()
        self.url = f"/people/{self.maya.pk}/favours/"

    def test_an_impossible_date_is_named_and_what_was_typed_stays(self):
        r = self.client.post(
            self.url,
            {
                "direction": "they_asked",
                "what": "Review her grant proposal",
                "due_on": "2026-02-30",
            },
        )
        self.assertContains(r, "“2026-02-30” is not a date", status_code=400)
        self.assertContains(r, 'value="Review her grant proposal"', status_code=400)
        self.assertContains(r, 'value="2026-02-30"', status_code=400)
        # The error sits with its field, which points to it.
        self.assertContains(r, 'aria-describedby="favour_due_on_error"', status_code=400)
        self.assertContains(r, 'id="favour_due_on_error"', status_code=400)
        self.assertNotContains(r, "Say what the favour is.", status_code=400)
        self.assertFalse(Favour.objects.exists())

    def test_a_what_too_long_says_so_and_keeps_it(self):
        what = "Review " + "x" * 393
        r = self.client.post(self.url, {"direction": "i_offered", "what": what, "due_on": ""})
        self.assertContains(r, "at most 300 characters (this has 400)", status_code=400)
        self.assertContains(r, what, status_code=400)
        self.assertFalse(Favour.objects.exists())

    def test_no_what_asks_for_it(self):
        r = self.client.post(self.url, {"direction": "i_offered", "what": "", "due_on": ""})
        self.assertContains(r, "Say what the favour is.", status_code=400)
        self.assertFalse(Favour.objects.exists())
