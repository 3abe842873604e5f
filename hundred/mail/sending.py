"""Sending the worker's mail: claims, so that a mail goes out once, and the message itself."""

from __future__ import annotations

import smtplib
from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.utils import timezone

from hundred.mail.digest import Mail, build_digest, build_weekly_review
from hundred.mail.models import SentMail

BUILDERS = {SentMail.Kind.DIGEST: build_digest, SentMail.Kind.WEEKLY: build_weekly_review}


def send_to(user, mail: Mail) -> None:
    """One mail to the account's address: plain text and HTML, with a one-click unsubscribe
    (RFC 8058) and marked as automatic so that vacation replies stay quiet (RFC 3834)."""
    message = EmailMultiAlternatives(
        mail.subject,
        mail.text,
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
        headers={
            "List-Unsubscribe": f"<{mail.unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(mail.html, "text/html")
    message.send()


def claim(user, kind: str, day) -> SentMail | None:
    """Today's mail of this kind for the account, claimed; None when another worker (or an
    earlier tick) already has it."""
    try:
        with transaction.atomic():
            return SentMail.objects.create(owner=user, kind=kind, day=day)
    except IntegrityError:
        return None


def deliver(claim_id: int, now: datetime | None = None) -> str:
    """Send what a claim stands for, at most once: the claim turns SENDING before the SMTP
    call, so a worker killed during the call leaves it SENDING and nobody sends it again.
    Returns the claim's final state."""
    if not SentMail.objects.filter(pk=claim_id, state=SentMail.State.QUEUED).update(
        state=SentMail.State.SENDING
    ):
        return SentMail.objects.get(pk=claim_id).state
    sent = SentMail.objects.select_related("owner").get(pk=claim_id)
    mail = BUILDERS[sent.kind](sent.owner, now or timezone.now())
    if mail.is_empty:
        sent.state = SentMail.State.NOTHING
    else:
        try:
            send_to(sent.owner, mail)
        except (smtplib.SMTPException, OSError) as e:
            sent.state, sent.error = SentMail.State.FAILED, f"{type(e).__name__}: {e}"
        else:
            sent.state, sent.sent_at = SentMail.State.SENT, timezone.now()
    sent.save(update_fields=["state", "error", "sent_at"])
    return sent.state
