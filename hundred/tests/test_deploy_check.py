"""`python -m django check --deploy --fail-level WARNING` passes on the production settings that
docs/deployment.md documents: the test reads them from the page, so the two cannot drift."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

from django.test import SimpleTestCase, override_settings

from hundred.accounts.checks import no_legacy_proxy_setting
from hundred.lib.clientip import parse_networks

ROOT = Path(__file__).resolve().parents[2]


def documented_environment() -> dict[str, str]:
    """The NAME=value lines of the first code block under 'The settings a shared instance needs'."""
    text = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    section = text.split("## The settings a shared instance needs", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL).group(1)
    env = {}
    for line in block.splitlines():
        found = re.match(r"([A-Z_]+)=(\S*)", line.strip())
        if found:
            env[found.group(1)] = found.group(2)
    return env


def check_deploy(env: dict[str, str]) -> subprocess.CompletedProcess:
    full = {k: v for k, v in os.environ.items() if not k.startswith(("SECURE_", "DJANGO_"))}
    for name in (
        "DEBUG",
        "SITE_URL",
        "TRUSTED_PROXIES",
        "BEHIND_PROXY",
        "ALLOWED_HOSTS",
        "SECRET_KEY",
    ):
        full.pop(name, None)
    full.update(env, DJANGO_SETTINGS_MODULE="hundred.settings")
    argv = [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"]
    return subprocess.run(argv, capture_output=True, text=True, env=full, timeout=120, cwd=ROOT)


class DeployCheckTestCase(SimpleTestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.env = documented_environment()
        # The page's placeholders: a real secret, and a data folder this test may write.
        self.env.update(SECRET_KEY=secrets.token_urlsafe(50), HUNDRED_HOME=tmp.name)

    def test_the_page_lists_what_production_needs(self):
        for name in ("SITE_URL", "ALLOWED_HOSTS", "SECRET_KEY", "TRUSTED_PROXIES"):
            self.assertIn(name, self.env)
        self.assertTrue(self.env["SITE_URL"].startswith("https://"))
        self.assertNotIn("DEBUG", self.env)

    def test_django_check_deploy_passes_on_the_documented_settings(self):
        done = check_deploy(self.env)
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
        self.assertIn("no issues", done.stdout)

    def test_it_would_fail_on_a_weaker_setup(self):
        # Guards the test: the same check fails when a setting is missing or wrong.
        for change in ({"DEBUG": "true"}, {"SITE_URL": "http://hundred.example.org"}):
            with self.subTest(change=change):
                done = check_deploy({**self.env, **change})
                self.assertNotEqual(done.returncode, 0, done.stdout)
        without_proxy = {k: v for k, v in self.env.items() if k != "TRUSTED_PROXIES"}
        done = check_deploy(without_proxy)
        self.assertIn("hundred.W001", done.stderr + done.stdout)


def check(env: dict[str, str]) -> subprocess.CompletedProcess:
    """`python -m django check` (not --deploy): what runs before every manage.py command."""
    full = {k: v for k, v in os.environ.items() if k not in ("BEHIND_PROXY", "TRUSTED_PROXIES")}
    full.update(env, DJANGO_SETTINGS_MODULE="hundred.settings")
    argv = [sys.executable, "-m", "django", "check", "--fail-level", "WARNING"]
    return subprocess.run(argv, capture_output=True, text=True, env=full, timeout=120, cwd=ROOT)


class LegacyProxySettingTestCase(SimpleTestCase):
    """BEHIND_PROXY became TRUSTED_PROXIES: a server still configured the old way is told."""

    def test_the_old_variable_alone_says_what_to_set_instead(self):
        with tempfile.TemporaryDirectory() as home:
            done = check({"BEHIND_PROXY": "true", "HUNDRED_HOME": home})
        out = done.stdout + done.stderr
        self.assertNotEqual(done.returncode, 0, out)
        self.assertIn("hundred.W002", out)
        self.assertIn("BEHIND_PROXY is set, but Hundred no longer reads it", out)
        self.assertIn("Set TRUSTED_PROXIES to the proxy's address", out)

    @override_settings(BEHIND_PROXY="1", TRUSTED_PROXIES=parse_networks(["127.0.0.1"]))
    def test_next_to_trusted_proxies_it_only_asks_to_remove_it(self):
        (warning,) = no_legacy_proxy_setting()
        self.assertEqual(warning.id, "hundred.W002")
        self.assertIn("remove BEHIND_PROXY", warning.hint)
        self.assertNotIn("Set TRUSTED_PROXIES", warning.hint)

    @override_settings(BEHIND_PROXY=None)
    def test_without_it_there_is_no_warning(self):
        self.assertEqual(no_legacy_proxy_setting(), [])

    def test_the_documented_production_settings_do_not_set_it(self):
        self.assertNotIn("BEHIND_PROXY", documented_environment())
