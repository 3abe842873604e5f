"""Writing the demo: the target, then every kind of object in one bulk insert each."""

from __future__ import annotations

from datetime import timedelta

from hundred.network.demo.builder import Builder
from hundred.network.demo.data import CAST, PITCH, TARGET
from hundred.network.models import (
    Company,
    Favour,
    FollowUp,
    Interaction,
    Meeting,
    Person,
    Tag,
    Target,
    TargetChange,
)


def save(b: Builder, target: Target | None) -> dict[str, int]:
    """Write the target (an empty one left by onboarding is filled) and everything made.

    Returns how many of each kind were made.
    """
    owner = b.owner
    begun_at = b.at(b.start - timedelta(days=4), "19:00")
    target = target or Target(owner=owner, created_at=begun_at)
    for name, values in TARGET.items():
        setattr(target, name, values)
    target.pitch = PITCH
    target.save()
    TargetChange.objects.create(
        owner=owner,
        target=target,
        snapshot={**target.as_lists(), "pitch": PITCH},
        created_at=begun_at,
    )
    if getattr(owner, "onboarded_at", "unknown") is None:
        owner.onboarded_at = begun_at
        owner.save(update_fields=["onboarded_at"])

    existing = {t.name.lower(): t for t in Tag.objects.for_user(owner)}
    new_tags = {}
    for _, name in b.person_tags:
        if name.lower() not in existing and name.lower() not in new_tags:
            new_tags[name.lower()] = Tag(owner=owner, name=name, created_at=begun_at)
    Tag.objects.bulk_create(new_tags.values())
    tags = {**existing, **new_tags}

    Company.objects.bulk_create(b.companies.values())
    for person in b.people:
        person.fill_search_fields()  # bulk_create goes around Person.save()
    Person.objects.bulk_create(b.people)
    Person.tags.through.objects.bulk_create(
        Person.tags.through(person_id=person.pk, tag_id=tags[name.lower()].pk)
        for person, name in b.person_tags
    )
    Meeting.objects.bulk_create(b.meetings.values())
    Meeting.companies_mentioned.through.objects.bulk_create(
        Meeting.companies_mentioned.through(meeting_id=meeting.pk, company_id=company.pk)
        for meeting, company in b.mentions
    )
    # Introductions point at meetings, which point at people: link them in a second pass.
    introduced = []
    for who in CAST:
        if who.introduced_by:
            person = b.cast[who.key]
            person.introduced_by = b.cast[who.introduced_by]
            person.introduced_at = b.meetings[who.introduced_by]
            introduced.append(person)
    Person.objects.bulk_update(introduced, ["introduced_by", "introduced_at"])

    Interaction.objects.bulk_create(b.interactions)
    Interaction.people.through.objects.bulk_create(
        Interaction.people.through(interaction_id=interaction.pk, person_id=person.pk)
        for interaction, person in b.interaction_people
    )
    Favour.objects.bulk_create(b.favours)
    FollowUp.objects.bulk_create(b.followups)
    return {
        "people": len(b.people),
        "companies": len(b.companies),
        "interactions": len(b.interactions),
        "meetings": len(b.meetings),
        "followups": len(b.followups),
        "favours": len(b.favours),
    }
