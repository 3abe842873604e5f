"""The coach's dashboard: one row of figures per client who granted the coach access.

Every figure is computed in the database, one GROUP BY over the clients' rows of each table
(people, meetings, interactions, follow-ups): the same handful of queries whatever the number of
clients, never a query per client. The definitions are the seeker's own (docs/coaching.md lists
them), so a client's row agrees with their Today and Insights pages:

- listed, asked, met, names received: the Insights funnel (`insight/funnel.py`);
- asks and meetings this week: Today's progress (`network/today.py`), in the client's week;
- names per meeting: Insights' names given per debriefed meeting (`insight/weeks.py`);
- overdue follow-ups: Insights' open follow-ups due before the client's today.

A client's figures are kept (`ClientFigures`) until their data changes or time moves them (their
next midnight, their next meeting's start, a logged touch dated later): a dashboard of 500
clients recomputes only those whose figures can have moved, in the same GROUP BYs restricted to
them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db.models import Count, Exists, Max, Min, OuterRef, Q, QuerySet
from django.utils import timezone

from hundred.accounts.models import Role, User
from hundred.centre.models import ClientFigures, CoachGrant
from hundred.insight.funnel import ASKED_STAGES, MET_STAGES
from hundred.network.models import (
    Direction,
    FollowUp,
    FollowUpState,
    Interaction,
    Meeting,
    Person,
)

# Columns a coach may sort by: the key in the URL -> the row's attribute.
SORT_KEYS = (
    "name",
    "listed",
    "asked",
    "asks_week",
    "met",
    "meetings_week",
    "names_per_meeting",
    "replies",
    "overdue",
    "flagged_share",
    "days_idle",
)


@dataclass
class ClientRow:
    id: int
    email: str
    name: str
    with_notes: bool
    listed: int
    asked: int
    asks_week: int
    met: int
    meetings_week: int
    names_received: int
    debriefed: int
    names_given: int
    replies: int
    overdue: int
    outreach: int
    flagged: int
    last_activity: date | None
    days_idle: int | None

    @property
    def label(self) -> str:
        return self.name or self.email

    @property
    def names_per_meeting(self) -> float | None:
        return round(self.names_given / self.debriefed, 2) if self.debriefed else None

    @property
    def flagged_share(self) -> float | None:
        return self.flagged / self.outreach if self.outreach else None

    def report(self) -> dict:
        """The row as `hundred coach report --json` prints it: figures, no contact details
        beyond the e-mail that names the client."""
        return {
            "email": self.email,
            "listed": self.listed,
            "asked": self.asked,
            "met": self.met,
            "names_received": self.names_received,
            "overdue_followups": self.overdue,
            "flagged_messages": self.flagged,
            "last_activity": self.last_activity.isoformat() if self.last_activity else None,
        }


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _in_own_calendar(zones: list[str], now: datetime, bounds) -> Q:
    """Rows inside bounds that depend on each client's calendar (their today, their week):
    one branch per time zone among the clients, each with that zone's bounds."""
    found = Q(pk__in=[])
    for name in zones:
        found |= Q(owner__time_zone=name) & bounds(timezone.localdate(now, _zone(name)), name)
    return found


def _week(today: date, name: str) -> tuple[datetime, datetime]:
    tz = _zone(name)
    monday = today - timedelta(days=today.weekday())
    start = datetime.combine(monday, datetime.min.time(), tzinfo=tz)
    return start, datetime.combine(monday + timedelta(days=7), datetime.min.time(), tzinfo=tz)


def _by_owner(qs: QuerySet, owners, **figures) -> dict[int, dict]:
    """One GROUP BY over the clients' rows of one table: {client id: {figure: value}}."""
    rows = qs.filter(owner__in=owners).order_by().values("owner").annotate(**figures)
    return {row.pop("owner"): row for row in rows}


def _figures(owners: list[int], zones: list[str], now: datetime) -> dict[int, dict]:
    """Every client's figures in four queries, one GROUP BY a table."""
    met_stage = Q(stage__in=MET_STAGES)
    people = _by_owner(
        Person.objects,
        owners,
        listed=Count("pk"),
        asked=Count("pk", filter=Q(stage__in=ASKED_STAGES) | Q(asked_at__isnull=False)),
        met_by_stage=Count("pk", filter=met_stage),
        names_received=Count("pk", filter=Q(introduced_by__isnull=False)),
        names_given=Count("pk", filter=Q(introduced_at__debriefed_at__isnull=False)),
        last_person=Max("created_at"),
    )
    on = Q(cancelled_at__isnull=True)
    meetings = _by_owner(
        Meeting.objects,
        owners,
        debriefed=Count("pk", filter=Q(debriefed_at__isnull=False)),
        # People met through a meeting whose stage does not already count them as met.
        met_by_meeting=Count(
            "person",
            distinct=True,
            filter=on & Q(starts_at__lte=now) & ~Q(person__stage__in=MET_STAGES),
        ),
        meetings_week=Count(
            "pk",
            filter=on
            & _in_own_calendar(
                zones,
                now,
                lambda today, name: Q(
                    starts_at__gte=_week(today, name)[0], starts_at__lt=_week(today, name)[1]
                ),
            ),
        ),
        # When the figures stop holding: the next meeting counts as met once it starts.
        next_change=Min("starts_at", filter=on & Q(starts_at__gt=now)),
    )
    outreach = Q(direction=Direction.OUT, is_outreach=True)
    interactions = _by_owner(
        Interaction.objects,
        owners,
        replies=Count("pk", filter=Q(direction=Direction.IN)),
        outreach=Count("pk", filter=outreach),
        flagged=Count("pk", filter=outreach & Q(asks_for_job=True)),
        asks_week=Count(
            "pk",
            filter=outreach
            & _in_own_calendar(
                zones,
                now,
                lambda today, name: Q(
                    occurred_at__gte=_week(today, name)[0], occurred_at__lt=_week(today, name)[1]
                ),
            ),
        ),
        last_interaction=Max("occurred_at", filter=Q(occurred_at__lte=now)),
        next_touch=Min("occurred_at", filter=Q(occurred_at__gt=now)),
    )
    followups = _by_owner(
        FollowUp.objects,
        owners,
        overdue=Count(
            "pk",
            filter=Q(state=FollowUpState.OPEN)
            & _in_own_calendar(zones, now, lambda today, name: Q(due_on__lt=today)),
        ),
        last_followup=Max("done_at", filter=Q(state=FollowUpState.DONE)),
    )
    merged: dict[int, dict] = {}
    for table in (people, meetings, interactions, followups):
        for owner, values in table.items():
            merged.setdefault(owner, {}).update(values)
    return merged


def _row(client: dict, figures: dict, now: datetime) -> ClientRow:
    tz = _zone(client["time_zone"])
    moments = [
        figures[k] for k in ("last_interaction", "last_followup", "last_person") if figures.get(k)
    ]
    last = timezone.localdate(max(moments), tz) if moments else None
    today = timezone.localdate(now, tz)
    count = lambda key: figures.get(key) or 0  # noqa: E731 - a client with no rows: 0
    return ClientRow(
        id=client["pk"],
        email=client["email"],
        name=client["name"],
        with_notes=client["with_notes"],
        listed=count("listed"),
        asked=count("asked"),
        asks_week=count("asks_week"),
        met=count("met_by_stage") + count("met_by_meeting"),
        meetings_week=count("meetings_week"),
        names_received=count("names_received"),
        debriefed=count("debriefed"),
        names_given=count("names_given"),
        replies=count("replies"),
        overdue=count("overdue"),
        outreach=count("outreach"),
        flagged=count("flagged"),
        last_activity=last,
        days_idle=(today - last).days if last else None,
    )


def clients_of(coach: User) -> QuerySet:
    """The coach's clients: job seekers of the coach's centre with an active grant to them."""
    if coach.organisation_id is None or not coach.is_coach:
        return User.objects.none()
    return User.objects.filter(
        organisation_id=coach.organisation_id,
        role=Role.SEEKER,
        coach_grants__coach=coach,
        coach_grants__revoked_at__isnull=True,
    )


def search(clients: QuerySet, query: str) -> QuerySet:
    """Clients whose e-mail or name contains `query` (any case)."""
    query = query.strip()
    if not query:
        return clients
    return clients.filter(Q(email__icontains=query) | Q(name__icontains=query))


def client_rows(
    coach: User, *, query: str = "", sort: str = "name", now: datetime | None = None
) -> list[ClientRow]:
    """Every client's row, searched and sorted.

    Three queries when every client's kept figures still hold (the clients, their kept
    figures, the grants' note choice inside the first); for clients whose figures moved, one
    GROUP BY for each of four tables over those clients only, and one write to keep them.

    `sort` is a key of SORT_KEYS, `-` first for descending; anything else sorts by name.
    Empty figures (no meeting debriefed, no outreach, no activity) sort last either way.
    """
    now = now or timezone.now()
    clients = search(clients_of(coach), query).order_by()
    notes = CoachGrant.objects.for_coach(coach).filter(seeker=OuterRef("pk"), with_notes=True)
    found = list(
        clients.annotate(with_notes=Exists(notes)).values(
            "pk", "email", "name", "time_zone", "with_notes", "data_stamp"
        )
    )
    if not found:
        return []
    figures = kept_figures(found, now)
    rows = [_row(c, figures[c["pk"]], now) for c in found]
    return sort_rows(rows, sort)


_MOMENTS = ("last_person", "last_interaction", "last_followup")


def kept_figures(clients: list[dict], now: datetime) -> dict[int, dict]:
    """Each client's figures: kept ones where they still hold, the others computed and kept."""
    stamps = {c["pk"]: c["data_stamp"] for c in clients}
    figures: dict[int, dict] = {}
    for kept in ClientFigures.objects.filter(seeker__in=list(stamps), valid_until__gt=now):
        if kept.stamp == stamps[kept.seeker_id]:
            figures[kept.seeker_id] = _loads(kept.figures)
    stale = [c for c in clients if c["pk"] not in figures]
    if not stale:
        return figures
    zones = sorted({c["time_zone"] for c in stale})
    fresh = _figures([c["pk"] for c in stale], zones, now)
    keep = []
    for client in stale:
        values = fresh.get(client["pk"], {})
        until = _holds_until(client["time_zone"], values, now)
        values = {k: v for k, v in values.items() if k not in ("next_change", "next_touch")}
        figures[client["pk"]] = values
        keep.append(
            ClientFigures(
                seeker_id=client["pk"],
                stamp=client["data_stamp"],
                valid_until=until,
                figures=_dumps(values),
            )
        )
    ClientFigures.objects.bulk_create(
        keep,
        update_conflicts=True,
        unique_fields=["seeker"],
        update_fields=["stamp", "valid_until", "figures"],
    )
    return figures


def _holds_until(zone: str, values: dict, now: datetime) -> datetime:
    """The client's next midnight (their today and week move), or sooner their next meeting's
    start (it becomes met) or a touch dated later (it becomes their last activity)."""
    tz = _zone(zone)
    tomorrow = timezone.localdate(now, tz) + timedelta(days=1)
    moments = [datetime.combine(tomorrow, datetime.min.time(), tzinfo=tz)]
    moments += [values[k] for k in ("next_change", "next_touch") if values.get(k)]
    return min(moments)


def _dumps(values: dict) -> dict:
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in values.items()}


def _loads(values: dict) -> dict:
    return {k: datetime.fromisoformat(v) if k in _MOMENTS and v else v for k, v in values.items()}


def sort_rows(rows: list[ClientRow], sort: str) -> list[ClientRow]:
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in SORT_KEYS:
        key, descending = "name", False
    rows.sort(key=lambda r: (r.label.casefold(), r.id))
    if key == "name":
        return rows[::-1] if descending else rows
    present = [r for r in rows if getattr(r, key) is not None]
    empty = [r for r in rows if getattr(r, key) is None]
    present.sort(key=lambda r: getattr(r, key), reverse=descending)
    return present + empty
