"""`kept_date`: Django's `date` filter, its text kept per process.

Django's `date` looks its format and each name of a day or month up through the translation
machinery on every call (~40–70 µs here); Today formats ~40 dates a view, most of them the same
few days. The text depends only on the value (for a datetime, in the current time zone, which
the template has already turned it into: the tzinfo is part of the key), the format and the
language, so it is kept under those. Same output as `date`, always.
"""

from __future__ import annotations

from django import template
from django.template.defaultfilters import date
from django.utils.translation import get_language

register = template.Library()

# A few weeks of days in a few formats, languages and time zones; cleared when full.
_LIMIT = 4096
_kept: dict[tuple, str] = {}


@register.filter(expects_localtime=True, is_safe=False)
def kept_date(value, arg=None):
    if value in (None, ""):
        return ""
    key = (value, getattr(value, "tzinfo", None), arg, get_language())
    text = _kept.get(key)
    if text is None:
        if len(_kept) >= _LIMIT:
            _kept.clear()
        text = _kept[key] = date(value, arg)
    return text
