import email
import re
import socket

from aiosmtpd.controller import Controller
from django.core import mail
from django.test import override_settings

from hundred.accounts.models import User
from hundred.test import PASSWORD, BaseTestCase

NEW_PASSWORD = "lantern-orchard-quiet-41"
LINK = re.compile(r"https?://[^/\s]+(/accounts/password/reset/[^\s]+/)")


class PasswordChangeTestCase(BaseTestCase):
    URL = "/accounts/password/change/"

    def test_it_changes_the_password(self):
        self.login()
        r = self.client.post(
            self.URL,
            {
                "old_password": PASSWORD,
                "new_password1": NEW_PASSWORD,
                "new_password2": NEW_PASSWORD,
            },
        )
        self.assertRedirects(r, "/accounts/password/change/done/")
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password(NEW_PASSWORD))
        self.assertTrue(self.alice.password.startswith("argon2"))
        # Still logged in after the change.
        self.assertEqual(self.client.get("/").status_code, 200)

    def test_it_needs_the_old_password(self):
        self.login()
        r = self.client.post(
            self.URL,
            {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        )
        self.assertContains(r, "old password was entered incorrectly")
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password(PASSWORD))

    def test_it_applies_the_validators(self):
        self.login()
        r = self.client.post(
            self.URL, {"old_password": PASSWORD, "new_password1": "abc", "new_password2": "abc"}
        )
        self.assertContains(r, "too short")
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password(PASSWORD))


class ResetLinkMixin:
    URL = "/accounts/password/reset/"

    def reset_with(self, body: str) -> None:
        """Follow the link in a reset message and choose NEW_PASSWORD."""
        path = LINK.search(body).group(1)
        r = self.client.get(path)
        # Django swaps the token for a session value and redirects to a URL without it.
        self.assertEqual(r.status_code, 302)
        form_url = r["Location"]
        r = self.client.get(form_url)
        self.assertContains(r, "Choose a new password")
        r = self.client.post(
            form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
        )
        self.assertRedirects(r, "/accounts/password/reset/complete/")


class PasswordResetTestCase(ResetLinkMixin, BaseTestCase):
    def test_it_sends_a_link_that_sets_a_new_password(self):
        r = self.client.post(self.URL, {"email": "Alice@Example.org"})
        self.assertRedirects(r, "/accounts/password/reset/sent/")
        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertEqual(message.to, ["alice@example.org"])
        self.assertEqual(message.subject, "Reset your Hundred password")
        self.reset_with(message.body)
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password(NEW_PASSWORD))
        # Through the log-in form: django-axes wants the request that a real log-in has.
        r = self.client.post(
            "/accounts/login/", {"username": "alice@example.org", "password": NEW_PASSWORD}
        )
        self.assertEqual(self.client.session["_auth_user_id"], str(self.alice.pk))

    def test_it_does_not_say_whether_an_account_exists(self):
        r = self.client.post(self.URL, {"email": "nobody@example.org"})
        self.assertRedirects(r, "/accounts/password/reset/sent/")
        self.assertEqual(mail.outbox, [])

    def test_it_refuses_a_link_used_twice(self):
        self.client.post(self.URL, {"email": "alice@example.org"})
        body = mail.outbox[0].body
        self.reset_with(body)
        self.client.logout()
        r = self.client.get(LINK.search(body).group(1), follow=True)
        self.assertContains(r, "This link no longer works")

    def test_it_writes_the_address_as_is_in_the_plain_text_message(self):
        # Plain text is not HTML: an apostrophe must not come out as &#x27;.
        User.objects.create_user("o'neil@example.org", PASSWORD)
        self.client.post(self.URL, {"email": "o'neil@example.org"})
        self.assertIn("account o'neil@example.org.", mail.outbox[0].body)


class CollectingHandler:
    def __init__(self) -> None:
        self.messages: list[email.message.Message] = []

    async def handle_DATA(self, _server, session, envelope) -> str:
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PasswordResetOverSMTPTestCase(ResetLinkMixin, BaseTestCase):
    """The same reset through a real SMTP server on this machine."""

    def test_it_delivers_the_link_over_smtp(self):
        handler = CollectingHandler()
        port = free_port()
        controller = Controller(handler, hostname="127.0.0.1", port=port)
        controller.start()
        self.addCleanup(controller.stop)
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=port,
            EMAIL_USE_TLS=False,
            EMAIL_USE_SSL=False,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
        ):
            r = self.client.post(self.URL, {"email": "alice@example.org"})
        self.assertRedirects(r, "/accounts/password/reset/sent/")
        self.assertEqual(mail.outbox, [])  # it went over the wire, not to the test outbox
        self.assertEqual(len(handler.messages), 1)
        message = handler.messages[0]
        self.assertEqual(message["To"], "alice@example.org")
        self.assertEqual(message["Subject"], "Reset your Hundred password")
        self.reset_with(message.get_payload(decode=True).decode())
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password(NEW_PASSWORD))

    def test_it_still_answers_when_the_mail_server_is_down(self):
        with (
            override_settings(
                EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
                EMAIL_HOST="127.0.0.1",
                EMAIL_PORT=free_port(),  # nothing listens there
                EMAIL_TIMEOUT=5,
            ),
            self.assertLogs("django.contrib.auth", "ERROR") as logs,
        ):
            r = self.client.post(self.URL, {"email": "alice@example.org"})
        self.assertRedirects(r, "/accounts/password/reset/sent/")
        self.assertIn("Failed to send password reset email", logs.output[0])
