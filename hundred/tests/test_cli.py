"""The `hundred` command line: help, version, errors as one line, --user and '-' for stdin."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from unittest.mock import patch

from django.test import SimpleTestCase

from hundred import __version__
from hundred import commands as _commands  # noqa: F401  (registers every command)
from hundred.accounts.models import User
from hundred.cli import COMMANDS, UsageError, main, read_input, resolve_user, write_output
from hundred.serve import allowed_hosts_hint
from hundred.test import BaseTestCase


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    """Run `hundred ARGV` in this process; (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with patch("sys.stdin", io.StringIO(stdin)), redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as e:  # argparse's own exits: -h and --version
            code = e.code
    return code, out.getvalue(), err.getvalue()


class CliTestCase(SimpleTestCase):
    def assertOneLineError(self, err: str) -> None:
        self.assertTrue(err.startswith("hundred: "), err)
        self.assertEqual(err.count("\n"), 1, err)
        self.assertNotIn("Traceback", err)

    def test_it_prints_its_version(self):
        code, out, err = run("--version")
        self.assertEqual(code, 0)
        self.assertEqual(out.strip(), f"hundred {__version__}")
        self.assertEqual(err, "")

    def test_it_prints_help_without_a_command(self):
        code, out, _ = run()
        self.assertEqual(code, 0)
        for name in COMMANDS:
            self.assertIn(name, out)

    def test_it_has_the_commands_of_the_contract(self):
        for name in ("serve", "createuser", "demo"):
            self.assertIn(name, COMMANDS)

    def test_it_has_help_with_an_example_on_every_command(self):
        self.assertGreater(len(COMMANDS), 2)
        for name, cmd in COMMANDS.items():
            with self.subTest(command=name):
                self.assertTrue(cmd.help.strip())
                self.assertTrue(cmd.example.startswith(f"hundred {name}") or name in cmd.example)
                code, out, err = run(name, "-h")
                self.assertEqual(code, 0)
                self.assertIn(cmd.example, out)
                self.assertIn(f"usage: hundred {name}", out)
                self.assertEqual(err, "")

    def test_it_refuses_an_unknown_command_in_one_line(self):
        code, out, err = run("frobnicate")
        self.assertEqual(code, 2)
        self.assertOneLineError(err)
        self.assertIn("frobnicate", err)
        self.assertEqual(out, "")

    def test_it_refuses_an_unknown_option_in_one_line(self):
        code, _, err = run("serve", "--colour", "blue")
        self.assertEqual(code, 2)
        self.assertOneLineError(err)
        self.assertIn("--colour", err)

    def test_it_refuses_a_port_that_is_not_one(self):
        # Each is refused before a server would start.
        for argv in (["--port", "0"], ["--port", "70000"], ["--port", "http"], ["--workers", "0"]):
            with self.subTest(argv=argv):
                code, out, err = run("serve", *argv)
                self.assertEqual(code, 2)
                self.assertOneLineError(err)
                self.assertEqual(out, "")


class ServeTestCase(SimpleTestCase):
    def test_it_warns_when_others_can_connect_but_would_be_refused(self):
        default = ["localhost", "127.0.0.1", "[::1]"]
        self.assertIn("ALLOWED_HOSTS", allowed_hosts_hint("0.0.0.0", default))
        self.assertIn("ALLOWED_HOSTS", allowed_hosts_hint("::", default))
        self.assertIn("ALLOWED_HOSTS", allowed_hosts_hint("192.168.1.20", []))
        self.assertEqual(allowed_hosts_hint("127.0.0.1", default), "")
        self.assertEqual(allowed_hosts_hint("::1", default), "")
        self.assertEqual(allowed_hosts_hint("0.0.0.0", [*default, "hundred.example.org"]), "")
        self.assertEqual(allowed_hosts_hint("0.0.0.0", ["*"]), "")


class InputOutputTestCase(SimpleTestCase):
    def test_it_reads_standard_input_for_a_dash(self):
        stdin = io.TextIOWrapper(io.BytesIO("Maya,Okafor\nSam,Ité\n".encode()), encoding="utf-8")
        with patch("sys.stdin", stdin):
            self.assertEqual(read_input("-"), "Maya,Okafor\nSam,Ité\n".encode())

    def test_it_reads_a_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "in.csv"
            path.write_bytes(b"a,b\n")
            self.assertEqual(read_input(str(path)), b"a,b\n")
            with self.assertRaisesRegex(UsageError, "There is no file"):
                read_input(str(Path(tmp) / "missing.csv"))
            with self.assertRaisesRegex(UsageError, "is a folder"):
                read_input(tmp)

    def test_it_writes_to_a_file_or_standard_output(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "out.txt"
            write_output("héllo", str(path))
            self.assertEqual(path.read_text(encoding="utf-8"), "héllo")
            with self.assertRaisesRegex(UsageError, "Cannot write"):
                write_output("x", str(Path(tmp) / "no" / "such" / "dir.txt"))
        buffer = io.BytesIO()
        stdout = io.TextIOWrapper(buffer, encoding="utf-8")
        with patch("sys.stdout", stdout):
            write_output(b"bytes out", "-")
            write_output("and text", None)
        self.assertEqual(buffer.getvalue(), b"bytes outand text")


class UserResolutionTestCase(BaseTestCase):
    def test_it_needs_user_when_there_are_several_accounts(self):
        with self.assertRaisesRegex(UsageError, "several accounts"):
            resolve_user(None)

    def test_it_uses_the_only_account(self):
        User.objects.exclude(pk=self.alice.pk).delete()
        self.assertEqual(resolve_user(None), self.alice)

    def test_it_says_when_there_is_no_account(self):
        User.objects.all().delete()
        with self.assertRaisesRegex(UsageError, "no account yet"):
            resolve_user(None)

    def test_it_finds_the_named_account_in_any_case(self):
        self.assertEqual(resolve_user(" BOB@example.org "), self.bob)

    def test_it_refuses_an_unknown_account(self):
        with self.assertRaisesRegex(UsageError, "no account for zoe@example.org"):
            resolve_user("zoe@example.org")

    # The same through a command that takes --user.

    def test_it_exits_2_in_one_line_without_user_on_a_shared_instance(self):
        code, out, err = run("pitch")
        self.assertEqual(code, 2)
        self.assertEqual(err.count("\n"), 1)
        self.assertIn("--user", err)
        self.assertEqual(out, "")

    def test_it_exits_2_in_one_line_for_an_unknown_user(self):
        code, _, err = run("pitch", "--user", "zoe@example.org")
        self.assertEqual(code, 2)
        self.assertEqual(err.count("\n"), 1)
        self.assertIn("zoe@example.org", err)

    def test_it_runs_for_the_named_or_only_account(self):
        pitch = "I'm looking to use my analytics skills in healthcare."
        self.make_target(pitch=pitch)
        self.make_target(owner=self.bob, pitch="Bob's own pitch.")
        self.assertEqual(run("pitch", "--user", "ALICE@example.org")[:2], (0, pitch + "\n"))
        User.objects.exclude(pk=self.alice.pk).delete()
        self.assertEqual(run("pitch")[:2], (0, pitch + "\n"))


class ConsoleScriptTestCase(SimpleTestCase):
    """The real process, as a user runs it."""

    def hundred(
        self, *argv: str, module: bool = True, **more_env: str
    ) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if k != "HUNDRED_DEBUG"} | more_env
        with tempfile.TemporaryDirectory() as home:
            env["HUNDRED_HOME"] = home
            prefix = [sys.executable, "-m", "hundred"] if module else [self.script]
            return subprocess.run(
                [*prefix, *argv], capture_output=True, text=True, env=env, timeout=60
            )

    @property
    def script(self) -> str:
        return str(Path(sys.executable).parent / "hundred")

    def test_it_prints_its_version(self):
        p = self.hundred("--version")
        self.assertEqual(
            (p.returncode, p.stdout.strip(), p.stderr), (0, f"hundred {__version__}", "")
        )

    def test_it_exits_2_with_one_line_on_stderr(self):
        p = self.hundred("frobnicate")
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stdout, "")
        self.assertEqual(len(p.stderr.splitlines()), 1, p.stderr)
        self.assertTrue(p.stderr.startswith("hundred: "))

    def test_a_database_it_cannot_reach_is_one_line_on_stderr(self):
        # PostgreSQL's refusal runs over two lines ("…Connection refused\n\tIs the server
        # running…?"); nothing listens on port 1.
        p = self.hundred("today", DATABASE_URL="postgres://hundred:x@127.0.0.1:1/hundred")
        self.assertEqual(p.returncode, 1)
        self.assertEqual(len(p.stderr.splitlines()), 1, p.stderr)
        self.assertRegex(p.stderr, r"^hundred: Cannot reach the database \(.*refused.*Is the")
        self.assertIn("check DATABASE_URL.", p.stderr)

    def test_it_is_installed_as_a_console_script(self):
        if not Path(self.script).exists():
            self.skipTest("the package is not installed in this environment")
        p = self.hundred("--version", module=False)
        self.assertEqual((p.returncode, p.stdout.strip()), (0, f"hundred {__version__}"))
