"""Writes about people and their interactions, each in one transaction."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, Q

from hundred.network.models import (
    Company,
    Direction,
    Interaction,
    Person,
    Stage,
)


@transaction.atomic
def do_log_interaction(owner, people: Iterable[Person], **fields) -> Interaction:
    """Record a touch with one or more people; an outreach moves a listed person to asked."""
    people = list(people)
    interaction = Interaction.objects.create(owner=owner, **fields)
    interaction.people.set(people)
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
    from hundred.network.actions.followups import on_interaction_logged

    on_interaction_logged(owner, interaction, people)
    return interaction


@transaction.atomic
def do_delete_person(person: Person) -> None:
    """Delete a person with their history, keeping interactions shared with someone else."""
    # Meetings, follow-ups and favours go by cascade; interactions are many-to-many and
    # would otherwise stay behind with nobody in them.
    solo = (
        Interaction.objects.filter(pk__in=person.interactions.values("pk"))
        .annotate(n=Count("people"))
        .filter(n=1)
    )
    Interaction.objects.filter(pk__in=list(solo.values_list("pk", flat=True))).delete()
    person.delete()


@transaction.atomic
def do_quick_add_person(owner, *, name: str, how_known: str, company_name: str = "") -> Person:
    """Put a name on the 100 list in one step: 'Dr. Ann Lee' -> first 'Ann', last 'Lee'."""
    from nameparser import HumanName

    parsed = HumanName(name)
    first = " ".join(p for p in (parsed.first, parsed.middle) if p) or name
    last = " ".join(p for p in (parsed.last, parsed.suffix) if p)
    if not parsed.first:
        first, last = name, ""
    company = Company.objects.get_or_create_named(owner, company_name) if company_name else None
    return Person.objects.create(
        owner=owner, first_name=first, last_name=last, how_known=how_known, company=company
    )
