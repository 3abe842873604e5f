"""The Insights page's body: the figures of metrics.py drawn (svg.py) and written out."""

from __future__ import annotations

from datetime import datetime

from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from hundred.insight import graph, svg
from hundred.insight.metrics import GOAL, TREE_NAMED, build_insights
from hundred.insight.templatetags.insight_links import person_url_format
from hundred.network.models import Stage

OUTLINE_DEPTHS = 8  # deeper levels are indented as the eighth

STAGE_KEYS = frozenset(Stage.values)


def _outline(roots, name, url, limit: int = TREE_NAMED) -> SafeString:
    """The tree as list items in reading order, at most `limit`, each indented by its depth.

    The indent is a class (`depth-N`, in app.css up to OUTLINE_DEPTHS), not a style attribute,
    which the Content-Security-Policy forbids.

    Built here with format_html rather than in a template loop, which took ~20 ms for the 300
    rows at 30,000 people; format_html escapes every name as the template would.
    """
    items: list[str] = []
    for node, depth in graph.preorder(roots, limit):
        if depth:
            items.append(
                format_html(
                    '<li class="depth-{}">↳ <a href="{}">{}</a> '
                    '<span class="visually-hidden">(level {})</span></li>',
                    min(depth, OUTLINE_DEPTHS),
                    url(node.id),
                    name(node.id),
                    depth,
                )
            )
        else:
            items.append(format_html('<li><a href="{}">{}</a></li>', url(node.id), name(node.id)))
    return mark_safe("".join(items))


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{round(100 * rate)} %"


def _progress_charts(data) -> dict[str, SafeString]:
    """Progress to 100, and its legend as a list for a narrow screen (app.css)."""
    if data.listed > GOAL:
        said = f"{data.listed} people listed, past {GOAL}, by how you know them."
    else:
        said = f"{data.listed} of {GOAL} people listed, by how you know them."
    bars = [svg.Bar(label, n) for _, label, n in data.by_how_known]
    return {
        "hundred": svg.stacked("hundred", "Progress to 100", said, bars, GOAL),
        "hundred_key": svg.key([f"{label}: {n}" for _, label, n in data.by_how_known]),
    }


def _funnel_chart(data) -> SafeString:
    def bar(s) -> svg.Bar:
        value = f"{s.count} ({_percent(s.rate)})" if s.rate is not None else str(s.count)
        # Listed, asked and met are stages: their bars wear the stages' colours.
        return svg.Bar(s.label, s.count, value, css=f"stage-{s.key}" if s.key in STAGE_KEYS else "")

    said = "People at each stage: " + ", ".join(f"{s.label} {s.count}" for s in data.funnel)
    return svg.hbars("funnel", "Funnel", said, [bar(s) for s in data.funnel])


def render_body(
    user, person_url: str | None = None, *, read_only: bool = False, now: datetime | None = None
) -> SafeString:
    """The page's body for `user` at `now`; people link to `person_url` ("{}" for the id), by
    default the account's own person pages (a coach's read-only copy links to its own, and with
    `read_only` links nowhere else: companies, Today and Settings are the client's own)."""
    data = build_insights(user, now)
    people = data.people
    person_url = person_url or person_url_format()
    weeks = [w.starts_on.strftime("%d %b") for w in data.weeks]
    tree_svg, tree_hidden = svg.tree(
        "tree",
        "Referral tree",
        f"Who led to whom: {data.tree.people} people, {len(data.tree.roots)} starting points, "
        f"depth {data.tree.depth}.",
        data.tree.roots,
        name=lambda pid: people[pid].name,
        url=person_url.format,
        total=data.tree.people,
    )
    activity = [
        ("Outreach", [w.outreach for w in data.weeks]),
        ("Replies", [w.replies for w in data.weeks]),
        ("Meetings", [w.meetings for w in data.weeks]),
        ("Follow-ups done", [w.followups_done for w in data.weeks]),
    ]
    charts = {
        **_progress_charts(data),
        "funnel": _funnel_chart(data),
        "activity": svg.grouped_columns(
            "activity",
            "Activity, last 12 weeks",
            "Outreach, replies, meetings and follow-ups done per week; "
            "the table below has the figures.",
            weeks,
            activity,
        ),
        "activity_key": svg.key([name for name, _ in activity]),
        "replies": svg.hbars(
            "replies",
            "Reply rate by channel",
            "; ".join(f"{c.label}: {c.replied} of {c.sent}" for c in data.replies_by_channel)
            or "No outreach yet.",
            [
                svg.Bar(c.label, c.rate * 100, f"{round(100 * c.rate)} % of {c.sent}")
                for c in data.replies_by_channel
            ],
        ),
        "names": svg.line(
            "names",
            "Names per meeting, by week",
            "Names given per debriefed meeting each week; the table below has the figures.",
            weeks,
            [w.names_per_meeting for w in data.weeks],
        ),
        "tree": tree_svg,
    }
    return render_to_string(
        "insight/insights_body.html",
        {
            "data": data,
            "goal": GOAL,
            "charts": charts,
            "tree_hidden": tree_hidden,
            "outline": _outline(
                data.tree.roots, name=lambda pid: people[pid].name, url=person_url.format
            ),
            "outline_more": max(0, data.tree.people - TREE_NAMED),
            "funnel_rows": [
                (s, _percent(s.rate) if s.subset else "a count, not a share") for s in data.funnel
            ],
            "review": data.review,
            "person_url_format": person_url,
            "read_only": read_only,
        },
    )  # safe: a rendered template
