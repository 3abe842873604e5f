"""What the worker remembers about mail it sends: one row per account, kind and local day."""

from __future__ import annotations

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
