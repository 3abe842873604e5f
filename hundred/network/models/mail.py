"""Addresses seen in logged mail that belong to nobody on the list yet: Today's short
"new people from your mail" review."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from hundred.lib.names import split_name
from hundred.lib.text import fold
from hundred.network.models.owned import OwnedModel, OwnedQuerySet
from hundred.network.models.people import Person
from hundred.transfer.formats.lengths import fit

# People with the same name offered beside a suggestion, at most (more are duplicates to merge).
SAME_NAME_SHOWN = 3


class MailSuggestionQuerySet(OwnedQuerySet):
    def to_review(self) -> MailSuggestionQuerySet:
        return self.filter(dismissed=False).order_by("-last_seen_at", "pk")

    def note(self, owner, email: str, name: str, subject: str, seen_at) -> bool:
        """Remember an unknown address (once per account); True when it is new."""
        found, created = self.get_or_create(
            owner=owner,
            email=email,
            defaults={"name": name[:200], "subject": subject[:200], "last_seen_at": seen_at},
        )
        if not created and not found.dismissed and seen_at > found.last_seen_at:
            found.last_seen_at, found.subject = seen_at, subject[:200]
            found.name = found.name or name[:200]
            found.save(update_fields=["last_seen_at", "subject", "name", "updated_at"])
        return created

    def with_same_name(self, owner) -> list[MailSuggestion]:
        """These suggestions, each with `same_name`: up to SAME_NAME_SHOWN of the owner's
        people with its name, in one query for them all (none without a name to look for).
        Slice the queryset first: it is meant for Today's five."""
        suggestions = list(self)
        keys = {key for s in suggestions if (key := s.same_name_key())}
        found: dict[str, list[Person]] = {}
        if keys:
            people = (
                Person.objects.for_user(owner)
                .filter(sort_name__in=keys)
                .select_related("company")
                .annotate(rank=Window(RowNumber(), partition_by=F("sort_name"), order_by="pk"))
                .filter(rank__lte=SAME_NAME_SHOWN)
                .order_by("sort_name", "pk")
            )
            for person in people:
                found.setdefault(person.sort_name, []).append(person)
        for s in suggestions:
            s.same_name = found.get(s.same_name_key(), [])
        return suggestions


class MailSuggestion(OwnedModel):
    """An address from mail Hundred logged, not on any person: add them or dismiss it.
    A dismissed address stays, so that it is not suggested again."""

    email = models.CharField(max_length=254)
    name = models.CharField(max_length=200, blank=True)
    subject = models.CharField(max_length=200, blank=True, help_text="Of the latest message.")
    last_seen_at = models.DateTimeField(default=timezone.now)
    dismissed = models.BooleanField(default=False)

    objects = MailSuggestionQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "email"], name="one_suggestion_an_address")
        ]

    def __str__(self) -> str:
        return self.email

    def person_name(self) -> tuple[str, str]:
        """The first and last name of the person this address would be: the name in the mail
        (or the address's local part) split as everywhere else, each cut to its column — the
        name in mail may be 200 characters, a first or last name only 150."""
        first, last = split_name(self.name or self.email.split("@")[0])
        return fit("first_name", first), fit("last_name", last)

    def same_name_key(self) -> str:
        """The `sort_name` of the people on the list with this name (case, accents,
        apostrophes and hyphens aside), or '' when the mail gave no name to compare."""
        first, last = self.person_name()
        if not self.name or not (fold(first) or fold(last)):
            return ""
        return Person.sort_name_for(first, last)
