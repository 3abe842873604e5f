"""Log-in lockout (django-axes): wrong passwords lock the account and the address for a while,
and a rotating X-Forwarded-For does not get round it."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import mail
from django.test import override_settings
from freezegun import freeze_time

from hundred.lib.clientip import parse_networks
from hundred.test import PASSWORD, BaseTestCase

URL = "/accounts/login/"
LIMIT = settings.AXES_FAILURE_LIMIT
NOW = "2026-11-25 10:00:00+00:00"


class LockoutTestCase(BaseTestCase):
    def setUp(self):
        freezer = freeze_time(NOW)
        self.clock = freezer.start()
        self.addCleanup(freezer.stop)

    def attempt(self, email="alice@example.org", password="wrong-guess-123", **extra):
        return self.client.post(URL, {"username": email, "password": password}, **extra)

    def assert_logged_in(self, user):
        self.assertEqual(self.client.session.get("_auth_user_id"), str(user.pk))

    def test_it_locks_the_account_even_for_the_right_password(self):
        for _ in range(LIMIT - 1):
            self.assertEqual(self.attempt().status_code, 200)  # the form again, with its error
        r = self.attempt()
        self.assertEqual(r.status_code, 429)
        r = self.attempt(password=PASSWORD)
        self.assertContains(r, "Log-in is paused for 15 minutes", status_code=429)
        self.assertContains(r, "10:15", status_code=429)  # when to try again
        self.assertContains(r, "Reset it by e-mail", status_code=429)
        self.assertEqual(r["Retry-After"], str(15 * 60))
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_a_rotating_x_forwarded_for_does_not_dodge_it(self):
        # 50 tries as the attacker made them, each claiming another address.
        statuses = [
            self.attempt(HTTP_X_FORWARDED_FOR=f"198.51.100.{i}").status_code for i in range(50)
        ]
        self.assertEqual(statuses[: LIMIT - 1], [200] * (LIMIT - 1))
        self.assertEqual(set(statuses[LIMIT - 1 :]), {429})
        r = self.attempt(password=PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.77")
        self.assertEqual(r.status_code, 429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_it_counts_an_account_however_its_address_is_typed(self):
        for typed in ["ALICE@example.org", " alice@EXAMPLE.org", "Alice@Example.Org"] * 2:
            self.attempt(email=typed, REMOTE_ADDR="192.0.2.1" if "A" in typed else "192.0.2.2")
        r = self.attempt(password=PASSWORD, REMOTE_ADDR="192.0.2.3")
        self.assertEqual(r.status_code, 429)

    def test_it_locks_an_address_trying_many_accounts(self):
        for i in range(LIMIT):
            self.attempt(email=f"guess{i}@example.org")
        # Bob's right password, from the same address: refused for now.
        r = self.attempt(email="bob@example.org", password=PASSWORD)
        self.assertEqual(r.status_code, 429)
        # From another address bob gets in: only that address was locked.
        self.attempt(email="bob@example.org", password=PASSWORD, REMOTE_ADDR="192.0.2.9")
        self.assert_logged_in(self.bob)

    def test_it_lets_the_right_password_in_after_the_pause(self):
        for _ in range(LIMIT):
            self.attempt()
        self.clock.tick(timedelta(minutes=14))
        self.assertEqual(self.attempt(password=PASSWORD).status_code, 429)
        # That try started the 15 minutes again.
        self.clock.tick(timedelta(minutes=14))
        self.assertEqual(self.attempt(password=PASSWORD).status_code, 429)
        self.clock.tick(timedelta(minutes=16))
        r = self.attempt(password=PASSWORD)
        self.assertEqual(r.status_code, 302)
        self.assert_logged_in(self.alice)

    def test_a_few_mistakes_do_not_lock(self):
        for _ in range(LIMIT - 1):
            self.attempt()
        self.attempt(password=PASSWORD)
        self.assert_logged_in(self.alice)

    def test_a_new_password_by_mail_ends_the_accounts_pause(self):
        for _ in range(LIMIT):
            self.attempt(REMOTE_ADDR="192.0.2.1")
        self.client.post("/accounts/password/reset/", {"email": "alice@example.org"})
        link = next(line for line in mail.outbox[0].body.splitlines() if "/reset/" in line)
        path = link.split("testserver", 1)[1]
        form_url = self.client.get(path)["Location"]
        new = "a-brand-new-passphrase-42"
        self.client.post(form_url, {"new_password1": new, "new_password2": new})
        self.attempt(password=new, REMOTE_ADDR="192.0.2.2")
        self.assert_logged_in(self.alice)

    @override_settings(TRUSTED_PROXIES=parse_networks(["127.0.0.1"]))
    def test_behind_a_trusted_proxy_it_counts_the_client_the_proxy_names(self):
        proxy = {"REMOTE_ADDR": "127.0.0.1"}
        for i in range(LIMIT):
            self.attempt(email=f"guess{i}@example.org", HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)
        # That client is locked out...
        r = self.attempt(
            email="bob@example.org", password=PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy
        )
        self.assertEqual(r.status_code, 429)
        # ...but another client behind the same proxy is not.
        self.attempt(
            email="bob@example.org", password=PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy
        )
        self.assert_logged_in(self.bob)
