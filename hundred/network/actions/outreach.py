"""Recording sent outreach."""

from __future__ import annotations

from django.db import transaction

from hundred.network.actions.people import do_log_interaction
from hundred.network.models import (
    Direction,
    Person,
)


@transaction.atomic
def do_record_outreach(owner, messages: list[tuple[Person, str]], *, channel: str) -> list:
    """Log one outbound outreach per person (each with its own text); they move to asked."""
    return [
        do_log_interaction(
            owner,
            [person],
            channel=channel,
            direction=Direction.OUT,
            summary=text,
            is_outreach=True,
        )
        for person, text in messages
    ]
