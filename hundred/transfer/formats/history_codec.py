"""LinkedIn's history (linkedin_history.History) to JSON-ready data and back, so an import's
stored plan carries the messages parsed at the preview to the confirm, parsed once.

A message is a list in MessageRecord's field order and its people are indexes into one list of
[name, url] pairs: dataclasses.asdict on 200,000 messages took longer than parsing them, and
the same few thousand people fill every message.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from hundred.transfer.formats.linkedin_history import (
    History,
    MessageRecord,
    Participant,
    Position,
    Profile,
)
from hundred.transfer.formats.records import Skipped


def history_out(history: History) -> dict[str, Any]:
    people: dict[Participant, int] = {}

    def index(p: Participant) -> int:
        found = people.get(p)
        if found is None:
            found = people[p] = len(people)
        return found

    messages = [
        [
            m.line,
            m.conversation_id,
            m.sent_at.isoformat(),
            m.direction,
            [index(p) for p in m.counterparts],
            m.text,
            m.external_id,
            m.is_ask,
        ]
        for m in history.messages
    ]
    positions = [asdict(p) for p in history.positions]
    for position in positions:
        for key in ("started_on", "finished_on"):
            if position[key] is not None:
                position[key] = position[key].isoformat()
    return {
        "people": [[p.name, p.url] for p in people],
        "messages": messages,
        "owner": asdict(history.owner) if history.owner else None,
        "profile": asdict(history.profile) if history.profile else None,
        "positions": positions,
        "skills": list(history.skills),
        "from_linkedin": history.from_linkedin,
        "duplicates": history.duplicates,
        "skipped": [asdict(s) for s in history.skipped],
        "files": list(history.files),
    }


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def history_in(data: dict[str, Any]) -> History:
    """The History history_out() wrote; KeyError, IndexError, TypeError or ValueError when it
    is damaged."""
    people = [Participant(name, url) for name, url in data["people"]]
    moment = datetime.fromisoformat
    return History(
        messages=[
            MessageRecord(
                line,
                conversation,
                moment(sent_at),
                direction,
                [people[i] for i in who],
                text,
                external_id,
                is_ask,
            )  # fmt: skip
            for line, conversation, sent_at, direction, who, text, external_id, is_ask in data[
                "messages"
            ]
        ],
        owner=Participant(**data["owner"]) if data["owner"] else None,
        profile=Profile(**data["profile"]) if data["profile"] else None,
        positions=[
            Position(
                **{
                    **p,
                    "started_on": _day(p["started_on"]),
                    "finished_on": _day(p["finished_on"]),
                }
            )
            for p in data["positions"]
        ],
        skills=list(data["skills"]),
        from_linkedin=data["from_linkedin"],
        duplicates=data["duplicates"],
        skipped=[Skipped(**s) for s in data["skipped"]],
        files=list(data["files"]),
    )
