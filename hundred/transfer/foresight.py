"""What an import's LinkedIn history will do, worked out without writing, for its preview.

A preview holds no write lock, so it cannot write the messages and roll back: it matches them
as history.apply_history will (against the account's people and the plan's new ones, ids
-1, -2, …) and judges the follow-ups it will plan and the attempts a reply will close from the
account's interactions, the plan's invitations and the file's messages together.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, NamedTuple

from hundred.network import rules
from hundred.network.actions.followups import local_date, local_midnight
from hundred.network.models import (
    Channel,
    Direction,
    FollowUp,
    FollowUpSettings,
    FollowUpState,
    Interaction,
    Meeting,
    Person,
)
from hundred.transfer.formats.linkedin_history import History, MessageRecord
from hundred.transfer.history import (
    OUT,
    Matching,
    People,
    Timelines,
    known_ids,
    recent_asks,
    tally,
)
from hundred.transfer.planning import Plan, preview_history


class _Touch(NamedTuple):
    at: datetime
    direction: str
    is_outreach: bool
    channel: str


def foresee_history(owner, history: History, plan: Plan) -> dict[str, Any]:
    """What apply_history will do once `plan` is written, worked out without writing."""
    summary = preview_history(history)
    if history.messages:
        summary.update(_foresee_messages(owner, history.messages, plan))
    return summary


def _foresee_messages(owner, messages: list[MessageRecord], plan: Plan) -> dict[str, Any]:
    """history's _write_messages without the writing: each message matched as it will be,
    the follow-ups foreseen."""
    matching = Matching(People(owner, plan), known_ids(owner))
    timelines = Timelines()
    rows = []
    for m, ids in matching.rows(messages):
        rows.append((m, ids))
        timelines.add(m, ids)
    planned, replies = _foresee_after_messages(owner, timelines, rows, plan.interactions)
    return tally(messages, len(rows), matching, timelines, planned, replies)


def _foresee_after_messages(
    owner,
    timelines: Timelines,
    rows: list[tuple[MessageRecord, list[int]]],
    invitations: list[tuple[int, datetime, str, str, str]],
) -> tuple[int, int]:
    """history's _after_messages without the writing: the follow-ups it will plan and the
    attempts a reply will close."""
    if not timelines.threads:
        return 0, 0
    s = FollowUpSettings.objects.read_for(owner).as_rules()  # get_for would write them
    recent = recent_asks(owner, timelines.last_ask, s)
    waiting = _waiting_for_a_reply(owner, timelines)
    wanted = set(recent) | waiting
    if not wanted:
        return 0, 0
    touches = _touches(owner, wanted, rows, invitations)
    planned = sum(
        _would_plan(owner, pid, ask.sent_at, touches[pid], s) for pid, ask in recent.items()
    )
    replies = 0
    for pid in waiting:
        reply = timelines.last_in[pid]
        outreach = [t.at for t in touches[pid] if t.direction == OUT and t.is_outreach]
        replies += not outreach or reply.sent_at > max(outreach)
    return planned, replies


def _waiting_for_a_reply(owner, timelines: Timelines) -> set[int]:
    """People the file has a reply from whose open follow-ups a reply closes."""
    open_now: dict[int, list[rules.OpenFollowUp]] = {}
    for pk, pid, reason in (
        FollowUp.objects.for_user(owner)
        .filter(state=FollowUpState.OPEN, person_id__in=[p for p in timelines.last_in if p > 0])
        .values_list("pk", "person_id", "reason")
    ):
        open_now.setdefault(pid, []).append(rules.OpenFollowUp(id=pk, reason=reason))
    return {pid for pid, found in open_now.items() if rules.on_reply(found)}


def _touches(
    owner,
    wanted: set[int],
    rows: list[tuple[MessageRecord, list[int]]],
    invitations: list[tuple[int, datetime, str, str, str]],
) -> dict[int, list[_Touch]]:
    """Each wanted person's interactions as they will be: the account's, the plan's
    invitations (written as not outreach) and the file's messages."""
    touches: dict[int, list[_Touch]] = {pid: [] for pid in wanted}
    for pid, at, direction, is_outreach, channel in Interaction.people.through.objects.filter(
        interaction__owner=owner, person_id__in=[p for p in wanted if p > 0]
    ).values_list(
        "person_id",
        "interaction__occurred_at",
        "interaction__direction",
        "interaction__is_outreach",
        "interaction__channel",
    ):
        touches[pid].append(_Touch(at, direction, is_outreach, channel))
    for pid, at, direction, channel, _ in invitations:
        if pid in touches:
            touches[pid].append(_Touch(at, direction, False, channel))
    for m, ids in rows:
        for pid in ids:
            if pid in touches:
                touches[pid].append(_Touch(m.sent_at, m.direction, m.is_ask, Channel.LINKEDIN))
    return touches


def _would_plan(
    owner, person_id: int, asked_at: datetime, touches: list[_Touch], s: rules.RuleSettings
) -> bool:
    """What _plan_if_recent will answer, from the person's touches (the import's included)."""
    newer = [t for t in touches if t.at > asked_at]
    if any(t.direction != OUT or t.is_outreach for t in newer):
        return False
    # The round of attempts starts after the latest reply, meeting or ended pause, as
    # current_attempts reads it once the messages are written.
    starts = [t.at for t in touches if t.direction == Direction.IN]
    if person_id > 0:
        starts += [
            min(created_at, starts_at)
            for created_at, starts_at in Meeting.objects.for_user(owner)
            .filter(person_id=person_id)
            .values_list("created_at", "starts_at")
        ]
        paused_until = (
            Person.objects.for_user(owner)
            .filter(pk=person_id)
            .values_list("paused_until", flat=True)
            .first()
        )
        if paused_until and paused_until <= owner.local_today():
            starts.append(local_midnight(owner, paused_until))
    since = max(starts, default=None)
    attempts = [
        rules.Attempt(on=local_date(owner, t.at), channel=t.channel)
        for t in sorted(touches, key=lambda t: t.at)
        if t.direction == OUT and t.is_outreach and (since is None or t.at > since)
    ]
    return not isinstance(rules.after_outreach(attempts, s), rules.Pause)
