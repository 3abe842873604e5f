"""Recording sent outreach."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from hundred.network.actions.followups import guard_attempt
from hundred.network.actions.people import do_log_interaction
from hundred.network.models import (
    Direction,
    Person,
)


@transaction.atomic
def do_record_outreach(
    owner,
    messages: list[tuple[Person, str]],
    *,
    channel: str,
    override: bool = False,
    asks_for_job: bool = False,
) -> list:
    """Log one outbound outreach per person (each with its own text); they move to asked.

    All or nothing: if the pest guard refuses anyone, PestGuard names each refused person and
    nothing is recorded, unless `override` (then each override is recorded on its outreach).
    `asks_for_job`: the ask-checker flagged the message and it is recorded anyway.
    """
    now = timezone.now()
    # One sentence for everyone refused, before anything is written.
    guard_attempt(owner, [p for p, _ in messages], when=now, channel=channel, override=override)
    return [
        do_log_interaction(
            owner,
            [person],
            channel=channel,
            direction=Direction.OUT,
            occurred_at=now,
            summary=text,
            is_outreach=True,
            override=override,
            asks_for_job=asks_for_job,
        )
        for person, text in messages
    ]
