"""Passwords: Argon2id at OWASP's minimum, and hashes made with Django's defaults upgraded."""

from __future__ import annotations

from django.contrib.auth.hashers import Argon2PasswordHasher, check_password, make_password

from hundred.test import PASSWORD, BaseTestCase

OWASP = "m=19456,t=2,p=1"


def parameters(encoded: str) -> str:
    # argon2$argon2id$v=19$m=19456,t=2,p=1$salt$hash
    return encoded.split("$")[3]


class PasswordHashTestCase(BaseTestCase):
    def test_a_new_hash_is_argon2id_at_owasps_minimum(self):
        encoded = make_password("a long enough passphrase")
        self.assertEqual(encoded.split("$")[:3], ["argon2", "argon2id", "v=19"])
        self.assertEqual(parameters(encoded), OWASP)
        self.assertTrue(check_password("a long enough passphrase", encoded))
        self.assertFalse(check_password("another passphrase", encoded))

    def test_a_hash_with_djangos_defaults_still_logs_in_and_is_upgraded(self):
        old = Argon2PasswordHasher().encode(PASSWORD, Argon2PasswordHasher().salt())
        self.assertEqual(parameters(old), "m=102400,t=2,p=8")
        self.alice.password = old
        self.alice.save(update_fields=["password"])
        r = self.client.post(
            "/accounts/login/", {"username": "alice@example.org", "password": PASSWORD}
        )
        self.assertEqual(r.status_code, 302)
        self.assertEqual(self.client.session["_auth_user_id"], str(self.alice.pk))
        self.alice.refresh_from_db()
        self.assertNotEqual(self.alice.password, old)
        self.assertEqual(parameters(self.alice.password), OWASP)
        self.assertTrue(self.alice.check_password(PASSWORD))

    def test_a_wrong_password_does_not_touch_an_old_hash(self):
        old = Argon2PasswordHasher().encode(PASSWORD, Argon2PasswordHasher().salt())
        self.alice.password = old
        self.alice.save(update_fields=["password"])
        self.client.post("/accounts/login/", {"username": "alice@example.org", "password": "no"})
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.password, old)
