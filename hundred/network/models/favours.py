"""The favours ledger: asked of me, offered by me, done for me."""

from __future__ import annotations

from django.db import models

from hundred.network.models.choices import FavourDirection, FavourState
from hundred.network.models.meetings import Meeting
from hundred.network.models.owned import OwnedModel, OwnedQuerySet
from hundred.network.models.people import Person


class FavourQuerySet(OwnedQuerySet):
    # What I owe: what they asked of me and what I offered them.
    MINE = (FavourDirection.THEY_ASKED, FavourDirection.I_OFFERED)

    def owed(self) -> FavourQuerySet:
        """Favours I still owe, soonest due first."""
        return self.filter(state=FavourState.PROMISED, direction__in=self.MINE).order_by(
            "due_on", "id"
        )

    def given(self) -> FavourQuerySet:
        """Favours I have done for others, latest first."""
        return self.filter(state=FavourState.DONE, direction__in=self.MINE).order_by(
            "-done_on", "-id"
        )


class Favour(OwnedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="favours")
    direction = models.CharField(max_length=12, choices=FavourDirection.choices)
    what = models.CharField(max_length=300)
    state = models.CharField(
        max_length=10, choices=FavourState.choices, default=FavourState.PROMISED
    )
    due_on = models.DateField(null=True, blank=True)
    done_on = models.DateField(null=True, blank=True)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="favours"
    )

    objects = FavourQuerySet.as_manager()

    class Meta:
        ordering = ["state", "due_on", "id"]
        # Today's favours owed, soonest first, ten of them: read in this order and stopped at
        # ten, not sorted after joining every person of every account (30,000 people: ~25 ms).
        indexes = [
            models.Index(fields=["owner", "state", "due_on", "id"], name="favour_owner_state_due")
        ]

    def __str__(self) -> str:
        return self.what
