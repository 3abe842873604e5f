"""Interactions and follow-ups: log a touch, list them, and done, snooze, skip, move.

Every outreach attempt passes the pest guard in the actions (`guard_attempt`); a refusal is a
409 problem, and `"override": true` records the attempt anyway, as the web's override box does.
"""

from __future__ import annotations

from datetime import date, datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from pydantic import Field

from hundred.api.core import PROBLEMS, Day, Moment, Problem, Text, refused
from hundred.api.people import get_person
from hundred.lib.ids import is_id
from hundred.network.actions import followups as engine
from hundred.network.actions.people import do_log_interaction
from hundred.network.models import (
    Channel,
    Direction,
    FollowUp,
    FollowUpReason,
    FollowUpState,
    Interaction,
)

router = Router(tags=["interactions and follow-ups"])


class InteractionOut(Schema):
    id: int
    people: list[int]
    channel: Channel
    direction: Direction
    occurred_at: datetime
    summary: str
    is_outreach: bool
    is_override: bool
    override_reason: str


class InteractionIn(Schema):
    channel: Channel = Channel.EMAIL
    direction: Direction = Direction.OUT
    occurred_at: Moment | None = Field(None, description="when; now if left out")
    summary: Text = ""
    is_outreach: bool = Field(False, description="an ask for a conversation: the pest guard")
    override: bool = Field(False, description="record it even if the pest guard says not yet")


class FollowUpOut(Schema):
    id: int
    person: int
    due_on: date
    channel: Channel
    reason: FollowUpReason
    attempt: int
    state: FollowUpState
    note: str
    done_at: datetime | None
    is_override: bool
    override_reason: str


class DoneIn(Schema):
    channel: Channel | None = Field(None, description="how it was done; the planned one if null")
    summary: Text = ""
    override: bool = False


class SnoozeIn(Schema):
    days: int = Field(1, ge=1, le=365, description="business days to put it off")


class SkipIn(Schema):
    note: Text = ""


class MoveIn(Schema):
    due_on: Day
    override: bool = False


class ScheduleIn(Schema):
    due_on: Day
    channel: Channel = Channel.EMAIL
    reason: FollowUpReason = FollowUpReason.NO_REPLY
    note: Text = ""
    override: bool = False


def interaction_out(i: Interaction) -> dict:
    return {
        **{f: getattr(i, f) for f in INTERACTION_FIELDS},
        "people": sorted(p.pk for p in i.people.all()),
    }


INTERACTION_FIELDS = (
    "id channel direction occurred_at summary is_outreach is_override override_reason".split()
)
FOLLOWUP_FIELDS = (
    "id due_on channel reason attempt state note done_at is_override override_reason".split()
)


def followup_out(f: FollowUp) -> dict:
    return {**{k: getattr(f, k) for k in FOLLOWUP_FIELDS}, "person": f.person_id}


def _open_followup(request, pk: int) -> FollowUp:
    return get_object_or_404(
        FollowUp.objects.for_user(request.user)
        .filter(state=FollowUpState.OPEN)
        .select_related("person"),
        pk=pk,
    )


@router.get(
    "/people/{int:pk}/interactions/",
    response={200: list[InteractionOut], PROBLEMS: Problem},
    url_name="person-interactions",
)
def list_interactions(request, pk: int):
    """A person's interactions, newest first."""
    person = get_person(request, pk)
    rows = person.interactions.order_by("-occurred_at", "-id").prefetch_related("people")
    return [interaction_out(i) for i in rows]


@router.post(
    "/people/{int:pk}/interactions/",
    response={201: InteractionOut, PROBLEMS: Problem},
    url_name="person-interactions",
)
def log_interaction(request, pk: int, body: InteractionIn):
    """Log a touch; an outbound outreach passes the pest guard first (409 if not yet)."""
    person = get_person(request, pk)
    fields = body.model_dump(exclude={"override"}, exclude_none=True)
    try:
        interaction = do_log_interaction(request.user, [person], override=body.override, **fields)
    except engine.PestGuard as e:
        raise refused(e) from e
    return Status(201, interaction_out(interaction))


@router.get(
    "/followups/", response={200: list[FollowUpOut], PROBLEMS: Problem}, url_name="followups"
)
def list_followups(request, person: int | None = None):
    """Open follow-ups, soonest first; `person` keeps one person's."""
    rows = FollowUp.objects.for_user(request.user).filter(state=FollowUpState.OPEN)
    if person is not None:
        # An id too large for the database names nobody (SQLite would raise OverflowError).
        rows = rows.filter(person_id=person) if is_id(person) else rows.none()
    return [followup_out(f) for f in rows.order_by("due_on", "id")]


@router.post(
    "/people/{int:pk}/followups/",
    response={201: FollowUpOut, PROBLEMS: Problem},
    url_name="person-followups",
)
def schedule_followup(request, pk: int, body: ScheduleIn):
    """Plan a follow-up by hand; an attempt (no reply, ask again) passes the pest guard."""
    person = get_person(request, pk)
    try:
        followup = engine.do_schedule_followup(
            request.user, person, **body.model_dump(exclude={"override"}), override=body.override
        )
    except engine.PestGuard as e:
        raise refused(e) from e
    return Status(201, followup_out(followup))


@router.post(
    "/followups/{int:pk}/done/",
    response={200: InteractionOut, PROBLEMS: Problem},
    url_name="followup-done",
)
def followup_done(request, pk: int, body: DoneIn):
    """Mark it done and log the interaction it was (an attempt: the pest guard judges it)."""
    followup = _open_followup(request, pk)
    try:
        interaction = engine.do_complete_followup(
            request.user,
            followup,
            channel=body.channel,
            summary=body.summary,
            override=body.override,
        )
    except engine.PestGuard as e:
        raise refused(e) from e
    return interaction_out(interaction)


@router.post(
    "/followups/{int:pk}/snooze/",
    response={200: FollowUpOut, PROBLEMS: Problem},
    url_name="followup-snooze",
)
def followup_snooze(request, pk: int, body: SnoozeIn):
    followup = engine.do_snooze_followup(request.user, _open_followup(request, pk), body.days)
    return followup_out(followup)


@router.post(
    "/followups/{int:pk}/skip/",
    response={200: FollowUpOut, PROBLEMS: Problem},
    url_name="followup-skip",
)
def followup_skip(request, pk: int, body: SkipIn):
    followup = engine.do_skip_followup(request.user, _open_followup(request, pk), body.note)
    return followup_out(followup)


@router.post(
    "/followups/{int:pk}/move/",
    response={200: FollowUpOut, PROBLEMS: Problem},
    url_name="followup-move",
)
def followup_move(request, pk: int, body: MoveIn):
    """Move it to another day; an attempt moved too close to the last needs the override."""
    try:
        followup = engine.do_reschedule_followup(
            request.user, _open_followup(request, pk), body.due_on, override=body.override
        )
    except engine.PestGuard as e:
        raise refused(e) from e
    return followup_out(followup)
