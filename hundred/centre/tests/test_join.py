"""Sign-up modes: by e-mail domain on the sign-up page, the open centre's join link, and the
instance without centres, unchanged."""

from __future__ import annotations

from django.core import mail
from django.test import override_settings

from hundred.accounts.models import Role, SignupMode, User
from hundred.centre.tests.admin_personas import CentreTestCase
from hundred.test import PASSWORD

SIGNUP = "/accounts/signup/"


def form(**fields) -> dict:
    return {"email": "dana@riverside.edu", "password": PASSWORD, "time_zone": "UTC", **fields}


def confirm_link(message) -> str:
    line = next(line for line in message.body.splitlines() if "/accounts/confirm/" in line)
    return line.strip().split("testserver", 1)[1]


class DomainSignUpTestCase(CentreTestCase):
    def setUp(self):
        self.riverside.signup_mode = SignupMode.DOMAINS
        self.riverside.allowed_domains = "riverside.edu\nstudents.riverside.edu"
        self.riverside.save()

    def test_an_address_at_the_domain_signs_up_and_joins_once_confirmed(self):
        self.assertContains(self.client.get(SIGNUP), "use the address at your centre")
        r = self.client.post(SIGNUP, form(email="Dana@Students.Riverside.edu"))
        self.assertRedirects(r, "/accounts/signup/sent/")
        dana = User.objects.get(email="dana@students.riverside.edu")
        self.assertEqual((dana.organisation, dana.role), (self.riverside, Role.SEEKER))
        self.assertFalse(dana.is_active)  # the mailed link proves the address first
        self.client.post(confirm_link(mail.outbox[0]))
        dana.refresh_from_db()
        self.assertTrue(dana.is_active)

    def test_another_domain_is_refused_when_registration_is_closed(self):
        for email in ("dana@example.org", "dana@evil-riverside.edu", "dana@riverside.edu.evil"):
            with self.subTest(email=email):
                r = self.client.post(SIGNUP, form(email=email))
                self.assertContains(r, "for addresses at a career centre")
                self.assertContains(r, f'value="{email}"')
        self.assertFalse(User.objects.filter(email__startswith="dana").exists())
        self.assertEqual(mail.outbox, [])

    def test_an_existing_account_is_not_moved(self):
        self.client.post(SIGNUP, form(email="cole@riverside.edu"))
        self.cole.refresh_from_db()
        self.assertEqual(self.cole.role, Role.COACH)
        self.assertEqual(mail.outbox[0].to, ["cole@riverside.edu"])
        self.assertNotIn("/accounts/confirm/", mail.outbox[0].body)

    @override_settings(REGISTRATION_OPEN=True)
    def test_with_registration_open_other_addresses_get_no_centre(self):
        self.client.post(SIGNUP, form(email="dana@example.org"))
        self.client.post(SIGNUP, form(email="erin@riverside.edu"))
        self.assertIsNone(User.objects.get(email="dana@example.org").organisation)
        self.assertEqual(User.objects.get(email="erin@riverside.edu").organisation, self.riverside)

    def test_a_centre_not_in_domains_mode_takes_no_sign_up(self):
        self.riverside.signup_mode = SignupMode.INVITE
        self.riverside.save()
        self.assertContains(self.client.get(SIGNUP), "Sign-up is closed", status_code=403)
        r = self.client.post(SIGNUP, form())
        self.assertEqual(r.status_code, 403)
        self.assertFalse(User.objects.filter(email="dana@riverside.edu").exists())


class NoCentreTestCase(CentreTestCase):
    def test_without_a_domains_centre_sign_up_stays_closed(self):
        self.assertContains(self.client.get(SIGNUP), "Sign-up is closed", status_code=403)
        self.assertNotContains(self.client.get("/accounts/login/"), "Create an account")

    @override_settings(REGISTRATION_OPEN=True)
    def test_open_registration_makes_accounts_with_no_centre(self):
        r = self.client.get(SIGNUP)
        self.assertNotContains(r, "use the address at your centre")
        self.client.post(SIGNUP, form())
        dana = User.objects.get(email="dana@riverside.edu")
        self.assertEqual((dana.organisation, dana.role), (None, Role.SEEKER))


class OpenJoinTestCase(CentreTestCase):
    def setUp(self):
        self.riverside.signup_mode = SignupMode.OPEN
        self.riverside.save()
        self.url = f"/join/{self.riverside.pk}-riverside-careers/"

    def test_a_new_address_signs_up_into_the_centre(self):
        r = self.client.get(self.url)
        self.assertContains(r, "Join Riverside Careers")
        r = self.client.post(self.url, form(email="dana@example.org", name="Dana"))
        self.assertRedirects(r, "/accounts/signup/sent/")
        dana = User.objects.get(email="dana@example.org")
        self.assertEqual(
            (dana.organisation, dana.role, dana.name), (self.riverside, Role.SEEKER, "Dana")
        )
        self.assertFalse(dana.is_active)
        self.client.post(confirm_link(mail.outbox[0]))
        dana.refresh_from_db()
        self.assertTrue(dana.is_active)

    def test_it_keeps_what_was_typed_when_wrong(self):
        r = self.client.post(self.url, form(email="dana@example.org", password="short"))
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, 'value="dana@example.org"')
        self.assertFalse(User.objects.filter(email="dana@example.org").exists())

    def test_a_centre_not_open_has_no_join_page(self):
        for mode in (SignupMode.INVITE, SignupMode.DOMAINS):
            self.riverside.signup_mode = mode
            self.riverside.save()
            with self.subTest(mode=mode):
                self.assertEqual(self.client.get(self.url).status_code, 404)
                self.assertEqual(self.client.post(self.url, form()).status_code, 404)
        self.assertEqual(self.client.get("/join/999-nowhere/").status_code, 404)
        self.assertFalse(User.objects.filter(email="dana@riverside.edu").exists())

    def test_a_wrong_slug_leads_to_the_right_link(self):
        r = self.client.get(f"/join/{self.riverside.pk}-old-name/")
        self.assertRedirects(r, self.url, status_code=301)

    def test_a_signed_in_account_with_no_centre_joins_with_a_button(self):
        self.login(self.bob)
        self.assertContains(self.client.get(self.url), "Join Riverside Careers</button>")
        self.bob.refresh_from_db()
        self.assertIsNone(self.bob.organisation)
        self.client.post(self.url)
        self.bob.refresh_from_db()
        self.assertEqual((self.bob.organisation, self.bob.role), (self.riverside, Role.SEEKER))

    def test_a_member_of_another_centre_cannot_join(self):
        self.login(self.hugo)
        r = self.client.post(self.url)
        self.assertContains(r, "Nothing has changed", status_code=409)
        self.hugo.refresh_from_db()
        self.assertEqual(self.hugo.organisation, self.hillside)

    @override_settings(SIGNUP_LIMIT_PER_HOUR=1)
    def test_it_limits_sign_ups_from_one_client(self):
        self.client.post(self.url, form(email="dana@example.org", password="short"))
        r = self.client.post(self.url, form(email="dana@example.org"))
        self.assertEqual(r.status_code, 429)
        self.assertFalse(User.objects.filter(email="dana@example.org").exists())
