"""Possible duplicates: find them, merge a pair, or dismiss it for good."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from hundred.network.models import Favour, FollowUp, Interaction, Meeting, Person
from hundred.transfer.matching import Existing, near_duplicates
from hundred.transfer.models import DismissedPair

_TEXT = ("first_name", "last_name", "linkedin_url", "title", "location", "notes")


def possible_duplicates(owner, *, limit: int = 50) -> list[tuple[Person, Person, float]]:
    """Near-duplicate pairs of the owner's people, best first, without dismissed pairs."""
    rows = Person.objects.for_user(owner).values_list(
        "id", "first_name", "last_name", "emails", "linkedin_url", "company__name"
    )
    pairs = near_duplicates(
        [
            Existing(
                id=i, emails=e or [], linkedin_url=u, first_name=f, last_name=la, company=c or ""
            )
            for i, f, la, e, u, c in rows
        ]
    )
    dismissed = set(DismissedPair.objects.for_user(owner).values_list("person_a_id", "person_b_id"))
    pairs = [(a, b, s) for a, b, s in pairs if (a, b) not in dismissed][:limit]
    people = (
        Person.objects.for_user(owner)
        .select_related("company")
        .in_bulk({i for a, b, _ in pairs for i in (a, b)})
    )
    return [(people[a], people[b], s) for a, b, s in pairs]


def do_dismiss_pair(owner, a: Person, b: Person) -> None:
    """Remember that a and b are two people, so the review stops offering them."""
    low, high = sorted((a, b), key=lambda p: p.pk)
    DismissedPair.objects.get_or_create(owner=owner, person_a=low, person_b=high)


@transaction.atomic
def do_merge_people(owner, keep: Person, other: Person) -> Person:
    """Fold other into keep: empty fields filled, everything that pointed at other moved."""
    assert keep.owner_id == other.owner_id == owner.pk and keep.pk != other.pk
    fields = []
    for name in _TEXT:
        if not getattr(keep, name) and getattr(other, name):
            setattr(keep, name, getattr(other, name))
            fields.append(name)
    for name in ("company_id", "connected_on", "paused_until"):
        if getattr(keep, name) is None and getattr(other, name) is not None:
            setattr(keep, name, getattr(other, name))
            fields.append(name)
    for name in ("emails", "phones"):
        current = list(getattr(keep, name))
        seen = {v.casefold() for v in current}
        added = [v for v in getattr(other, name) if v.casefold() not in seen]
        if added:
            setattr(keep, name, current + added)
            fields.append(name)
    # An introduction survives the merge, unless it would make keep their own introducer.
    if keep.introduced_by_id is None and other.introduced_by_id not in (None, keep.pk):
        keep.introduced_by_id = other.introduced_by_id
        keep.introduced_at_id = keep.introduced_at_id or other.introduced_at_id
        fields += ["introduced_by", "introduced_at"]
    keep.tags.add(*other.tags.all())

    Through = Interaction.people.through
    already = set(Through.objects.filter(person=keep).values_list("interaction_id", flat=True))
    Through.objects.filter(person=other).exclude(interaction_id__in=already).update(person=keep)
    Through.objects.filter(person=other).delete()
    Person.objects.filter(pk=keep.pk).refresh_asked_at()
    for model in (Meeting, FollowUp, Favour):
        model.objects.filter(owner=owner, person=other).update(person=keep)
    Person.objects.filter(owner=owner, introduced_by=other).exclude(pk=keep.pk).update(
        introduced_by=keep
    )
    if keep.introduced_by_id == other.pk:
        keep.introduced_by_id = None
        fields.append("introduced_by")
    if fields:
        keep.updated_at = timezone.now()
        keep.save(update_fields=[*dict.fromkeys(fields), "updated_at"])
    other.delete()
    return keep
