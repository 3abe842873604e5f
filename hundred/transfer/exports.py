"""People as CSV (safe against formula injection) or vCards, from the database."""

from __future__ import annotations

from typing import Any

from hundred.network.models import (
    Person,
)
from hundred.transfer.writers import write_people_csv, write_vcards


def people_rows(owner) -> list[dict[str, Any]]:
    """The owner's people as plain dicts in Hundred's CSV columns, in a stable order."""
    people = (
        Person.objects.for_user(owner)
        .select_related("company")
        .prefetch_related("tags")
        .order_by("id")
    )
    return [
        {
            "first_name": p.first_name,
            "last_name": p.last_name,
            "emails": list(p.emails),
            "phones": list(p.phones),
            "linkedin_url": p.linkedin_url,
            "company": p.company.name if p.company else "",
            "title": p.title,
            "location": p.location,
            "how_known": p.how_known,
            "closeness": p.closeness,
            "stage": p.stage,
            "tags": sorted(t.name for t in p.tags.all()),
            "notes": p.notes,
            "connected_on": p.connected_on,
            "source": p.source,
        }
        for p in people
    ]


def export_csv(owner, *, bom: bool = False) -> bytes:
    return write_people_csv(people_rows(owner), bom=bom)


def export_vcards(owner, *, version: str = "4.0") -> str:
    return write_vcards(people_rows(owner), version=version)
