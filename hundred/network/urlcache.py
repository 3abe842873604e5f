"""`reverse()` for the names the pages link to on every row, at the cost of a dict look-up.

Django's `reverse()` tries each of a name's patterns against its arguments every time (~30 µs);
Today made ~90 of them a view, People 60. A URL whose arguments are all non-negative integers is
the same text around them whatever the integers are, so the first call for a name works out
that text once (by reversing it with unmistakable numbers) and every later call joins it with
the numbers given. Anything else — a namespaced name, other arguments, a pattern that refuses
the test numbers — goes to `reverse()` as before. The `{% url %}` tag of every template uses it
(network/templatetags/fasturl.py, a template builtin); hundred/network/tests/test_urlcache.py
compares it with `reverse()` for every URL name of the project.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse

# Numbers no real id or URL text contains, one per argument.
_PROBES = tuple(7_300_000_000_000_000_011 + 1_000_003 * i for i in range(4))
_parts: dict[tuple, tuple[str, ...] | None] = {}


def _split(name: str, count: int) -> tuple[str, ...] | None:
    """The URL of `name` cut around its `count` arguments, or None where that cannot be
    trusted (no such URL for those numbers, or a number not found exactly once, in order)."""
    try:
        url = reverse(name, args=_PROBES[:count])
    except NoReverseMatch:
        return None
    parts = []
    for probe in map(str, _PROBES[:count]):
        head, found, url = url.partition(probe)
        if not found or probe in url:
            return None
        parts.append(head)
    parts.append(url)
    return tuple(parts)


def fast_reverse(name: str, args=()) -> str:
    """`reverse(name, args=args)`, the same text, cached for integer arguments."""
    if len(args) > len(_PROBES) or ":" in name or any(type(a) is not int or a < 0 for a in args):
        return reverse(name, args=args)
    # get_urlconf() is None unless a request set its own: an overridden ROOT_URLCONF (a test's)
    # must not read what another URLconf made.
    key = (get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF, name, len(args))
    try:
        parts = _parts[key]
    except KeyError:
        parts = _parts[key] = _split(name, len(args))
    if parts is None:
        return reverse(name, args=args)
    if not args:
        return parts[0]
    out = [parts[0]]
    for value, part in zip(args, parts[1:], strict=True):
        out.append(str(value))
        out.append(part)
    return "".join(out)
