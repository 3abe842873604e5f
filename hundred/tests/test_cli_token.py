"""`hundred token create|list|revoke`: the new token alone on stdout, bad input in one line."""

from __future__ import annotations

import json

from hundred.accounts.models import ApiToken
from hundred.test import BaseTestCase
from hundred.tests.test_cli import run


class TokenCommandTestCase(BaseTestCase):
    def test_create_prints_the_token_alone(self):
        code, out, err = run("token", "create", "--user", "alice@example.org", "--name", "cli")
        self.assertEqual((code, err), (0, ""))
        secret = out.strip()
        self.assertEqual(out, secret + "\n")
        token = ApiToken.objects.authenticate(secret)
        self.assertEqual((token.owner, token.name, token.can_write), (self.alice, "cli", False))

    def test_write_makes_a_read_write_token(self):
        argv = ("token", "create", "--user", "alice@example.org", "--name", "w", "--write")
        code, out, _ = run(*argv)
        self.assertEqual(code, 0)
        self.assertTrue(ApiToken.objects.authenticate(out.strip()).can_write)

    def test_the_name_may_be_positional_and_read_only_said_aloud(self):
        code, out, _ = run("token", "create", "phone", "--read-only", "--user", "alice@example.org")
        self.assertEqual(code, 0)
        token = ApiToken.objects.authenticate(out.strip())
        self.assertEqual((token.name, token.can_write), ("phone", False))

    def test_list_and_revoke(self):
        token, secret = ApiToken.objects.issue(self.alice, "phone", write=True)
        code, out, _ = run("token", "list", "--user", "alice@example.org", "--json")
        self.assertEqual(code, 0)
        [row] = json.loads(out)
        self.assertEqual((row["id"], row["name"], row["access"]), (token.pk, "phone", "read-write"))
        self.assertIsNone(row["revoked_at"])
        code, out, _ = run("token", "revoke", str(token.pk), "--user", "alice@example.org")
        self.assertEqual(code, 0)
        self.assertIsNone(ApiToken.objects.authenticate(secret))
        code, out, _ = run("token", "list", "--user", "alice@example.org")
        self.assertIn("revoked", out)

    def test_bad_input_is_one_line_and_exit_2(self):
        other, _ = ApiToken.objects.issue(self.bob, "bobs", write=True)
        for argv in (
            ("token", "create", "--user", "alice@example.org"),
            ("token", "revoke", "--user", "alice@example.org"),
            ("token", "revoke", str(other.pk), "--user", "alice@example.org"),
            ("token", "rotate", "--user", "alice@example.org"),
            ("token", "revoke", "x", "--user", "alice@example.org"),
            ("token", "create", "a", "--name", "b", "--user", "alice@example.org"),
            ("token", "create", "a", "--write", "--read-only", "--user", "alice@example.org"),
        ):
            with self.subTest(argv=argv):
                code, out, err = run(*argv)
                self.assertEqual((code, out), (2, ""))
                self.assertEqual(err.count("\n"), 1, err)
        other.refresh_from_db()
        self.assertIsNone(other.revoked_at)
