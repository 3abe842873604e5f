"""Insights keeps its page per account until the account's data changes or the clock moves on
a quarter of an hour; every kind of write shows on the next view."""

import contextlib
import io
from datetime import UTC, date, datetime
from unittest.mock import patch

from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from hundred.accounts.models import User
from hundred.insight.kept import CODE, forget_cached_bodies, refresh_due
from hundred.insight.models import KeptPage
from hundred.network.models import FollowUp, Person
from hundred.test import PASSWORD, BaseTestCase

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

    def test_a_meeting_starting_makes_the_page_compute_again(self):
        meeting = self.make_meeting(self.maya, starts_at=datetime(2026, 11, 11, 10, 30, tzinfo=UTC))
        self.get()
        self.assertEqual(KeptPage.objects.get(account=self.alice).valid_until, meeting.starts_at)
        with freeze_time("2026-11-11 10:29:00+00:00"):
            self.assertLessEqual(self.get()[1], 3)  # still kept
        with freeze_time("2026-11-11 10:31:00+00:00"):
            self.assertGreater(self.get()[1], 3)  # the meeting is met now: computed

    def test_the_page_holds_until_midnight_on_the_account_clock(self):
        self.alice.time_zone = "America/Chicago"  # UTC-6 in November
        self.alice.save()
        self.get()
        until = KeptPage.objects.get(account=self.alice).valid_until
        self.assertEqual(until, datetime(2026, 11, 12, 6, 0, tzinfo=UTC))
        with freeze_time("2026-11-12 05:59:00+00:00"):
            self.assertLessEqual(self.get()[1], 3)
        with freeze_time("2026-11-12 06:00:00+00:00"):
            self.assertGreater(self.get()[1], 3)

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


def main(page: str) -> str:
    """The page's <main> (the rest holds a CSRF token new in every response)."""
    return page[page.index("<main") : page.index("</main>")]


class KeptInTheDatabaseTestCase(BaseTestCase):
    """Every server process reads the page another one computed, and a web write has the page
    computed again once its response has gone (insight/kept.py)."""

    clock = freeze_time("2026-11-11 10:00:00+00:00")

    def setUp(self):
        self.maya = self.make_person(stage="listed")
        self.login()

    def get(self) -> tuple[str, int]:
        with CaptureQueriesContext(connection) as captured:
            r = self.client.get(URL)
        self.assertEqual(r.status_code, 200)
        return r.content.decode(), len(captured)

    def add_person(self) -> None:
        r = self.client.post(
            "/people/add/",
            {
                "first_name": "Sam",
                "last_name": "Ito",
                "how_known": "colleague",
                "closeness": "1",
                "stage": "listed",
            },
        )
        self.assertEqual(r.status_code, 302)

    def test_another_process_reads_the_page_from_the_database(self):
        first, computed = self.get()
        forget_cached_bodies()  # as in a process that has not computed it
        again, read = self.get()
        self.assertEqual(main(again), main(first))
        self.assertLessEqual(read, 3)  # session, user, the kept page
        self.assertLess(read, computed)

    def test_a_page_drawn_by_other_code_is_drawn_again(self):
        self.get()
        KeptPage.objects.filter(account=self.alice).update(code="an-older-hundred")
        forget_cached_bodies()  # a server started with the new code
        _, queries = self.get()
        self.assertGreater(queries, 3)  # computed, not read
        self.assertEqual(KeptPage.objects.get(account=self.alice).code, CODE)
        forget_cached_bodies()
        self.assertLessEqual(self.get()[1], 3)

    def test_a_page_for_an_older_stamp_is_not_read(self):
        self.get()
        Person.objects.bulk_create([Person(owner=self.alice, first_name="Bulk")])
        self.alice.mark_data_changed()
        forget_cached_bodies()
        self.assertIn("2 of 100 people listed", self.get()[0])

    def test_a_web_write_has_the_page_computed_after_its_response(self):
        self.get()
        self.add_person()
        stamp = User.objects.get(pk=self.alice.pk).data_stamp
        self.assertEqual(KeptPage.objects.get(account=self.alice).stamp, stamp)
        forget_cached_bodies()  # the next view may come to another process
        page, queries = self.get()
        self.assertIn("2 of 100 people listed", page)
        self.assertLessEqual(queries, 3)

    def test_an_account_that_never_looked_at_insights_is_not_computed_after_a_write(self):
        self.add_person()
        self.assertFalse(KeptPage.objects.filter(account=self.alice).exists())
        self.assertIn("2 of 100 people listed", self.get()[0])

    def test_only_an_account_that_looked_this_week_is_computed_after_a_write(self):
        self.get()
        KeptPage.objects.filter(account=self.alice).update(viewed_on=date(2026, 11, 3))
        self.add_person()
        kept = KeptPage.objects.get(account=self.alice)
        self.assertNotEqual(kept.stamp, User.objects.get(pk=self.alice.pk).data_stamp)
        forget_cached_bodies()
        self.assertIn("2 of 100 people listed", self.get()[0])  # computed on the view
        self.assertEqual(KeptPage.objects.get(account=self.alice).viewed_on, date(2026, 11, 11))

    def test_reading_the_kept_page_marks_the_day_it_was_viewed_once_a_day(self):
        self.get()
        KeptPage.objects.filter(account=self.alice).update(viewed_on=date(2026, 11, 10))
        forget_cached_bodies()
        self.get()
        self.assertEqual(KeptPage.objects.get(account=self.alice).viewed_on, date(2026, 11, 11))
        forget_cached_bodies()
        self.assertLessEqual(self.get()[1], 3)  # viewed today already: no write

    def test_a_failed_computation_after_a_write_is_logged_and_the_view_computes(self):
        self.get()
        with (
            patch("hundred.insight.kept.render_body", side_effect=RuntimeError("disk gone")),
            self.assertLogs("hundred.insight.kept", "ERROR") as logged,
        ):
            self.add_person()  # the write itself went through
        self.assertIn("ahead of a view failed", logged.output[0])
        forget_cached_bodies()
        self.assertIn("2 of 100 people listed", self.get()[0])

    def test_signing_in_keeps_the_stamp_and_the_kept_page(self):
        self.get()
        stamp = User.objects.get(pk=self.alice.pk).data_stamp
        self.client.logout()
        r = self.client.post(
            "/accounts/login/", {"username": self.alice.email, "password": PASSWORD}
        )
        self.assertEqual(r.status_code, 302)
        self.assertEqual(User.objects.get(pk=self.alice.pk).data_stamp, stamp)
        forget_cached_bodies()
        self.assertLessEqual(self.get()[1], 3)  # read, not computed

    def test_signing_out_keeps_the_stamp(self):
        self.get()
        stamp = User.objects.get(pk=self.alice.pk).data_stamp
        r = self.client.post("/accounts/logout/")
        self.assertEqual(r.status_code, 302)
        self.assertEqual(User.objects.get(pk=self.alice.pk).data_stamp, stamp)

    def test_a_page_computed_while_the_account_was_written_to_is_not_kept(self):
        from hundred.insight import kept

        compute = kept.render_body

        def written_meanwhile(user, **options):
            User.objects.get(pk=user.pk).mark_data_changed()  # another request's write
            return compute(user, **options)

        with patch("hundred.insight.kept.render_body", side_effect=written_meanwhile):
            self.assertIn("1 of 100 people listed", self.get()[0])
        self.assertFalse(KeptPage.objects.exists())

    def test_each_account_reads_only_its_own_page(self):
        self.get()
        self.make_person("Bruno", "Costa", owner=self.bob)
        self.login(self.bob)
        forget_cached_bodies()
        self.assertIn("1 of 100 people listed", self.get()[0])
        self.assertEqual(KeptPage.objects.count(), 2)

    def test_deleting_an_account_deletes_its_kept_page(self):
        self.get()
        User.objects.get(pk=self.alice.pk).delete()
        self.assertFalse(KeptPage.objects.exists())


class TheWorkerComputesDuePagesTestCase(BaseTestCase):
    """`hundred worker` computes the pages whose figures moved with no web request."""

    clock = freeze_time("2026-11-11 10:00:00+00:00")

    def setUp(self):
        self.make_person(stage="listed")
        self.login()
        self.assertEqual(self.client.get(URL).status_code, 200)

    def kept_for_the_stamp_now(self) -> bool:
        stamp = User.objects.get(pk=self.alice.pk).data_stamp
        return KeptPage.objects.get(account=self.alice).stamp == stamp

    def test_a_change_made_with_no_web_request(self):
        self.assertEqual(refresh_due(), 0)  # nothing moved
        Person.objects.bulk_create([Person(owner=self.alice, first_name="Bulk")])
        self.alice.mark_data_changed()  # as a command does
        self.assertFalse(self.kept_for_the_stamp_now())
        self.assertEqual(refresh_due(), 1)
        self.assertTrue(self.kept_for_the_stamp_now())
        forget_cached_bodies()
        with CaptureQueriesContext(connection) as captured:
            page = self.client.get(URL).content.decode()
        self.assertIn("2 of 100 people listed", page)
        self.assertLessEqual(len(captured), 3)
        self.assertEqual(refresh_due(), 0)

    def test_after_an_upgrade_that_changes_how_the_page_is_drawn(self):
        KeptPage.objects.filter(account=self.alice).update(code="an-older-hundred")
        self.assertEqual(refresh_due(), 1)
        self.assertEqual(KeptPage.objects.get(account=self.alice).code, CODE)
        self.assertEqual(refresh_due(), 0)

    def test_midnight(self):
        with freeze_time("2026-11-12 00:00:01+00:00"):
            self.assertEqual(refresh_due(), 1)
            until = KeptPage.objects.get(account=self.alice).valid_until
            self.assertEqual(until, datetime(2026, 11, 13, tzinfo=UTC))

    def test_not_for_an_account_that_has_not_looked_for_a_week(self):
        KeptPage.objects.filter(account=self.alice).update(viewed_on=date(2026, 11, 3))
        self.alice.mark_data_changed()
        self.assertEqual(refresh_due(), 0)

    def test_within_its_time(self):
        self.alice.mark_data_changed()
        self.assertEqual(refresh_due(seconds=0), 0)
        self.assertFalse(self.kept_for_the_stamp_now())
