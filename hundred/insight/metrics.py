"""The numbers of the Insights page: a fixed number of queries, whatever the size of the account.

Counting happens in the database (Count, TruncWeek in the account's time zone); the graph work
(referral tree, warm paths) happens in Python on (id, introduced_by_id, company_id) tuples. The
definitions of every figure are in docs/insights.md.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import reduce
from operator import itemgetter, or_

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    ExpressionWrapper,
    IntegerField,
    Max,
    Q,
    Value,
    When,
)
from django.utils import timezone

from hundred.insight import graph
from hundred.network.models import (
    Channel,
    Company,
    Direction,
    Favour,
    FavourDirection,
    FollowUp,
    FollowUpReason,
    FollowUpState,
    HowKnown,
    Interaction,
    Meeting,
    Person,
    ResearchStatus,
    Stage,
)

GOAL = 100  # the article's list of 100 people
WEEKS = 12
DEFAULT_ASKS_PER_WEEK = 5
DEFAULT_MEETINGS_PER_WEEK = 2
ASKED_STAGES = (
    Stage.ASKED,
    Stage.SCHEDULED,
    Stage.MET,
    Stage.NURTURING,
    Stage.DECLINED,
    Stage.PAUSED,
)
ASKED = frozenset(ASKED_STAGES)
MET_STAGES = (Stage.MET, Stage.NURTURING)
TARGETS_SHOWN = 50  # target companies on the page; the rest are counted
TREE_NAMED = 300  # people of the referral tree the page names (outline and drawing)
PATHS_SHOWN = 3
SUGGESTIONS_SHOWN = 5

Through = Interaction.people.through


@dataclass
class PersonRow:
    id: int
    introduced_by_id: int | None
    company_id: int | None
    stage: str
    name: str
    location: str


class People(Mapping[int, PersonRow]):
    """Every person of the account by id, each PersonRow made on first look-up.

    `raw` holds the (id, introduced_by_id, company_id, stage, how_known, was_asked) tuples of
    everyone, for the graph work and the counts. Names and locations are read only for the
    people the page shows or may suggest (`names`): the page names a few hundred of 30,000,
    and reading three text columns for everyone took ~15 ms.
    """

    def __init__(self, raw: Iterable[tuple]) -> None:
        self.raw: dict[int, tuple] = {values[0]: values for values in raw}
        self.names: dict[int, tuple[str, str, str]] = {}  # id -> (first, last, location)
        self._made: dict[int, PersonRow] = {}

    def __getitem__(self, pid: int) -> PersonRow:
        row = self._made.get(pid)
        if row is None:
            _, by, company_id, stage, *_ = self.raw[pid]
            first, last, location = self.names[pid]
            name = " ".join(p for p in (first, last) if p) or "(no name)"
            row = self._made[pid] = PersonRow(pid, by, company_id, stage, name, location)
        return row

    def __contains__(self, pid: object) -> bool:
        return pid in self.raw

    def __iter__(self) -> Iterator[int]:
        return iter(self.raw)

    def __len__(self) -> int:
        return len(self.raw)


@dataclass
class Week:
    starts_on: date
    outreach: int = 0
    replies: int = 0
    meetings: int = 0
    followups_done: int = 0
    debriefed: int = 0
    names: int = 0

    @property
    def names_per_meeting(self) -> float | None:
        return round(self.names / self.debriefed, 2) if self.debriefed else None


@dataclass
class FunnelStage:
    key: str
    label: str
    count: int
    rate: float | None  # count / the previous stage's count, None for the first or after 0


@dataclass
class ChannelReplies:
    channel: str
    label: str
    sent: int
    replied: int

    @property
    def rate(self) -> float:
        return self.replied / self.sent if self.sent else 0.0


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
class Checklist:
    overdue: int
    meetings: list[tuple[Meeting, bool]]  # last week's meetings and whether each was thanked
    help_given: int

    @property
    def followed_up(self) -> bool:
        return self.overdue == 0

    @property
    def thanked(self) -> bool:
        return all(ok for _, ok in self.meetings)

    @property
    def helped(self) -> bool:
        return self.help_given > 0


@dataclass
class WeeklyReview:
    starts_on: date
    ends_on: date
    week: Week
    asks_target: int
    meetings_target: int
    targets_from_settings: bool
    checklist: Checklist


@dataclass
class Insights:
    today: date
    people: People
    listed: int
    by_how_known: list[tuple[str, str, int]]
    funnel: list[FunnelStage]
    weeks: list[Week]
    replies_by_channel: list[ChannelReplies]
    median_days_to_reply: float | None
    overdue: int
    overdue_list: list[FollowUp]
    names_per_meeting: float | None
    debriefed_meetings: int
    names_given: int
    tree: graph.ReferralTree
    connectors: list[tuple[PersonRow, int]]
    targets: list[TargetCompany]
    targets_total: int
    review: WeeklyReview


def week_start(d: date) -> date:
    """The Monday of d's ISO week."""
    return d - timedelta(days=d.weekday())


def _rate(count: int, previous: int | None) -> float | None:
    if previous is None or previous == 0:
        return None
    return count / previous


def build_insights(user, now: datetime | None = None) -> Insights:
    """Everything the Insights page shows, for one account."""
    now = now or timezone.now()
    tz = user.tzinfo
    today = timezone.localdate(now, tz)
    this_monday = week_start(today)
    first_monday = this_monday - timedelta(weeks=WEEKS - 1)
    window_start = datetime.combine(first_monday, datetime.min.time(), tzinfo=tz)

    rows = People(
        _plain_rows(
            Person.objects.for_user(user)
            # Whether asked, not when: SQLite would parse 30,000 timestamps (~35 ms).
            .annotate(was_asked=ExpressionWrapper(Q(asked_at__isnull=False), BooleanField()))
            .values_list(
                "id",
                "introduced_by_id",
                "company_id",
                "stage",
                "how_known",
                "was_asked",
            )
            .order_by()
        )
    )
    links = graph.Links(map(itemgetter(0, 1), rows.raw.values()))
    companies = {
        c["id"]: c
        for c in Company.objects.for_user(user)
        .order_by()
        .values("id", "name", "industry", "location", "is_target", "priority", "research_status")
    }
    # No ordering: with Meeting's default (-starts_at) DISTINCT ran over (person, time) pairs.
    met_ids = set(
        Meeting.objects.for_user(user)
        .filter(starts_at__lte=now)
        .order_by()
        .values_list("person_id", flat=True)
        .distinct()
    )

    # The 100 list by how people are known: counted on the rows already loaded (a GROUP BY
    # over 30,000 people took ~10 ms more).
    known = Counter(map(itemgetter(4), rows.raw.values()))
    by_how_known = [(k, label, known.get(k, 0)) for k, label in HowKnown.choices if known.get(k)]

    funnel = _funnel(rows, companies, met_ids)
    weeks = _weeks(user, tz, first_monday, window_start, now)
    replies, median = _replies(user, window_start)
    overdue_qs = FollowUp.objects.for_user(user).filter(state=FollowUpState.OPEN, due_on__lt=today)
    overdue_list = list(overdue_qs.select_related("person").order_by("due_on", "id")[:10])
    overdue = overdue_qs.count()
    debriefed_total, names_total = _names_all_time(user)

    tree = graph.referral_tree(links)
    top = [(pid, n) for pid, n in graph.top_connectors(links) if pid in rows]
    plan = _plan_targets(rows, links, companies, met_ids)
    shown = {node.id for node, _ in graph.preorder(tree.roots, TREE_NAMED)}
    shown.update(pid for pid, _ in top)
    shown.update(pid for chains in plan.chains.values() for chain in chains for pid in chain)
    _load_names(user, rows, shown, _suggestion_candidates(plan, companies))
    connectors = [(rows[pid], n) for pid, n in top]
    targets = _targets(rows, plan, companies)
    review = _review(user, tz, weeks, this_monday, overdue, now)

    return Insights(
        today=today,
        people=rows,
        listed=len(rows),
        by_how_known=by_how_known,
        funnel=funnel,
        weeks=weeks,
        replies_by_channel=replies,
        median_days_to_reply=median,
        overdue=overdue,
        overdue_list=overdue_list,
        names_per_meeting=round(names_total / debriefed_total, 2) if debriefed_total else None,
        debriefed_meetings=debriefed_total,
        names_given=names_total,
        tree=tree,
        connectors=connectors,
        targets=targets,
        targets_total=plan.total,
        review=review,
    )


def _plain_rows(qs) -> list[tuple]:
    """The rows of a values_list() of integer, text and true/false columns, as the database
    cursor gives them: nothing needs converting, and Django's row iterator took ~15 ms over
    30,000 people. (A date or time column would come back unconverted on SQLite.)"""
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _outreach_filter() -> Q:
    return Q(is_outreach=True, direction=Direction.OUT)


def _funnel(rows: People, companies: dict[int, dict], met_ids: set[int]) -> list[FunnelStage]:
    """listed → asked → met → names received → at target companies.

    Counted on the rows the page has already loaded: the people (stage, introducer, company,
    when first asked), the companies (is_target) and the people met so far. "Asked" counts
    people at an asked stage and anyone sent an outreach whatever their stage (back on the list
    after a pause, say), which `Person.asked_at` records.
    """
    # Counter over columns of the loaded rows: a Python loop testing four things a row took
    # ~25 ms at 30,000 people.
    raw = rows.raw.values()
    stages = Counter(map(itemgetter(3), raw))
    per_company = Counter(map(itemgetter(2), raw))
    introducers = Counter(map(itemgetter(1), raw))
    met = met_ids.union(pid for pid, _, _, stage, *_ in raw if stage in MET_STAGES)
    asked_before = sum(1 for values in raw if values[5] and values[3] not in ASKED)
    counts = {
        "listed": len(rows),
        "asked": asked_before + sum(stages[s] for s in ASKED_STAGES),
        "met": len(met & rows.raw.keys()),
        "names": len(rows) - introducers[None],
        "at_targets": sum(per_company[cid] for cid, c in companies.items() if c["is_target"]),
    }
    labels = [
        ("listed", "Listed"),
        ("asked", "Asked"),
        ("met", "Met"),
        ("names", "Names received"),
        ("at_targets", "At target companies"),
    ]
    stages, previous = [], None
    for key, label in labels:
        stages.append(FunnelStage(key, label, counts[key], _rate(counts[key], previous)))
        previous = counts[key]
    return stages


def _weeks(user, tz, first_monday: date, window_start: datetime, now: datetime) -> list[Week]:
    """Twelve ISO weeks of activity in the account's time zone, oldest first.

    Each week is a pair of aware bounds computed here; a CASE over the bounds numbers every
    row's week and one GROUP BY counts them: plain comparisons the database does fast, the same
    on SQLite and PostgreSQL (SQLite's TruncWeek runs a Python function a row, and a filtered
    COUNT per week and series tested every row two dozen times). The CASE halves the weeks at
    each step, so a row takes four comparisons rather than up to twelve (~19 → ~9 ms for the
    interactions at 100,000).
    """
    mondays = [first_monday + timedelta(weeks=i) for i in range(WEEKS + 1)]
    bounds = [datetime.combine(m, datetime.min.time(), tzinfo=tz) for m in mondays]
    weeks = [Week(m) for m in mondays[:WEEKS]]

    def week_of(field: str, first: int = 0, last: int = WEEKS) -> Case | Value:
        if last - first == 1:
            return Value(first)
        middle = (first + last) // 2
        return Case(
            When(**{f"{field}__lt": bounds[middle]}, then=week_of(field, first, middle)),
            default=week_of(field, middle, last),
            output_field=IntegerField(),
        )

    def per_week(qs, field: str, **series: Count) -> dict[str, list[int]]:
        # Rows run from the first Monday to now, which is in the last week.
        found = {name: [0] * WEEKS for name in series}
        rows = (
            qs.filter(**{f"{field}__gte": bounds[0], f"{field}__lte": now})
            .annotate(week=week_of(field))
            .order_by()
            .values("week")
            .annotate(**series)
        )
        for row in rows:
            for name in series:
                found[name][row["week"]] = row[name]
        return found

    debriefed = Q(debriefed_at__isnull=False)
    interactions = per_week(
        Interaction.objects.for_user(user),
        "occurred_at",
        outreach=Count("id", filter=_outreach_filter()),
        replies=Count("id", filter=Q(direction=Direction.IN)),
    )
    # Names given at a debriefed meeting count in the meeting's week: the people introduced
    # at each meeting are joined to it (names_given), so meetings are counted distinct.
    meetings = per_week(
        Meeting.objects.for_user(user),
        "starts_at",
        meetings=Count("id", distinct=True),
        debriefed=Count("id", distinct=True, filter=debriefed),
        names=Count("names_given", filter=debriefed),
    )
    followups = per_week(
        FollowUp.objects.for_user(user).filter(state=FollowUpState.DONE),
        "done_at",
        followups_done=Count("id"),
    )
    for found in (interactions, meetings, followups):
        for name, values in found.items():
            for week, n in zip(weeks, values, strict=True):
                setattr(week, name, n)
    return weeks


def _names_all_time(user) -> tuple[int, int]:
    debriefed = Meeting.objects.for_user(user).filter(debriefed_at__isnull=False)
    counts = debriefed.aggregate(
        meetings=Count("id", distinct=True), names=Count("names_given", distinct=True)
    )
    return counts["meetings"], counts["names"]


def _replies(user, since: datetime) -> tuple[list[ChannelReplies], float | None]:
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


@dataclass
class TargetPlan:
    """The target companies shown, the people at each company, and the warm paths as ids."""

    shown: list[dict]
    total: int
    at: dict[int, list[int]]  # company id -> ids of the people there
    chains: dict[int, list[list[int]]]  # company id -> its warm paths


def _plan_targets(
    rows: People, links: graph.Links, companies: dict[int, dict], met_ids: set[int]
) -> TargetPlan:
    """The target companies to show, by priority, with their warm paths as chains of ids:
    worked out before any name is read, so that only the names shown are."""
    targets = sorted(
        (c for c in companies.values() if c["is_target"]),
        key=lambda c: (c["priority"], c["name"].lower(), c["id"]),
    )
    # Sources of warm paths: people known directly, and people the user has met.
    sources = met_ids | {
        pid for pid, by, _, stage, *_ in rows.raw.values() if by is None or stage in MET_STAGES
    }
    at: dict[int, list[int]] = defaultdict(list)
    for pid, _, company_id, *_ in rows.raw.values():
        if company_id is not None:
            at[company_id].append(pid)
    shown = targets[:TARGETS_SHOWN]
    paths = graph.shortest_paths_from(
        links, sources, targets=(pid for c in shown for pid in at.get(c["id"], ()))
    )
    chains = {c["id"]: graph.warm_paths(paths, at.get(c["id"], []), PATHS_SHOWN) for c in shown}
    return TargetPlan(shown, len(targets), at, chains)


def _suggestion_candidates(plan: TargetPlan, companies: dict[int, dict]) -> Q | None:
    """Who may be suggested for the empty companies shown: people at companies of the same
    industry, and people whose location (or their company's) may be in the same city. The
    city test here is loose (the text contains it); _suggest checks it exactly."""
    found = []
    for c in plan.shown:
        if plan.at.get(c["id"]):
            continue
        industry = c["industry"].strip().lower()
        if industry:
            same = [
                cid
                for cid, other in companies.items()
                if cid != c["id"] and other["industry"].strip().lower() == industry
            ]
            found.append(Q(company_id__in=same))
        city = _city(c["location"])
        if city:
            there = [cid for cid, other in companies.items() if _city(other["location"]) == city]
            found.append(Q(location__icontains=city) | Q(location="", company_id__in=there))
    if not found:
        return None
    return reduce(or_, found)


def _load_names(user, rows: People, ids: set[int], candidates: Q | None) -> None:
    """Names and locations of the people the page shows, and of whoever it may suggest: one
    query, none when the page shows nobody."""
    wanted = [Q(id__in=ids)] if ids else []
    if candidates is not None:
        wanted.append(candidates)
    if not wanted:
        return
    found = (
        Person.objects.for_user(user)
        .filter(reduce(or_, wanted))
        .order_by()
        .values_list("id", "first_name", "last_name", "location")
    )
    rows.names.update((pid, (first, last, location)) for pid, first, last, location in found)


def _targets(rows: People, plan: TargetPlan, companies: dict[int, dict]) -> list[TargetCompany]:
    """Target companies with their people by stage, warm paths, or whom to ask for names."""
    stage_labels = dict(Stage.choices)
    priorities = {1: "High", 2: "Medium", 3: "Low"}
    research = dict(ResearchStatus.choices)
    result = []
    for c in plan.shown:
        there = plan.at.get(c["id"], [])
        stages = Counter(rows.raw[pid][3] for pid in there)
        target = TargetCompany(
            id=c["id"],
            name=c["name"],
            priority=c["priority"],
            priority_label=priorities.get(c["priority"], str(c["priority"])),
            research_status=c["research_status"],
            research_label=research.get(c["research_status"], c["research_status"]),
            by_stage=[(stage_labels[s], stages[s]) for s in Stage.values if stages[s]],
            people=len(there),
            paths=[[rows[i] for i in chain] for chain in plan.chains[c["id"]]],
        )
        if not there:
            target.suggestions, target.suggestion_reason = _suggest(c, companies, plan.at, rows)
        result.append(target)
    return result


def _city(location: str) -> str:
    return location.split(",")[0].strip().lower()


def _suggest(company, companies, at, rows: People) -> tuple[list[PersonRow], str]:
    """People to ask for names at an empty company: the same industry first, then the same city."""
    industry = company["industry"].strip().lower()
    city = _city(company["location"])
    same_industry, same_city = [], []
    if industry:
        for cid, other in companies.items():
            if cid != company["id"] and other["industry"].strip().lower() == industry:
                same_industry.extend(rows[pid] for pid in at.get(cid, []))
    if city:
        for pid, (_, _, location) in rows.names.items():
            company_id = rows.raw[pid][2]
            located = location or companies.get(company_id, {}).get("location", "")
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
        reasons.append(f"people at other {company['industry']} companies")
    if same_city and len(chosen) > len(best(same_industry)[:SUGGESTIONS_SHOWN]):
        reasons.append(f"people in {company['location'].split(',')[0].strip()}")
    return chosen, " and ".join(reasons)


def weekly_targets(user) -> tuple[int, int, bool]:
    """(asks, meetings, whether they come from the account's settings) per week."""
    try:
        from hundred.network.models import FollowUpSettings
    except ImportError:  # pragma: no cover - the settings model is older than this page
        return DEFAULT_ASKS_PER_WEEK, DEFAULT_MEETINGS_PER_WEEK, False
    found = (
        FollowUpSettings.objects.filter(owner=user)
        .values_list("asks_per_week", "meetings_per_week")
        .first()
    )
    if found is None:
        return DEFAULT_ASKS_PER_WEEK, DEFAULT_MEETINGS_PER_WEEK, False
    return found[0], found[1], True


def _review(user, tz, weeks: list[Week], this_monday: date, overdue: int, now) -> WeeklyReview:
    """Last ISO week against the weekly targets, and the article's checklist."""
    last_monday = this_monday - timedelta(weeks=1)
    start = datetime.combine(last_monday, datetime.min.time(), tzinfo=tz)
    end = datetime.combine(this_monday, datetime.min.time(), tzinfo=tz)
    week = next((w for w in weeks if w.starts_on == last_monday), Week(last_monday))
    asks, meetings_target, from_settings = weekly_targets(user)

    # Thanked: a thank-you follow-up of the meeting is done. Counted over a join on the
    # follow-up's meeting: a correlated EXISTS let SQLite, once ANALYZE had run, pick the
    # (owner, state) index and read every done follow-up for each meeting (~330 ms).
    thanks = Count(
        "followups",
        filter=Q(followups__reason=FollowUpReason.THANK_YOU, followups__state=FollowUpState.DONE),
    )
    last_week_meetings = list(
        Meeting.objects.for_user(user)
        .filter(starts_at__gte=start, starts_at__lt=end, starts_at__lte=now)
        .select_related("person")
        .annotate(thanks=thanks)
        .order_by("starts_at", "id")
    )
    # Wrote to them after the meeting: their latest outbound message is later than it. One
    # grouped query over a week's few people; a correlated EXISTS per meeting made PostgreSQL
    # scan the interaction table (~270 ms at 100,000 interactions).
    last_written = dict(
        Through.objects.filter(
            person_id__in={m.person_id for m in last_week_meetings},
            interaction__direction=Direction.OUT,
        )
        .order_by()
        .values_list("person_id")
        .annotate(last=Max("interaction__occurred_at"))
    )
    meetings = [
        (m, m.thanks > 0 or last_written.get(m.person_id, m.starts_at) > m.starts_at)
        for m in last_week_meetings
    ]
    helping = Favour.objects.for_user(user).filter(
        direction__in=(FavourDirection.I_OFFERED, FavourDirection.THEY_ASKED)
    )
    help_given = helping.filter(
        Q(created_at__gte=start, created_at__lt=end)
        | Q(done_on__gte=last_monday, done_on__lt=this_monday)
    ).count()
    return WeeklyReview(
        starts_on=last_monday,
        ends_on=this_monday - timedelta(days=1),
        week=week,
        asks_target=asks,
        meetings_target=meetings_target,
        targets_from_settings=from_settings,
        checklist=Checklist(overdue=overdue, meetings=meetings, help_given=help_given),
    )
