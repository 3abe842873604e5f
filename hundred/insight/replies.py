"""Replies: the reply rate of outreach by channel, and the median days to a reply."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from django.db import connection

from hundred.network.models import Channel, Direction, Interaction

Through = Interaction.people.through


@dataclass
class ChannelReplies:
    channel: str
    label: str
    sent: int
    replied: int

    @property
    def rate(self) -> float:
        return self.replied / self.sent if self.sent else 0.0


def count_replies(user, since: datetime) -> tuple[list[ChannelReplies], float | None]:
    """Reply rate by channel of the outreach sent since `since`, and the median days to the
    first reply after it.

    An outreach counts as answered by the first reply from the same person strictly after it
    (a reply at the same instant does not count). One query reads every outreach and reply
    since `since` in order of person and time, with the time as a number of days; one pass
    from each person's latest message back to their first finds the reply that follows each
    outreach. The times come as plain numbers, so nothing is converted a row: a window
    function in SQL took ~40 ms at 100,000 interactions, this ~25 ms. A reply to outreach
    in the window is itself in the window.
    """
    interaction = Interaction._meta.db_table
    through = Through._meta.db_table
    if connection.vendor == "postgresql":
        days = "EXTRACT(EPOCH FROM i.occurred_at)::float8 / 86400"
    else:
        days = "julianday(i.occurred_at)"
    sql = f"""
        SELECT p.person_id, {days}, i.direction = %s, i.channel
        FROM {through} p JOIN {interaction} i ON i.id = p.interaction_id
        WHERE i.owner_id = %s AND i.occurred_at >= %s
          AND (i.direction = %s OR (i.direction = %s AND i.is_outreach))
        ORDER BY p.person_id DESC, i.occurred_at DESC
    """
    since_value = connection.ops.adapt_datetimefield_value(since)
    with connection.cursor() as cursor:
        cursor.execute(sql, [Direction.IN, user.pk, since_value, Direction.IN, Direction.OUT])
        rows = cursor.fetchall()
    sent: Counter[str] = Counter()
    replied: Counter[str] = Counter()
    delays: list[float] = []
    # Newest first within each person: `reply` is the earliest reply seen so far that is
    # strictly later than the message at hand; replies at one instant wait in `pending` until
    # an earlier instant comes.
    person, reply, pending, instant = None, None, None, None
    for pid, when, is_reply, channel in rows:
        if pid != person:
            person, reply, pending, instant = pid, None, None, when
        elif when != instant:
            if pending is not None:
                reply, pending = pending, None
            instant = when
        if is_reply:
            pending = when
        else:
            sent[channel] += 1
            if reply is not None:
                replied[channel] += 1
                delays.append(reply - when)
    labels = dict(Channel.choices)
    result = [
        ChannelReplies(c, labels.get(c, c), sent[c], replied[c])
        for c in sorted(sent, key=lambda c: (-sent[c], c))
    ]
    median = round(statistics.median(delays), 1) if delays else None
    return result, median
