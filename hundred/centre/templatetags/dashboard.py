"""`{% client_row r %}`: one row of the coach's dashboard, written in Python.

The dashboard shows 40–50 clients of 11 figures; through the template language each figure is
a variable lookup, a localisation and an escape (~430 nodes a page, half the page's CPU). This
writes the same HTML as the template it replaced (test_dashboard.py renders both and compares):
figures as Django's `localize` shows them, text escaped, the link by `fast_reverse`, and the
share of flagged messages as `{% widthratio %}` rounds it.
"""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import SafeString

from hundred.network.urlcache import fast_reverse

register = template.Library()
DASH = "—"


def _figure(value) -> str:
    # An int as localize() shows it when no thousands separator is asked for: its digits.
    if type(value) is int and not settings.USE_THOUSAND_SEPARATOR:
        return str(value)
    return escape(localize(value))


def _percent(flagged, outreach) -> str:
    """{% widthratio flagged outreach 100 %}."""
    try:
        return str(round((float(flagged) / float(outreach)) * 100))
    except ZeroDivisionError:
        return "0"
    except (ValueError, TypeError, OverflowError):
        return ""


@register.simple_tag
def client_row(r) -> SafeString:
    name = f'<br><span class="muted">{escape(r.email)}</span>' if r.name else ""
    per_meeting = r.names_per_meeting
    share = (
        DASH
        if r.flagged_share is None
        else f'{_percent(r.flagged, r.outreach)} % <span class="muted">'
        f"({_figure(r.flagged)} of {_figure(r.outreach)})</span>"
    )
    cells = (
        r.listed,
        r.asked,
        r.asks_week,
        r.met,
        r.meetings_week,
        None if per_meeting is None else per_meeting,
        r.replies,
        r.overdue,
    )
    figures = "".join(
        f'\n      <td class="num">{DASH if v is None else _figure(v)}</td>' for v in cells
    )
    idle = DASH if r.days_idle is None else _figure(r.days_idle)
    return SafeString(
        "<tr>\n"
        f'      <td><a href="{escape(fast_reverse("coach-client-today", [r.id]))}">'
        f"{escape(r.label)}</a>{name}</td>{figures}\n"
        f'      <td class="num">{share}</td>\n'
        f'      <td class="num">{idle}</td>\n'
        "    </tr>"
    )
