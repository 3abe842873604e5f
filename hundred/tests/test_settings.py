"""Settings come from the environment; defaults work on a laptop with nothing set."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path
from unittest import mock, skipUnless

from django.conf import settings
from django.db import connection, connections
from django.test import SimpleTestCase, TestCase

from hundred import settings as hundred_settings

# Prints what the settings module made of the environment it was imported in.
REPORT = """
import json, hundred.settings as s
db = s.DATABASES["default"]
print(json.dumps({
    "home": str(s.HUNDRED_HOME), "secret": s.SECRET_KEY, "debug": s.DEBUG,
    "hosts": s.ALLOWED_HOSTS, "engine": db["ENGINE"], "name": str(db["NAME"]),
    "host": db.get("HOST"), "port": db.get("PORT"), "user": db.get("USER"),
    "options": db.get("OPTIONS", {}), "email_backend": s.EMAIL_BACKEND,
}))
"""

# Opens the real SQLite database the way `hundred serve` would and reads its pragmas.
PRAGMAS = """
import json, os, django
os.environ["DJANGO_SETTINGS_MODULE"] = "hundred.settings"
django.setup()
from django.db import connection, connections
with connection.cursor() as c:
    out = {}
    for pragma in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous"):
        c.execute(f"PRAGMA {pragma}")
        out[pragma] = c.fetchone()[0]
print(json.dumps(out))
"""

CLEARED = ("DATABASE_URL", "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "EMAIL_BACKEND")


def python(code: str, **env: str) -> dict:
    """Run `code` in a fresh interpreter with HUNDRED_HOME etc. set as given; its JSON output."""
    full = {k: v for k, v in os.environ.items() if k not in CLEARED}
    full.pop("DJANGO_SETTINGS_MODULE", None)
    full.update(env)
    p = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=full, timeout=60
    )
    if p.returncode:
        raise AssertionError(p.stderr)
    return json.loads(p.stdout)


class EnvironmentTestCase(SimpleTestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.home = Path(tmp.name) / "data" / "hundred"  # not there yet

    def test_it_uses_hundred_home_with_safe_defaults(self):
        s = python(REPORT, HUNDRED_HOME=str(self.home))
        self.assertEqual(s["home"], str(self.home))
        self.assertTrue(self.home.is_dir())
        self.assertEqual(s["engine"], "django.db.backends.sqlite3")
        self.assertEqual(s["name"], str(self.home / "hundred.sqlite3"))
        self.assertFalse(s["debug"])
        self.assertEqual(s["hosts"], ["localhost", "127.0.0.1", "[::1]"])
        self.assertIn("journal_mode=WAL", s["options"]["init_command"])
        self.assertEqual(s["options"]["transaction_mode"], "IMMEDIATE")
        self.assertGreater(s["options"]["timeout"], 0)
        self.assertEqual(s["email_backend"], "django.core.mail.backends.console.EmailBackend")

    def test_it_generates_a_secret_key_once_and_keeps_it(self):
        first = python(REPORT, HUNDRED_HOME=str(self.home))["secret"]
        key_file = self.home / "secret_key"
        self.assertEqual(key_file.read_text().strip(), first)
        self.assertGreaterEqual(len(first), 50)
        self.assertEqual(stat.S_IMODE(key_file.stat().st_mode), 0o600)
        second = python(REPORT, HUNDRED_HOME=str(self.home))["secret"]
        self.assertEqual(second, first)
        other_home = self.home.parent / "other"
        self.assertNotEqual(python(REPORT, HUNDRED_HOME=str(other_home))["secret"], first)

    def test_it_prefers_secret_key_from_the_environment(self):
        s = python(REPORT, HUNDRED_HOME=str(self.home), SECRET_KEY="from-the-environment")
        self.assertEqual(s["secret"], "from-the-environment")
        self.assertFalse((self.home / "secret_key").exists())

    def test_it_uses_database_url_when_set(self):
        s = python(
            REPORT,
            HUNDRED_HOME=str(self.home),
            DATABASE_URL="postgres://hundred:s3cret@db.internal:6543/career_centre",
        )
        # Django's PostgreSQL backend with batches under the server's parameter limit, since
        # parameters are bound by the server (prepared statements).
        self.assertEqual(s["engine"], "hundred.postgresql")
        self.assertEqual(s["name"], "career_centre")
        self.assertEqual((s["host"], s["port"], s["user"]), ("db.internal", 6543, "hundred"))
        self.assertNotIn("init_command", s["options"])
        self.assertEqual(s["options"], {"server_side_binding": True, "prepare_threshold": 2})

    def test_prepared_statements_can_be_turned_off_for_a_pooler(self):
        s = python(
            REPORT,
            HUNDRED_HOME=str(self.home),
            DATABASE_URL="postgres://hundred:s3cret@db.internal:6543/career_centre",
            DATABASE_PREPARED_STATEMENTS="false",
        )
        self.assertEqual(s["engine"], "django.db.backends.postgresql")
        self.assertEqual(s["options"], {})

    def test_it_reads_debug_and_allowed_hosts(self):
        s = python(
            REPORT,
            HUNDRED_HOME=str(self.home),
            DEBUG="yes",
            ALLOWED_HOSTS=" hundred.example.org , coach.example.org,",
        )
        self.assertTrue(s["debug"])
        self.assertEqual(s["hosts"], ["hundred.example.org", "coach.example.org"])

    def test_it_opens_sqlite_in_wal_mode_with_a_busy_timeout(self):
        p = python(PRAGMAS, HUNDRED_HOME=str(self.home))
        self.assertEqual(p["journal_mode"], "wal")
        self.assertEqual(p["foreign_keys"], 1)
        self.assertEqual(p["busy_timeout"], 20000)
        self.assertEqual(p["synchronous"], 1)  # NORMAL


class HelpersTestCase(SimpleTestCase):
    def test_it_reads_booleans(self):
        for raw, expected in [
            ("1", True),
            ("True", True),
            (" yes ", True),
            ("on", True),
            ("0", False),
            ("no", False),
            ("", False),
            ("nope", False),
        ]:
            with self.subTest(raw=raw), mock.patch.dict(os.environ, {"HUNDRED_FLAG": raw}):
                self.assertIs(hundred_settings.envbool("HUNDRED_FLAG"), expected)
        with mock.patch.dict(os.environ, clear=False) as env:
            env.pop("HUNDRED_FLAG", None)
            self.assertFalse(hundred_settings.envbool("HUNDRED_FLAG"))
            self.assertTrue(hundred_settings.envbool("HUNDRED_FLAG", "true"))

    def test_it_reads_integers_and_lists(self):
        with mock.patch.dict(os.environ, {"HUNDRED_N": "587", "HUNDRED_L": "a, b,,c "}):
            self.assertEqual(hundred_settings.envint("HUNDRED_N", 25), 587)
            self.assertEqual(hundred_settings.envlist("HUNDRED_L"), ["a", "b", "c"])
        self.assertEqual(hundred_settings.envint("HUNDRED_UNSET_N", 25), 25)
        self.assertEqual(hundred_settings.envlist("HUNDRED_UNSET_L", "x,y"), ["x", "y"])

    def test_it_writes_the_secret_key_into_hundred_home(self):
        with (
            tempfile.TemporaryDirectory() as tmp,
            mock.patch.object(hundred_settings, "HUNDRED_HOME", Path(tmp)),
            mock.patch.dict(os.environ) as env,
        ):
            env.pop("SECRET_KEY", None)
            key = hundred_settings._secret_key()
            self.assertEqual((Path(tmp) / "secret_key").read_text(), key)
            self.assertEqual(hundred_settings._secret_key(), key)


class TestDatabaseTestCase(TestCase):
    def test_it_hashes_with_argon2_first(self):
        self.assertEqual(
            settings.PASSWORD_HASHERS[0], "hundred.accounts.hashers.OwaspArgon2PasswordHasher"
        )

    @skipUnless(connection.vendor == "sqlite", "SQLite only")
    def test_it_configures_sqlite(self):
        options = settings.DATABASES["default"]["OPTIONS"]
        self.assertIn("PRAGMA journal_mode=WAL", options["init_command"])
        self.assertEqual(options["transaction_mode"], "IMMEDIATE")
        with connection.cursor() as c:
            c.execute("PRAGMA foreign_keys")
            self.assertEqual(c.fetchone()[0], 1)
            c.execute("PRAGMA journal_mode")
            mode = c.fetchone()[0]
        if connection.is_in_memory_db():
            self.assertEqual(mode, "memory")  # WAL cannot apply to an in-memory test database
        else:
            self.assertEqual(mode, "wal")

    @skipUnless(connection.vendor == "sqlite", "SQLite only")
    def test_it_maps_a_database_file_into_memory(self):
        # The test database lives in memory, where mmap_size has no meaning: open a file.
        with tempfile.TemporaryDirectory() as tmp:
            params = {**connection.settings_dict, "NAME": str(Path(tmp) / "db.sqlite3")}
            other = type(connections["default"])(params, alias="mmap-check")
            try:
                with other.cursor() as c:
                    c.execute("PRAGMA mmap_size")
                    self.assertEqual(c.fetchone()[0], settings.SQLITE_MMAP_BYTES)
            finally:
                other.close()

    @skipUnless(connection.vendor == "postgresql", "PostgreSQL only")
    def test_it_runs_on_postgresql_when_asked(self):
        self.assertEqual(settings.DATABASES["default"]["ENGINE"], "hundred.postgresql")
        self.assertTrue(os.environ.get("DATABASE_URL"))


def test_the_tests_run_in_a_throwaway_data_folder():
    # hundred.testenv sets it before the settings are read; a real folder must never be used.
    from django.conf import settings

    assert Path(settings.HUNDRED_HOME).name.startswith("hundred-test-")
    assert Path(settings.STATIC_ROOT).is_relative_to(settings.HUNDRED_HOME)
