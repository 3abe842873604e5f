"""What the transfer app remembers: import reports, duplicate pairs, calendar feed tokens."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from hundred.network.models import OwnedQuerySet


class ImportRun(models.Model):
    """One import as it was written: its counts and the whole report, for the history page."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20)
    filename = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=dict)
    is_dry_run = models.BooleanField(default=False)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} import of {self.created_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("transfer-run", args=[self.pk])


class DismissedPair(models.Model):
    """Two people the user said are not the same; the duplicates review stops offering them."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    person_a = models.ForeignKey("network.Person", on_delete=models.CASCADE, related_name="+")
    person_b = models.ForeignKey("network.Person", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person_a", "person_b"], name="unique_dismissed_pair")
        ]

    def __str__(self) -> str:
        return f"Not the same: {self.person_a_id} and {self.person_b_id}"


class DuplicateCandidate(models.Model):
    """A pair the duplicates review offers, with its score and why: derived from the people.

    dedupe.refresh_candidates keeps the table in step with the people (see DuplicateScan);
    a person's pairs go with them (CASCADE). a is always the lower id.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    a = models.ForeignKey("network.Person", on_delete=models.CASCADE, related_name="+")
    b = models.ForeignKey("network.Person", on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    reasons = models.JSONField(default=dict)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["a", "b"], name="unique_candidate_pair")]
        indexes = [models.Index(fields=["owner", "-score", "a", "b"], name="candidate_order")]

    def __str__(self) -> str:
        return f"Maybe the same: {self.a_id} and {self.b_id} ({self.score})"


class DuplicateScan(models.Model):
    """When the owner's candidate pairs were last brought up to date, and by which rules."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    scanned_at = models.DateTimeField()
    version = models.PositiveSmallIntegerField(default=0)
    truncated = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"Duplicates of {self.owner_id} as of {self.scanned_at}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """The secret that makes a user's calendar feed URL; rotating it breaks the old URL."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    rotated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Calendar feed of {self.owner_id}"

    def rotate(self) -> None:
        self.token = new_feed_token()
        self.rotated_at = timezone.now()
        self.save(update_fields=["token", "rotated_at"])
