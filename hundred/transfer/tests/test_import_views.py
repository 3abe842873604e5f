"""The Import & export pages: upload → preview → confirm → report, mapping, duplicates, feed."""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from icalendar import Calendar

from hundred.network.models import Person
from hundred.test import BaseTestCase
from hundred.transfer.exports import export_csv
from hundred.transfer.models import CalendarFeed, DismissedPair, ImportRun
from hundred.transfer.tests.util import fixture, linkedin_zip


def upload(client, kind: str, data: bytes, name: str = "file.csv"):
    return client.post(
        reverse("transfer-upload"), {"kind": kind, "file": SimpleUploadedFile(name, data)}
    )


@override_settings(HUNDRED_HOME=tempfile.mkdtemp())
class ImportViewsTestCase(BaseTestCase):
    def setUp(self):
        self.login()

    def token(self, response) -> str:
        return re.search(r"/upload/([^/]+)/", response["Location"]).group(1)

    def test_the_page_offers_import_exports_and_the_feed(self):
        r = self.client.get(reverse("transfer-index"))
        self.assertContains(r, 'name="kind"')
        self.assertContains(r, reverse("transfer-export", args=["json"]))
        feed = CalendarFeed.objects.get(owner=self.alice)
        self.assertContains(r, feed.token)

    def test_upload_preview_confirm_report(self):
        r = upload(self.client, "linkedin", fixture("linkedin_connections.csv"), "Connections.csv")
        self.assertEqual(r.status_code, 302)
        token = self.token(r)
        preview = self.client.get(reverse("transfer-preview", args=[token]))
        self.assertContains(preview, "<strong>8</strong> new people")
        self.assertContains(preview, "Amara")
        self.assertEqual(Person.objects.count(), 0)  # a preview writes nothing

        r = self.client.post(reverse("transfer-confirm", args=[token]))
        run = ImportRun.objects.get(owner=self.alice)
        self.assertRedirects(r, reverse("transfer-run", args=[run.pk]))
        self.assertEqual(Person.objects.for_user(self.alice).count(), 8)
        report = self.client.get(reverse("transfer-run", args=[run.pk]))
        self.assertContains(report, "Skipped rows")
        self.assertContains(self.client.get(reverse("transfer-index")), "Connections.csv")
        # The upload is gone once imported; its preview says so (the back button leads there).
        self.assertFalse(list((Path(settings.HUNDRED_HOME) / "uploads").glob(f"{token}.data")))
        self.assertContains(
            self.client.get(reverse("transfer-preview", args=[token])),
            "This import was already done",
        )

    def test_confirming_again_says_the_import_was_done_and_imports_nothing(self):
        # The back button and a second click both post the confirm again.
        token = self.token(upload(self.client, "vcard", fixture("apple.vcf"), "a.vcf"))
        self.client.post(reverse("transfer-confirm", args=[token]))
        people = Person.objects.for_user(self.alice).count()
        run = ImportRun.objects.get(owner=self.alice)
        r = self.client.post(reverse("transfer-confirm", args=[token]))
        self.assertContains(r, "This import was already done")
        self.assertContains(r, f'href="{reverse("network-people")}"')
        self.assertContains(r, f'href="{reverse("transfer-run", args=[run.pk])}"')
        self.assertEqual(Person.objects.for_user(self.alice).count(), people)
        self.assertEqual(ImportRun.objects.filter(owner=self.alice).count(), 1)
        # Not to another account, which still gets the 404 it got before.
        self.login(self.bob)
        self.assertEqual(
            self.client.post(reverse("transfer-confirm", args=[token])).status_code, 404
        )

    def test_the_preview_of_an_export_counts_its_messages_as_the_import_does(self):
        r = upload(self.client, "linkedin", fixture("linkedin_export_qa.zip"), "export.zip")
        token = self.token(r)
        preview = self.client.get(reverse("transfer-preview", args=[token]))
        self.assertContains(preview, "<strong>4</strong> interactions")
        self.assertContains(preview, "<strong>3</strong> messages to add to timelines")
        self.assertContains(preview, "<strong>1</strong> follow-up to plan")
        self.client.post(reverse("transfer-confirm", args=[token]))
        run = ImportRun.objects.get(owner=self.alice)
        done = self.client.get(reverse("transfer-run", args=[run.pk]))
        self.assertContains(done, "<strong>4</strong> interactions")
        self.assertContains(done, "<strong>3</strong> messages added to timelines")
        self.assertContains(done, "<strong>1</strong> follow-up planned")

    def test_the_preview_notes_a_stage_and_a_date_left_out(self):
        r = upload(self.client, "csv", fixture("generic_left_out.csv"), "generic.csv")
        token = self.token(r)
        page = self.client.get(reverse("transfer-map", args=[token]))
        fields = {f"map_{f}": chosen for f, _, chosen in page.context["fields"] if chosen}
        self.client.post(reverse("transfer-map", args=[token]), fields)
        preview = self.client.get(reverse("transfer-preview", args=[token]))
        self.assertContains(preview, "What was left out")
        self.assertContains(preview, "stage &#x27;bogus&#x27; is not listed, asked,")
        self.assertContains(preview, "&#x27;2026-02-30&#x27; is not a date")

    def test_hundreds_own_csv_needs_no_column_mapping(self):
        self.make_person("Maya", "Okafor", owner=self.bob, title="Analyst")
        data = export_csv(self.bob, bom=True)
        r = upload(self.client, "csv", data, "hundred-people.csv")
        token = self.token(r)
        r = self.client.get(reverse("transfer-map", args=[token]))
        self.assertRedirects(r, reverse("transfer-preview", args=[token]))
        self.client.post(reverse("transfer-confirm", args=[token]))
        self.assertEqual(Person.objects.get(owner=self.alice).title, "Analyst")

    def test_stale_uploads_are_removed(self):
        from hundred.transfer import uploads

        stale = self.token(upload(self.client, "vcard", fixture("apple.vcf"), "a.vcf"))
        fresh = self.token(upload(self.client, "vcard", fixture("apple.vcf"), "b.vcf"))
        # Ages by the clock the view reads: the files' own times come from the file system,
        # which no frozen clock moves, so a file just written may look old or young to it.
        now = time.time()
        for token, age in (
            (stale, uploads.UPLOAD_MAX_AGE + 1),
            (fresh, uploads.UPLOAD_MAX_AGE - 60),
        ):
            for path in (Path(settings.HUNDRED_HOME) / "uploads").glob(f"{token}.*"):
                os.utime(path, (now - age, now - age))
        upload(self.client, "vcard", fixture("apple.vcf"), "c.vcf")
        r = self.client.get(reverse("transfer-preview", args=[stale]))
        self.assertEqual(r.status_code, 404)
        r = self.client.get(reverse("transfer-preview", args=[fresh]))
        self.assertEqual(r.status_code, 200)

    def test_the_zip_imports_through_the_web(self):
        r = upload(self.client, "linkedin", linkedin_zip(), "export.zip")
        self.client.post(reverse("transfer-confirm", args=[self.token(r)]))
        self.assertEqual(Person.objects.for_user(self.alice).count(), 2)

    def test_another_user_cannot_use_an_upload_token(self):
        token = self.token(upload(self.client, "vcard", fixture("apple.vcf"), "a.vcf"))
        self.login(self.bob)
        self.assertEqual(
            self.client.get(reverse("transfer-preview", args=[token])).status_code, 404
        )
        self.assertEqual(
            self.client.post(reverse("transfer-confirm", args=[token])).status_code, 404
        )
        self.assertEqual(Person.objects.count(), 0)

    def test_a_made_up_token_is_404(self):
        for token in ("..secret_key", "x" * 30):
            r = self.client.get(reverse("transfer-preview", args=[token]))
            self.assertEqual(r.status_code, 404)

    def test_bad_files_are_refused_with_a_message_and_change_nothing(self):
        self.make_person()
        for kind, data in (
            ("linkedin", fixture("binary.bin")),
            ("csv", fixture("empty.csv")),
            ("vcard", fixture("truncated.vcf")),
            ("linkedin", fixture("google_current.csv")),
        ):
            with self.subTest(kind=kind):
                r = upload(self.client, kind, data)
                r = self.client.get(r["Location"])  # the mapping step, or the preview
                self.assertRedirects(r, reverse("transfer-index"), fetch_redirect_response=False)
                page = self.client.get(reverse("transfer-index"))
                self.assertContains(page, 'class="error"')
                self.assertEqual(Person.objects.count(), 1)

    @override_settings(FILE_UPLOAD_MAX_MEMORY_SIZE=1024)
    def test_a_file_over_the_cap_is_refused_before_it_is_read(self):
        from hundred.transfer.formats.records import Limits
        from hundred.transfer.views import imports as views

        with self._patch_limits(views, Limits(max_file_bytes=100)):
            r = upload(self.client, "vcard", fixture("apple.vcf"))
        self.assertRedirects(r, reverse("transfer-index"), fetch_redirect_response=False)
        self.assertContains(self.client.get(reverse("transfer-index")), "imports files up to")

    def _patch_limits(self, module, limits):
        from unittest.mock import patch

        return patch.object(module, "DEFAULT_LIMITS", limits)

    def test_a_generic_csv_asks_for_its_columns(self):
        r = upload(self.client, "csv", fixture("generic.csv"), "mine.csv")
        token = self.token(r)
        self.assertRedirects(
            r, reverse("transfer-map", args=[token]), fetch_redirect_response=False
        )
        page = self.client.get(reverse("transfer-map", args=[token]))
        self.assertContains(page, 'name="map_first_name"')
        self.assertContains(page, " selected>")  # prefilled from the column names
        r = self.client.post(reverse("transfer-map", args=[token]), {"map_title": "nope"})
        self.assertContains(r, "Choose at least the column")
        headers = page.context["headers"]
        fields = {f"map_{f}": chosen for f, _, chosen in page.context["fields"] if chosen}
        r = self.client.post(reverse("transfer-map", args=[token]), fields)
        self.assertRedirects(r, reverse("transfer-preview", args=[token]))
        self.client.post(reverse("transfer-confirm", args=[token]))
        self.assertEqual(Person.objects.for_user(self.alice).count(), 2)
        self.assertTrue(headers)


@override_settings(HUNDRED_HOME=tempfile.mkdtemp())
class DuplicatesViewsTestCase(BaseTestCase):
    def setUp(self):
        self.login()
        self.keep = self.make_person("Jonathan", "Smith", emails=["jon@example.net"])
        self.other = self.make_person(
            "Jonathon", "Smith", emails=["jsmith@example.org"], title="Analyst"
        )

    def test_it_lists_near_duplicates(self):
        r = self.client.get(reverse("transfer-duplicates"))
        self.assertContains(r, "Jonathon Smith")

    def test_a_merge_moves_everything_to_the_kept_person(self):
        interaction = self.make_interaction(self.other)
        meeting = self.make_meeting(self.other)
        followup = self.make_followup(self.other)
        favour = self.make_favour(self.other)
        introduced = self.make_person("Intro", "Duced", introduced_by=self.other)
        r = self.client.post(
            reverse("transfer-merge"), {"keep": self.keep.pk, "other": self.other.pk}
        )
        self.assertRedirects(r, reverse("transfer-duplicates"))
        self.assertFalse(Person.objects.filter(pk=self.other.pk).exists())
        self.keep.refresh_from_db()
        self.assertEqual(self.keep.emails, ["jon@example.net", "jsmith@example.org"])
        self.assertEqual(self.keep.title, "Analyst")
        self.assertEqual(list(interaction.people.all()), [self.keep])
        for obj in (meeting, followup, favour):
            obj.refresh_from_db()
            self.assertEqual(obj.person, self.keep)
        introduced.refresh_from_db()
        self.assertEqual(introduced.introduced_by, self.keep)

    def test_a_dismissed_pair_is_not_offered_again(self):
        self.client.post(
            reverse("transfer-dismiss"), {"keep": self.keep.pk, "other": self.other.pk}
        )
        self.assertEqual(DismissedPair.objects.count(), 1)
        self.assertContains(
            self.client.get(reverse("transfer-duplicates")), "No possible duplicates"
        )

    def test_another_users_people_are_404(self):
        bobs = self.make_person("Jonathan", "Smyth", owner=self.bob)
        r = self.client.post(reverse("transfer-merge"), {"keep": self.keep.pk, "other": bobs.pk})
        self.assertEqual(r.status_code, 404)
        self.assertTrue(Person.objects.filter(pk=bobs.pk).exists())
        r = self.client.post(reverse("transfer-dismiss"), {"keep": bobs.pk, "other": self.keep.pk})
        self.assertEqual(r.status_code, 404)


@override_settings(HUNDRED_HOME=tempfile.mkdtemp())
class FeedAndExportViewsTestCase(BaseTestCase):
    def test_the_feed_needs_only_its_token(self):
        self.make_followup(self.make_person())
        feed = CalendarFeed.objects.create(owner=self.alice)
        r = self.client.get(reverse("transfer-feed", args=[feed.token]))
        self.assertEqual(r.status_code, 200)
        self.assertEqual(len(Calendar.from_ical(r.content).walk("VEVENT")), 1)

    def test_a_wrong_or_rotated_token_is_404(self):
        feed = CalendarFeed.objects.create(owner=self.alice)
        old = feed.token
        self.assertEqual(self.client.get(reverse("transfer-feed", args=["nope"])).status_code, 404)
        self.login()
        self.client.post(reverse("transfer-rotate-feed"))
        feed.refresh_from_db()
        self.assertNotEqual(feed.token, old)
        self.assertEqual(self.client.get(reverse("transfer-feed", args=[old])).status_code, 404)

    def test_downloads(self):
        self.make_person()
        self.login()
        for kind, marker in (
            ("json", b"hundred-backup"),
            ("csv", b"first_name"),
            ("vcard", b"BEGIN:VCARD"),
            ("ics", b"BEGIN:VCALENDAR"),
        ):
            with self.subTest(kind=kind):
                r = self.client.get(reverse("transfer-export", args=[kind]))
                self.assertEqual(r.status_code, 200)
                self.assertIn(marker, r.content)
                self.assertIn("attachment", r["Content-Disposition"])
        self.assertEqual(self.client.get(reverse("transfer-export", args=["pdf"])).status_code, 404)

    def test_downloads_hold_only_my_people(self):
        self.make_person("Bobsfriend", "X", owner=self.bob)
        self.login()
        r = self.client.get(reverse("transfer-export", args=["csv"]))
        self.assertNotIn(b"Bobsfriend", r.content)
