import io
from contextlib import redirect_stderr, redirect_stdout
from unittest.mock import patch

from hundred.accounts.models import Organisation, User
from hundred.cli import main
from hundred.test import PASSWORD, BaseTestCase


class CliTestCase(BaseTestCase):
    def run_cli(self, *argv: str, stdin: str = "") -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        with patch("sys.stdin", io.StringIO(stdin)), redirect_stdout(out), redirect_stderr(err):
            code = main(list(argv))
        return code, out.getvalue(), err.getvalue()

    def assertOneLineError(self, err: str) -> None:
        self.assertTrue(err.startswith("hundred: "), err)
        self.assertEqual(err.count("\n"), 1, err)
        self.assertNotIn("Traceback", err)


class CreateUserTestCase(CliTestCase):
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


class CreateUserRoleTestCase(CliTestCase):
    """--role and --org: accounts for a career centre."""

    def make(self, *options: str) -> tuple[int, str, str]:
        return self.run_cli(
            "createuser", "dana@example.org", "--password-stdin", *options, stdin=PASSWORD
        )

    def test_it_makes_a_job_seeker_without_a_centre_by_default(self):
        code, out, _ = self.make()
        self.assertEqual(code, 0)
        self.assertEqual(out, "Created the account dana@example.org.\n")
        dana = User.objects.get(email="dana@example.org")
        self.assertEqual((dana.role, dana.organisation), ("seeker", None))

    def test_it_makes_the_centre_it_names_and_says_so(self):
        code, out, err = self.make("--role", "admin", "--org", " Riverside Careers ")
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(
            out.splitlines(),
            [
                "Created the centre Riverside Careers.",
                "Created the account dana@example.org (centre admin at Riverside Careers).",
            ],
        )
        dana = User.objects.get(email="dana@example.org")
        self.assertEqual(dana.role, "admin")
        self.assertEqual(dana.organisation.name, "Riverside Careers")
        self.assertTrue(dana.is_centre_admin)
        # A centre admin is not Django's staff: /admin/ stays closed to it.
        self.assertFalse(dana.is_staff)

    def test_it_joins_a_centre_that_exists_whatever_the_case(self):
        org = Organisation.objects.create(name="Riverside Careers")
        code, out, _ = self.make("--role", "coach", "--org", "riverside careers")
        self.assertEqual(code, 0)
        self.assertNotIn("Created the centre", out)
        self.assertEqual(Organisation.objects.count(), 1)
        dana = User.objects.get(email="dana@example.org")
        self.assertEqual((dana.role, dana.organisation), ("coach", org))

    def test_a_seeker_may_belong_to_a_centre(self):
        code, _, _ = self.make("--org", "Riverside Careers")
        self.assertEqual(code, 0)
        dana = User.objects.get(email="dana@example.org")
        self.assertEqual((dana.role, dana.organisation.name), ("seeker", "Riverside Careers"))

    def test_it_refuses_an_unknown_role(self):
        code, out, err = self.make("--role", "dean", "--org", "Riverside Careers")
        self.assertEqual(code, 2)
        self.assertOneLineError(err)
        self.assertIn("dean", err)
        self.assertEqual(out, "")
        self.assertFalse(User.objects.filter(email="dana@example.org").exists())
        self.assertFalse(Organisation.objects.exists())

    def test_a_coach_or_an_admin_needs_a_centre(self):
        for role in ("coach", "admin"):
            with self.subTest(role=role):
                code, _, err = self.make("--role", role)
                self.assertEqual(code, 2)
                self.assertOneLineError(err)
                self.assertIn("give --org NAME to make one", err)
                self.assertFalse(User.objects.filter(email="dana@example.org").exists())

    def test_without_org_a_coach_joins_the_only_centre(self):
        org = Organisation.objects.create(name="Riverside Careers")
        code, out, _ = self.make("--role", "coach")
        self.assertEqual(code, 0)
        self.assertIn("(coach at Riverside Careers)", out)
        dana = User.objects.get(email="dana@example.org")
        self.assertEqual((dana.role, dana.organisation), ("coach", org))

    def test_without_org_among_several_centres_it_names_them(self):
        Organisation.objects.create(name="Riverside Careers")
        Organisation.objects.create(name="Hilltop Jobs Club")
        code, out, err = self.make("--role", "admin")
        self.assertEqual(code, 2)
        self.assertOneLineError(err)
        self.assertIn("one of Hilltop Jobs Club, Riverside Careers", err)
        self.assertEqual(out, "")
        self.assertFalse(User.objects.filter(email="dana@example.org").exists())

    def test_it_refuses_an_empty_centre_name(self):
        code, _, err = self.make("--org", "  ")
        self.assertEqual(code, 2)
        self.assertOneLineError(err)
        self.assertFalse(Organisation.objects.exists())

    def test_a_refused_account_makes_no_centre(self):
        code, _, _ = self.run_cli(
            "createuser", "dana@example.org", "--password-stdin", "--org", "New", stdin="abc"
        )
        self.assertEqual(code, 2)
        self.assertFalse(Organisation.objects.exists())
