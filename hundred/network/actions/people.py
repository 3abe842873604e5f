"""Writes about people and their interactions, each in one transaction."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from hundred.lib.names import split_name
from hundred.network.actions.followups import guard_attempt, on_interaction_logged
from hundred.network.models import (
    Channel,
    Company,
    Direction,
    Interaction,
    MailSuggestion,
    Person,
)


@transaction.atomic
def do_log_interaction(
    owner, people: Iterable[Person], *, override: bool = False, **fields
) -> Interaction:
    """Record a touch with one or more people, then let the follow-up engine plan or cancel.

    An outbound outreach is an attempt: the pest guard judges it first and raises PestGuard
    unless `override`, which is then recorded on the interaction with the guard's sentence.
    """
    people = list(people)
    fields.setdefault("occurred_at", timezone.now())
    if fields.get("direction", Direction.OUT) == Direction.OUT and fields.get("is_outreach"):
        said = guard_attempt(
            owner,
            people,
            when=fields["occurred_at"],
            channel=fields.get("channel", Channel.EMAIL),
            override=override,
        )
        fields.update(is_override=bool(said), override_reason=said)
    interaction = Interaction.objects.record(owner, people, **fields)
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
    first, last = split_name(name)
    company = Company.objects.get_or_create_named(owner, company_name) if company_name else None
    return Person.objects.create(
        owner=owner, first_name=first, last_name=last, how_known=how_known, company=company
    )


@transaction.atomic
def do_add_from_mail(owner, suggestion: MailSuggestion) -> Person:
    """Put an address seen in mail on the list as a person (name from the mail, or the
    address's local part, cut to the name columns); mail from them is logged from now on."""
    first, last = suggestion.person_name()
    person = Person.objects.create(
        owner=owner,
        first_name=first,
        last_name=last,
        emails=[suggestion.email],
        notes=f"Added from your mail: “{suggestion.subject}”." if suggestion.subject else "",
    )
    suggestion.delete()
    return person


@transaction.atomic
def do_add_mail_address(suggestion: MailSuggestion, person: Person) -> Person:
    """Give a person already on the list (one with the suggestion's name: the caller checks)
    the address seen in mail; mail from it is logged on their timeline from now on."""
    if suggestion.email.strip().lower() not in {str(e).strip().lower() for e in person.emails}:
        person.emails = [*person.emails, suggestion.email]
        person.save(update_fields=["emails", "updated_at"])  # save() refolds search_text
    suggestion.delete()
    return person
