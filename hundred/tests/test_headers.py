"""Headers on every page: a Content-Security-Policy with no inline allowance, no-store on pages
and downloads, HEAD wherever GET works, forwarded headers only from trusted proxies, and
HTTPS settings that follow SITE_URL."""

from __future__ import annotations

import os
from unittest import mock

from django.test import override_settings
from django.urls import reverse

from hundred.lib.clientip import parse_networks
from hundred.test import PASSWORD, BaseTestCase
from hundred.tests.test_isolation import BUILDERS, all_routes
from hundred.tests.test_settings import python
from hundred.transfer.models import CalendarFeed

DOWNLOADS = ["json", "csv", "vcard", "ics"]


class EveryPageTestCase(BaseTestCase):
    """Walks every URL as alice (with her objects where the URL takes an id)."""

    def pages(self):
        """(name, url) for every route that answers GET, as alice sees it."""
        self.login()
        for route in all_routes():
            if route.name in BUILDERS:
                kwargs, _ = BUILDERS[route.name](self)
            elif route.name == "transfer-feed":
                kwargs = {"token": CalendarFeed.objects.get_or_create(owner=self.alice)[0].token}
            else:
                # Any other sample; a token that is no token shows "this link no longer works".
                kwargs = route.sample_kwargs()
            if route.name == "transfer-export":
                for kind in DOWNLOADS:
                    yield route.name, reverse(route.name, kwargs={"kind": kind})
                continue
            yield route.name, reverse(route.name, kwargs=kwargs)

    def test_the_walk_finds_the_main_pages(self):
        names = {name for name, _ in self.pages()}
        for name in ("network-today", "network-people", "insight-insights", "transfer-index"):
            self.assertIn(name, names)

    def test_every_page_has_a_csp_that_forbids_inline_code(self):
        for _name, url in self.pages():
            with self.subTest(url=url):
                r = self.client.get(url)
                if r.status_code == 405:
                    continue
                csp = r["Content-Security-Policy"]
                self.assertIn("default-src 'self'", csp)
                self.assertIn("script-src 'self'", csp)
                self.assertIn("style-src 'self'", csp)
                self.assertIn("frame-ancestors 'none'", csp)
                self.assertNotIn("unsafe-inline", csp)
                self.assertNotIn("unsafe-eval", csp)

    def test_no_page_has_inline_script_or_style(self):
        for _name, url in self.pages():
            with self.subTest(url=url):
                r = self.client.get(url)
                if r.status_code != 200 or "html" not in r["Content-Type"]:
                    continue
                html = r.content.decode()
                self.assertNotRegex(html, r"<script(?![^>]*\bsrc=)[^>]*>", "inline <script>")
                self.assertNotIn("<style", html)
                self.assertNotRegex(html, r"\sstyle=", "a style= attribute")
                self.assertNotRegex(html, r"\son[a-z]+=|hx-on", "an inline event handler")

    def test_the_demo_accounts_full_pages_have_none_either(self):
        # Charts, the referral tree and its outline only draw with data.
        from hundred.network.demo import build_demo

        build_demo(self.alice)
        self.login()
        for url in ("/", "/people/", "/insights/", "/hundred/", "/give-back/"):
            with self.subTest(url=url):
                html = self.client.get(url).content.decode()
                self.assertNotRegex(html, r"\sstyle=|<style|<script(?![^>]*\bsrc=)")

    def test_every_page_and_download_is_no_store(self):
        for name, url in self.pages():
            if name == "transfer-feed":
                continue  # its own choice: private, five minutes, for calendar apps
            with self.subTest(url=url):
                r = self.client.get(url)
                if r.status_code == 405:
                    continue
                self.assertIn("no-store", r["Cache-Control"])

    def test_the_backup_download_is_no_store(self):
        self.login()
        r = self.client.get(reverse("transfer-export", kwargs={"kind": "json"}))
        self.assertEqual(r.status_code, 200)
        self.assertIn("attachment", r["Content-Disposition"])
        self.assertIn("no-store", r["Cache-Control"])

    def test_the_calendar_feed_is_not_kept_by_shared_caches(self):
        self.assertIn("private", self.client.get(self.feed_url())["Cache-Control"])

    def test_head_answers_wherever_get_does(self):
        for _name, url in self.pages():
            with self.subTest(url=url):
                get = self.client.get(url)
                head = self.client.head(url)
                if get.status_code == 405:
                    continue
                self.assertEqual(head.status_code, get.status_code)
                self.assertEqual(head.content, b"")
                self.assertEqual(head["Content-Type"], get["Content-Type"])

    def feed_url(self) -> str:
        feed, _ = CalendarFeed.objects.get_or_create(owner=self.alice)
        return reverse("transfer-feed", kwargs={"token": feed.token})

    def test_head_on_the_calendar_feed_and_a_download_is_200(self):
        self.client.logout()
        r = self.client.head(self.feed_url())
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r["Content-Type"], "text/calendar; charset=utf-8")
        self.login()
        r = self.client.head(reverse("transfer-export", kwargs={"kind": "csv"}))
        self.assertEqual(r.status_code, 200)
        self.assertGreater(int(r["Content-Length"]), 0)

    def test_head_does_not_open_post_only_views(self):
        self.login()
        self.assertEqual(self.client.head("/accounts/logout/").status_code, 405)


class CookieAndHeaderTestCase(BaseTestCase):
    def test_the_session_cookie_is_http_only_and_same_site(self):
        r = self.client.post(
            "/accounts/login/", {"username": "alice@example.org", "password": PASSWORD}
        )
        cookie = r.cookies["sessionid"]
        self.assertTrue(cookie["httponly"])
        self.assertEqual(cookie["samesite"], "Lax")

    def test_every_page_sends_the_other_security_headers(self):
        for url in ("/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"):
            with self.subTest(url=url):
                r = self.client.get(url)
                self.assertEqual(r["X-Frame-Options"], "DENY")
                self.assertEqual(r["X-Content-Type-Options"], "nosniff")
                self.assertEqual(r["Referrer-Policy"], "same-origin")
                self.assertEqual(r["Cross-Origin-Opener-Policy"], "same-origin")

    def test_the_csrf_failure_page_needs_no_inline_style(self):
        # Django's own page has a <style> element, which the policy would block.
        from django.test import Client

        r = Client(enforce_csrf_checks=True).post("/accounts/login/", {"username": "x"})
        self.assertContains(r, "That form could not be sent", status_code=403)
        self.assertNotIn("<style", r.content.decode())
        self.assertIn("style-src 'self'", r["Content-Security-Policy"])


class ForwardedHeadersTestCase(BaseTestCase):
    def test_it_ignores_x_forwarded_proto_from_a_stranger(self):
        with override_settings(
            TRUSTED_PROXIES=parse_networks(["127.0.0.1"]),
            SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
            SECURE_SSL_REDIRECT=True,
            SECURE_HSTS_SECONDS=3600,
        ):
            stranger = self.client.get(
                "/accounts/login/", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR="203.0.113.9"
            )
            proxied = self.client.get(
                "/accounts/login/", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR="127.0.0.1"
            )
        # The stranger's claim of HTTPS is dropped, so it is sent to HTTPS...
        self.assertEqual(stranger.status_code, 301)
        self.assertTrue(stranger["Location"].startswith("https://"))
        # ...while the trusted proxy's is believed.
        self.assertEqual(proxied.status_code, 200)
        self.assertIn("max-age=", proxied["Strict-Transport-Security"])


# Prints the security settings that the environment gave.
SECURITY = """
import json, hundred.settings as s
print(json.dumps({
    "redirect": s.SECURE_SSL_REDIRECT, "hsts": s.SECURE_HSTS_SECONDS,
    "session_secure": s.SESSION_COOKIE_SECURE, "csrf_secure": s.CSRF_COOKIE_SECURE,
    "proxy_header": getattr(s, "SECURE_PROXY_SSL_HEADER", None),
    "proxies": [str(n) for n in s.TRUSTED_PROXIES],
}))
"""


SECURITY_VARIABLES = (
    "SITE_URL",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_COOKIES",
    "TRUSTED_PROXIES",
)


def security(**env: str) -> dict:
    """The security settings made from `env` and none of the runner's own such variables."""
    with mock.patch.dict(os.environ):
        for name in SECURITY_VARIABLES:
            os.environ.pop(name, None)
        return python(SECURITY, **env)


class HttpsSettingsTestCase(BaseTestCase):
    def test_a_laptop_gets_no_https_settings(self):
        s = security()
        self.assertEqual(
            s,
            {
                "redirect": False,
                "hsts": 0,
                "session_secure": False,
                "csrf_secure": False,
                "proxy_header": None,
                "proxies": [],
            },
        )

    def test_an_https_site_url_turns_them_on(self):
        s = security(SITE_URL="https://hundred.example.org")
        self.assertTrue(s["redirect"])
        self.assertGreaterEqual(s["hsts"], 31_536_000)
        self.assertTrue(s["session_secure"] and s["csrf_secure"])
        # No trusted proxy: X-Forwarded-Proto is not believed.
        self.assertIsNone(s["proxy_header"])

    def test_each_can_be_set_alone(self):
        s = security(
            SITE_URL="https://hundred.example.org",
            SECURE_SSL_REDIRECT="off",
            SECURE_HSTS_SECONDS="3600",
            SECURE_COOKIES="no",
            TRUSTED_PROXIES="127.0.0.1, 10.0.0.0/8",
        )
        self.assertEqual(
            s,
            {
                "redirect": False,
                "hsts": 3600,
                "session_secure": False,
                "csrf_secure": False,
                "proxy_header": ["HTTP_X_FORWARDED_PROTO", "https"],
                "proxies": ["127.0.0.1/32", "10.0.0.0/8"],
            },
        )
