"""The funnel: listed → asked → met → names received → at target companies."""

from __future__ import annotations

from dataclasses import dataclass

from hundred.insight.people import ASKED_STAGES, PeopleCounts
from hundred.network.models import Stage

ASKED = frozenset(ASKED_STAGES)
MET_STAGES = (Stage.MET, Stage.NURTURING)


@dataclass
class FunnelStage:
    key: str
    label: str
    count: int
    # count / the previous stage's count: None for the first stage, after 0, and for a stage
    # that is not a subset of the one before (a share of it would mean nothing: "200 %").
    rate: float | None
    subset: bool = True


def _rate(count: int, previous: int | None) -> float | None:
    if previous is None or previous == 0:
        return None
    return count / previous


def build_funnel(people: PeopleCounts, met_elsewhere: int, at_targets: int) -> list[FunnelStage]:
    """listed → asked → met → names received → at target companies.

    Counted from the account's people grouped in the database (`count_people`), the people met
    in a meeting whose stage does not already say so (`met_elsewhere`) and the people at target
    companies. "Asked" counts people at an asked stage and anyone sent an outreach whatever
    their stage (back on the list after a pause, say), which `Person.asked_at` records.
    """
    stages = people.by_stage
    counts = {
        "listed": people.listed,
        "asked": people.asked_elsewhere + sum(stages[s] for s in ASKED_STAGES),
        "met": sum(stages[s] for s in MET_STAGES) + met_elsewhere,
        "names": people.introduced,
        "at_targets": at_targets,
    }
    # (key, label, a subset of the stage before?) Names come from anyone, met or not, and
    # anyone works at a target company: those two are counts, not steps of the funnel.
    labels = [
        ("listed", "Listed", True),
        ("asked", "Asked", True),
        ("met", "Met", True),
        ("names", "Names received", False),
        ("at_targets", "At target companies", False),
    ]
    stages, previous = [], None
    for key, label, subset in labels:
        rate = _rate(counts[key], previous) if subset else None
        stages.append(FunnelStage(key, label, counts[key], rate, subset))
        previous = counts[key]
    return stages
