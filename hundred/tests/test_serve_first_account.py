"""`hundred serve` where strangers can reach it, before any account exists: the first sign-up
must give the set-up token printed on the console. The command function is called with the
server mocked: no real server is started on a public address."""

from __future__ import annotations

import argparse
import io
import re
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from unittest.mock import patch

from django.test import TestCase, override_settings

from hundred.accounts.models import SetupToken, User
from hundred.lib.clientip import parse_networks
from hundred.serve import is_loopback, serve
from hundred.test import PASSWORD

SIGNUP = "/accounts/signup/"


def start(host: str) -> tuple[str, bool]:
    """Run `hundred serve --host HOST` with the server mocked; (stdout, whether it served)."""
    out = io.StringIO()
    args = argparse.Namespace(host=host, port=8000, workers=1, with_worker=False)
    # serve collects the static files: into a folder of the test's, not the data folder.
    with (
        tempfile.TemporaryDirectory() as static_root,
        override_settings(STATIC_ROOT=static_root),
        patch("granian.Granian") as granian,
        patch("hundred.serve.collect_static"),  # tested on its own: tens of seconds
        patch("hundred.serve.refuse_taken_port"),  # whatever else listens on 8000 here
        redirect_stdout(out),
        redirect_stderr(io.StringIO()),
    ):
        serve(args)
    return out.getvalue(), granian.return_value.serve.called


def printed_token(out: str) -> str:
    found = re.search(r"set-up token: (\S+)", out)
    return found.group(1) if found else ""


class FirstAccountTestCase(TestCase):
    def sign_up(self, **extra):
        data = {"email": "mallory@example.org", "password": PASSWORD, "time_zone": "UTC"}
        return self.client.post(SIGNUP, {**data, **extra})

    def test_on_a_public_address_the_first_sign_up_needs_the_printed_token(self):
        out, served = start("0.0.0.0")
        token = printed_token(out)
        self.assertTrue(token, out)
        self.assertIn("hundred createuser", out)
        self.assertTrue(served)
        # Whoever reaches the page first cannot claim the instance without it.
        self.assertEqual(self.sign_up().status_code, 200)
        self.assertEqual(self.sign_up(setup_token="guess").status_code, 200)
        self.assertFalse(User.objects.exists())
        r = self.sign_up(email="owner@example.org", setup_token=token)
        self.assertEqual(r.status_code, 302)
        self.assertEqual(User.objects.get().email, "owner@example.org")

    def test_on_loopback_the_laptop_flow_stays_one_command(self):
        for host in ("127.0.0.1", "localhost", "::1"):
            with self.subTest(host=host):
                out, served = start(host)
                self.assertEqual(printed_token(out), "")
                self.assertTrue(served)
        self.assertFalse(SetupToken.objects.exists())
        self.assertEqual(self.sign_up().status_code, 302)

    @override_settings(TRUSTED_PROXIES=parse_networks(["127.0.0.1"]))
    def test_behind_a_proxy_loopback_is_public_too(self):
        out, _ = start("127.0.0.1")
        self.assertTrue(printed_token(out))

    def test_once_an_account_exists_there_is_no_token(self):
        User.objects.create_user("owner@example.org", PASSWORD)
        out, served = start("0.0.0.0")
        self.assertEqual(printed_token(out), "")
        self.assertTrue(served)
        self.assertFalse(SetupToken.objects.exists())

    def test_it_tells_loopback_from_public_addresses(self):
        for host in ("127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"):
            self.assertTrue(is_loopback(host), host)
        for host in ("0.0.0.0", "::", "192.168.1.20", "hundred.example.org"):
            self.assertFalse(is_loopback(host), host)


class LegacyProxySettingServeTestCase(TestCase):
    @override_settings(BEHIND_PROXY="true", TRUSTED_PROXIES=[])
    def test_serve_warns_when_the_old_proxy_variable_is_set(self):
        err = io.StringIO()
        args = argparse.Namespace(host="127.0.0.1", port=8000, workers=1, with_worker=False)
        with (
            patch("granian.Granian"),
            patch("hundred.serve.collect_static"),  # tested on its own: tens of seconds
            patch("hundred.serve.refuse_taken_port"),
            redirect_stdout(io.StringIO()),
            redirect_stderr(err),
        ):
            serve(args)
        self.assertIn("BEHIND_PROXY is set, but Hundred no longer reads it", err.getvalue())
        self.assertIn("TRUSTED_PROXIES=127.0.0.1", err.getvalue())

    @override_settings(BEHIND_PROXY=None)
    def test_serve_says_nothing_of_it_otherwise(self):
        err = io.StringIO()
        args = argparse.Namespace(host="127.0.0.1", port=8000, workers=1, with_worker=False)
        with (
            patch("granian.Granian"),
            patch("hundred.serve.collect_static"),  # tested on its own: tens of seconds
            patch("hundred.serve.refuse_taken_port"),
            redirect_stdout(io.StringIO()),
            redirect_stderr(err),
        ):
            serve(args)
        self.assertNotIn("BEHIND_PROXY", err.getvalue())
