"""What a LinkedIn export offers an account, never applied until the user accepts it.

A starting target from Profile.csv, Skills.csv and Positions.csv, and former colleagues, are
worked out during the import (history.apply_history) and stored in its report;
`do_accept_target` and `do_mark_colleagues` apply what the user ticks on the import's page.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from hundred.network.actions.target import do_save_pitch, do_save_target
from hundred.network.models import HowKnown, Person, Target
from hundred.transfer.formats.identity import company_key, fold
from hundred.transfer.formats.linkedin_history import History
from hundred.transfer.models import ImportRun

# A connection made while the owner worked at the connection's company, or this long after
# they left, is offered as a former colleague.
COLLEAGUE_GRACE = timedelta(days=92)
MAX_COLLEAGUE_OFFERS = 300


def _new_values(values: list[str], have: list[str]) -> list[str]:
    seen = {fold(v) for v in have}
    out = []
    for v in values:
        if v and fold(v) not in seen:
            seen.add(fold(v))
            out.append(v)
    return out


def target_offer(owner, history: History) -> dict[str, list[str]]:
    """A starting target from Profile.csv, Skills.csv and Positions.csv: only what the
    target does not have yet, never written until the user accepts it."""
    profile = history.profile
    if profile is None and not history.positions and not history.skills:
        return {}
    target = Target.objects.get_for(owner)
    skills = [*history.skills, *(p.title for p in history.positions)]
    geographies = [profile.location if profile else "", *(p.location for p in history.positions)]
    offer = {
        "skills": _new_values(skills, target.skills),
        "industries": _new_values([profile.industry] if profile else [], target.industries),
        "geographies": _new_values(geographies, target.geographies),
        "pitch": [profile.headline] if profile and profile.headline and not target.pitch else [],
    }
    return {k: v for k, v in offer.items() if v}


def colleague_offers(owner, history: History) -> list[dict[str, Any]]:
    """Connections whose company is one of the owner's employers in Positions.csv and who
    were connected while the owner worked there (or soon after): likely former colleagues.

    LinkedIn's export does not say where a connection worked before, only their company now,
    so someone who moved on before or after is not found.
    """
    spans: dict[str, list[tuple[date, date]]] = {}
    today = owner.local_today()
    for p in history.positions:
        if p.started_on:
            end = (p.finished_on or today) + COLLEAGUE_GRACE
            spans.setdefault(company_key(p.company), []).append((p.started_on, end))
    if not spans:
        return []
    offers = []
    rows = (
        Person.objects.for_user(owner)
        .filter(company__isnull=False, connected_on__isnull=False)
        .exclude(how_known=HowKnown.COLLEAGUE)
        .order_by("first_name", "last_name", "id")
        .values_list("id", "first_name", "last_name", "company__name", "connected_on")
    )
    for id, first, last, company, connected_on in rows.iterator(chunk_size=5000):
        for start, end in spans.get(company_key(company), ()):
            if start <= connected_on <= end:
                offers.append(
                    {
                        "id": id,
                        "name": " ".join(x for x in (first, last) if x) or "(no name)",
                        "company": company,
                        "connected_on": connected_on.isoformat(),
                    }
                )
                break
        if len(offers) >= MAX_COLLEAGUE_OFFERS:
            break
    return offers


def _offers(run: ImportRun) -> dict[str, Any]:
    return run.report.setdefault("history", {})


@transaction.atomic
def do_accept_target(owner, run: ImportRun, chosen: dict[str, list[str]]) -> int:
    """Add the chosen values of the run's target offer to the target (each list keeps what it
    had); the headline becomes the pitch only if chosen and there is no pitch yet. What was
    taken leaves the offer. Returns how many values were added."""
    offer: dict[str, list[str]] = _offers(run).get("target_offer") or {}
    target = Target.objects.get_for(owner)
    lists = target.as_lists()
    added = 0
    for name in ("skills", "industries", "geographies"):
        wanted = [v for v in chosen.get(name, []) if v in offer.get(name, [])]
        new = _new_values(wanted, lists[name])
        lists[name] = [*lists[name], *new]
        added += len(new)
    if added:
        do_save_target(owner, lists)
    pitch = [v for v in chosen.get("pitch", []) if v in offer.get("pitch", [])]
    if pitch and not target.pitch:
        do_save_pitch(owner, pitch[0])
        added += 1
    left = {k: [v for v in vs if v not in chosen.get(k, [])] for k, vs in offer.items()}
    _offers(run)["target_offer"] = {k: vs for k, vs in left.items() if vs}
    run.save(update_fields=["report"])
    return added


@transaction.atomic
def do_mark_colleagues(owner, run: ImportRun, chosen: list[int]) -> int:
    """Set "how I know them" to colleague for the chosen people among those the run offered."""
    offered = _offers(run).get("colleagues") or []
    ids = {o["id"] for o in offered} & set(chosen)
    marked = (
        Person.objects.for_user(owner)
        .filter(pk__in=ids)
        .update(how_known=HowKnown.COLLEAGUE, updated_at=timezone.now())
    )
    _offers(run)["colleagues"] = [o for o in offered if o["id"] not in ids]
    run.save(update_fields=["report"])
    return marked
