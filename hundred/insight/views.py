"""The Insights page: the 100 list, the funnel, activity, the referral tree, targets, the review."""

from __future__ import annotations

import gc
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
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


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Hold Python's cyclic garbage collector off while the page is computed and rendered.

    A large account makes tens of thousands of short-lived objects (rows, tree nodes), which
    set off a full collection over the whole process on nearly every view: ~40-50 ms of a
    ~350 ms page at 30,000 people. The page makes no reference cycles worth waiting for;
    everything it makes is freed by reference counting, and the collector runs as usual
    afterwards. Whoever paused it turns it back on, so concurrent requests leave it enabled.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{round(100 * rate)} %"


# The page's body, kept per account in each server process for the same data stamp (which
# every write to the account changes: accounts/models.py) and the same quarter of an hour of
# its clock (meetings become "met" and weeks turn without a write). Figures are at most 15
# minutes behind the clock, never behind a write.
CACHED_ACCOUNTS = 64
CLOCK_MINUTES = 15
_bodies: OrderedDict[int, tuple[tuple, SafeString]] = OrderedDict()
_bodies_lock = threading.Lock()


def _cache_key(user) -> tuple:
    now = timezone.localtime(timezone.now(), user.tzinfo)
    return (user.data_stamp, now.date(), now.hour, now.minute // CLOCK_MINUTES)


def forget_cached_bodies() -> None:
    """Drop every kept body (tests, whose accounts reuse ids)."""
    with _bodies_lock:
        _bodies.clear()


@login_required
def insights(request):
    """Where networking is working: every figure is defined in docs/insights.md."""
    key = _cache_key(request.user)
    with _bodies_lock:
        kept = _bodies.get(request.user.pk)
    if kept is not None and kept[0] == key:
        body = kept[1]
    else:
        with _collector_paused():
            body = render_body(request.user)
        with _bodies_lock:
            _bodies[request.user.pk] = (key, body)
            _bodies.move_to_end(request.user.pk)
            while len(_bodies) > CACHED_ACCOUNTS:
                _bodies.popitem(last=False)
    return render(request, "insight/insights.html", {"body": body})


def render_body(user, person_url: str | None = None, *, read_only: bool = False) -> SafeString:
    """The page's body for `user`; people link to `person_url` ("{}" for the id), by default
    the account's own person pages (a coach's read-only copy links to its own, and with
    `read_only` links nowhere else: companies, Today and Settings are the client's own)."""
    data = build_insights(user)
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
    charts = {
        "hundred": svg.stacked(
            "hundred",
            "Progress to 100",
            f"{data.listed} of {GOAL} people listed, by how you know them.",
            [svg.Bar(label, n) for _, label, n in data.by_how_known],
            GOAL,
        ),
        "funnel": svg.hbars(
            "funnel",
            "Funnel",
            "People at each stage: " + ", ".join(f"{s.label} {s.count}" for s in data.funnel),
            [
                svg.Bar(
                    s.label,
                    s.count,
                    f"{s.count} ({_percent(s.rate)})" if s.rate is not None else str(s.count),
                    # Listed, asked and met are stages: their bars wear the stages' colours.
                    css=f"stage-{s.key}" if s.key in STAGE_KEYS else "",
                )
                for s in data.funnel
            ],
        ),
        "activity": svg.grouped_columns(
            "activity",
            "Activity, last 12 weeks",
            "Outreach, replies, meetings and follow-ups done per week; "
            "the table below has the figures.",
            weeks,
            [
                ("Outreach", [w.outreach for w in data.weeks]),
                ("Replies", [w.replies for w in data.weeks]),
                ("Meetings", [w.meetings for w in data.weeks]),
                ("Follow-ups done", [w.followups_done for w in data.weeks]),
            ],
        ),
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
