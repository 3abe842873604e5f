from django.core import mail
from django.test import override_settings

from hundred.test import BaseTestCase


class SiteUrlTestCase(BaseTestCase):
    @override_settings(SITE_URL="https://hundred.example.org")
    def test_it_builds_reset_links_on_the_site_url(self):
        self.client.post("/accounts/password/reset/", {"email": "alice@example.org"})
        self.assertEqual(len(mail.outbox), 1)
        self.assertIn("https://hundred.example.org/accounts/password/reset/", mail.outbox[0].body)

    def test_it_builds_reset_links_on_the_request_host_without_one(self):
        self.client.post("/accounts/password/reset/", {"email": "alice@example.org"})
        self.assertIn("http://testserver/accounts/password/reset/", mail.outbox[0].body)

    @override_settings(SITE_URL="https://hundred.example.org")
    def test_it_gives_the_calendar_feed_on_the_site_url(self):
        self.login()
        r = self.client.get("/transfer/")
        self.assertTrue(
            r.context["feed_url"].startswith("https://hundred.example.org/transfer/feed/")
        )
