"""What the worker remembers about mail it sends: one row per account, kind and local day."""

from __future__ import annotations

import secrets
import string

from django.conf import settings
from django.db import models
from django.utils import timezone


class SentMail(models.Model):
    """One scheduled mail of an account for one of its local days.

    The row is the claim: it is created before the mail is queued (the unique constraint makes
    a second worker's claim fail) and marked SENDING before the SMTP call, so a worker killed
    in between never sends the same mail twice; a claim still QUEUED is sent by the next one.
    """

    class Kind(models.TextChoices):
        DIGEST = "digest", "morning digest"
        WEEKLY = "weekly", "weekly review"

    class State(models.TextChoices):
        QUEUED = "queued", "queued"
        SENDING = "sending", "sending"
        SENT = "sent", "sent"
        NOTHING = "nothing", "nothing to say"
        FAILED = "failed", "failed"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    day = models.DateField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "kind", "day"], name="one_mail_a_kind_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.owner_id} for {self.day}: {self.state}"


def new_logging_token() -> str:
    # 24 lower-case letters and digits (124 bits): what formats/mailmessage.LOGGING_ADDRESS
    # recognises, and safe from mail servers that fold an address to lower case.
    return "".join(secrets.choice(string.ascii_lowercase + string.digits) for _ in range(24))


class LoggingAddress(models.Model):
    """An account's private logging address, log+<token>@domain: mail sent, forwarded or
    Bcc'd there is logged for this account. A new token makes the old address stop working;
    deleting the row turns mail in off for the account."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="logging_address"
    )
    token = models.CharField(max_length=64, unique=True, default=new_logging_token)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"logging address of {self.owner_id}"

    def address(self, mailbox: str) -> str:
        """log+<token>@domain for the mailbox's own address log@domain."""
        local, _, domain = mailbox.partition("@")
        return f"{local.split('+')[0]}+{self.token}@{domain}"

    def rotate(self) -> None:
        self.token = new_logging_token()
        self.created_at = timezone.now()
        self.save(update_fields=["token", "created_at"])
