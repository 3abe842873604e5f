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

from django.test import SimpleTestCase

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
    for name in ("DEBUG", "SITE_URL", "TRUSTED_PROXIES", "ALLOWED_HOSTS", "SECRET_KEY"):
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
