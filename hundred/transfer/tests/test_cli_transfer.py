"""`hundred import`, `export`, `restore` and `backup` through the command line."""

from __future__ import annotations

import io
import json
import sqlite3
import tempfile
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from datetime import date
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
        self.assertEqual(set(data), {"created", "updated", "skipped", "skipped_rows", "warnings"})
        self.assertEqual((data["created"], data["updated"], data["skipped"]), (8, 0, 2))
        for row in data["skipped_rows"]:
            self.assertEqual(set(row), {"line", "reason"})
            self.assertIsInstance(row["line"], int)

    def import_(self, kind: str, fixture: str, *options: str) -> tuple[int, str, str]:
        path = str(FIXTURES / fixture)
        return run("import", kind, path, "--user", "alice@example.org", *options)

    def test_what_was_left_out_of_a_row_is_said_in_text_and_json(self):
        # Two bad dates, a closeness of 5 and a stage that is none of Hundred's: the web's
        # preview listed them, the command printed the counts alone.
        expected = [
            (2, "'03/11/2025' is not a date (use 2026-02-08); left out"),
            (2, "closeness '5' is not 1, 2 or 3; left out"),
            (3, "'2026-02-30' is not a date (use 2026-02-08); left out"),
            (3, "stage 'bogus' is not listed, asked, scheduled, met, nurturing, declined or "
             "paused; left out"),
        ]  # fmt: skip
        for options in (("--dry-run",), ()):
            with self.subTest(options):
                code, out, err = self.import_("csv", "generic_left_out.csv", *options, "--json")
                self.assertEqual((code, err), (0, ""))
                warnings = json.loads(out)["warnings"]
                self.assertEqual([(w["line"], w["reason"]) for w in warnings], expected)
        Person.objects.all().delete()
        for options in (("--dry-run",), ()):
            with self.subTest(options):
                code, out, _ = self.import_("csv", "generic_left_out.csv", *options)
                lines = out.splitlines()
                self.assertTrue(lines[0].startswith(("Would create 2", "Created 2")), out)
                self.assertEqual(
                    lines[1:], [f"  note, line {line}: {reason}" for line, reason in expected]
                )
        grace = Person.objects.get(first_name="Grace")
        self.assertEqual((grace.stage, grace.closeness, grace.connected_on), ("met", 2, None))
        self.assertEqual(Person.objects.exclude(first_name="Grace").get().stage, "listed")

    def test_an_exchange_address_in_an_outlook_file_is_noted(self):
        code, out, _ = self.import_("outlook", "outlook_desktop_exchange.csv", "--dry-run")
        self.assertEqual(code, 0)
        self.assertIn(
            "  note, line 2: '/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/"
            "cn=abc' is not an e-mail address; left out",
            out,
        )

    def test_many_notes_are_cut_short_in_text_never_in_json(self):
        rows = "".join(f"Ann {i},ann{i}@example.org,someday\n" for i in range(25))
        path = self.tmp / "dates.csv"
        path.write_text("Name,Email,Connected On\n" + rows)
        args = ("import", "csv", str(path), "--user", "alice@example.org", "--dry-run")
        code, out, _ = run(*args)
        notes = [line for line in out.splitlines() if line.startswith("  note,")]
        self.assertEqual(len(notes), 20)
        self.assertEqual(out.splitlines()[-1], "  … and 5 more")
        code, out, _ = run(*args, "--json")
        self.assertEqual(len(json.loads(out)["warnings"]), 25)

    def test_excel_dates_are_read_and_impossible_ones_noted(self):
        code, out, _ = self.import_("linkedin", "linkedin_connections_excel.csv")
        self.assertEqual(code, 0)
        self.assertNotIn("note,", out)
        days = set(Person.objects.values_list("connected_on", flat=True))
        self.assertEqual(days, {date(2026, 2, 8)})  # 08-Feb-26, 2/8/2026 and 2026-02-08
        code, out, _ = self.import_("linkedin", "linkedin_export_qa.zip", "--dry-run")
        self.assertIn("  note, Connections.csv line 11: '31 Feb 2026' is not a date; left out", out)

    def test_a_dry_run_of_an_export_says_what_its_messages_will_do(self):
        code, preview, _ = self.import_("linkedin", "linkedin_export_qa.zip", "--dry-run")
        code, done, _ = self.import_("linkedin", "linkedin_export_qa.zip")
        said = (
            "3 {} to timelines, 0 already imported, 1 with 1 person not in the account left out, "
            "0 from LinkedIn, sponsored or spam left out; 1 follow-up {}."
        )
        self.assertIn(said.format("to add", "to plan"), preview)
        self.assertIn(said.format("added", "planned"), done)
        self.assertIn("4 interactions", preview.splitlines()[0])
        self.assertIn("4 interactions", done.splitlines()[0])

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
