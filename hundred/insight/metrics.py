"""The numbers of the Insights page: a fixed number of queries, whatever the size of the account.

Counting happens in the database (Count, TruncWeek in the account's time zone); the graph work
(referral tree, warm paths) happens in Python on (id, introduced_by_id, company_id) tuples. The
definitions of every figure are in docs/insights.md.

Each figure has its own module: funnel, weeks (activity), replies, targets (warm paths and
suggestions) and review (the weekly review), with people holding the rows they share. This one
reads what they share once, runs them in the order that keeps names unread until the page
knows whom it shows, and puts the page together.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from operator import itemgetter

from django.db.models import Min
from django.utils import timezone

from hundred.insight import graph
from hundred.insight.funnel import MET_STAGES, FunnelStage, build_funnel
from hundred.insight.people import People, PersonRow, count_people, linked_rows, load_names
from hundred.insight.replies import ChannelReplies, count_replies
from hundred.insight.review import WeeklyReview, build_review
from hundred.insight.targets import (
    TargetCompany,
    build_targets,
    plan_targets,
    read_companies,
    suggestion_candidates,
)
from hundred.insight.weeks import WEEKS, Week, build_weeks, names_all_time, week_start
from hundred.network.models import FollowUp, FollowUpState, HowKnown, Interaction, Meeting

GOAL = 100  # the article's list of 100 people
TREE_NAMED = 300  # people of the referral tree the page names (outline and drawing)


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


def build_insights(user, now: datetime | None = None) -> Insights:
    """Everything the Insights page shows, for one account."""
    now = now or timezone.now()
    tz = user.tzinfo
    today = timezone.localdate(now, tz)
    this_monday = week_start(today)
    first_monday = this_monday - timedelta(weeks=WEEKS - 1)
    window_start = datetime.combine(first_monday, datetime.min.time(), tzinfo=tz)

    # Everyone counted in the database; rows read only for the people linked by an
    # introduction or at a target company (a third of a large account), names only for the
    # people shown.
    people = count_people(user)
    rows = People(linked_rows(user))
    links = graph.Links(map(itemgetter(0, 1), rows.raw.values()))
    companies = read_companies(user)
    # People met in a meeting so far, with their stage. No ordering: with Meeting's default
    # (-starts_at) DISTINCT ran over (person, time) pairs.
    met = (
        Meeting.objects.for_user(user)
        .not_cancelled()
        .filter(starts_at__lte=now, person__owner=user)
        .order_by()
        .values_list("person_id", "person__stage")
        .distinct()
    )
    met_ids, met_elsewhere = set(), 0
    for pid, stage in met:
        met_ids.add(pid)
        met_elsewhere += stage not in MET_STAGES

    known = people.by_how_known
    by_how_known = [(k, label, known[k]) for k, label in HowKnown.choices if known[k]]

    plan = plan_targets(rows, links, companies, met_ids)
    at_targets = sum(len(plan.at.get(cid, ())) for cid, c in companies.items() if c.is_target)
    funnel = build_funnel(people, met_elsewhere, at_targets)
    weeks = build_weeks(user, tz, first_monday, window_start, now)
    replies, median = count_replies(user, window_start)
    overdue_qs = FollowUp.objects.for_user(user).filter(state=FollowUpState.OPEN, due_on__lt=today)
    overdue_list = list(overdue_qs.select_related("person").order_by("due_on", "id")[:10])
    overdue = overdue_qs.count()
    debriefed_total, names_total = names_all_time(user)

    tree = graph.referral_tree(links)
    # Whoever introduced someone and is of the account is among the rows read.
    top = [(pid, n) for pid, n in graph.top_connectors(links) if pid in rows]
    shown = {node.id for node, _ in graph.preorder(tree.roots, TREE_NAMED)}
    shown.update(pid for pid, _ in top)
    shown.update(pid for chains in plan.chains.values() for chain in chains for pid in chain)
    load_names(user, rows, shown, suggestion_candidates(plan, companies))
    connectors = [(rows[pid], n) for pid, n in top]
    targets = build_targets(rows, plan, companies)
    review = build_review(user, tz, weeks, this_monday, overdue, now)

    return Insights(
        today=today,
        people=rows,
        listed=people.listed,
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


def figures_hold_until(user, now: datetime) -> datetime:
    """When the figures build_insights gives at `now` may change with no write to the account:
    the next local midnight (overdue follow-ups, the weeks, the review), or sooner the next
    meeting to start (it becomes "met"), or an interaction or a follow-up's completion dated
    later than now (they count once their time comes). Three small indexed queries."""
    tz = user.tzinfo
    tomorrow = timezone.localdate(now, tz) + timedelta(days=1)
    moments = [datetime.combine(tomorrow, time.min, tzinfo=tz)]
    for rows, field in (
        (Meeting.objects.for_user(user).not_cancelled(), "starts_at"),
        (Interaction.objects.for_user(user), "occurred_at"),
        (FollowUp.objects.for_user(user).filter(state=FollowUpState.DONE), "done_at"),
    ):
        later = rows.filter(**{f"{field}__gt": now}).aggregate(next=Min(field))["next"]
        if later is not None:
            moments.append(later)
    return min(moments)
