"""Links to people on the Insights page, which links to several hundred of them.

`{% url %}` resolves the pattern for every link (~20 µs each); the view resolves it once a
request with a placeholder id and this tag fills each id in.
"""

from __future__ import annotations

from django import template
from django.urls import reverse

register = template.Library()

PLACEHOLDER = 987654321


def person_url_format() -> str:
    """The person page's address with "{}" where the id goes, for this request's prefix."""
    return reverse("network-person", args=[PLACEHOLDER]).replace(str(PLACEHOLDER), "{}")


@register.simple_tag(takes_context=True)
def person_url(context, pid: int) -> str:
    return context["person_url_format"].format(int(pid))
