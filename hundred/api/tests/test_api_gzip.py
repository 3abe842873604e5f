"""The API answers gzipped to a client that asks for it, like the pages."""

from __future__ import annotations

import gzip
import json

from hundred.api.tests.base import ApiTestCase


class ApiGzipTestCase(ApiTestCase):
    def test_a_client_that_asks_gets_gzip_and_one_that_does_not_gets_plain_json(self):
        for n in range(20):
            self.make_person(f"Person{n}", "Longname")
        packed = self.call("get", "/people/", HTTP_ACCEPT_ENCODING="gzip")
        self.assertEqual(packed["Content-Encoding"], "gzip")
        people = json.loads(gzip.decompress(packed.content))
        self.assertEqual(len(people["items"]), 20)
        plain = self.call("get", "/people/")
        self.assertNotIn("Content-Encoding", plain)
        self.assertEqual(json.loads(plain.content), people)
