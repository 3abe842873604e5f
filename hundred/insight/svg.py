"""Charts and the referral tree as SVG strings, drawn on the server: no JavaScript to see them.

Every text that comes from data goes through `escape`; every chart has role="img" (the referral
tree, whose nodes are links, role="group"), a <title> and a <desc> it is labelled by. The page
puts a table next to each chart for screen readers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from hundred.insight.graph import Node

# One colour a series, never repeated within a chart: as many as the longest list of series the
# page draws (Progress to 100: the ten ways of knowing someone). Each is 3:1 or more against the
# page's and the card's backgrounds in both colour schemes (WCAG 1.4.11), tested in test_svg.py.
COLOURS = (
    "#347796",  # blue
    "#c0713a",  # orange
    "#5a8f3c",  # green
    "#8a5a9e",  # purple
    "#bc4b41",  # red
    "#6b6b6b",  # grey
    "#3c8f86",  # teal
    "#a08a2f",  # olive
    "#c04f88",  # pink
    "#6470c4",  # indigo
)
# Charts are drawn 1000 units wide and shown as wide as their card (at least 800 px: a phone
# scrolls the chart in its own box), so 15 units are never less than 12 px on screen.
WIDTH = 1000
FONT = 'font-family="system-ui, sans-serif" font-size="15"'


def _open(
    uid: str, width: int, height: int, title: str, desc: str, role: str = "img", fit: str = ""
) -> list[str]:
    """An SVG labelled by its title and description. A drawing with links in it is a "group",
    not an "img": an image's content is presentational, and a link inside one is lost. `fit`
    is its preserveAspectRatio, where not the default."""
    fit = f' preserveAspectRatio="{fit}"' if fit else ""
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="{role}" class="chart"{fit} '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="{uid}-title {uid}-desc">',
        f'<title id="{uid}-title">{escape(title)}</title>',
        f'<desc id="{uid}-desc">{escape(desc)}</desc>',
    ]


def _close(parts: list[str]) -> SafeString:
    parts.append("</svg>")
    return mark_safe("\n".join(parts))


def _css(name: str) -> str:
    return f' class="{escape(name)}"' if name else ""


def _fmt(n: float) -> str:
    return f"{n:.1f}".rstrip("0").rstrip(".")


@dataclass
class Bar:
    label: str
    value: float
    note: str = ""  # text after the bar, e.g. "40 %"
    # A class for the bar, e.g. "stage-met": app.css then fills it with that stage's colour
    # (in both schemes; a style attribute would break the Content-Security-Policy).
    css: str = ""


def hbars(uid: str, title: str, desc: str, bars: Sequence[Bar], width: int = WIDTH) -> SafeString:
    """Horizontal bars, one a row, with the label left and the value right."""
    row, label_w, top = 34, 230, 8
    height = top * 2 + row * max(1, len(bars))
    most = max((b.value for b in bars), default=0) or 1
    room = width - label_w - 150
    parts = _open(uid, width, height, title, desc)
    for i, b in enumerate(bars):
        y = top + i * row
        w = max(0.0, room * b.value / most)
        parts.append(
            f'<text x="{label_w - 10}" y="{y + 22}" text-anchor="end" {FONT}>'
            f"{escape(b.label)}</text>"
            f'<rect x="{label_w}" y="{y + 5}" width="{_fmt(w)}" height="24" rx="3" '
            f'fill="{COLOURS[i % len(COLOURS)]}"{_css(b.css)}/>'
            f'<text x="{_fmt(label_w + w + 8)}" y="{y + 22}" {FONT}>'
            f"{escape(b.note or _fmt(b.value))}</text>"
        )
    return _close(parts)


def stacked(
    uid: str, title: str, desc: str, parts_: Sequence[Bar], goal: int, width: int = WIDTH
) -> SafeString:
    """One bar toward a goal, in coloured parts, with a legend below.

    The legend is a group app.css hides, with the band it takes, while the box the chart
    scrolls in is narrower than the chart: `key(...)` shows beside the box instead, and the
    drawing, anchored at its top left ("slice"), is cut to the bar."""
    height = 54 + 26 * ((len(parts_) + 2) // 3)
    total = sum(p.value for p in parts_)
    scale = (width - 20) / max(goal, total, 1)
    parts = _open(uid, width, height, title, desc, fit="xMinYMin slice")
    parts.append(
        f'<rect x="10" y="6" width="{_fmt(goal * scale)}" height="28" fill="#eee" stroke="#999"/>'
    )
    x = 10.0
    for i, p in enumerate(parts_):
        w = p.value * scale
        parts.append(
            f'<rect x="{_fmt(x)}" y="6" width="{_fmt(w)}" height="28" '
            f'fill="{COLOURS[i % len(COLOURS)]}"/>'
        )
        x += w
    parts.append('<g class="legend">')
    for i, p in enumerate(parts_):
        lx, ly = 10 + (i % 3) * ((width - 20) // 3), 60 + (i // 3) * 26
        parts.append(
            f'<rect x="{lx}" y="{ly - 12}" width="12" height="12" '
            f'fill="{COLOURS[i % len(COLOURS)]}"/>'
            f'<text x="{lx + 18}" y="{ly}" {FONT}>{escape(p.label)}: {_fmt(p.value)}</text>'
        )
    parts.append("</g>")
    return _close(parts)


def grouped_columns(
    uid: str,
    title: str,
    desc: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    width: int = WIDTH,
    height: int = 300,
) -> SafeString:
    """Columns per category (a week), one colour per series, with a legend on top."""
    left, bottom, top = 44, 40, 40
    plot_h = height - top - bottom
    most = max((v for _, values in series for v in values), default=0) or 1
    slot = (width - left - 10) / max(1, len(categories))
    bar_w = max(2.0, (slot - 6) / max(1, len(series)))
    parts = _open(uid, width, height, title, desc)
    # The legend at the top left: where a narrow box that opens on the latest weeks (the
    # right) does not show it, app.css hides it and shows `key(...)` beside the box instead.
    parts.append('<g class="legend">')
    for i, (name, _) in enumerate(series):
        lx = left + i * 200
        parts.append(
            f'<rect x="{lx}" y="8" width="12" height="12" fill="{COLOURS[i % len(COLOURS)]}"/>'
            f'<text x="{lx + 18}" y="20" {FONT}>{escape(name)}</text>'
        )
    parts.append("</g>")
    base = top + plot_h
    parts.append(
        f'<line x1="{left}" y1="{base}" x2="{width - 5}" y2="{base}" stroke="#999"/>'
        f'<text x="{left - 6}" y="{top + 12}" text-anchor="end" {FONT}>{_fmt(most)}</text>'
        f'<text x="{left - 6}" y="{base}" text-anchor="end" {FONT}>0</text>'
        # The scale again at the right end, for the narrow box: a line at the top of the
        # scale with its value above it, in the band the hidden legend leaves (app.css).
        f'<g class="axis-end"><line x1="{left}" y1="{top}" x2="{width - 5}" y2="{top}" '
        f'stroke="#999" stroke-dasharray="4 4"/>'
        f'<text x="{width - 5}" y="{top - 6}" text-anchor="end" {FONT}>{_fmt(most)}</text></g>'
    )
    for c, category in enumerate(categories):
        x0 = left + c * slot + 3
        for s, (_, values) in enumerate(series):
            v = values[c] if c < len(values) else 0
            h = plot_h * v / most
            parts.append(
                f'<rect x="{_fmt(x0 + s * bar_w)}" y="{_fmt(base - h)}" width="{_fmt(bar_w - 1)}" '
                f'height="{_fmt(h)}" fill="{COLOURS[s % len(COLOURS)]}"/>'
            )
        parts.append(
            f'<text x="{_fmt(x0 + slot / 2 - 3)}" y="{base + 22}" text-anchor="middle" '
            f"{FONT}>{escape(category)}</text>"
        )
    return _close(parts)


def key(names: Sequence[str]) -> SafeString:
    """A chart's legend as a list of its series' colours and names, to sit outside the box
    the chart scrolls in and wrap on a narrow screen (app.css shows it only when the box is
    narrower than the chart). Hidden from screen readers: the chart's description and the
    table beside it say the same."""
    items = "".join(
        f'<li><svg class="swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" '
        f'focusable="false">'
        f'<rect width="12" height="12" fill="{COLOURS[i % len(COLOURS)]}"/></svg>'
        f"{escape(name)}</li>"
        for i, name in enumerate(names)
    )
    return mark_safe(f'<ul class="chart-key" aria-hidden="true">{items}</ul>')


def line(
    uid: str,
    title: str,
    desc: str,
    categories: Sequence[str],
    values: Sequence[float | None],
    width: int = WIDTH,
    height: int = 240,
) -> SafeString:
    """A line through the known values; a gap where a value is None."""
    left, bottom, top = 44, 36, 16
    plot_h = height - top - bottom
    most = max((v for v in values if v is not None), default=0) or 1
    step = (width - left - 60) / max(1, len(categories) - 1)  # room for the last label
    base = top + plot_h
    parts = _open(uid, width, height, title, desc)
    parts.append(
        f'<line x1="{left}" y1="{base}" x2="{width - 5}" y2="{base}" stroke="#999"/>'
        f'<text x="{left - 6}" y="{top + 12}" text-anchor="end" {FONT}>{_fmt(most)}</text>'
        f'<text x="{left - 6}" y="{base}" text-anchor="end" {FONT}>0</text>'
        # The scale again at the right end, past the last point, for a narrow box that opens
        # there (app.css shows it only then).
        f'<g class="axis-end"><text x="{width - 5}" y="{top + 12}" text-anchor="end" {FONT}>'
        f'{_fmt(most)}</text><text x="{width - 5}" y="{base}" text-anchor="end" {FONT}>0</text></g>'
    )
    points: list[str] = []
    segments: list[list[str]] = []
    for i, (category, v) in enumerate(zip(categories, values, strict=False)):
        x = left + 10 + i * step
        parts.append(
            f'<text x="{_fmt(x)}" y="{base + 22}" text-anchor="middle" {FONT}>'
            f"{escape(category)}</text>"
        )
        if v is None:
            if points:
                segments.append(points)
            points = []
            continue
        y = base - plot_h * v / most
        points.append(f"{_fmt(x)},{_fmt(y)}")
        parts.append(f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="4" fill="{COLOURS[0]}"/>')
    if points:
        segments.append(points)
    for seg in segments:
        if len(seg) > 1:
            parts.append(
                f'<polyline points="{" ".join(seg)}" fill="none" stroke="{COLOURS[0]}" '
                f'stroke-width="2.5"/>'
            )
    return _close(parts)


def tree(
    uid: str,
    title: str,
    desc: str,
    roots: Sequence[Node],
    name: Callable[[int], str],
    url: Callable[[int], str],
    limit: int = 80,
    width: int = WIDTH,
    total: int | None = None,
) -> tuple[SafeString, int]:
    """The referral tree as an indented outline: a row a person, a line to who introduced them.

    Returns the SVG and how many people did not fit within `limit` rows. A caller that knows
    how many people the tree holds passes `total`, and the walk stops at the limit.
    """
    row, indent = 28, 24
    rows: list[tuple[int, int, int | None, bool]] = []  # (id, depth, parent row, in_loop)
    counted = 0
    stack: list[tuple[Node, int, int | None]] = [(r, 0, None) for r in reversed(roots)]
    while stack:
        node, depth, parent_row = stack.pop()
        counted += 1
        if len(rows) >= limit:
            if total is not None:
                break
            continue
        rows.append((node.id, depth, parent_row, node.in_loop))
        me = len(rows) - 1
        stack.extend((child, depth + 1, me) for child in reversed(node.children))
    height = 14 + row * max(1, len(rows))
    parts = _open(uid, width, height, title, desc, role="group")
    for i, (_pid, depth, parent_row, _) in enumerate(rows):
        if parent_row is not None:
            px = 12 + rows[parent_row][1] * indent
            py = 16 + parent_row * row
            x, y = 12 + depth * indent, 16 + i * row
            parts.append(
                f'<path d="M{px},{py} V{y} H{x}" fill="none" stroke="#999" stroke-width="1.5"/>'
            )
    for i, (pid, depth, _, in_loop) in enumerate(rows):
        x, y = 12 + depth * indent, 16 + i * row
        colour = COLOURS[4] if in_loop else COLOURS[depth % 4]
        label = name(pid) + (" (loop of introductions)" if in_loop else "")
        parts.append(
            f'<a href="{escape(url(pid))}"><circle cx="{x}" cy="{y}" r="6" fill="{colour}"/>'
            f'<text x="{x + 12}" y="{y + 5}" {FONT}>{escape(label)}</text></a>'
        )
    return _close(parts), (counted if total is None else total) - len(rows)
