"""Rate limits on what sends mail or makes accounts, counted in the database.

Each limit is a counter per hour window in the `Throttle` table, keyed by a hash of what is
counted and for whom, and raised by one atomic UPDATE. Why not django-ratelimit: it counts in
Django's cache and, with no Redis or memcached (a laptop has neither), the only cache that
several app processes share is DatabaseCache, whose increment is a read then a write — its own
system check refuses it (django_ratelimit.E003) because parallel requests then slip through
together. A table with an atomic increment is the same fixed-window method, made safe on
SQLite and PostgreSQL, in a few lines.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.utils import timezone

from hundred.accounts.models import Throttle

HOUR = timedelta(hours=1)


@dataclass(frozen=True)
class Refusal:
    """A limit was reached: a sentence for the person, and when the window ends."""

    reason: str
    retry_at: datetime

    @property
    def retry_after_seconds(self) -> int:
        return max(1, int((self.retry_at - timezone.now()).total_seconds()))


def hit(scope: str, value: str, limit: int, period: timedelta = HOUR) -> datetime | None:
    """Count one `scope` event for `value`; when this one is over `limit`, the window's end.

    A limit of 0 or less turns the limit off.
    """
    if limit <= 0:
        return None
    seconds = int(period.total_seconds())
    start = datetime.fromtimestamp(int(timezone.now().timestamp()) // seconds * seconds, tz=UTC)
    key = hashlib.sha256(f"{scope}\0{value}".encode()).hexdigest()
    count = Throttle.objects.hit(key, start, period)
    return start + period if count > limit else None


def limit_client(scope: str, client: str, limit: int) -> Refusal | None:
    """One more `scope` request (a sign-up, a reset) from one client address."""
    retry_at = hit(scope, client, limit)
    if retry_at is None:
        return None
    return Refusal(
        "There have been too many of these requests from your network in the last hour.",
        retry_at,
    )


def limit_mail(email: str) -> Refusal | None:
    """One more message to `email`, whether or not it has an account (so no one learns which)."""
    retry_at = hit("mail", email.strip().lower(), settings.MAIL_LIMIT_PER_HOUR)
    if retry_at is None:
        return None
    return Refusal(
        "Several messages have gone to that address in the last hour. Use the latest one.",
        retry_at,
    )
