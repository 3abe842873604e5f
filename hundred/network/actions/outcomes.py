"""How a thread ends, in one click: they said no, not now, or yes.

Each is their reply, so each logs an inbound interaction (the reply-rate figures count it, and
the follow-up engine notes it: attempts still planned close, a pause ends), then leaves the
person where the answer puts them.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from hundred.lib.dates import add_business_days
from hundred.lib.when import day
from hundred.network import rules
from hundred.network.actions.followups import (
    _open_no_reply,
    local_date,
    rule_settings,
    unreachable,
)
from hundred.network.actions.people import do_log_interaction
from hundred.network.models import (
    Channel,
    Direction,
    FollowUp,
    FollowUpReason,
    FollowUpState,
    Interaction,
    Person,
    Stage,
)

# A "no" closes what was about asking them; promises you made to them still stand.
KEPT_AFTER_NO = (FollowUpReason.THANK_YOU, FollowUpReason.PROMISED_INFO, FollowUpReason.FAVOUR)

# Stages an answer takes back into conversation; people scheduled, met or nurturing stay put.
_NOT_IN_CONVERSATION = (Stage.LISTED, Stage.PAUSED, Stage.DECLINED)

NOT_NOW_WEEKS = (2, 4, 8, 12, 26)


def _reply_channel(user, person: Person) -> str:
    """They most likely answered the way they were last asked."""
    last = (
        Interaction.objects.for_user(user)
        .filter(people=person, direction=Direction.OUT, is_outreach=True)
        .order_by("-occurred_at")
        .values_list("channel", flat=True)
        .first()
    )
    return last or Channel.EMAIL


def _log_reply(user, person: Person, summary: str) -> None:
    do_log_interaction(
        user,
        [person],
        channel=_reply_channel(user, person),
        direction=Direction.IN,
        occurred_at=timezone.now(),
        summary=summary,
    )


def _set_stage(person: Person, stage: str) -> None:
    person.set_stage(stage)
    person.paused_until = None
    person.save(update_fields=["stage", "stage_changed_at", "paused_until", "updated_at"])


@transaction.atomic
def do_mark_declined(user, person: Person) -> int:
    """They said no: their reply is logged, the person is declined, and every open follow-up
    but your promises (a thank-you, information, a favour) is skipped with a note. Returns how
    many were closed."""
    today = user.local_today()
    closed = (
        FollowUp.objects.for_user(user)
        .filter(person=person, state=FollowUpState.OPEN)
        .exclude(reason__in=KEPT_AFTER_NO)
        .update(
            state=FollowUpState.SKIPPED,
            note=f"Closed: they said no on {today:%Y-%m-%d}.",
            updated_at=timezone.now(),
        )
    )
    _log_reply(user, person, "They said no.")
    _set_stage(person, Stage.DECLINED)
    return closed


@transaction.atomic
def do_ask_again_later(user, person: Person, weeks: int) -> FollowUp:
    """They said not now: their reply is logged and an "ask again" follow-up is planned for
    `weeks` weeks on (the next business day from there). Done, it is an outreach attempt like
    any other: the pest guard judges it and the engine plans the one after."""
    now = timezone.now()
    today = local_date(user, now)
    _open_no_reply(user, person).update(
        state=FollowUpState.SKIPPED,
        note=f"They said not now on {today:%Y-%m-%d}.",
        updated_at=now,
    )
    _log_reply(user, person, f"They said not now: ask again in {weeks} weeks.")
    if person.stage in _NOT_IN_CONVERSATION:
        _set_stage(person, Stage.ASKED)
    s = rule_settings(user)
    return FollowUp.objects.create(
        owner=user,
        person=person,
        due_on=add_business_days(today + timedelta(weeks=weeks), 0, s.holidays),
        channel=rules.first_channel(s, unreachable(person)),
        reason=FollowUpReason.ASK_AGAIN,
        attempt=1,
        note=f"They said not now on {day(today)}: ask again.",
    )


@transaction.atomic
def do_mark_replied(user, person: Person) -> None:
    """They said yes: their reply is logged (closing the attempts still planned, ending a
    pause), and the person is in conversation until the meeting is booked."""
    _log_reply(user, person, "They replied: happy to talk.")
    if person.stage in _NOT_IN_CONVERSATION:
        _set_stage(person, Stage.ASKED)
