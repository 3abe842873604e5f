"""Rate limits on password-reset mail and sign-ups, per client address and per e-mail address."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import mail
from django.test import override_settings
from freezegun import freeze_time

from hundred.accounts import throttle
from hundred.accounts.models import Throttle, User
from hundred.test import PASSWORD, BaseTestCase

RESET = "/accounts/password/reset/"
SIGNUP = "/accounts/signup/"
NOW = "2026-11-25 10:20:00+00:00"


class ThrottleTestCase(BaseTestCase):
    def setUp(self):
        freezer = freeze_time(NOW)
        self.clock = freezer.start()
        self.addCleanup(freezer.stop)


class PasswordResetLimitTestCase(ThrottleTestCase):
    def reset(self, email="alice@example.org", **extra):
        return self.client.post(RESET, {"email": email}, **extra)

    def test_fifty_requests_send_three_mails_to_one_person(self):
        # As the attacker did it, from many claimed addresses: 50 requests for alice.
        statuses = [self.reset(REMOTE_ADDR=f"192.0.2.{i}").status_code for i in range(1, 51)]
        limit = settings.MAIL_LIMIT_PER_HOUR
        self.assertEqual(len(mail.outbox), limit)
        self.assertEqual(statuses[:limit], [302] * limit)
        self.assertEqual(set(statuses[limit:]), {429})

    def test_the_refusal_says_when_to_try_again(self):
        for _ in range(settings.MAIL_LIMIT_PER_HOUR):
            self.reset()
        r = self.reset(REMOTE_ADDR="192.0.2.99")
        self.assertContains(r, "Several messages have gone to that address", status_code=429)
        self.assertContains(r, "11:00", status_code=429)
        self.assertEqual(r["Retry-After"], str(40 * 60))

    def test_an_address_with_no_account_is_limited_the_same(self):
        # Otherwise the limit itself would tell which addresses have accounts.
        limit = settings.MAIL_LIMIT_PER_HOUR
        known = [self.reset("alice@example.org").status_code for _ in range(limit + 1)]
        unknown = [self.reset("nobody@example.org").status_code for _ in range(limit + 1)]
        self.assertEqual(known, unknown)

    def test_one_client_is_limited_across_addresses(self):
        limit = settings.PASSWORD_RESET_LIMIT_PER_HOUR
        statuses = [self.reset(f"person{i}@example.org").status_code for i in range(limit + 5)]
        self.assertEqual(statuses[:limit], [302] * limit)
        self.assertEqual(set(statuses[limit:]), {429})
        r = self.reset("someone@example.org")
        self.assertContains(r, "too many of these requests from your network", status_code=429)
        # Another client is not held up by this one.
        self.assertEqual(self.reset(REMOTE_ADDR="192.0.2.200").status_code, 302)

    def test_the_limit_lifts_in_the_next_hour(self):
        for _ in range(settings.MAIL_LIMIT_PER_HOUR + 1):
            self.reset()
        self.clock.tick(timedelta(minutes=41))
        mail.outbox.clear()
        self.assertEqual(self.reset().status_code, 302)
        self.assertEqual(len(mail.outbox), 1)

    def test_old_counters_are_cleared(self):
        self.reset()
        self.clock.tick(timedelta(hours=2))
        self.reset("bob@example.org")
        # Only this hour's counters are left: a client's and an address's.
        self.assertEqual(Throttle.objects.count(), 2)

    @override_settings(MAIL_LIMIT_PER_HOUR=0, PASSWORD_RESET_LIMIT_PER_HOUR=0)
    def test_a_limit_of_zero_is_no_limit(self):
        for _ in range(20):
            self.reset()
        self.assertEqual(len(mail.outbox), 20)


@override_settings(REGISTRATION_OPEN=True)
class SignUpLimitTestCase(ThrottleTestCase):
    def sign_up(self, i, **extra):
        data = {"email": f"new{i}@example.org", "password": PASSWORD, "time_zone": "UTC"}
        return self.client.post(SIGNUP, data, **extra)

    def test_fifty_sign_ups_from_one_client_make_only_the_limit(self):
        statuses = [self.sign_up(i).status_code for i in range(50)]
        limit = settings.SIGNUP_LIMIT_PER_HOUR
        self.assertEqual(statuses[:limit], [302] * limit)
        self.assertEqual(set(statuses[limit:]), {429})
        self.assertEqual(User.objects.filter(email__startswith="new").count(), limit)

    def test_repeated_sign_ups_mail_one_address_only_so_often(self):
        data = {"email": "dana@example.org", "password": PASSWORD, "time_zone": "UTC"}
        statuses = [
            self.client.post(SIGNUP, data, REMOTE_ADDR=f"192.0.2.{i}").status_code
            for i in range(1, 11)
        ]
        self.assertEqual(len(mail.outbox), settings.MAIL_LIMIT_PER_HOUR)
        self.assertEqual(statuses.count(429), 10 - settings.MAIL_LIMIT_PER_HOUR)


class HitTestCase(ThrottleTestCase):
    def test_it_counts_each_scope_and_value_apart(self):
        for _ in range(2):
            self.assertIsNone(throttle.hit("a", "x", 2))
        self.assertIsNotNone(throttle.hit("a", "x", 2))
        self.assertIsNone(throttle.hit("a", "y", 2))
        self.assertIsNone(throttle.hit("b", "x", 2))

    def test_it_keeps_no_address_in_the_clear(self):
        throttle.hit("mail", "alice@example.org", 3)
        self.assertNotIn("alice", Throttle.objects.get().key)
