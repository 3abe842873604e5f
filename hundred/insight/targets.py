"""Target companies: the people at each, warm paths to them, and whom to ask at an empty one."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import NamedTuple

from django.db.models import Q

from hundred.insight import graph
from hundred.insight.funnel import MET_STAGES
from hundred.insight.people import People, PersonRow, plain_rows
from hundred.network.models import Company, ResearchStatus, Stage

TARGETS_SHOWN = 50  # target companies on the page; the rest are counted
PATHS_SHOWN = 3
SUGGESTIONS_SHOWN = 5


class CompanyRow(NamedTuple):
    id: int
    name: str
    industry: str
    location: str
    is_target: bool  # 1 or 0 on SQLite
    priority: int
    research_status: str


def read_companies(user) -> dict[int, CompanyRow]:
    """Every company of the account by id, as tuples straight from the cursor: a dict a row
    through Django's iterator took ~20 ms for 8,100 employers."""
    return {
        row[0]: CompanyRow._make(row)
        for row in plain_rows(
            Company.objects.for_user(user).order_by().values_list(*CompanyRow._fields)
        )
    }


def people_at(rows: People) -> dict[int, list[int]]:
    """Company id -> ids of the people read who work there."""
    at: dict[int, list[int]] = defaultdict(list)
    for pid, _, company_id, _ in rows.raw.values():
        if company_id is not None:
            at[company_id].append(pid)
    return at


@dataclass
class TargetCompany:
    id: int
    name: str
    priority: int
    priority_label: str
    research_status: str
    research_label: str
    by_stage: list[tuple[str, int]]
    people: int
    paths: list[list[PersonRow]]
    suggestions: list[PersonRow] = field(default_factory=list)
    suggestion_reason: str = ""


@dataclass
class TargetPlan:
    """The target companies shown, the people at each company, and the warm paths as ids."""

    shown: list[CompanyRow]
    total: int
    # company id -> ids of the people there: complete for target companies (everyone at one
    # is read), partial for the others until the suggestions' candidates are read.
    at: dict[int, list[int]]
    chains: dict[int, list[list[int]]]  # company id -> its warm paths


def plan_targets(
    rows: People, links: graph.Links, companies: dict[int, CompanyRow], met_ids: set[int]
) -> TargetPlan:
    """The target companies to show, by priority, with their warm paths as chains of ids:
    worked out before any name is read, so that only the names shown are.

    `rows` holds everyone linked by an introduction and everyone at a target company
    (`linked_rows`): a warm path runs through the first and ends at the second.
    """
    targets = sorted(
        (c for c in companies.values() if c.is_target),
        key=lambda c: (c.priority, c.name.lower(), c.id),
    )
    # Sources of warm paths: people known directly, and people the user has met. Only those
    # linked to someone (or at a target company, where a source is its own path) matter.
    sources = {
        pid
        for pid, by, _, stage in rows.raw.values()
        if by is None or stage in MET_STAGES or pid in met_ids
    }
    at = people_at(rows)
    shown = targets[:TARGETS_SHOWN]
    paths = graph.shortest_paths_from(
        links, sources, targets=(pid for c in shown for pid in at.get(c.id, ()))
    )
    chains = {c.id: graph.warm_paths(paths, at.get(c.id, []), PATHS_SHOWN) for c in shown}
    return TargetPlan(shown, len(targets), at, chains)


def suggestion_candidates(plan: TargetPlan, companies: dict[int, CompanyRow]) -> Q | None:
    """Who may be suggested for the empty companies shown: people at companies of the same
    industry, and people whose location (or their company's) may be in the same city. The
    city test here is loose (the text contains it); _suggest checks it exactly."""
    found = []
    for c in plan.shown:
        if plan.at.get(c.id):
            continue
        industry = c.industry.strip().lower()
        if industry:
            same = [
                cid
                for cid, other in companies.items()
                if cid != c.id and other.industry.strip().lower() == industry
            ]
            found.append(Q(company_id__in=same))
        city = _city(c.location)
        if city:
            there = [cid for cid, other in companies.items() if _city(other.location) == city]
            found.append(Q(location__icontains=city) | Q(location="", company_id__in=there))
    if not found:
        return None
    return reduce(or_, found)


def build_targets(
    rows: People, plan: TargetPlan, companies: dict[int, CompanyRow]
) -> list[TargetCompany]:
    """Target companies with their people by stage, warm paths, or whom to ask for names.

    Runs after the names are read: by then `rows` holds everyone at the companies the
    suggestions look at (`suggestion_candidates`)."""
    stage_labels = dict(Stage.choices)
    priorities = {1: "High", 2: "Medium", 3: "Low"}
    research = dict(ResearchStatus.choices)
    everyone_at = None
    result = []
    for c in plan.shown:
        there = plan.at.get(c.id, [])
        stages = Counter(rows.raw[pid][3] for pid in there)
        target = TargetCompany(
            id=c.id,
            name=c.name,
            priority=c.priority,
            priority_label=priorities.get(c.priority, str(c.priority)),
            research_status=c.research_status,
            research_label=research.get(c.research_status, c.research_status),
            by_stage=[(stage_labels[s], stages[s]) for s in Stage.values if stages[s]],
            people=len(there),
            paths=[[rows[i] for i in chain] for chain in plan.chains[c.id]],
        )
        if not there:
            everyone_at = everyone_at or people_at(rows)
            target.suggestions, target.suggestion_reason = _suggest(c, companies, everyone_at, rows)
        result.append(target)
    return result


def _city(location: str) -> str:
    return location.split(",")[0].strip().lower()


def _suggest(company, companies, at, rows: People) -> tuple[list[PersonRow], str]:
    """People to ask for names at an empty company: the same industry first, then the same city."""
    industry = company.industry.strip().lower()
    city = _city(company.location)
    same_industry, same_city = [], []
    if industry:
        for cid, other in companies.items():
            if cid != company.id and other.industry.strip().lower() == industry:
                same_industry.extend(rows[pid] for pid in at.get(cid, []))
    if city:
        for pid, (_, _, location) in rows.names.items():
            company_id = rows.raw[pid][2]
            other = companies.get(company_id)
            located = location or (other.location if other else "")
            if _city(located) == city:
                same_city.append(rows[pid])
    # Someone already met is the easiest to ask.
    rank = {s: i for i, s in enumerate((Stage.NURTURING, Stage.MET, Stage.SCHEDULED, Stage.ASKED))}

    def best(found):
        return sorted(found, key=lambda r: (rank.get(r.stage, 9), r.name.lower(), r.id))

    chosen = best(same_industry)[:SUGGESTIONS_SHOWN]
    ids = {r.id for r in chosen}
    chosen += [r for r in best(same_city) if r.id not in ids][: SUGGESTIONS_SHOWN - len(chosen)]
    reasons = []
    if same_industry:
        reasons.append(f"people at other {company.industry} companies")
    if same_city and len(chosen) > len(best(same_industry)[:SUGGESTIONS_SHOWN]):
        reasons.append(f"people in {company.location.split(',')[0].strip()}")
    return chosen, " and ".join(reasons)
