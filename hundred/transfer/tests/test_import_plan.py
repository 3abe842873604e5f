"""The import plan: parsed and matched once, outside any write transaction, applied on confirm."""

from __future__ import annotations

import os
import re
import tempfile
import threading
import time
from pathlib import Path
from unittest.mock import patch

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import TransactionTestCase, override_settings
from django.urls import reverse

from hundred.network.actions.people import do_log_interaction
from hundred.network.models import Interaction, Person
from hundred.test import BaseTestCase, FrozenClock
from hundred.transfer import uploads
from hundred.transfer.formats.dispatch import parse
from hundred.transfer.loader import PlanOutdated, apply_plan
from hundred.transfer.models import ImportRun
from hundred.transfer.planning import Plan, make_plan
from hundred.transfer.tests.util import fixture, linkedin_connections, linkedin_zip
from hundred.transfer.views import imports as views


@override_settings(HUNDRED_HOME=tempfile.mkdtemp())
class PlanViewsTestCase(BaseTestCase):
    def setUp(self):
        self.login()

    def upload(self, data=None, kind="linkedin") -> str:
        data = data or fixture("linkedin_connections.csv")
        r = self.client.post(
            reverse("transfer-upload"), {"kind": kind, "file": SimpleUploadedFile("c.csv", data)}
        )
        return re.search(r"/upload/([^/]+)/", r["Location"]).group(1)

    def plan_file(self, token) -> Path:
        return Path(settings.HUNDRED_HOME) / "uploads" / f"{token}.plan"

    def test_the_preview_parses_once_however_often_it_is_viewed(self):
        token = self.upload()
        with patch.object(views, "parse", wraps=views.parse) as spy:
            for _ in range(3):
                r = self.client.get(reverse("transfer-preview", args=[token]))
                self.assertContains(r, "<strong>8</strong> new people")
            self.assertTrue(self.plan_file(token).exists())
            self.client.post(reverse("transfer-confirm", args=[token]))
        self.assertEqual(spy.call_count, 1)
        self.assertEqual(Person.objects.for_user(self.alice).count(), 8)
        self.assertFalse(self.plan_file(token).exists())  # gone with the upload

    def test_a_confirm_after_the_account_changed_plans_again_and_says_so(self):
        token = self.upload()
        self.client.get(reverse("transfer-preview", args=[token]))
        # Amara is in the file; typed in meanwhile, she must not be created twice.
        self.make_person("Amara", "Okafor", emails=[], linkedin_url=_amara_url())
        r = self.client.post(reverse("transfer-confirm", args=[token]), follow=True)
        self.assertRedirects(r, reverse("transfer-preview", args=[token]))
        self.assertContains(r, "Your people changed since this preview")
        self.assertContains(r, "<strong>7</strong> new people")
        self.assertEqual(Person.objects.for_user(self.alice).count(), 1)
        self.assertFalse(ImportRun.objects.exists())
        self.client.post(reverse("transfer-confirm", args=[token]))
        self.assertEqual(Person.objects.for_user(self.alice).count(), 8)

    def test_an_expired_plan_imports_nothing(self):
        token = self.upload()
        self.client.get(reverse("transfer-preview", args=[token]))
        old = time.time() - uploads.UPLOAD_MAX_AGE - 60
        os.utime(self.plan_file(token), (old, old))
        r = self.client.post(reverse("transfer-confirm", args=[token]), follow=True)
        self.assertRedirects(r, reverse("transfer-index"))
        self.assertContains(r, "more than a day old")
        self.assertEqual(Person.objects.count(), 0)
        self.assertEqual(
            self.client.get(reverse("transfer-preview", args=[token])).status_code, 404
        )

    def test_another_users_plan_is_404_and_stays_theirs(self):
        token = self.upload()
        self.client.get(reverse("transfer-preview", args=[token]))
        self.login(self.bob)
        for method, name in (("get", "transfer-preview"), ("post", "transfer-confirm")):
            r = getattr(self.client, method)(reverse(name, args=[token]))
            self.assertEqual(r.status_code, 404)
        self.assertEqual(Person.objects.count(), 0)
        self.assertTrue(self.plan_file(token).exists())
        bob_plan = make_plan(self.bob, parse("linkedin", fixture("linkedin_connections.csv")))
        with self.assertRaises(PlanOutdated):
            apply_plan(self.alice, bob_plan)

    def test_a_damaged_plan_is_made_again(self):
        token = self.upload(linkedin_zip())
        self.client.get(reverse("transfer-preview", args=[token]))
        self.plan_file(token).write_bytes(b"not a plan")
        r = self.client.get(reverse("transfer-preview", args=[token]))
        self.assertContains(r, "<strong>2</strong> new people")
        self.client.post(reverse("transfer-confirm", args=[token]))
        self.assertEqual(Person.objects.for_user(self.alice).count(), 2)

    def test_choosing_other_columns_after_a_preview_plans_again(self):
        token = self.upload(fixture("generic.csv"), kind="csv")
        page = self.client.get(reverse("transfer-map", args=[token]))
        fields = {f"map_{f}": chosen for f, _, chosen in page.context["fields"] if chosen}
        self.client.post(reverse("transfer-map", args=[token]), fields)
        self.client.get(reverse("transfer-preview", args=[token]))
        fields.pop("map_title", None)
        fields["map_notes"] = fields.pop("map_company")
        self.client.post(reverse("transfer-map", args=[token]), fields)
        self.assertFalse(self.plan_file(token).exists())
        self.client.post(reverse("transfer-confirm", args=[token]))
        anika = Person.objects.get(owner=self.alice, first_name="Anika")
        self.assertEqual((anika.notes, anika.company), ("Trey Research", None))


def _amara_url() -> str:
    people = parse("linkedin", fixture("linkedin_connections.csv")).people
    return next(p.linkedin_url for p in people if p.first_name == "Amara")


class PlanTestCase(BaseTestCase):
    def test_a_stored_plan_applies_exactly_as_the_one_in_memory(self):
        self.make_person("Amara", "Okafor", emails=[], title="")
        result = parse("linkedin", linkedin_zip())
        plan = make_plan(self.alice, result, filename="export.zip")
        again = Plan.loads(plan.dumps())
        self.assertEqual(again.report, plan.report)
        self.assertEqual(again.new, plan.new)
        self.assertEqual(again.updates, plan.updates)
        self.assertEqual(again.interactions, plan.interactions)
        self.assertEqual(again.history, plan.history)  # LinkedIn's messages, parsed once
        report = apply_plan(self.alice, again)
        self.assertEqual(report.created, plan.report.created)
        from_messages = report.history.get("created", 0)
        self.assertEqual(
            Interaction.objects.for_user(self.alice).count(),
            len(plan.interactions) + from_messages,
        )

    def test_a_plan_of_thirty_thousand_people_is_small(self):
        plan = make_plan(self.alice, parse("linkedin", linkedin_connections(30_000)))
        self.assertEqual(plan.report.created, 30_000)
        self.assertLess(len(plan.dumps()), 2 * 2**20)
        self.assertEqual(Person.objects.count(), 0)

    def test_applying_is_all_or_nothing(self):
        plan = make_plan(self.alice, parse("linkedin", fixture("linkedin_connections.csv")))
        plan.interactions = [(-1, None, "out", "linkedin", "")]  # occurred_at may not be null
        with self.assertRaises(Exception):  # noqa: B017 - whichever error the database raises
            apply_plan(self.alice, plan)
        self.assertEqual(Person.objects.count(), 0)
        self.assertFalse(ImportRun.objects.exists())


class PreviewDoesNotLockTestCase(FrozenClock, TransactionTestCase):
    """On SQLite one write transaction locks out every other writer: a preview holds none."""

    def test_logging_a_touch_during_a_preview_is_not_blocked(self):
        user = BaseTestCase.make_user("alice@example.org")
        person = Person.objects.create(owner=user, first_name="Maya", last_name="Okafor")
        done: list[float] = []

        def log_a_touch():
            start = time.monotonic()
            try:
                do_log_interaction(user, [person], channel="phone", direction="out")
                done.append(time.monotonic() - start)
            finally:
                connection.close()

        def during(message):
            if message.startswith("Matching"):
                writer = threading.Thread(target=log_a_touch)
                writer.start()
                writer.join(timeout=10)

        result = parse("linkedin", linkedin_connections(2_000))
        plan = make_plan(user, result, progress=during)
        self.assertEqual(len(done), 1, "the write failed or waited for the preview")
        self.assertLess(done[0], 5)
        self.assertEqual(Interaction.objects.for_user(user).count(), 1)
        with self.assertRaises(PlanOutdated):  # the touch changed the account
            apply_plan(user, plan)
