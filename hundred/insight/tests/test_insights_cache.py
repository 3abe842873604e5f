"""Insights keeps its page per account until the account's data changes or the clock moves on
a quarter of an hour; every kind of write shows on the next view."""

import contextlib
import io
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from hundred.accounts.models import User
from hundred.network.models import FollowUp, Person
from hundred.test import BaseTestCase

URL = "/insights/"


class InsightsCacheTestCase(BaseTestCase):
    clock = freeze_time("2026-11-11 10:00:00+00:00")

    def setUp(self):
        self.maya = self.make_person(stage="listed")
        self.login()

    def get(self) -> tuple[str, int]:
        with CaptureQueriesContext(connection) as captured:
            r = self.client.get(URL)
        self.assertEqual(r.status_code, 200)
        return r.content.decode(), len(captured)

    def test_a_second_view_without_writes_is_kept(self):
        first, computed = self.get()
        again, kept = self.get()
        self.assertLess(kept, computed)
        self.assertLessEqual(kept, 3)  # session, user, and nothing of the account's
        self.assertIn("1 of 100 people listed", again)

    def test_a_save_shows_at_once(self):
        self.get()
        self.make_person("Sam", "Ito")
        self.assertIn("2 of 100 people listed", self.get()[0])

    def test_a_web_write_that_sends_no_signal_shows_at_once(self):
        followup = self.make_followup(self.maya, due_on=date(2026, 11, 1))
        self.assertIn("1 follow-up overdue", self.get()[0])
        # The done view updates with a queryset; the middleware gives a new stamp.
        r = self.client.post(f"/follow-ups/{followup.pk}/done/")
        self.assertEqual(r.status_code, 302)
        self.assertEqual(FollowUp.objects.get(pk=followup.pk).state, "done")
        self.assertNotIn("1 follow-up overdue", self.get()[0])

    def test_a_bulk_write_with_a_new_stamp_shows(self):
        self.get()
        Person.objects.bulk_create([Person(owner=self.alice, first_name="Bulk")])
        self.assertIn("1 of 100 people listed", self.get()[0])  # no signal: still kept
        self.alice.mark_data_changed()  # what a command run and Today's update() do
        self.assertIn("2 of 100 people listed", self.get()[0])

    def test_the_page_is_computed_again_a_quarter_of_an_hour_on(self):
        self.get()
        Person.objects.bulk_create([Person(owner=self.alice, first_name="Bulk")])
        with freeze_time("2026-11-11 10:16:00+00:00"):
            self.assertIn("2 of 100 people listed", self.get()[0])

    def test_accounts_do_not_share_a_page(self):
        self.get()
        self.make_person("Bruno", "Costa", owner=self.bob)
        self.make_person("Bia", "Costa", owner=self.bob)
        self.login(self.bob)
        self.assertIn("2 of 100 people listed", self.get()[0])
        self.login(self.alice)
        self.assertIn("1 of 100 people listed", self.get()[0])

    def test_a_command_run_for_the_account_gives_it_a_new_stamp(self):
        from hundred.cli import main

        before = User.objects.get(pk=self.alice.pk).data_stamp
        with contextlib.redirect_stdout(io.StringIO()):
            self.assertEqual(main(["today", "--user", self.alice.email]), 0)
        self.assertNotEqual(User.objects.get(pk=self.alice.pk).data_stamp, before)

    def test_today_bringing_paused_people_back_gives_a_new_stamp(self):
        self.maya.stage = "paused"
        self.maya.paused_until = date(2026, 11, 10)
        self.maya.save()
        before = User.objects.get(pk=self.alice.pk).data_stamp
        self.client.get("/")
        self.assertNotEqual(User.objects.get(pk=self.alice.pk).data_stamp, before)
        self.assertEqual(Person.objects.get(pk=self.maya.pk).stage, "listed")
