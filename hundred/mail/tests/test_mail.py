"""Mail out: the test message, the morning digest and the Monday review, sent by the worker at
each account's local hour, once, through a real SMTP server where it matters."""

from __future__ import annotations

import email
import email.header
import io
import json
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from datetime import date, datetime
from unittest.mock import patch
from zoneinfo import ZoneInfo

from aiosmtpd.controller import Controller
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from freezegun import freeze_time

from hundred.accounts.tests.test_password import CollectingHandler, free_port
from hundred.cli import main
from hundred.mail.digest import build_digest, build_weekly_review, unsubscribe_link
from hundred.mail.models import SentMail
from hundred.mail.schedule import tick
from hundred.mail.sending import claim, deliver
from hundred.mail.worker import run_once
from hundred.network.models import Person, Stage
from hundred.test import BaseTestCase

PARIS = ZoneInfo("Europe/Paris")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with patch("sys.stdin", io.StringIO("")), redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


class SMTPServerMixin:
    """A real SMTP server on this machine for the test, and the settings that reach it."""

    def start_smtp(self):
        self.smtp = CollectingHandler()
        port = free_port()
        controller = Controller(self.smtp, hostname="127.0.0.1", port=port)
        controller.start()
        self.addCleanup(controller.stop)
        settings = override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=port,
            EMAIL_USE_TLS=False,
            EMAIL_USE_SSL=False,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
        )
        settings.enable()
        self.addCleanup(settings.disable)


class BusyDayMixin:
    def busy_day(self, owner=None):
        """Something in every section of the digest, for the frozen Wednesday 25 Nov 2026."""
        owner = owner or self.alice
        maya = self.make_person("Maya", "Okafor", owner=owner)
        ben = self.make_person("Ben", "Adeyemi", owner=owner)
        self.make_followup(maya, due_on=date(2026, 11, 23), channel="email")
        self.make_followup(ben, due_on=date(2026, 11, 25), channel="phone")
        self.make_followup(ben, due_on=date(2026, 11, 25), reason="thank_you")
        self.make_meeting(maya, starts_at=datetime(2026, 11, 25, 16, 0, tzinfo=PARIS))
        self.make_favour(ben, due_on=date(2026, 11, 24))
        return maya, ben


class SendTestMailTestCase(SMTPServerMixin, BaseTestCase):
    def test_it_sends_one_message_through_the_smtp_server(self):
        self.start_smtp()
        code, out, err = run("sendtestmail", "ann@example.org")
        self.assertEqual((code, err), (0, ""))
        self.assertIn("Sent a test message to ann@example.org", out)
        [message] = self.smtp.messages
        self.assertEqual(message["To"], "ann@example.org")
        self.assertEqual(message["Subject"], "Hundred: test message")

    def test_it_exits_1_with_the_smtp_error_when_the_server_is_not_there(self):
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=free_port(),
            EMAIL_TIMEOUT=5,
        ):
            code, _, err = run("sendtestmail", "ann@example.org")
        self.assertEqual(code, 1)
        self.assertIn("Could not send: ConnectionRefusedError", err)
        self.assertIn("EMAIL_URL", err)

    def test_a_bad_address_is_a_usage_error(self):
        code, _, err = run("sendtestmail", "not an address")
        self.assertEqual(code, 2)
        self.assertEqual(len(err.strip().splitlines()), 1)


class EmailUrlTestCase(BaseTestCase):
    def test_email_url_sets_the_smtp_settings(self):
        script = (
            "import django; django.setup(); from django.conf import settings as s; "
            "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, "
            "s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, s.EMAIL_USE_SSL)"
        )
        env = {
            "DJANGO_SETTINGS_MODULE": "hundred.settings",
            "EMAIL_URL": "smtp://hundred%40example.org:p%2Fw@smtp.example.org:587?tls=true",
            "HUNDRED_HOME": self.enterContext(__import__("tempfile").TemporaryDirectory()),
            "PATH": "/usr/bin:/bin",
        }
        out = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        ).stdout.split()
        self.assertEqual(
            out,
            [
                "django.core.mail.backends.smtp.EmailBackend",
                "smtp.example.org",
                "587",
                "hundred@example.org",
                "p/w",
                "True",
                "False",
            ],
        )


class DigestTestCase(BusyDayMixin, BaseTestCase):
    def setUp(self):
        self.alice.time_zone = "Europe/Paris"
        self.alice.save()

    def test_it_lists_each_section_with_links_to_the_items(self):
        maya, ben = self.busy_day()
        digest = build_digest(self.alice)
        self.assertEqual(digest.items, 5)
        self.assertIn("Overdue follow-ups", digest.text)
        self.assertIn("Follow-ups due today", digest.text)
        self.assertIn("Thank-yous to send", digest.text)
        self.assertIn("Favours due", digest.text)
        self.assertIn("16:00", digest.text)  # the meeting, in the account's time
        self.assertIn(f"http://127.0.0.1:8000{maya.get_absolute_url()}", digest.text)
        self.assertIn("/meetings/", digest.html)
        self.assertIn("of 100 people listed", digest.text)
        self.assertEqual(digest.subject, "Today: 5 things to do — Wed 25 Nov")

    def test_links_use_site_url(self):
        maya, _ = self.busy_day()
        with override_settings(SITE_URL="https://hundred.example.org"):
            digest = build_digest(self.alice)
        self.assertIn(f"https://hundred.example.org{maya.get_absolute_url()}", digest.text)
        self.assertTrue(digest.unsubscribe_url.startswith("https://hundred.example.org/mail/"))

    def test_a_day_with_nothing_to_do_is_empty(self):
        self.make_person()
        self.assertTrue(build_digest(self.alice).is_empty)

    def test_names_are_escaped_in_html_and_kept_in_text(self):
        self.make_followup(self.make_person("<b>Zoë</b>", "O'Neil"), due_on=date(2026, 11, 25))
        digest = build_digest(self.alice)
        self.assertIn("&lt;b&gt;Zoë&lt;/b&gt;", digest.html)
        self.assertIn("<b>Zoë</b> O'Neil", digest.text)


class WorkerTestCase(BusyDayMixin, SMTPServerMixin, BaseTestCase):
    def setUp(self):
        self.alice.time_zone = "Europe/Paris"
        self.alice.digest_enabled = True
        self.alice.digest_hour = 8
        self.alice.save()

    def test_the_digest_goes_out_at_the_local_hour_once_through_smtp(self):
        self.start_smtp()
        self.busy_day()
        with freeze_time("2026-11-25 06:30:00+00:00"):  # 07:30 in Paris: not yet
            run_once()
        self.assertEqual(self.smtp.messages, [])
        with freeze_time("2026-11-25 07:05:00+00:00"):  # 08:05 in Paris
            run_once()
            run_once()  # a second tick, or a second worker, sends nothing more
        [message] = self.smtp.messages
        self.assertEqual(message["To"], "alice@example.org")
        subject = str(email.header.make_header(email.header.decode_header(message["Subject"])))
        self.assertEqual(subject, "Today: 5 things to do — Wed 25 Nov")
        self.assertEqual(message.get_content_type(), "multipart/alternative")
        kinds = [part.get_content_type() for part in message.get_payload()]
        self.assertEqual(kinds, ["text/plain", "text/html"])
        unsubscribe = "".join(message["List-Unsubscribe"].split())  # unfolded
        self.assertRegex(unsubscribe, r"^<http://127\.0\.0\.1:8000/mail/unsubscribe/.+/>$")
        self.assertEqual(message["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
        self.assertEqual(message["Auto-Submitted"], "auto-generated")
        sent = SentMail.objects.get(owner=self.alice)
        self.assertEqual((sent.kind, sent.day, sent.state), ("digest", date(2026, 11, 25), "sent"))

    def test_nothing_is_sent_on_a_day_with_nothing_to_do(self):
        with freeze_time("2026-11-25 09:00:00+00:00"):
            run_once()
        self.assertEqual(mail.outbox, [])
        self.assertEqual(SentMail.objects.get(owner=self.alice).state, "nothing")

    def test_accounts_without_the_digest_get_nothing(self):
        self.busy_day(owner=self.bob)
        with freeze_time("2026-11-25 09:00:00+00:00"):
            run_once()
        self.assertEqual(mail.outbox, [])
        self.assertFalse(SentMail.objects.filter(owner=self.bob).exists())

    def test_two_workers_claim_a_mail_once(self):
        first = claim(self.alice, "digest", date(2026, 11, 25))
        self.assertIsNotNone(first)
        self.assertIsNone(claim(self.alice, "digest", date(2026, 11, 25)))

    def test_a_worker_killed_while_sending_never_sends_it_again(self):
        self.busy_day()
        sent = claim(self.alice, "digest", date(2026, 11, 25))
        SentMail.objects.filter(pk=sent.pk).update(state="sending")  # the SMTP call was cut
        self.assertEqual(deliver(sent.pk), "sending")
        self.assertEqual(mail.outbox, [])

    def test_a_claimed_mail_that_was_not_started_is_sent_by_the_next_worker(self):
        self.busy_day()
        with freeze_time("2026-11-25 09:00:00+00:00"):
            self.assertEqual(tick(datetime(2026, 11, 25, 9, 0, tzinfo=PARIS))["queued"], 1)
            # The worker that queued it died; the task waits in the table for the next one.
            run_once()
        self.assertEqual(len(mail.outbox), 1)

    def test_a_refused_smtp_call_is_recorded_not_raised(self):
        self.busy_day()
        with (
            override_settings(
                EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
                EMAIL_HOST="127.0.0.1",
                EMAIL_PORT=free_port(),
                EMAIL_TIMEOUT=5,
            ),
            freeze_time("2026-11-25 09:00:00+00:00"),
        ):
            run_once()
        sent = SentMail.objects.get(owner=self.alice)
        self.assertEqual(sent.state, "failed")
        self.assertIn("ConnectionRefusedError", sent.error)

    def test_paused_people_come_back_when_the_pause_ends_without_opening_today(self):
        maya = self.make_person(stage=Stage.PAUSED, paused_until=date(2026, 11, 25))
        later = self.make_person("Ben", stage=Stage.PAUSED, paused_until=date(2026, 12, 25))
        with freeze_time("2026-11-25 09:00:00+00:00"):
            self.assertEqual(run_once()["back_from_pause"], 1)
        self.assertEqual(Person.objects.get(pk=maya.pk).stage, Stage.LISTED)
        self.assertEqual(Person.objects.get(pk=later.pk).stage, Stage.PAUSED)


class WeeklyReviewTestCase(BaseTestCase):
    def setUp(self):
        self.alice.weekly_review_enabled = True
        self.alice.save()

    def test_on_monday_last_weeks_figures_go_out(self):
        maya = self.make_person()
        self.make_interaction(
            maya,
            direction="out",
            is_outreach=True,
            channel="email",
            occurred_at=datetime(2026, 11, 24, 10, 0, tzinfo=ZoneInfo("UTC")),
        )
        monday = datetime(2026, 11, 30, 8, 0, tzinfo=ZoneInfo("UTC"))
        review = build_weekly_review(self.alice, monday)
        self.assertIn("Asks sent: 1", review.text)
        self.assertEqual(review.subject, "Your week of 23 Nov: 1 asks, 0 meetings")
        with freeze_time(monday):
            run_once()
        self.assertEqual([m.subject for m in mail.outbox], [review.subject])

    def test_not_on_other_days(self):
        self.make_interaction(
            self.make_person(),
            direction="out",
            is_outreach=True,
            channel="email",
            occurred_at=datetime(2026, 11, 24, 10, 0, tzinfo=ZoneInfo("UTC")),
        )
        with freeze_time("2026-12-01 08:00:00+00:00"):  # a Tuesday
            run_once()
        self.assertEqual(mail.outbox, [])


class UnsubscribeTestCase(BaseTestCase):
    def setUp(self):
        self.alice.digest_enabled = True
        self.alice.save()
        self.url = unsubscribe_link(self.alice, "digest").removeprefix("http://127.0.0.1:8000")

    def test_the_link_asks_first_and_one_click_post_turns_it_off(self):
        self.assertContains(Client().get(self.url), "Stop these mails")
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.digest_enabled)  # a GET (a link preview) changes nothing
        # A mail program posts without a session or a CSRF token (RFC 8058).
        client = Client(enforce_csrf_checks=True)
        r = client.post(self.url, {"List-Unsubscribe": "One-Click"})
        self.assertContains(r, "is off")
        self.alice.refresh_from_db()
        self.assertFalse(self.alice.digest_enabled)

    def test_a_forged_or_altered_token_is_404(self):
        for url in (self.url.replace("digest", "weekly"), "/mail/unsubscribe/1.digest:abc/"):
            with self.subTest(url=url):
                self.assertEqual(Client().post(url).status_code, 404)
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.digest_enabled)


class DigestCommandTestCase(BusyDayMixin, BaseTestCase):
    def test_it_shows_the_digest_and_sends_it_with_now(self):
        self.busy_day()
        code, out, _ = run("digest", "--user", "alice@example.org")
        self.assertEqual(code, 0)
        self.assertIn("Subject: Today: 5 things to do", out)
        self.assertEqual(mail.outbox, [])
        code, out, _ = run("digest", "--user", "alice@example.org", "--now", "--json")
        self.assertEqual(code, 0)
        report = json.loads(out)
        self.assertEqual((report["sent"], report["items"]), (True, 5))
        self.assertEqual(len(mail.outbox), 1)

    def test_now_sends_nothing_on_an_empty_day(self):
        code, out, _ = run("digest", "--user", "alice@example.org", "--now", "--json")
        self.assertEqual((code, json.loads(out)["sent"]), (0, False))
        self.assertEqual(mail.outbox, [])


class SettingsTestCase(BaseTestCase):
    def test_the_digest_is_opt_in_on_the_settings_page(self):
        self.login()
        r = self.client.get(reverse("accounts-settings"))
        self.assertContains(r, "Mail me a morning digest")
        self.client.post(
            reverse("accounts-settings"),
            {"name": "", "time_zone": "Europe/Paris", "digest_enabled": "on", "digest_hour": "6"},
        )
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.digest_enabled)
        self.assertEqual(self.alice.digest_hour, 6)
        self.assertFalse(self.alice.weekly_review_enabled)
