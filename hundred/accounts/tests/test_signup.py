from datetime import timedelta

from django.core import mail
from django.templatetags.static import static
from django.test import TestCase, override_settings
from freezegun import freeze_time

from hundred.accounts.models import SetupToken, User
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
    def test_it_keeps_what_was_typed_when_the_form_is_wrong(self):
        data = form(email="Dana@Example.org", time_zone="Asia/Tokyo", password="x")
        r = self.client.post(URL, data)
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, 'value="Dana@Example.org"')
        self.assertContains(r, '<option value="Asia/Tokyo" selected>')

    def test_it_sends_a_logged_in_user_home(self):
        self.login()
        r = self.client.get(URL)
        self.assertRedirects(r, "/")


@override_settings(REGISTRATION_OPEN=True)
class ConfirmedSignUpTestCase(BaseTestCase):
    """Open sign-up: an account works only once its owner opens the link mailed to it, and the
    page never says whether an address had an account."""

    def confirm_link(self, message) -> str:
        line = next(line for line in message.body.splitlines() if "/accounts/confirm/" in line)
        return line.strip().split("testserver", 1)[1]

    def log_in(self, email="dana@example.org", password=PASSWORD):
        return self.client.post("/accounts/login/", {"username": email, "password": password})

    def test_it_mails_a_link_and_the_account_waits_for_it(self):
        r = self.client.post(URL, form(email="Dana@Example.org"))
        self.assertRedirects(r, "/accounts/signup/sent/")
        self.assertContains(self.client.get(r["Location"]), "Check your e-mail")
        dana = User.objects.get(email="dana@example.org")
        self.assertFalse(dana.is_active)
        self.assertIsNone(dana.email_confirmed_at)
        self.assertNotIn("_auth_user_id", self.client.session)
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["dana@example.org"])
        self.assertEqual(mail.outbox[0].subject, "Confirm your Hundred account")

    def test_an_unconfirmed_account_cannot_log_in(self):
        self.client.post(URL, form())
        r = self.log_in()
        self.assertEqual(r.status_code, 200)
        self.assertNotIn("_auth_user_id", self.client.session)
        self.assertContains(r, "Open the link in the mail we sent first")
        # Nor can it ask for a reset link to get round the confirmation.
        mail.outbox.clear()
        self.client.post("/accounts/password/reset/", {"email": "dana@example.org"})
        self.assertEqual(mail.outbox, [])

    def test_the_link_confirms_the_account_once(self):
        self.client.post(URL, form())
        link = self.confirm_link(mail.outbox[0])
        r = self.client.get(link)
        self.assertContains(r, "Confirm my address")
        # Opening the link changes nothing: mail scanners open links too.
        self.assertFalse(User.objects.get(email="dana@example.org").is_active)
        self.assertEqual(self.client.head(link).status_code, 200)
        r = self.client.post(link)
        self.assertRedirects(r, "/accounts/login/?next=/welcome/")
        dana = User.objects.get(email="dana@example.org")
        self.assertTrue(dana.is_active)
        self.assertIsNotNone(dana.email_confirmed_at)
        # Logged in from there, the first-run steps come first.
        r = self.client.post(
            "/accounts/login/",
            {"username": "dana@example.org", "password": PASSWORD, "next": "/welcome/"},
        )
        self.assertRedirects(r, "/welcome/", fetch_redirect_response=False)
        # Used once, the link is dead.
        self.client.logout()
        self.assertContains(self.client.get(link), "This link no longer works", status_code=400)

    def test_a_tampered_or_old_link_does_not_confirm(self):
        with freeze_time("2026-11-25 10:00:00+00:00") as clock:
            self.client.post(URL, form())
            link = self.confirm_link(mail.outbox[0])
            self.assertEqual(self.client.post(link[:-3] + "xyz/").status_code, 400)
            clock.tick(timedelta(days=3, minutes=1))
            self.assertEqual(self.client.post(link).status_code, 400)
        self.assertFalse(User.objects.get(email="dana@example.org").is_active)

    def test_signing_up_again_sends_a_new_link_and_the_old_one_stops(self):
        self.client.post(URL, form())
        first = self.confirm_link(mail.outbox[0])
        self.client.post(URL, form(password="another-long-passphrase"))
        second = self.confirm_link(mail.outbox[1])
        self.assertEqual(self.client.post(first).status_code, 400)
        self.assertRedirects(self.client.post(second), "/accounts/login/?next=/welcome/")
        # The latest sign-up's password is the one that works.
        self.assertRedirects(
            self.log_in(password="another-long-passphrase"), "/", fetch_redirect_response=False
        )

    def test_it_does_not_say_whether_an_address_has_an_account(self):
        known = self.client.post(URL, form(email="ALICE@Example.ORG"))
        unknown = self.client.post(URL, form(email="erin@example.org"))
        self.assertRedirects(known, "/accounts/signup/sent/")
        self.assertRedirects(unknown, "/accounts/signup/sent/")
        self.assertNotContains(self.client.get(known["Location"]), "already")
        # Alice's account is untouched; her mailbox hears about it.
        self.assertEqual(User.objects.filter(email__iexact="alice@example.org").count(), 1)
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password(PASSWORD))
        to_alice = [m for m in mail.outbox if m.to == ["alice@example.org"]]
        self.assertEqual(len(to_alice), 1)
        self.assertEqual(to_alice[0].subject, "You already have a Hundred account")
        self.assertNotIn("/accounts/confirm/", to_alice[0].body)

    def test_a_disabled_account_is_not_brought_back_by_signing_up(self):
        self.alice.is_active = False
        self.alice.save(update_fields=["is_active"])
        self.client.post(URL, form(email="alice@example.org"))
        self.assertNotIn("/accounts/confirm/", mail.outbox[0].body)
        self.alice.refresh_from_db()
        self.assertFalse(self.alice.is_active)


class SetupTokenSignUpTestCase(TestCase):
    """`hundred serve` on a public address printed a token: the first sign-up must give it."""

    def setUp(self):
        self.token = SetupToken.objects.issue()

    def test_it_asks_for_the_token(self):
        r = self.client.get(URL)
        self.assertContains(r, "set-up token")
        self.assertContains(r, 'name="setup_token"')

    def test_it_refuses_the_first_account_without_the_right_token(self):
        for given in ("", "not-the-token"):
            with self.subTest(token=given):
                r = self.client.post(URL, form(setup_token=given))
                self.assertEqual(r.status_code, 200)
                self.assertFalse(User.objects.exists())
        self.assertContains(r, "That is not the set-up token")

    def test_the_token_makes_the_first_account_once(self):
        r = self.client.post(URL, form(setup_token=self.token))
        self.assertRedirects(r, "/welcome/", fetch_redirect_response=False)
        self.assertTrue(User.objects.get().is_active)
        self.assertFalse(SetupToken.objects.exists())
        # Spent: the next visitor finds sign-up closed.
        self.client.logout()
        r = self.client.post(URL, form(email="mallory@example.org", setup_token=self.token))
        self.assertEqual(r.status_code, 403)


class TimeZoneChoiceTestCase(TestCase):
    """The zone preselected at sign-up: the browser's (by script), else the instance's."""

    def test_a_blank_form_asks_the_script_to_preselect_the_browser_zone(self):
        r = self.client.get(URL)
        self.assertContains(r, 'data-time-zone-guess="time-zone-guess"')
        # Its hashed name once `hundred serve` has collected the static files.
        self.assertContains(r, f'src="{static("hundred/timezone.js")}"')
        self.assertContains(r, 'id="time-zone-guess"')
        self.assertNotContains(r, "<script>")  # no inline script: a CSP will forbid them
        self.assertContains(r, "every time you see follow it")

    def test_without_the_script_it_is_the_instance_zone(self):
        self.assertContains(self.client.get(URL), '<option value="UTC" selected>')
        with self.settings(TIME_ZONE="America/New_York"):
            r = self.client.get(URL)
        self.assertContains(r, '<option value="America/New_York" selected>')

    def test_a_form_sent_back_keeps_the_chosen_zone_and_no_guess(self):
        r = self.client.post(URL, form(email="nope", time_zone="Asia/Tokyo"))
        self.assertContains(r, '<option value="Asia/Tokyo" selected>')
        self.assertNotContains(r, "data-time-zone-guess")
