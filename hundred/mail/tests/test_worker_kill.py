"""The worker killed with SIGKILL, as a real process against a real SQLite file and a real SMTP
server: a mail queued by a worker that died goes out once with the next worker; a worker killed
in the middle of the SMTP call leaves its mail claimed, and no later worker sends it again."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from aiosmtpd.controller import Controller
from django.test import SimpleTestCase

from hundred.accounts.tests.test_password import free_port

# Sets up an account whose digest is due now (its hour is 0, in UTC) with a follow-up due.
SETUP = """
import django; django.setup()
from hundred.cli import ensure_migrated; ensure_migrated()
from django.utils import timezone
from hundred.accounts.models import User
from hundred.network.models import FollowUp, Person
user = User.objects.create_user("ann@example.org", "a-long-password-1", digest_enabled=True,
                                digest_hour=0)
maya = Person.objects.create(owner=user, first_name="Maya", last_name="Okafor")
FollowUp.objects.create(owner=user, person=maya, due_on=timezone.localdate())
"""

# Queues what is due, then dies at once with SIGKILL, before any task runs.
QUEUE_THEN_DIE = """
import os, signal, django; django.setup()
from django.utils import timezone
from hundred.mail.schedule import tick
print(tick(timezone.now())["queued"], flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


class Server:
    """An SMTP server that collects messages, or holds every DATA command until released."""

    def __init__(self, *, hold: bool = False) -> None:
        self.hold = hold
        self.messages: list[bytes] = []
        self.in_data = threading.Event()
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, _server, _session, envelope) -> str:
        self.in_data.set()
        while self.hold:
            await asyncio.sleep(0.05)
        self.messages.append(envelope.content)
        return "250 Message accepted for delivery"


def environment(home: Path, smtp_port: int) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hundred.settings",
        "HUNDRED_HOME": str(home),
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "TZ": "UTC",
    }
    env.pop("DATABASE_URL", None)  # a laptop's SQLite file, shared by the processes
    return env


def python(env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=120,
        check=check,
    )  # fmt: skip


class WorkerKillTestCase(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Migrating a fresh SQLite file takes seconds: done once, copied for each test.
        cls.template = Path(cls.enterClassContext(tempfile.TemporaryDirectory())) / "home"
        python(environment(cls.template, free_port()), "-c", SETUP)

    def setUp(self):
        self.home = Path(self.enterContext(tempfile.TemporaryDirectory())) / "home"
        shutil.copytree(self.template, self.home)
        self.server = Server()
        self.server.controller.start()
        self.addCleanup(self.server.controller.stop)
        self.env = environment(self.home, self.server.port)

    def python(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return python(self.env, *args, check=check)

    def states(self) -> list[str]:
        with sqlite3.connect(self.home / "hundred.sqlite3") as db:
            return [row[0] for row in db.execute("SELECT state FROM mail_sentmail")]

    def test_a_mail_queued_by_a_killed_worker_goes_out_once_with_the_next(self):
        died = self.python("-c", QUEUE_THEN_DIE, check=False)
        self.assertEqual(died.returncode, -signal.SIGKILL)
        self.assertEqual(died.stdout.strip(), "1")
        self.assertEqual(self.states(), ["queued"])
        self.python("-m", "hundred", "worker", "--once")
        self.python("-m", "hundred", "worker", "--once")  # and again: nothing more
        self.assertEqual(len(self.server.messages), 1)
        self.assertEqual(self.states(), ["sent"])

    def test_a_worker_killed_during_the_smtp_call_never_sends_that_mail_twice(self):
        self.server.hold = True
        worker = subprocess.Popen(
            [sys.executable, "-m", "hundred", "worker"], env=self.env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.addCleanup(worker.wait)
        self.addCleanup(worker.kill)
        self.assertTrue(self.server.in_data.wait(60), "the worker never reached the SMTP call")
        worker.send_signal(signal.SIGKILL)
        worker.wait(30)
        self.server.hold = False
        time.sleep(0.2)  # the held DATA finishes, or is dropped with its connection
        cut_off = len(self.server.messages)  # 0 or 1: the server may have kept it
        self.assertEqual(self.states(), ["sending"])
        self.python("-m", "hundred", "worker", "--once")
        self.assertEqual(self.states(), ["sending"])
        self.assertEqual(len(self.server.messages), cut_off)  # never a second copy
