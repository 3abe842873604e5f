"""Possible duplicates: keep the candidate pairs up to date, merge a pair, or dismiss it."""

from __future__ import annotations

from datetime import timedelta
from typing import NamedTuple

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from hundred.network.models import Favour, FollowUp, Interaction, Meeting, Person
from hundred.transfer.models import DismissedPair, DuplicateCandidate, DuplicateScan
from hundred.transfer.similar import Pair, candidate_pairs

_TEXT = ("first_name", "last_name", "linkedin_url", "title", "location", "notes")

# Bump when similar.py scores differently: every account's pairs are then computed afresh.
VERSION = 1
# The review keeps the best this many pairs; when merges and dismissals have used up half of
# them, the next visit computes them all again.
MAX_PAIRS = 10_000
# A person saved just before a scan began may commit just after it read the people: look
# back this far when asking who changed.
MARGIN = timedelta(minutes=1)
_CHUNK = 500


class _Row(NamedTuple):
    id: int
    first_name: str
    last_name: str
    emails: list[str]
    linkedin_url: str
    company: str


def _rows(owner) -> list[_Row]:
    rows = (
        Person.objects.for_user(owner)
        .order_by("id")
        .values_list("id", "first_name", "last_name", "emails", "linkedin_url", "company__name")
    )
    return [_Row(i, f or "", la or "", e or [], u or "", c or "") for i, f, la, e, u, c in rows]


def _changed_since(owner, since) -> set[int]:
    """People saved since then, or whose company was (a renamed company changes the match)."""
    people = Person.objects.for_user(owner).filter(
        Q(updated_at__gte=since) | Q(company__updated_at__gte=since)
    )
    return set(people.values_list("id", flat=True))


def refresh_candidates(owner) -> None:
    """Bring the owner's candidate pairs up to date with their people.

    Nothing to do when no one changed since the last scan (two small queries). Otherwise the
    pairs touching the people created or changed since are computed again; all pairs are when
    there is no scan yet, the rules changed (VERSION), more than half the people changed, or
    a truncated table has run low. A deleted person's pairs went with them (CASCADE).
    """
    start = timezone.now()
    scan = DuplicateScan.objects.filter(owner=owner).first()
    mine = DuplicateCandidate.objects.for_user(owner)
    changed: set[int] | None = None
    if scan is not None and scan.version == VERSION:
        changed = _changed_since(owner, scan.scanned_at - MARGIN)
        if scan.truncated and mine.count() < MAX_PAIRS // 2:
            changed = None
        elif not changed:
            return
    # Compared outside the transaction, so SQLite's write lock is held only for the writing;
    # anyone saved meanwhile is newer than start, and the next visit compares them again.
    rows = _rows(owner)
    if changed is not None and len(changed) * 2 > len(rows):
        changed = None
    pairs = candidate_pairs(rows, only=changed)
    with transaction.atomic():
        truncated = _write(owner, pairs, changed)
        if changed is not None and scan is not None:
            truncated = truncated or scan.truncated
        DuplicateScan.objects.update_or_create(
            owner=owner,
            defaults={"scanned_at": start, "version": VERSION, "truncated": truncated},
        )


def _write(owner, pairs: list[Pair], changed: set[int] | None) -> bool:
    """Replace the pairs of the changed people (of everyone for None); True if any were cut."""
    mine = DuplicateCandidate.objects.for_user(owner)
    dismissed = set(DismissedPair.objects.for_user(owner).values_list("person_a_id", "person_b_id"))
    # Someone deleted (or merged away) while the pairs were computed has no pairs.
    alive = set(Person.objects.for_user(owner).values_list("id", flat=True)) if pairs else set()
    pairs = [p for p in pairs if (p.a, p.b) not in dismissed and p.a in alive and p.b in alive]
    if changed is None:
        mine.delete()
    else:
        ids = sorted(changed)
        for n in range(0, len(ids), _CHUNK):
            part = ids[n : n + _CHUNK]
            mine.filter(Q(a_id__in=part) | Q(b_id__in=part)).delete()
    DuplicateCandidate.objects.bulk_create(
        [
            DuplicateCandidate(owner=owner, a_id=p.a, b_id=p.b, score=p.score, reasons=p.reasons)
            for p in pairs[:MAX_PAIRS]
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )
    truncated = len(pairs) > MAX_PAIRS
    if changed is not None and mine.count() > MAX_PAIRS:
        extra = mine.order_by("-score", "a_id", "b_id").values_list("id", flat=True)
        mine.filter(id__in=list(extra[MAX_PAIRS:])).delete()
        truncated = True
    return truncated


def possible_duplicates(owner):
    """The owner's candidate pairs, best first, brought up to date: a queryset to paginate."""
    refresh_candidates(owner)
    return (
        DuplicateCandidate.objects.for_user(owner)
        .select_related("a", "a__company", "b", "b__company")
        .order_by("-score", "a_id", "b_id")
    )


def do_dismiss_pair(owner, a: Person, b: Person) -> None:
    """Remember that a and b are two people, so the review stops offering them."""
    low, high = sorted((a, b), key=lambda p: p.pk)
    with transaction.atomic():
        DismissedPair.objects.get_or_create(owner=owner, person_a=low, person_b=high)
        DuplicateCandidate.objects.filter(owner=owner, a=low, b=high).delete()


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
