"""Mail in through a real IMAP server: Debian's dovecot, started by the test with its own
configuration in a temporary folder (a passwd-file user, plaintext login on 127.0.0.1)."""

from __future__ import annotations

import getpass
import os
import shutil
import socket
import subprocess
import tempfile
import time
import unittest
from pathlib import Path

from django.test import override_settings
from django.utils import timezone
from imap_tools import AND, MailBoxUnencrypted

from hundred.mail.inbox import BadMailInUrl, parse_url, read_mailbox
from hundred.mail.models import LoggingAddress
from hundred.mail.schedule import tick
from hundred.network.models import FollowUp, FollowUpState, Interaction, MailSuggestion
from hundred.test import REACHABLE, BaseTestCase
from hundred.transfer.tests import mailsamples as m

DOVECOT = shutil.which("dovecot") or next(
    (p for p in ("/usr/sbin/dovecot",) if Path(p).exists()), None
)
PASSWORD = "imap-secret"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _config(home: Path, port: int) -> str:
    if os.geteuid() == 0:  # dovecot drops root; mail may not belong to uid 0
        users = "default_login_user = dovenull\ndefault_internal_user = dovecot\n"
        owner = "uid=nobody gid=nogroup"
    else:
        me = getpass.getuser()
        users = f"default_login_user = {me}\ndefault_internal_user = {me}\n"
        owner = f"uid={os.getuid()} gid={os.getgid()}"
    return f"""base_dir = {home}/run
state_dir = {home}/state
log_path = {home}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# One test logs in with a wrong password on purpose: no reply delay, and no growing penalty
# for 127.0.0.1 (trusted networks get none), which under load could stall the next log-ins.
auth_failure_delay = 0
login_trusted_networks = 127.0.0.0/8
mail_location = maildir:{home}/mail/%n
first_valid_uid = 1
{users}passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%n {home}/passwd
}}
userdb {{
  driver = static
  args = {owner} home={home}/home/%n
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
"""


class Dovecot:
    def __init__(self) -> None:
        self.home = Path(tempfile.mkdtemp(prefix="hundred-dovecot-"))
        self.port = free_port()
        for sub in ("mail", "home", "run", "state"):
            (self.home / sub).mkdir()
            (self.home / sub).chmod(0o777)
        self.home.chmod(0o755)
        (self.home / "passwd").write_text(f"log:{{PLAIN}}{PASSWORD}\n")
        (self.home / "dovecot.conf").write_text(_config(self.home, self.port))
        self.process = subprocess.Popen(
            [DOVECOT, "-F", "-c", str(self.home / "dovecot.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self._wait()

    def _wait(self) -> None:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"dovecot did not start: {self.process.stderr.read()!r}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("dovecot did not listen within 15 seconds")

    @property
    def url(self) -> str:
        return f"imap://log:{PASSWORD}@127.0.0.1:{self.port}/INBOX"

    def mailbox(self):
        return MailBoxUnencrypted("127.0.0.1", self.port).login("log", PASSWORD)

    def deliver(self, *messages: bytes) -> None:
        with self.mailbox() as box:
            for data in messages:
                box.append(data, "INBOX", flag_set=[])

    def unseen(self) -> int:
        with self.mailbox() as box:
            return len(box.uids(AND(seen=False)))

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process.stderr.close()
        shutil.rmtree(self.home, ignore_errors=True)


def to(token: str, data: bytes) -> bytes:
    """The samples are written for the token AbCdEf…: give them this account's."""
    return data.replace(b"AbCdEfGhIjKlMnOpQrStUv", token.encode())


@unittest.skipIf(DOVECOT is None, "dovecot is not installed (apt-get install dovecot-imapd)")
class LoggingMailboxTests(BaseTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = Dovecot()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        super().tearDownClass()

    def setUp(self):
        with self.server.mailbox() as box:  # each test starts with an empty mailbox
            uids = box.uids()
            if uids:
                box.delete(uids)
        self.ada = self.make_person("Ada", "Lovelace", **REACHABLE)
        self.grace = self.make_person("Grace", "Hopper", **REACHABLE)
        self.address = LoggingAddress.objects.create(owner=self.alice)
        self.settings = override_settings(
            MAIL_IN_URL=self.server.url, MAIL_IN_ADDRESS="log@hundred.example.org"
        )
        self.settings.enable()
        self.addCleanup(self.settings.disable)

    def test_the_worker_logs_each_message_once_and_marks_it_read(self):
        token = self.address.token
        self.server.deliver(
            to(token, m.OUTBOUND_BCC),
            m.REPLY_WITH_QUOTE.replace(
                b"To: Alice Martin <alice@example.org>",
                f"To: Alice Martin <alice@example.org>\r\nDelivered-To: log+{token}@x.org".encode(),
            ),
            to(token, m.FORWARDED_INLINE),
        )
        self.assertEqual(self.server.unseen(), 3)
        done = tick(timezone.now())  # the worker's tick
        self.assertEqual(done["mail_logged"], 3)
        self.assertEqual(self.server.unseen(), 0)
        logged = Interaction.objects.for_user(self.alice)
        self.assertEqual(logged.count(), 3)
        self.assertEqual(sorted(logged.values_list("direction", flat=True)), ["in", "in", "out"])
        # Ada's reply closed her no-reply follow-up; Grace's forwarded note closed hers.
        self.assertFalse(FollowUp.objects.filter(state=FollowUpState.OPEN).exists())
        self.assertEqual(MailSuggestion.objects.get().email, "ken@example.com")
        # Read again (marked unread by hand): nothing is logged twice.
        with self.server.mailbox() as box:
            box.flag(box.uids(), "\\Seen", False)
        self.assertEqual(read_mailbox(), {"duplicate": 3})
        self.assertEqual(logged.count(), 3)

    def test_mail_for_no_account_and_bad_mail_never_stop_it(self):
        wrong = m.OUTBOUND_BCC.replace(b"AbCdEfGhIjKlMnOpQrStUv", b"x" * 24)
        bob_address = LoggingAddress.objects.create(owner=self.bob)
        here = f"To: log+{self.address.token}@x.org".encode()
        self.server.deliver(
            wrong,
            m.BOUNCE.replace(b"To: alice@example.org", here),
            m.NO_FROM.replace(b"To: alice@example.org", here),
            b"\x00\xff garbage",
            to(bob_address.token, m.OUTBOUND_BCC),
        )
        counts = read_mailbox()
        self.assertEqual(counts, {"unrouted": 3, "skipped": 1, "nobody": 1})
        self.assertEqual(Interaction.objects.count(), 0)  # bob knows nobody in it
        self.assertEqual(self.server.unseen(), 0)

    def test_bcc_from_another_address_of_the_account_is_outbound(self):
        other = to(self.address.token, m.OUTBOUND_BCC).replace(
            b"From: Alice Martin <alice@example.org>", b"From: Alice <alice.martin@gmail.example>"
        )
        self.server.deliver(other)
        self.assertEqual(read_mailbox(), {"logged": 1})
        self.assertEqual(Interaction.objects.get().direction, "out")
        self.assertFalse(MailSuggestion.objects.exists())  # the account is no new person

    def test_a_revoked_token_logs_nothing(self):
        old = self.address.token
        self.address.rotate()
        self.server.deliver(to(old, m.OUTBOUND_BCC))
        self.assertEqual(read_mailbox(), {"unrouted": 1})

    def test_a_wrong_password_is_counted_not_raised(self):
        url = self.server.url.replace(PASSWORD, "wrong")
        self.assertEqual(read_mailbox(url), {"errors": 1})


class ParseUrlTests(unittest.TestCase):
    def test_urls(self):
        box = parse_url("imaps://me%40example.org:p%40ss@imap.example.org/Hundred%20log")
        self.assertEqual(
            (box.scheme, box.host, box.port, box.user, box.password, box.folder),
            ("imaps", "imap.example.org", 993, "me@example.org", "p@ss", "Hundred log"),
        )
        self.assertEqual(parse_url("imap://u:p@h?starttls=true").scheme, "imap+starttls")
        self.assertEqual(parse_url("imap://u:p@h").folder, "INBOX")
        for bad in ("pop3://u:p@h", "imaps://h", "imaps://u:p@h:port"):
            with self.assertRaises(BadMailInUrl):
                parse_url(bad)


class LoggingAddressPageTests(BaseTestCase):
    def setUp(self):
        self.login()

    def test_without_a_mailbox_it_says_so(self):
        with override_settings(MAIL_IN_URL=""):
            page = self.client.get("/mail/logging-address/").content.decode()
        self.assertIn("Mail in is not set up on this Hundred", page)

    @override_settings(MAIL_IN_URL="imaps://log%40hundred.example.org:pw@imap.example.org/INBOX")
    def test_on_new_and_off(self):
        self.client.post("/mail/logging-address/", {"action": "on"})
        first = LoggingAddress.objects.get(owner=self.alice).token
        page = self.client.get("/mail/logging-address/").content.decode()
        self.assertIn(f"log+{first}@hundred.example.org", page)  # from the IMAP user name
        self.client.post("/mail/logging-address/", {"action": "new"})
        second = LoggingAddress.objects.get(owner=self.alice).token
        self.assertNotEqual(first, second)
        self.assertRegex(second, r"^[a-z0-9]{24}$")
        self.client.post("/mail/logging-address/", {"action": "off"})
        self.assertFalse(LoggingAddress.objects.filter(owner=self.alice).exists())

    def test_settings_links_to_it(self):
        self.assertIn(
            "/mail/logging-address/", self.client.get("/accounts/settings/").content.decode()
        )
