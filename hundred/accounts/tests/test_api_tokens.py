"""Personal access tokens: stored hashed, shown once, revoked on the settings page or the CLI."""

from __future__ import annotations

import hashlib
import json

from django.urls import reverse

from hundred.accounts.models import API_TOKEN_PREFIX, ApiToken
from hundred.test import BaseTestCase


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
