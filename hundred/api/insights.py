"""The Insights page's figures as JSON (docs/insights.md defines each)."""

from __future__ import annotations

from datetime import date

from ninja import Router, Schema

from hundred.api.core import PROBLEMS, Problem
from hundred.insight.metrics import GOAL, build_insights

router = Router(tags=["insights"])


class Count(Schema):
    key: str
    label: str
    count: int


class FunnelStep(Count):
    rate: float | None


class WeekOut(Schema):
    starts_on: date
    outreach: int
    replies: int
    meetings: int
    followups_done: int
    debriefed: int
    names: int


class ChannelOut(Schema):
    channel: str
    label: str
    sent: int
    replied: int
    rate: float


class InsightsOut(Schema):
    today: date
    goal: int
    listed: int
    by_how_known: list[Count]
    funnel: list[FunnelStep]
    weeks: list[WeekOut]
    replies_by_channel: list[ChannelOut]
    median_days_to_reply: float | None
    overdue: int
    names_per_meeting: float | None
    debriefed_meetings: int
    names_given: int
    target_companies: int


@router.get("/insights/", response={200: InsightsOut, PROBLEMS: Problem}, url_name="insights")
def insights(request):
    """The list against its goal of 100, the funnel, twelve weeks of activity, replies by
    channel, overdue follow-ups and names per meeting."""
    i = build_insights(request.user)
    return {
        "today": i.today,
        "goal": GOAL,
        "listed": i.listed,
        "by_how_known": [{"key": k, "label": label, "count": n} for k, label, n in i.by_how_known],
        "funnel": [
            {"key": s.key, "label": s.label, "count": s.count, "rate": s.rate} for s in i.funnel
        ],
        "weeks": [{f: getattr(w, f) for f in WeekOut.model_fields} for w in i.weeks],
        "replies_by_channel": [
            {f: getattr(c, f) for f in ChannelOut.model_fields} for c in i.replies_by_channel
        ],
        "median_days_to_reply": i.median_days_to_reply,
        "overdue": i.overdue,
        "names_per_meeting": i.names_per_meeting,
        "debriefed_meetings": i.debriefed_meetings,
        "names_given": i.names_given,
        "target_companies": i.targets_total,
    }
