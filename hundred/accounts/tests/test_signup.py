from django.test import TestCase, override_settings

from hundred.accounts.models import User
from hundred.test import PASSWORD, BaseTestCase, FrozenClock

URL = "/accounts/signup/"


def form(**fields) -> dict:
    return {"email": "dana@example.org", "password": PASSWORD, "time_zone": "UTC", **fields}


class FirstSignUpTestCase(FrozenClock, TestCase):
    """An instance with no account yet: anyone may make the first one."""

    def test_it_shows_the_form(self):
        r = self.client.get(URL)
        self.assertContains(r, "Create your account")
        self.assertContains(r, 'name="password"')

    def test_it_creates_the_first_account_and_logs_in(self):
        r = self.client.post(URL, form(email="Dana@Example.org", time_zone="Europe/Paris"))
        self.assertEqual(r.status_code, 302)
        user = User.objects.get()
        self.assertEqual(user.email, "dana@example.org")
        self.assertEqual(user.time_zone, "Europe/Paris")
        self.assertEqual(self.client.session["_auth_user_id"], str(user.pk))
        self.assertTrue(user.check_password(PASSWORD))

    def test_it_hashes_with_argon2(self):
        self.client.post(URL, form())
        self.assertTrue(User.objects.get().password.startswith("argon2"))

    def test_it_applies_the_password_validators(self):
        for weak in ("short", "password123", "12345678901234", "dana-example-org"):
            with self.subTest(password=weak):
                r = self.client.post(URL, form(password=weak, email="dana@example.org"))
                self.assertEqual(r.status_code, 200)
                self.assertFalse(User.objects.exists())
                # What was typed in the other fields is still there to correct.
                self.assertContains(r, 'value="dana@example.org"')

    def test_it_refuses_an_address_that_is_not_one(self):
        r = self.client.post(URL, form(email="dana.example.org"))
        self.assertContains(r, "valid email address")
        self.assertFalse(User.objects.exists())

    def test_it_refuses_an_unknown_time_zone(self):
        r = self.client.post(URL, form(time_zone="Mars/Olympus"))
        self.assertEqual(r.status_code, 200)
        self.assertFalse(User.objects.exists())


class LaterSignUpTestCase(BaseTestCase):
    """alice, bob and charlie exist: sign-up is closed unless the instance opens it."""

    def test_it_refuses_sign_up_when_closed(self):
        r = self.client.get(URL)
        self.assertContains(r, "Sign-up is closed", status_code=403)

    def test_it_refuses_to_create_when_closed(self):
        r = self.client.post(URL, form())
        self.assertEqual(r.status_code, 403)
        self.assertFalse(User.objects.filter(email="dana@example.org").exists())

    @override_settings(REGISTRATION_OPEN=True)
    def test_it_creates_when_open(self):
        r = self.client.post(URL, form())
        self.assertEqual(r.status_code, 302)
        self.assertTrue(User.objects.filter(email="dana@example.org").exists())

    @override_settings(REGISTRATION_OPEN=True)
    def test_it_refuses_an_address_in_use_in_any_case(self):
        r = self.client.post(URL, form(email="ALICE@Example.ORG", time_zone="Asia/Tokyo"))
        self.assertContains(r, "There is already an account with this address")
        self.assertEqual(User.objects.filter(email__iexact="alice@example.org").count(), 1)
        # The form keeps what was typed.
        self.assertContains(r, 'value="ALICE@Example.ORG"')
        self.assertContains(r, '<option value="Asia/Tokyo" selected>')

    def test_it_sends_a_logged_in_user_home(self):
        self.login()
        r = self.client.get(URL)
        self.assertRedirects(r, "/")
