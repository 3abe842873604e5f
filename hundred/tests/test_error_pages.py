"""Hundred's own 404 and 500 pages, and one file name per download."""

from __future__ import annotations

from django.test import Client, override_settings
from django.urls import path, reverse

from hundred.test import BaseTestCase
from hundred.urls import urlpatterns as hundred_urls


def broken(request):
    raise RuntimeError("a bug")


urlpatterns = [*hundred_urls, path("broken/", broken)]


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
class ErrorPagesTestCase(BaseTestCase):
    def test_404_is_hundreds_page_with_a_way_back(self):
        self.login()
        r = self.client.get("/people/999999/")
        self.assertEqual(r.status_code, 404)
        self.assertContains(r, "There is nothing here", status_code=404)
        self.assertContains(r, reverse("network-today"), status_code=404)

    def test_500_is_hundreds_page_without_the_traceback(self):
        client = Client(raise_request_exception=False)
        r = client.get("/broken/")
        self.assertEqual(r.status_code, 500)
        self.assertContains(r, "Something went wrong on our side", status_code=500)
        self.assertNotContains(r, "RuntimeError", status_code=500)
        # The navigation stays, so the way on is one click.
        for name in ("network-people", "insight-insights", "accounts-settings"):
            self.assertContains(r, f'href="{reverse(name)}"', status_code=500)


class DownloadNamesTestCase(BaseTestCase):
    def test_each_download_has_its_own_file_name(self):
        self.login()
        names = set()
        for kind, query in (
            ("csv", ""),
            ("csv", "?bom=1"),
            ("vcard", ""),
            ("vcard", "?version=3.0"),
        ):
            r = self.client.get(reverse("transfer-export", args=[kind]) + query)
            names.add(r["Content-Disposition"])
        self.assertEqual(len(names), 4)
