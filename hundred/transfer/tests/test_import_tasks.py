"""After an import that wrote people, the worker computes the duplicate review's pairs, so the
review's first visit reads a table instead of comparing everyone while the person waits."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from hundred.test import BaseTestCase
from hundred.transfer.models import DuplicateCandidate, DuplicateScan
from hundred.transfer.tasks import refresh_duplicates
from hundred.transfer.tests.test_cli_transfer import run as run_cli

CONNECTIONS = (
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    b"Jonathan,Smith,https://www.linkedin.com/in/jsmith-1,,Contoso,Analyst,01 Oct 2026\n"
    b"Jonathon,Smith,,,Contoso,Analyst,02 Oct 2026\n"
    b"Mary,Jones,https://www.linkedin.com/in/mjones,,Fabrikam,Buyer,03 Oct 2026\n"
)
TASK = "hundred.transfer.tasks.refresh_duplicates"


def queued() -> list[list]:
    return [r.args_kwargs["args"] for r in DBTaskResult.objects.filter(task_path=TASK)]


@override_settings(HUNDRED_HOME=tempfile.mkdtemp())
class RefreshAfterImportTestCase(BaseTestCase):
    def setUp(self):
        self.login()

    def test_a_confirmed_web_import_queues_the_pairs_and_the_task_computes_them(self):
        r = self.client.post(
            reverse("transfer-upload"),
            {"kind": "linkedin", "file": SimpleUploadedFile("Connections.csv", CONNECTIONS)},
        )
        token = re.search(r"/upload/([^/]+)/", r["Location"]).group(1)
        self.client.get(reverse("transfer-preview", args=[token]))
        self.assertEqual(queued(), [])  # a preview writes nothing
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(reverse("transfer-confirm", args=[token]))
        self.assertEqual(queued(), [[self.alice.pk]])
        self.assertFalse(DuplicateScan.objects.filter(owner=self.alice).exists())

        self.assertEqual(refresh_duplicates.call(self.alice.pk), 1)  # as the worker runs it
        pair = DuplicateCandidate.objects.get(owner=self.alice)
        self.assertEqual({pair.a.first_name, pair.b.first_name}, {"Jonathan", "Jonathon"})
        self.assertTrue(DuplicateScan.objects.filter(owner=self.alice).exists())

    def test_hundred_import_queues_it_but_not_a_dry_run_or_an_import_that_changes_nothing(self):
        path = Path(tempfile.mkdtemp()) / "Connections.csv"
        path.write_bytes(CONNECTIONS)
        args = ("import", "linkedin", str(path), "--user", "alice@example.org")
        with self.captureOnCommitCallbacks(execute=True):
            self.assertEqual(run_cli(*args, "--dry-run")[0], 0)
        self.assertEqual(queued(), [])
        with self.captureOnCommitCallbacks(execute=True):
            self.assertEqual(run_cli(*args)[0], 0)
        self.assertEqual(queued(), [[self.alice.pk]])
        with self.captureOnCommitCallbacks(execute=True):
            self.assertEqual(run_cli(*args)[0], 0)  # everyone known already
        self.assertEqual(queued(), [[self.alice.pk]])

    def test_an_account_deleted_before_the_task_runs_has_no_pairs(self):
        gone = self.bob.pk
        self.bob.delete()
        self.assertEqual(refresh_duplicates.call(gone), 0)
