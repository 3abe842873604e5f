"""`{% icon "name" %}`: a small inline SVG beside a word, to help the eye find its place.

Drawn here on a 24-unit grid as strokes in the text's own colour (app.css `.icon`), so an icon
follows the link, the button or the dark scheme it sits in. Always beside a word, never instead
of one: `aria-hidden` keeps it out of what a screen reader says. No icon font, nothing fetched.
"""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# The inside of each <svg>: paths, circles and rectangles, stroked, never filled.
SHAPES = {
    # The main menu
    "today": '<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4"/>'
    '<circle cx="12" cy="15" r="1.5"/>',
    "people": '<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20c.8-3.6 3.4-5.5 6.5-5.5s5.7 1.9'
    ' 6.5 5.5M15.5 4.8a3.5 3.5 0 0 1 0 6.4M18 14.8c1.9.7 3 2.5 3.5 5.2"/>',
    "list": '<path d="M9 6h11M9 12h11M9 18h11"/><circle cx="4.5" cy="6" r="1"/>'
    '<circle cx="4.5" cy="12" r="1"/><circle cx="4.5" cy="18" r="1"/>',
    "company": '<rect x="4" y="3" width="11" height="18" rx="1"/>'
    '<path d="M15 9h4a1 1 0 0 1 1 1v11M2 21h20M8 7h3M8 11h3M8 15h3"/>',
    "target": '<circle cx="12" cy="12" r="9"/><circle cx="12" cy="12" r="5"/>'
    '<circle cx="12" cy="12" r="1"/>',
    "insights": '<path d="M4 20h16M7 16v-5M12 16V6M17 16V9"/>',
    "transfer": '<path d="M7 4v14M3 14l4 4 4-4M17 20V6M13 10l4-4 4 4"/>',
    "settings": '<path d="M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12"/><circle cx="16" cy="6" r="2"/>'
    '<circle cx="10" cy="12" r="2"/><circle cx="18" cy="18" r="2"/>',
    # Today's sections
    "followup": '<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>',
    "meeting": '<path d="M4 9h12v5a5 5 0 0 1-5 5H9a5 5 0 0 1-5-5z"/>'
    '<path d="M16 10h1.5a2.5 2.5 0 0 1 0 5H16M8 3v3M12 3v3"/>',
    "mail": '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3.5 6.5 12 13l8.5-6.5"/>',
    "debrief": '<path d="M14 4H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8"/>'
    '<path d="m18 2.5 3.5 3.5-9.5 9.5-4 .5.5-4z"/>',
    "favour": '<rect x="3" y="8" width="18" height="5" rx="1"/><path d="M5 13v7h14v-7M12 8v12'
    'M12 8c-1.5-4-6-4-6-1.5S10 8 12 8zm0 0c1.5-4 6-4 6-1.5S14 8 12 8z"/>',
    "week": '<path d="m3 17 6-6 4 4 8-8M15 7h6v6"/>',
    "next": '<path d="M5 12h14M13 6l6 6-6 6"/>',
    # Actions and states
    "copy": '<rect x="8" y="8" width="12" height="12" rx="2"/>'
    '<path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2"/>',
    "log": '<path d="M4 5h16v11H9l-5 4z"/><path d="M12 8v5M9.5 10.5h5"/>',
    "send": '<path d="M21 3 10 14M21 3l-7 18-4-7-7-4z"/>',
    "done": '<path d="m5 12.5 4.5 4.5L19 7"/>',
    "add": '<path d="M12 5v14M5 12h14"/>',
    "offline": '<path d="M2 8.5a15 15 0 0 1 5.5-3.2M12 5a15 15 0 0 1 10 3.5M5.5 12a10 10 0 0 1'
    ' 3.5-2M15 10a10 10 0 0 1 3.5 2M9 15.5a5 5 0 0 1 6 0M3 3l18 18"/>'
    '<circle cx="12" cy="19" r=".8"/>',
}


@register.simple_tag
def icon(name: str) -> SafeString:
    """An inline SVG icon, hidden from screen readers: `{% icon "people" %}`."""
    try:
        shape = SHAPES[name]
    except KeyError:
        raise template.TemplateSyntaxError(
            f"No icon named {name!r}: one of {sorted(SHAPES)}"
        ) from None
    return mark_safe(
        f'<svg class="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24">{shape}</svg>'
    )
