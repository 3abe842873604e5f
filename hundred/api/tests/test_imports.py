"""Imports over the API: a preview that changes nothing, then the same file confirmed."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django_tasks_db.models import DBTaskResult

from hundred.api.tests.base import ApiTestCase
from hundred.network.models import Person
from hundred.transfer.models import ImportRun
from hundred.transfer.tests.util import FIXTURES

VCARD = (
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nN:Lee;Ann;;;\r\n"
    b"EMAIL:ann@example.org\r\nORG:Acme\r\nEND:VCARD\r\n"
)


class ImportTestCase(ApiTestCase):
    def upload(self, data: bytes, name: str = "contacts.vcf", **fields):
        file = SimpleUploadedFile(name, data)
        return self.client.post(
            "/api/v1/imports/",
            {"kind": "vcard", "file": file, **fields},
            HTTP_AUTHORIZATION=f"Bearer {self.secret}",
        )

    def test_a_preview_changes_nothing_and_confirm_writes(self):
        r = self.upload(VCARD)
        self.assertEqual(r.status_code, 200, r.content)
        self.assertEqual((r.json()["created"], r.json()["is_dry_run"]), (1, True))
        self.assertFalse(Person.objects.exists())
        self.assertFalse(ImportRun.objects.exists())
        with self.captureOnCommitCallbacks(execute=True):
            r = self.upload(VCARD, confirm="true")
        self.assertEqual((r.json()["created"], r.json()["is_dry_run"]), (1, False))
        # The duplicate review's pairs are queued for the worker, as after a web import.
        queued = DBTaskResult.objects.filter(task_path="hundred.transfer.tasks.refresh_duplicates")
        self.assertEqual([t.args_kwargs["args"] for t in queued], [[self.alice.pk]])
        person = Person.objects.get()
        self.assertEqual((person.owner, person.emails), (self.alice, ["ann@example.org"]))
        self.assertEqual(r.json()["run_id"], ImportRun.objects.get().pk)

    def test_a_file_that_is_not_one_names_the_file(self):
        problem = self.assertProblem(self.upload(b"   "), 422, "file")
        self.assertIn("empty", problem["detail"])
        self.assertProblem(self.upload(VCARD, kind="fax"), 422, "kind")
        self.assertFalse(Person.objects.exists())

    def test_a_preview_counts_the_messages_to_people_the_import_creates(self):
        # The messages of a LinkedIn export go to its own connections: the preview counted
        # the invitation only (1), the import wrote 4.
        data = (FIXTURES / "linkedin_export_qa.zip").read_bytes()
        preview = self.upload(data, "export.zip", kind="linkedin").json()
        with self.captureOnCommitCallbacks(execute=True):
            done = self.upload(data, "export.zip", kind="linkedin", confirm="true").json()
        self.assertEqual(done["interactions_created"], 4)
        self.assertEqual(preview["interactions_created"], done["interactions_created"])
        self.assertEqual(preview["created"], done["created"])

    def test_a_preview_lists_what_was_left_out_as_the_command_does(self):
        data = (FIXTURES / "generic_left_out.csv").read_bytes()
        preview = self.upload(data, "generic.csv", kind="csv").json()
        reasons = [(w["line"], w["reason"]) for w in preview["warnings"]]
        self.assertEqual(len(reasons), 4)
        self.assertIn((3, "'2026-02-30' is not a date (use 2026-02-08); left out"), reasons)
        self.assertIn(
            (3, "stage 'bogus' is not listed, asked, scheduled, met, nurturing, declined or "
             "paused; left out"),
            reasons,
        )  # fmt: skip
