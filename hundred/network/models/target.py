"""What the job seeker is looking for, its pitch, and its dated history."""

from __future__ import annotations

from django.db import models

from hundred.network import pitch as pitchlib
from hundred.network.models.owned import OwnedModel, OwnedQuerySet


class TargetQuerySet(OwnedQuerySet):
    def get_for(self, user) -> Target:
        """The account's target, or an empty unsaved one: reading never writes."""
        return self.filter(owner=user).first() or Target(owner=user)


class Target(OwnedModel):
    """What the job seeker is looking for, and the pitch that says it in a sentence."""

    skills = models.JSONField(default=list, blank=True)
    industries = models.JSONField(default=list, blank=True)
    company_kinds = models.JSONField(default=list, blank=True)
    work_environment = models.JSONField(default=list, blank=True)
    geographies = models.JSONField(default=list, blank=True)
    pitch = models.TextField(blank=True)

    objects = TargetQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner"], name="one_target_per_owner")]

    def __str__(self) -> str:
        return self.pitch or "Target"

    LIST_FIELDS = ("skills", "industries", "company_kinds", "work_environment", "geographies")

    def as_lists(self) -> dict[str, list[str]]:
        return {name: list(getattr(self, name)) for name in self.LIST_FIELDS}

    def completeness(self) -> pitchlib.Completeness:
        return pitchlib.target_completeness(**self.as_lists())

    def suggested_pitch(self) -> str:
        return pitchlib.build_pitch(**self.as_lists())

    def current_pitch(self) -> str:
        """The pitch the user saved, or the one their target suggests."""
        return self.pitch or self.suggested_pitch()


class TargetChange(OwnedModel):
    """A dated copy of the target as it was saved, so the user can see how their focus moved."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="changes")
    snapshot = models.JSONField(default=dict)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Target as of {self.created_at:%Y-%m-%d}"
