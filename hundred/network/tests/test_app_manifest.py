"""The installable app: its manifest and service worker are served, typed right, and parse."""

import json

from django.templatetags.static import static

from hundred.test import BaseTestCase


class ManifestTestCase(BaseTestCase):
    def test_every_page_links_the_manifest_which_is_served_as_a_manifest(self):
        self.login()
        page = self.client.get("/").content.decode()
        url = static("hundred/manifest.webmanifest")
        self.assertIn(f'<link rel="manifest" href="{url}">', page)
        r = self.client.get(url)
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r["Content-Type"].split(";")[0], "application/manifest+json")
        manifest = json.loads(b"".join(r.streaming_content if r.streaming else [r.content]))
        self.assertEqual(manifest["start_url"], "/")
        self.assertEqual(manifest["display"], "standalone")
        self.assertEqual(manifest["name"], "Hundred")
        self.assertRegex(manifest["theme_color"], r"^#[0-9a-f]{6}$")
        # Every icon it lists is there, with the type it claims.
        sizes = set()
        for icon in manifest["icons"]:
            got = self.client.get(static(f"hundred/{icon['src']}"))
            self.assertEqual(got.status_code, 200, icon["src"])
            self.assertEqual(got["Content-Type"], icon["type"])
            sizes.add(icon["sizes"])
        self.assertTrue({"192x192", "512x512"} <= sizes)

    def test_the_service_worker_is_served_from_the_root_and_keeps_only_static_files(self):
        r = self.client.get("/sw.js")  # no log-in: the browser fetches it on its own
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r["Content-Type"], "text/javascript; charset=utf-8")
        self.assertIn("no-store", r["Cache-Control"])
        script = r.content.decode()
        shell = json.loads(script.split("var SHELL = ", 1)[1].split(";\n", 1)[0])
        self.assertIn(static("hundred/app.css"), shell)
        self.assertIn(static("hundred/offline.html"), shell)
        self.assertTrue(all(url.startswith("/static/") for url in shell))
        for url in shell:
            self.assertEqual(self.client.get(url).status_code, 200, url)
        self.assertEqual(self.client.post("/sw.js").status_code, 405)

    def test_only_todays_page_is_marked_as_one_to_keep_offline_with_its_account(self):
        self.login()
        r = self.client.get("/")
        self.assertEqual(r["Hundred-Offline-Copy"], self.alice.offline_key)
        self.assertIn("no-store", r["Cache-Control"])  # still never in the HTTP cache
        self.assertContains(r, f'<meta name="hundred-account" content="{self.alice.offline_key}">')
        self.assertContains(r, 'id="offline-note" hidden')
        self.assertNotEqual(self.alice.offline_key, self.bob.offline_key)
        for path in ("/?all=followups", "/people/", "/insights/", "/accounts/settings/"):
            with self.subTest(path=path):
                self.assertNotIn("Hundred-Offline-Copy", self.client.get(path))
        self.client.logout()
        r = self.client.get("/accounts/login/")
        self.assertContains(r, '<meta name="hundred-account" content="">')
