"""LinkedIn's history (linkedin_history.History) to JSON-ready data and back, so an import's
stored plan carries the messages parsed at the preview to the confirm, parsed once."""

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
    data = asdict(history)
    for message in data["messages"]:
        message["sent_at"] = message["sent_at"].isoformat()
    for position in data["positions"]:
        for key in ("started_on", "finished_on"):
            if position[key] is not None:
                position[key] = position[key].isoformat()
    return data


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def history_in(data: dict[str, Any]) -> History:
    """The History history_out() wrote; KeyError or TypeError when it is damaged."""
    return History(
        messages=[
            MessageRecord(
                **{
                    **m,
                    "sent_at": datetime.fromisoformat(m["sent_at"]),
                    "counterparts": [Participant(**c) for c in m["counterparts"]],
                }
            )
            for m in data["messages"]
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
