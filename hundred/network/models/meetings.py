"""A meeting with a person: prep before, debrief after."""

from __future__ import annotations

from django.db import models

from hundred.network.models.companies import Company
from hundred.network.models.owned import OwnedModel
from hundred.network.models.people import Person


class Meeting(OwnedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField("when")
    duration_minutes = models.PositiveSmallIntegerField("length in minutes", default=20)
    place = models.CharField("where or how", max_length=200, blank=True)
    agenda = models.TextField(blank=True)
    questions = models.TextField(blank=True)
    pitch_snapshot = models.TextField(blank=True)
    company_notes = models.TextField(blank=True)
    advice = models.TextField("advice received", blank=True)
    debrief_notes = models.TextField(blank=True)
    debriefed_at = models.DateTimeField(null=True, blank=True)
    companies_mentioned = models.ManyToManyField(Company, blank=True, related_name="mentioned_in")

    class Meta:
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["owner", "starts_at"])]

    def __str__(self) -> str:
        return f"Meeting with {self.person} on {self.starts_at:%Y-%m-%d}"

    @property
    def is_debriefed(self) -> bool:
        return self.debriefed_at is not None
