"""Templates, compression and static files, as issue 15 measured them: compiled templates are
kept, pages are gzipped, static files get hashed names and a year's caching once collected."""

import gzip
import tempfile
from pathlib import Path
from unittest.mock import patch

from django.template import engines
from django.templatetags.static import static
from django.test import Client, override_settings

from hundred.serve import collect_static
from hundred.test import BaseTestCase


class TemplatesTestCase(BaseTestCase):
    def test_compiled_templates_are_kept(self):
        # django-template-partials wraps Django's default: the cached loader, DEBUG or not.
        (partials,) = engines["django"].engine.template_loaders
        self.assertEqual(
            [type(loader).__module__ for loader in partials.loaders],
            ["django.template.loaders.cached"],
        )
        self.assertIs(
            partials.get_template("network/people.html"),
            partials.get_template("network/people.html"),
        )


class GzipTestCase(BaseTestCase):
    def test_pages_are_gzipped_for_browsers_that_ask(self):
        for i in range(30):
            self.make_person("Zed", f"{i:03}")
        self.login()
        plain = self.client.get("/people/")
        self.assertNotIn("Content-Encoding", plain.headers)
        packed = self.client.get("/people/", headers={"accept-encoding": "gzip, br"})
        self.assertEqual(packed.headers["Content-Encoding"], "gzip")
        self.assertIn("Accept-Encoding", packed.headers["Vary"])
        self.assertEqual(gzip.decompress(packed.content).count(b">Zed 0"), 30)
        self.assertLess(len(packed.content), len(plain.content) / 3)


class StaticFilesTestCase(BaseTestCase):
    def test_uncollected_files_keep_their_plain_names_and_are_served(self):
        with tempfile.TemporaryDirectory() as root, override_settings(STATIC_ROOT=root):
            self.assertEqual(static("hundred/app.css"), "/static/hundred/app.css")
            r = Client().get("/static/hundred/app.css")
            self.assertEqual(r.status_code, 200)
            self.assertNotIn("immutable", r.headers.get("Cache-Control", ""))

    def test_serve_collects_them_with_hashed_names_cached_for_a_year(self):
        with tempfile.TemporaryDirectory() as root, override_settings(STATIC_ROOT=root):
            collect_static()
            self.assertTrue((Path(root) / "staticfiles.json").exists())
            url = static("hundred/app.css")
            self.assertRegex(url, r"^/static/hundred/app\.[0-9a-f]{12}\.css$")
            self.assertTrue((Path(root) / url.removeprefix("/static/")).with_suffix(".css.gz"))
            r = Client().get(url, headers={"accept-encoding": "gzip"})
            self.assertEqual(r.status_code, 200)
            self.assertIn("immutable", r.headers["Cache-Control"])
            self.assertIn("max-age=315360000", r.headers["Cache-Control"])
            self.assertEqual(r.headers.get("Content-Encoding"), "gzip")
            b"".join(r.streaming_content)
            r.close()
            # The next start finds nothing changed and does not collect again.
            with patch("django.core.management.call_command") as collect:
                collect_static()
            collect.assert_not_called()
            (Path(root) / ".hundred-sources").write_text("an older version's files")
            with patch("django.core.management.call_command") as collect:
                collect_static()
            collect.assert_called_once()
