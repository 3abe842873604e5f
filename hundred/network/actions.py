"""Writes that touch several models, each in one transaction (`do_<verb>_<noun>`)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from hundred.network.models import Direction, Interaction, Person, Stage


@transaction.atomic
def do_log_interaction(owner, people: Iterable[Person], **fields) -> Interaction:
    """Record a touch with one or more people; an outreach moves a listed person to asked."""
    people = list(people)
    interaction = Interaction.objects.create(owner=owner, **fields)
    interaction.people.set(people)
    if interaction.is_outreach and interaction.direction == Direction.OUT:
        for person in people:
            if person.stage in (Stage.LISTED, Stage.PAUSED):
                person.set_stage(Stage.ASKED)
                person.save(update_fields=["stage", "stage_changed_at", "updated_at"])
    return interaction
