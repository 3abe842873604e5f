"""Personal access tokens: stored hashed, shown once, revoked on the settings page or the CLI."""

from __future__ import annotations

import hashlib
import json

from django.urls import reverse

from hundred.accounts.models import API_TOKEN_PREFIX, ApiToken
from hundred.test import BaseTestCase
from hundred.tests.test_cli import run


class TokenModelTestCase(BaseTestCase):
    def test_it_keeps_only_the_hash_of_the_secret(self):
        token, secret = ApiToken.objects.issue(self.alice, "phone", write=False)
        self.assertTrue(secret.startswith(API_TOKEN_PREFIX))
        self.assertGreater(len(secret), 30)
        token.refresh_from_db()
        self.assertEqual(token.digest, hashlib.sha256(secret.encode()).hexdigest())
        self.assertNotIn(secret, json.dumps(list(ApiToken.objects.values())[0], default=str))

    def test_it_authenticates_the_secret_and_nothing_else(self):
        token, secret = ApiToken.objects.issue(self.alice, "phone", write=True)
        self.assertEqual(ApiToken.objects.authenticate(secret), token)
        self.assertIsNone(ApiToken.objects.authenticate(secret + "x"))
        self.assertIsNone(ApiToken.objects.authenticate(secret[len(API_TOKEN_PREFIX) :]))
        self.assertIsNone(ApiToken.objects.authenticate(""))

    def test_a_revoked_token_or_inactive_owner_no_longer_authenticates(self):
        token, secret = ApiToken.objects.issue(self.alice, "phone", write=True)
        token.revoke()
        self.assertIsNone(ApiToken.objects.authenticate(secret))
        _, other = ApiToken.objects.issue(self.bob, "script", write=True)
        self.bob.is_active = False
        self.bob.save()
        self.assertIsNone(ApiToken.objects.authenticate(other))


class SettingsPageTestCase(BaseTestCase):
    def test_it_creates_a_token_and_shows_it_once(self):
        self.login()
        r = self.client.post(reverse("accounts-create-token"), {"name": "phone", "write": "on"})
        self.assertEqual(r.status_code, 200)
        token = ApiToken.objects.get(owner=self.alice)
        self.assertTrue(token.can_write)
        secret = r.context["new_secret"]
        self.assertEqual(ApiToken.objects.authenticate(secret), token)
        self.assertContains(r, secret)
        again = self.client.get(reverse("accounts-settings"))
        self.assertNotContains(again, secret)
        self.assertContains(again, "phone")
        self.assertContains(again, "read-write")

    def test_a_token_without_a_name_is_refused(self):
        self.login()
        r = self.client.post(reverse("accounts-create-token"), {"name": ""})
        self.assertEqual(r.status_code, 400)
        self.assertFalse(ApiToken.objects.exists())

    def test_it_revokes_a_token(self):
        token, secret = ApiToken.objects.issue(self.alice, "phone", write=False)
        self.login()
        r = self.client.post(reverse("accounts-revoke-token", args=[token.pk]))
        self.assertRedirects(r, reverse("accounts-settings"))
        token.refresh_from_db()
        self.assertIsNotNone(token.revoked_at)
        self.assertIsNone(ApiToken.objects.authenticate(secret))

    def test_another_accounts_token_is_404(self):
        token, _ = ApiToken.objects.issue(self.alice, "phone", write=False)
        self.login(self.bob)
        r = self.client.post(reverse("accounts-revoke-token", args=[token.pk]))
        self.assertEqual(r.status_code, 404)
        token.refresh_from_db()
        self.assertIsNone(token.revoked_at)


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
        ):
            with self.subTest(argv=argv):
                code, out, err = run(*argv)
                self.assertEqual((code, out), (2, ""))
                self.assertEqual(err.count("\n"), 1, err)
        other.refresh_from_db()
        self.assertIsNone(other.revoked_at)
