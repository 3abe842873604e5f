"""The coach's dashboard: one row of figures per client who granted the coach access.

Every figure is computed in the database, as a correlated subquery per column over the clients
of one coach: two queries whatever the number of clients (their time zones, then the rows), never
a query per client. The definitions are the seeker's own (docs/coaching.md lists them), so a
client's row agrees with their Today and Insights pages:

- listed, asked, met, names received: the Insights funnel (`insight/funnel.py`);
- asks and meetings this week: Today's progress (`network/today.py`), in the client's week;
- names per meeting: Insights' names given per debriefed meeting (`insight/weeks.py`);
- overdue follow-ups: Insights' open follow-ups due before the client's today.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from hundred.accounts.models import User
from hundred.centre.models import CoachGrant
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


def _count(model, *filters: Q, **lookups) -> Coalesce:
    """How many of a client's rows of `model` match, as a subquery on the client's row."""
    qs = (
        model.objects.filter(*filters, owner=OuterRef("pk"), **lookups)
        .order_by()
        .values("owner")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(qs, output_field=IntegerField()), Value(0))


def _latest(model, field: str, **lookups) -> Subquery:
    qs = (
        model.objects.filter(owner=OuterRef("pk"), **lookups)
        .order_by()
        .values("owner")
        .annotate(at=Max(field))
        .values("at")
    )
    return Subquery(qs)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _per_zone(zones: list[str], now: datetime, figure) -> Case | Value:
    """A figure whose bounds depend on the client's own calendar (their today, their week):
    one branch per time zone among the clients, each with that zone's bounds."""
    if not zones:
        return Value(0)
    whens = []
    for name in zones:
        today = timezone.localdate(now, _zone(name))
        whens.append(When(time_zone=name, then=figure(today, _zone(name))))
    return Case(*whens, default=Value(0), output_field=IntegerField())


def _week(today: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    monday = today - timedelta(days=today.weekday())
    start = datetime.combine(monday, datetime.min.time(), tzinfo=tz)
    return start, datetime.combine(monday + timedelta(days=7), datetime.min.time(), tzinfo=tz)


def _asks_week(today: date, tz: ZoneInfo) -> Coalesce:
    start, end = _week(today, tz)
    return _count(
        Interaction,
        direction=Direction.OUT,
        is_outreach=True,
        occurred_at__gte=start,
        occurred_at__lt=end,
    )


def _meetings_week(today: date, tz: ZoneInfo) -> Coalesce:
    start, end = _week(today, tz)
    return _count(Meeting, cancelled_at__isnull=True, starts_at__gte=start, starts_at__lt=end)


def _overdue(today: date, tz: ZoneInfo) -> Coalesce:
    return _count(FollowUp, state=FollowUpState.OPEN, due_on__lt=today)


def clients_of(coach: User) -> QuerySet:
    """The coach's clients: job seekers of the coach's centre with an active grant to them."""
    if coach.organisation_id is None or not coach.is_coach:
        return User.objects.none()
    return User.objects.filter(
        organisation_id=coach.organisation_id,
        coach_grants__coach=coach,
        coach_grants__revoked_at__isnull=True,
    )


def _annotated(coach: User, clients: QuerySet, zones: list[str], now: datetime) -> QuerySet:
    notes = CoachGrant.objects.for_coach(coach).filter(seeker=OuterRef("pk"), with_notes=True)
    met_meeting = Meeting.objects.filter(
        person=OuterRef("pk"), cancelled_at__isnull=True, starts_at__lte=now
    )
    return clients.annotate(
        with_notes=Exists(notes),
        listed=_count(Person),
        asked=_count(Person, Q(stage__in=ASKED_STAGES) | Q(asked_at__isnull=False)),
        met=_count(Person, Q(stage__in=MET_STAGES) | Q(Exists(met_meeting))),
        names_received=_count(Person, introduced_by__isnull=False),
        debriefed=_count(Meeting, debriefed_at__isnull=False),
        names_given=_count(Person, introduced_at__debriefed_at__isnull=False),
        replies=_count(Interaction, direction=Direction.IN),
        outreach=_count(Interaction, direction=Direction.OUT, is_outreach=True),
        flagged=_count(Interaction, direction=Direction.OUT, is_outreach=True, asks_for_job=True),
        asks_week=_per_zone(zones, now, _asks_week),
        meetings_week=_per_zone(zones, now, _meetings_week),
        overdue=_per_zone(zones, now, _overdue),
        last_interaction=_latest(Interaction, "occurred_at", occurred_at__lte=now),
        last_followup=_latest(FollowUp, "done_at", state=FollowUpState.DONE),
        last_person=_latest(Person, "created_at"),
    ).values(
        "pk",
        "email",
        "name",
        "time_zone",
        "with_notes",
        "listed",
        "asked",
        "met",
        "names_received",
        "debriefed",
        "names_given",
        "replies",
        "outreach",
        "flagged",
        "asks_week",
        "meetings_week",
        "overdue",
        "last_interaction",
        "last_followup",
        "last_person",
    )


def _row(values: dict, now: datetime) -> ClientRow:
    tz = _zone(values["time_zone"])
    moments = [values[k] for k in ("last_interaction", "last_followup", "last_person") if values[k]]
    last = timezone.localdate(max(moments), tz) if moments else None
    today = timezone.localdate(now, tz)
    return ClientRow(
        id=values["pk"],
        email=values["email"],
        name=values["name"],
        with_notes=bool(values["with_notes"]),
        listed=values["listed"],
        asked=values["asked"],
        asks_week=values["asks_week"],
        met=values["met"],
        meetings_week=values["meetings_week"],
        names_received=values["names_received"],
        debriefed=values["debriefed"],
        names_given=values["names_given"],
        replies=values["replies"],
        overdue=values["overdue"],
        outreach=values["outreach"],
        flagged=values["flagged"],
        last_activity=last,
        days_idle=(today - last).days if last else None,
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
    """Every client's row, searched and sorted: two queries, whatever the number of clients.

    `sort` is a key of SORT_KEYS, `-` first for descending; anything else sorts by name.
    Empty figures (no meeting debriefed, no outreach, no activity) sort last either way.
    """
    now = now or timezone.now()
    clients = search(clients_of(coach), query)
    zones = sorted(set(clients.values_list("time_zone", flat=True).distinct()))
    rows = [_row(values, now) for values in _annotated(coach, clients.order_by(), zones, now)]
    return sort_rows(rows, sort)


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
