"""Writes to the favours ledger."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from hundred.network import rules
from hundred.network.actions.followups import rule_settings
from hundred.network.models import (
    Channel,
    Favour,
    FavourDirection,
    FavourState,
    FollowUp,
    FollowUpReason,
    FollowUpState,
    Meeting,
    Person,
)


@transaction.atomic
def do_complete_favour(user, favour: Favour) -> Favour:
    """Mark a favour done, closing its open follow-ups."""
    today = user.local_today()
    favour.state = FavourState.DONE
    favour.done_on = today
    favour.save(update_fields=["state", "done_on", "updated_at"])
    FollowUp.objects.for_user(user).filter(favour=favour, state=FollowUpState.OPEN).update(
        state=FollowUpState.DONE, done_at=timezone.now()
    )
    return favour


@transaction.atomic
def do_add_favour(
    user,
    person: Person,
    *,
    direction: str,
    what: str,
    due_on: date | None = None,
    meeting: Meeting | None = None,
) -> Favour:
    """Record a favour; one that I owe (they asked, I offered) gets its follow-up."""
    favour = Favour.objects.create(
        owner=user, person=person, direction=direction, what=what, due_on=due_on, meeting=meeting
    )
    if direction == FavourDirection.THEY_DID:
        favour.state = FavourState.DONE
        favour.done_on = due_on or user.local_today()
        favour.save(update_fields=["state", "done_on"])
        return favour
    FollowUp.objects.create(
        owner=user,
        person=person,
        due_on=rules.favour_followup_due(due_on, user.local_today(), rule_settings(user)),
        channel=Channel.EMAIL,
        reason=FollowUpReason.FAVOUR,
        favour=favour,
        meeting=meeting,
        note=what,
    )
    return favour
