from hundred.test import PASSWORD, BaseTestCase

URL = "/accounts/login/"


class LoginTestCase(BaseTestCase):
    def test_it_shows_the_form(self):
        r = self.client.get(URL)
        self.assertContains(r, "Log in")
        self.assertContains(r, 'type="password"')

    def test_it_logs_in_by_email_in_any_case(self):
        for typed in ("alice@example.org", "Alice@Example.ORG", "  ALICE@EXAMPLE.ORG"):
            with self.subTest(email=typed):
                self.client.logout()
                r = self.client.post(URL, {"username": typed, "password": PASSWORD})
                self.assertRedirects(r, "/", fetch_redirect_response=False)
                self.assertEqual(self.client.session["_auth_user_id"], str(self.alice.pk))

    def test_it_refuses_a_wrong_password(self):
        r = self.client.post(URL, {"username": "alice@example.org", "password": "not-it-at-all"})
        self.assertContains(r, "enter a correct")
        self.assertNotIn("_auth_user_id", self.client.session)
        # The address stays in the form.
        self.assertContains(r, 'value="alice@example.org"')

    def test_it_refuses_an_inactive_account(self):
        self.alice.is_active = False
        self.alice.save(update_fields=["is_active"])
        r = self.client.post(URL, {"username": "alice@example.org", "password": PASSWORD})
        self.assertEqual(r.status_code, 200)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_it_follows_next(self):
        r = self.client.post(
            URL, {"username": "alice@example.org", "password": PASSWORD, "next": "/companies/"}
        )
        self.assertRedirects(r, "/companies/", fetch_redirect_response=False)

    def test_it_does_not_follow_next_off_site(self):
        r = self.client.post(
            URL,
            {"username": "alice@example.org", "password": PASSWORD, "next": "https://evil.test/"},
        )
        self.assertRedirects(r, "/", fetch_redirect_response=False)

    def test_it_sends_a_logged_in_user_home(self):
        self.login()
        self.assertRedirects(self.client.get(URL), "/", fetch_redirect_response=False)


class LogoutTestCase(BaseTestCase):
    def test_it_logs_out_on_post(self):
        self.login()
        r = self.client.post("/accounts/logout/")
        self.assertRedirects(r, "/accounts/login/", fetch_redirect_response=False)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_it_asks_the_browser_to_forget_what_the_site_kept(self):
        # "storage" is what clears the installed app's copy of Today (Cache Storage) in
        # Chromium; "cache" alone does not (hundred/tests/test_browser_offline.py).
        self.login()
        r = self.client.post("/accounts/logout/")
        self.assertEqual(r["Clear-Site-Data"], '"cache", "storage"')

    def test_it_does_not_log_out_on_get(self):
        self.login()
        r = self.client.get("/accounts/logout/")
        self.assertEqual(r.status_code, 405)
        self.assertEqual(self.client.session["_auth_user_id"], str(self.alice.pk))

    def test_it_offers_log_out_as_a_form(self):
        self.login()
        r = self.client.get("/")
        self.assertContains(r, 'method="post" action="/accounts/logout/"')


class LoginSignupLinkTestCase(BaseTestCase):
    def test_it_hides_the_sign_up_link_when_sign_up_is_closed(self):
        with self.settings(REGISTRATION_OPEN=False):
            r = self.client.get("/accounts/login/")
        self.assertNotContains(r, "Create an account")

    def test_it_shows_the_sign_up_link_when_sign_up_is_open(self):
        with self.settings(REGISTRATION_OPEN=True):
            r = self.client.get("/accounts/login/")
        self.assertContains(r, "Create an account")
