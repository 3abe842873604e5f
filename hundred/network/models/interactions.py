"""Touches with people: outreach, replies, calls, meetings."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from hundred.network.models.choices import Channel, Direction, Stage
from hundred.network.models.meetings import Meeting
from hundred.network.models.owned import OwnedModel, OwnedQuerySet
from hundred.network.models.people import Person


class InteractionQuerySet(OwnedQuerySet):
    def record(self, owner, people: list[Person], **fields) -> Interaction:
        """Write a touch with these people; an outreach marks them asked. Plans nothing.

        Callers want `actions.people.do_log_interaction`, which also runs the follow-up engine;
        the engine itself calls this when a follow-up done is the touch.
        """
        interaction = self.create(owner=owner, **fields)
        # add(), not set(): a new interaction has nobody yet to remove (one query fewer; the
        # same m2m_changed signals).
        interaction.people.add(*people)
        if interaction.is_outreach and interaction.direction == Direction.OUT:
            when = interaction.occurred_at
            Person.objects.filter(pk__in=[p.pk for p in people]).filter(
                Q(asked_at__isnull=True) | Q(asked_at__gt=when)
            ).update(asked_at=when)
            for person in people:
                if person.asked_at is None or person.asked_at > when:
                    person.asked_at = when
                if person.stage in (Stage.LISTED, Stage.PAUSED):
                    person.set_stage(Stage.ASKED)
                    person.save(update_fields=["stage", "stage_changed_at", "updated_at"])
        return interaction


class Interaction(OwnedModel):
    """A touch with one or more people: an outreach, a reply, a call, a meeting."""

    # Every query of interactions starts with the owner, and each of the indexes below starts
    # with it: an index on the owner alone would be one more for every row written (a
    # LinkedIn import writes 200,000) that no query needs.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    people = models.ManyToManyField(Person, related_name="interactions")
    channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.EMAIL)
    direction = models.CharField(max_length=3, choices=Direction.choices, default=Direction.OUT)
    occurred_at = models.DateTimeField("when", default=timezone.now)
    summary = models.TextField(blank=True)
    is_outreach = models.BooleanField(
        default=False, help_text="An outbound message asking for a conversation."
    )
    # Indexed only where set (below): most interactions have no meeting.
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interactions",
        db_index=False,
    )
    is_override = models.BooleanField(
        default=False, help_text="An outreach recorded against the pest guard, on purpose."
    )
    # The composer's ask-checker found a job ask and the message was recorded anyway: a
    # coach's dashboard shows the share of outreach this is (docs/coaching.md).
    asks_for_job = models.BooleanField(
        "flagged as asking for a job",
        default=False,
        help_text="The ask-checker flagged it as asking for a job; it was recorded anyway.",
    )
    override_reason = models.TextField(
        blank=True, help_text="What the pest guard said when it was overridden."
    )
    # Set by imports that bring history (LinkedIn's messages.csv): the conversation the touch
    # belongs to, and an identity of the message itself, so importing it again adds nothing.
    thread = models.CharField("conversation", max_length=200, blank=True)
    external_id = models.CharField(max_length=64, blank=True, editable=False)

    message_id = models.CharField(
        max_length=255,
        blank=True,
        help_text="The Message-ID of the e-mail it was logged from; one interaction a message.",
    )

    objects = InteractionQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at"]
        constraints = [
            # A mail logged twice (mail-in, two workers, an .mbox again) is one interaction.
            models.UniqueConstraint(
                fields=["owner", "message_id"],
                condition=~models.Q(message_id=""),
                name="one_interaction_a_message",
            ),
            # A LinkedIn message imported twice is one interaction.
            models.UniqueConstraint(
                fields=["owner", "external_id"],
                condition=~Q(external_id=""),
                name="unique_interaction_external_id",
            ),
        ]
        indexes = [
            # (owner, occurred_at) is this index's start: a timeline, a week, the latest touch
            # read it as they would an index of those two columns alone.
            # Insights: outreach and replies by week and by channel read only this index.
            models.Index(fields=["owner", "occurred_at", "direction", "is_outreach", "channel"]),
            # Insights: the funnel's "asked" (every outreach ever sent) reads only this index.
            models.Index(fields=["owner", "direction", "is_outreach"]),
            # A meeting's interactions, and the SET NULL when a meeting is deleted.
            models.Index(
                fields=["meeting"],
                condition=Q(meeting__isnull=False),
                name="interaction_meeting_set",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} ({self.get_direction_display()})"
