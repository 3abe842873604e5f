"""Today: what is due, what is ahead, and the week's progress."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from hundred.network.forms.followups import NOT_NOW_CHOICES
from hundred.network.today import SECTIONS, SHOWN, build_today

OFFLINE_COPY_HEADER = "Hundred-Offline-Copy"


@login_required
def today(request):
    """What to do today: follow-ups, meetings, debriefs, favours, and the week's progress.

    Each section shows its next few items; `?all=<section>` shows that one in full."""
    full = request.GET.get("all", "")
    data = build_today(request.user, shown=SHOWN, full=full if full in SECTIONS else "")
    response = render(
        request,
        "network/today.html",
        {
            "data": data,
            "followups": data.followups,
            "people_count": data.people_count,
            "local_today": data.today,
            "asks_pct": _percent(data.asks_this_week, data.asks_target),
            "meetings_pct": _percent(data.meetings_this_week, data.meetings_target),
            "not_now_weeks": NOT_NOW_CHOICES,
        },
    )
    if not full:
        # The one page the installed app may keep for offline reading, marked with whose it is
        # (static/hundred/sw.js keeps only a page with this header; docs/security.md).
        response[OFFLINE_COPY_HEADER] = request.user.offline_key
    return response


def _percent(done: int, target: int) -> int:
    return 100 if not target else min(100, round(100 * done / target))
