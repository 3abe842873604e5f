"""`hundred import`, `export`, `restore` and `backup` through the command line."""

from __future__ import annotations

import io
import json
import sqlite3
import tempfile
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from unittest.mock import patch

from django.db import connection

from hundred.cli import main
from hundred.network.models import Person
from hundred.test import BaseTestCase
from hundred.transfer.models import CalendarFeed, ImportRun
from hundred.transfer.tests.util import FIXTURES


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with patch("sys.stdin", io.StringIO("")), redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


class ImportCommandTestCase(BaseTestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp())

    def assertOneLineError(self, err: str) -> None:
        self.assertTrue(err.startswith("hundred: "), err)
        self.assertEqual(err.count("\n"), 1, err)

    def test_it_imports_and_prints_a_summary(self):
        code, out, err = run(
            "import",
            "linkedin",
            str(FIXTURES / "linkedin_connections.csv"),
            "--user",
            "alice@example.org",
        )
        self.assertEqual(code, 0, err)
        self.assertTrue(out.startswith("Created 8 people, updated 0, skipped 2 rows"), out)
        self.assertIn("skipped line", out)
        self.assertEqual(err, "")  # no progress when stderr is not a terminal
        self.assertEqual(Person.objects.for_user(self.alice).count(), 8)
        self.assertEqual(ImportRun.objects.for_user(self.alice).count(), 1)

    def test_json_gives_exactly_the_contract(self):
        code, out, _ = run(
            "import",
            "linkedin",
            str(FIXTURES / "linkedin_connections.csv"),
            "--user",
            "alice@example.org",
            "--json",
        )
        self.assertEqual(code, 0)
        data = json.loads(out)
        self.assertEqual(set(data), {"created", "updated", "skipped", "skipped_rows"})
        self.assertEqual((data["created"], data["updated"], data["skipped"]), (8, 0, 2))
        for row in data["skipped_rows"]:
            self.assertEqual(set(row), {"line", "reason"})
            self.assertIsInstance(row["line"], int)

    def test_a_dry_run_changes_nothing(self):
        code, out, _ = run(
            "import",
            "vcard",
            str(FIXTURES / "apple.vcf"),
            "--user",
            "alice@example.org",
            "--dry-run",
            "--json",
        )
        self.assertEqual((code, json.loads(out)["created"]), (0, 2))
        self.assertEqual(Person.objects.count(), 0)

    def test_bad_files_exit_2_in_one_line_and_change_nothing(self):
        self.make_person()
        (self.tmp / "cell.csv").write_text("First Name,Last Name\nA," + "x" * 300_000 + "\n")
        with zipfile.ZipFile(self.tmp / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("Connections.csv", b"," * (50 * 1024 * 1024))
        self.assertLess((self.tmp / "bomb.zip").stat().st_size, 100_000)
        cases = [
            ("linkedin", FIXTURES / "binary.bin"),
            ("csv", FIXTURES / "empty.csv"),
            ("vcard", FIXTURES / "truncated.vcf"),
            ("linkedin", FIXTURES / "google_current.csv"),
            ("csv", self.tmp / "cell.csv"),
            ("linkedin", self.tmp / "cell.csv"),
            ("linkedin", self.tmp / "bomb.zip"),
            ("linkedin", self.tmp / "missing.csv"),
        ]
        for kind, path in cases:
            with self.subTest(file=path.name):
                code, out, err = run("import", kind, str(path), "--user", "alice@example.org")
                self.assertEqual(code, 2, err)
                self.assertOneLineError(err)
                self.assertEqual(out, "")
                self.assertEqual(Person.objects.count(), 1)

    def test_an_unknown_user_exits_2(self):
        code, _, err = run("import", "vcard", str(FIXTURES / "apple.vcf"), "--user", "x@y.z")
        self.assertEqual(code, 2)
        self.assertOneLineError(err)


class ExportRestoreCommandTestCase(BaseTestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp())

    def test_export_then_restore_into_an_empty_account(self):
        self.make_person("Maya", "Okafor", company=self.make_company())
        out = self.tmp / "backup.json"
        code, _, err = run("export", "json", "--user", "alice@example.org", "-o", str(out))
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out.read_text())["format"], "hundred-backup")
        code, stdout, err = run("restore", str(out), "--user", "bob@example.org")
        self.assertEqual(code, 0, err)
        self.assertIn("Restored 1 people", stdout)
        self.assertEqual(
            Person.objects.for_user(self.bob).get().company.name, "Northwind Analytics"
        )

    def test_the_feed_token_goes_in_only_with_its_option(self):
        out = self.tmp / "backup.json"
        feed = CalendarFeed.objects.create(owner=self.alice)
        run("export", "json", "--user", "alice@example.org", "-o", str(out))
        self.assertIsNone(json.loads(out.read_text())["calendar_feed"])
        args = ("export", "json", "--with-feed-token", "--user", "alice@example.org", "-o")
        code, _, err = run(*args, str(out))
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out.read_text())["calendar_feed"]["token"], feed.token)

    def test_restore_refuses_an_account_with_data(self):
        out = self.tmp / "backup.json"
        run("export", "json", "--user", "alice@example.org", "-o", str(out))
        self.make_person(owner=self.bob)
        code, _, err = run("restore", str(out), "--user", "bob@example.org")
        self.assertEqual(code, 2)
        self.assertIn("already has data", err)
        self.assertEqual(Person.objects.for_user(self.bob).count(), 1)

    def test_restore_refuses_a_file_that_is_not_a_backup(self):
        code, _, err = run("restore", str(FIXTURES / "generic.csv"), "--user", "bob@example.org")
        self.assertEqual(code, 2)
        self.assertIn("not a Hundred backup", err)

    def test_every_export_kind_writes_a_file(self):
        self.make_person()
        for kind, marker in (
            ("csv", b"first_name"),
            ("vcard", b"BEGIN:VCARD"),
            ("ics", b"BEGIN:VCALENDAR"),
        ):
            with self.subTest(kind=kind):
                out = self.tmp / kind
                code, _, err = run("export", kind, "--user", "alice@example.org", "-o", str(out))
                self.assertEqual(code, 0, err)
                self.assertIn(marker, out.read_bytes())
        run("export", "csv", "--bom", "--user", "alice@example.org", "-o", str(self.tmp / "b"))
        self.assertTrue((self.tmp / "b").read_bytes().startswith(b"\xef\xbb\xbf"))
        run(
            "export",
            "vcard",
            "--vcard-version",
            "3.0",
            "--user",
            "alice@example.org",
            "-o",
            str(self.tmp / "v"),
        )
        self.assertIn(b"VERSION:3.0", (self.tmp / "v").read_bytes())

    def test_backup_copies_the_sqlite_database_or_points_to_pg_dump(self):
        out = self.tmp / "copy.sqlite3"
        if connection.vendor != "sqlite":
            code, _, err = run("backup", "-o", str(out))
            self.assertEqual(code, 2)
            self.assertIn("pg_dump", err)
            return
        # The test database lives in memory; copy a database file as the real one is.
        source = self.tmp / "hundred.sqlite3"
        db = sqlite3.connect(source)
        db.execute("create table network_person (id integer)")
        db.execute("insert into network_person values (7)")
        db.commit()
        with patch.dict(connection.settings_dict, {"NAME": str(source)}):
            code, _, err = run("backup", "-o", str(out))
        self.assertEqual(code, 0, err)
        rows = sqlite3.connect(out).execute("select id from network_person").fetchall()
        self.assertEqual(rows, [(7,)])
        code, _, err = run("backup", "-o", str(out))
        self.assertEqual(code, 2)
        self.assertIn("already exists", err)

    def test_backup_without_o_writes_the_copy_to_standard_output(self):
        if connection.vendor != "sqlite":
            self.skipTest("SQLite only: PostgreSQL is backed up with pg_dump")
        source = self.tmp / "hundred.sqlite3"
        db = sqlite3.connect(source)
        db.execute("create table network_person (id integer)")
        db.execute("insert into network_person values (8)")
        db.commit()
        stdout, err = io.TextIOWrapper(io.BytesIO()), io.StringIO()
        with (
            patch.dict(connection.settings_dict, {"NAME": str(source)}),
            redirect_stdout(stdout),
            redirect_stderr(err),
        ):
            code = main(["backup"])
        self.assertEqual(code, 0, err.getvalue())
        written = self.tmp / "from-stdout.sqlite3"
        written.write_bytes(stdout.buffer.getvalue())
        rows = sqlite3.connect(written).execute("select id from network_person").fetchall()
        self.assertEqual(rows, [(8,)])

    def test_backup_refuses_to_write_the_binary_copy_onto_a_terminal(self):
        if connection.vendor != "sqlite":
            self.skipTest("SQLite only: PostgreSQL is backed up with pg_dump")
        terminal = io.TextIOWrapper(io.BytesIO())
        terminal.isatty = lambda: True
        err = io.StringIO()
        with redirect_stdout(terminal), redirect_stderr(err):
            code = main(["backup"])
        self.assertEqual(code, 2)
        self.assertIn("redirect it", err.getvalue())
        self.assertEqual(err.getvalue().count("\n"), 1)
        self.assertEqual(terminal.buffer.getvalue(), b"")
