import io
from contextlib import redirect_stderr, redirect_stdout
from unittest.mock import patch

from hundred.accounts.models import User
from hundred.cli import main
from hundred.test import PASSWORD, BaseTestCase


class CreateUserTestCase(BaseTestCase):
    def run_cli(self, *argv: str, stdin: str = "") -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        with patch("sys.stdin", io.StringIO(stdin)), redirect_stdout(out), redirect_stderr(err):
            code = main(list(argv))
        return code, out.getvalue(), err.getvalue()

    def assertOneLineError(self, err: str) -> None:
        self.assertTrue(err.startswith("hundred: "), err)
        self.assertEqual(err.count("\n"), 1, err)
        self.assertNotIn("Traceback", err)

    def test_it_creates_an_account_from_stdin(self):
        code, out, err = self.run_cli(
            "createuser", "Dana@Example.org", "--password-stdin", stdin=PASSWORD + "\n"
        )
        self.assertEqual((code, err), (0, ""))
        self.assertIn("dana@example.org", out)
        user = User.objects.get(email="dana@example.org")
        self.assertTrue(user.check_password(PASSWORD))
        self.assertTrue(user.password.startswith("argon2"))
        self.assertFalse(user.is_staff)
        self.assertEqual(user.time_zone, "UTC")

    def test_it_reads_only_the_first_line(self):
        self.run_cli(
            "createuser", "dana@example.org", "--password-stdin", stdin=f"{PASSWORD}\r\nmore\n"
        )
        self.assertTrue(User.objects.get(email="dana@example.org").check_password(PASSWORD))

    def test_it_makes_an_admin_with_a_time_zone(self):
        code, _, _ = self.run_cli(
            "createuser",
            "dana@example.org",
            "--password-stdin",
            "--admin",
            "--time-zone",
            "Europe/Rome",
            stdin=PASSWORD,
        )
        self.assertEqual(code, 0)
        user = User.objects.get(email="dana@example.org")
        self.assertTrue(user.is_staff and user.is_superuser)
        self.assertEqual(user.time_zone, "Europe/Rome")

    def test_it_refuses_a_bad_address(self):
        code, out, err = self.run_cli("createuser", "dana-at-example", "--password-stdin")
        self.assertEqual(code, 2)
        self.assertOneLineError(err)
        self.assertIn("dana-at-example is not an e-mail address", err)
        self.assertEqual(out, "")
        self.assertEqual(User.objects.count(), 3)

    def test_it_refuses_an_existing_account_in_any_case(self):
        code, _, err = self.run_cli(
            "createuser", "ALICE@example.org", "--password-stdin", stdin="another-fine-pass-9"
        )
        self.assertEqual(code, 2)
        self.assertOneLineError(err)
        self.assertIn("already an account", err)
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password(PASSWORD))

    def test_it_refuses_a_weak_password(self):
        for weak in ("abc", "password", "98765432109"):
            with self.subTest(password=weak):
                code, _, err = self.run_cli(
                    "createuser", "dana@example.org", "--password-stdin", stdin=weak
                )
                self.assertEqual(code, 2)
                self.assertOneLineError(err)
                self.assertFalse(User.objects.filter(email="dana@example.org").exists())

    def test_it_refuses_an_empty_password(self):
        code, _, err = self.run_cli("createuser", "dana@example.org", "--password-stdin")
        self.assertEqual(code, 2)
        self.assertIn("password is empty", err)
        self.assertOneLineError(err)

    def test_it_asks_for_the_password_on_stdin_when_not_a_terminal(self):
        code, _, err = self.run_cli("createuser", "dana@example.org", stdin=PASSWORD)
        self.assertEqual(code, 2)
        self.assertOneLineError(err)
        self.assertIn("--password-stdin", err)
        self.assertFalse(User.objects.filter(email="dana@example.org").exists())

    def test_it_refuses_an_unknown_time_zone(self):
        code, _, err = self.run_cli(
            "createuser",
            "dana@example.org",
            "--password-stdin",
            "--time-zone",
            "Mars/Base",
            stdin=PASSWORD,
        )
        self.assertEqual(code, 2)
        self.assertOneLineError(err)
        self.assertIn("Mars/Base is not a time zone", err)

    def test_it_needs_an_address(self):
        code, _, err = self.run_cli("createuser")
        self.assertEqual(code, 2)
        self.assertOneLineError(err)
