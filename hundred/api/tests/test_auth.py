"""Who may call the API: a live token, a read-write one to write, a signed-in browser with CSRF."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client, override_settings
from django.utils import timezone
from freezegun import freeze_time

from hundred.accounts.models import ApiToken
from hundred.api.tests.base import ApiTestCase
from hundred.network.models import Person


class TokenAuthTestCase(ApiTestCase):
    def test_no_token_is_401_with_a_problem(self):
        r = self.client.get("/api/v1/people/")
        self.assertProblem(r, 401)
        self.assertIn("Bearer", r["WWW-Authenticate"])

    def test_a_wrong_token_is_401(self):
        for secret in ("hpat_nope", "nope", self.secret + "x"):
            with self.subTest(secret=secret):
                self.assertProblem(self.call("get", "/people/", secret=secret), 401)

    def test_a_revoked_token_is_401(self):
        self.token.revoke()
        self.assertProblem(self.call("get", "/people/"), 401)

    def test_a_read_only_token_reads_but_may_not_write(self):
        _, secret = ApiToken.objects.issue(self.alice, "ro", write=False)
        person = self.make_person()
        self.assertEqual(self.call("get", "/people/", secret=secret).status_code, 200)
        self.assertProblem(self.call("post", "/people/", {"first_name": "X"}, secret=secret), 403)
        r = self.call("patch", f"/people/{person.pk}/", {"title": "CEO"}, secret=secret)
        self.assertProblem(r, 403)
        self.assertProblem(self.call("delete", f"/people/{person.pk}/", secret=secret), 403)
        person.refresh_from_db()
        self.assertEqual(person.title, "")
        self.assertEqual(Person.objects.count(), 1)

    def test_it_notes_when_a_token_was_last_used(self):
        self.assertIsNone(self.token.last_used_at)
        self.call("get", "/people/")
        self.token.refresh_from_db()
        self.assertIsNotNone(self.token.last_used_at)

    def test_a_token_acts_as_its_owner_only(self):
        self.make_person(owner=self.bob, first_name="Bobs")
        self.make_person()
        names = [p["first_name"] for p in self.call("get", "/people/").json()["items"]]
        self.assertEqual(names, ["Maya"])


class SessionAuthTestCase(ApiTestCase):
    def test_a_signed_in_browser_reads(self):
        self.login()
        self.make_person()
        r = self.client.get("/api/v1/people/")
        self.assertEqual(r.status_code, 200)
        self.assertEqual(len(r.json()["items"]), 1)

    def test_a_browser_write_needs_the_csrf_token(self):
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(self.alice)
        r = browser.post(
            "/api/v1/people/", '{"first_name": "Ann"}', content_type="application/json"
        )
        self.assertEqual(r.status_code, 403)
        self.assertFalse(Person.objects.exists())
        browser.get("/accounts/settings/")
        csrf = browser.cookies["csrftoken"].value
        r = browser.post(
            "/api/v1/people/",
            '{"first_name": "Ann"}',
            content_type="application/json",
            HTTP_X_CSRFTOKEN=csrf,
        )
        self.assertEqual(r.status_code, 201, r.content)


@override_settings(API_REQUESTS_PER_HOUR=3)
class RateLimitTestCase(ApiTestCase):
    clock = freeze_time("2026-11-25 10:10Z")

    def test_it_limits_each_token_per_hour(self):
        for _ in range(3):
            self.assertEqual(self.call("get", "/people/").status_code, 200)
        r = self.call("get", "/people/")
        self.assertProblem(r, 429)
        self.assertEqual(r["Retry-After"], str(50 * 60))
        # Another token has its own count.
        _, other = ApiToken.objects.issue(self.alice, "other", write=False)
        self.assertEqual(self.call("get", "/people/", secret=other).status_code, 200)
        with freeze_time(timezone.now() + timedelta(hours=1)):
            self.assertEqual(self.call("get", "/people/").status_code, 200)


class ProblemEverywhereTestCase(ApiTestCase):
    """Every answer under /api/v1/ that is an error is problem JSON, whatever refused it."""

    def test_no_token_is_401_whatever_the_method(self):
        # A POST with no session used to meet the browser's CSRF check first: 403.
        anonymous = Client(enforce_csrf_checks=True)
        for method, path in [
            ("get", "/api/v1/people/"),
            ("post", "/api/v1/check-ask/"),
            ("post", "/api/v1/people/"),
            ("patch", f"/api/v1/people/{self.make_person().pk}/"),
            ("delete", f"/api/v1/people/{self.make_person().pk}/"),
        ]:
            with self.subTest(method=method, path=path):
                send = getattr(anonymous, method)
                r = send(path) if method == "get" else send(path, "{}", "application/json")
                problem = self.assertProblem(r, 401)
                self.assertIn("Bearer", problem["detail"])
        self.assertEqual(Person.objects.count(), 2)

    def test_a_browser_write_without_csrf_is_a_403_problem_that_says_what_to_send(self):
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(self.alice)
        r = browser.post("/api/v1/check-ask/", '{"text": "Hi"}', content_type="application/json")
        self.assertIn("X-CSRFToken", self.assertProblem(r, 403)["detail"])

    def test_a_path_no_route_takes_is_a_404_problem(self):
        for path in ("/people/abc/", "/nothing/", "/people/1/nothing/"):
            with self.subTest(path=path):
                problem = self.assertProblem(self.call("get", path), 404)
                self.assertIn("/api/v1/docs", problem["detail"])
        # Without a token too: nothing in the API answers with the site's HTML page.
        self.assertProblem(self.client.get("/api/v1/nothing/"), 404)

    def test_a_method_the_path_does_not_take_is_a_405_problem_with_allow(self):
        r = self.call("delete", "/today/")
        problem = self.assertProblem(r, 405)
        self.assertIn("Allow header", problem["detail"])
        self.assertEqual(r["Allow"], "GET")

    def test_pages_outside_the_api_keep_their_html_404(self):
        self.login()
        r = self.client.get("/nothing/")
        self.assertEqual(r.status_code, 404)
        self.assertTrue(r["Content-Type"].startswith("text/html"))
