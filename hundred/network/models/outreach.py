"""The user's own outreach templates."""

from __future__ import annotations

from django.db import models

from hundred.network.models.choices import Channel
from hundred.network.models.owned import OwnedModel


class OutreachTemplate(OwnedModel):
    """A user's own outreach message, with placeholders like {first_name} and {pitch}."""

    name = models.CharField(max_length=100)
    channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.EMAIL)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name
