"""Through the real server: granian closes a write's response once it has been sent, and the
close has the account's Insights page computed ahead of its next view (insight/middleware.py).

The refresh rides on the response's close (`HttpResponse._resource_closers`), which a WSGI
server must call after the last byte (PEP 3333). The test client calls it too, so the other
tests would pass with a server that never did; this one starts granian as `hundred serve`
does, on a data folder of its own, and watches the kept page change in the database after a
form post, with no other request.
"""

from __future__ import annotations

import http.cookiejar
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from pathlib import Path
from unittest import skipUnless

from django.db import connection
from django.test import SimpleTestCase

EMAIL, PASSWORD = "ann@example.org", "granian-closes-responses"
HUNDRED = (sys.executable, "-c", "from hundred.cli import main; raise SystemExit(main())")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    """Just enough of one: cookies, and the CSRF token Django's forms need."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=30) as r:
            return r.read().decode()

    def post(self, path: str, data: dict) -> int:
        token = next(c.value for c in self.jar if c.name == "csrftoken")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(self.base + path, body, headers={"Referer": self.base})
        with self.opener.open(request, timeout=30) as r:  # follows the redirect
            r.read()
            return r.status


# The server runs on a SQLite file of its own whatever the suite's database: the PostgreSQL
# run of the suite would repeat this test word for word.
@skipUnless(connection.vendor == "sqlite", "run once, in the suite's SQLite run")
class GranianClosesTheResponseTestCase(SimpleTestCase):
    def setUp(self) -> None:
        home = tempfile.TemporaryDirectory(prefix="hundred-granian-")
        self.addCleanup(home.cleanup)
        self.database = Path(home.name) / "hundred.sqlite3"
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        env.update(HUNDRED_HOME=home.name, DJANGO_SETTINGS_MODULE="hundred.settings")
        made = subprocess.run(
            [*HUNDRED, "createuser", EMAIL, "--password-stdin"],
            input=PASSWORD + "\n",
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        self.assertEqual(made.returncode, 0, made.stderr)
        port = free_port()
        server = subprocess.Popen(
            [
                *(sys.executable, "-m", "granian", "--interface", "wsgi", "--no-ws"),
                *("--host", "127.0.0.1", "--port", str(port), "--workers", "1"),
                "hundred.wsgi:application",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.addCleanup(server.wait, timeout=30)
        self.addCleanup(server.terminate)
        self.browser = Browser(f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + 60
        while True:
            try:
                self.browser.get("/accounts/login/")
                break
            except urllib.error.HTTPError:
                raise
            except OSError:  # not listening yet
                if time.monotonic() > deadline or server.poll() is not None:
                    self.fail("granian did not start")
                time.sleep(0.2)

    def kept(self) -> tuple[int, int, str]:
        """The account's data stamp, the kept page's stamp and the kept page, read from the
        server's database file as another process would."""
        db = sqlite3.connect(self.database, timeout=10)
        try:
            account, page, body = db.execute(
                "SELECT u.data_stamp, k.stamp, k.body FROM accounts_user u "
                "JOIN insight_keptpage k ON k.account_id = u.id WHERE u.email = ?",
                [EMAIL],
            ).fetchone()
        finally:
            db.close()
        return account, page, zlib.decompress(body).decode()

    def test_a_form_post_has_insights_computed_after_its_response(self):
        self.browser.post("/accounts/login/", {"username": EMAIL, "password": PASSWORD})
        self.assertIn("0 of 100 people listed", self.browser.get("/insights/"))
        account, page, _ = self.kept()
        self.assertEqual(account, page)  # kept for the account as it is

        status = self.browser.post(
            "/people/add/",
            {
                "first_name": "Sam",
                "last_name": "Ito",
                "how_known": "colleague",
                "closeness": "1",
                "stage": "listed",
            },
        )
        self.assertEqual(status, 200)
        # No other request: only the close of the post's response can compute the page now.
        deadline = time.monotonic() + 20
        while True:
            account, page, body = self.kept()
            if account == page or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        self.assertEqual(account, page, "the page was not computed after the post")
        self.assertIn("1 of 100 people listed", body)
