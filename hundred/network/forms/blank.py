"""The HTML of an empty form, rendered once per process and kept.

Django renders a form field by field through its form templates: the person page's two empty
forms (log an interaction, add a favour) were a quarter of its CPU time, and they are the same
text on every view but for the interaction form's "When", which starts at the current minute
in the account's time zone. A form that came back with what was typed and its errors is never
kept: only a form made with no data, under a key that names everything its HTML depends on.
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.utils import timezone
from django.utils.safestring import SafeString

# Keys are one per time zone and minute for the interaction form: a few hundred is days of use.
_LIMIT = 512
_kept: dict[tuple, SafeString] = {}


def blank_html(key: tuple, make: Callable[[], forms.BaseForm]) -> SafeString:
    """The HTML of `make()`, an unbound form, kept under `key`."""
    html = _kept.get(key)
    if html is None:
        form = make()
        assert not form.is_bound, "only an empty form's HTML can be kept"
        if len(_kept) >= _LIMIT:
            _kept.clear()
        html = _kept[key] = SafeString(form.render())
    return html


def this_minute() -> tuple[str, str]:
    """What an empty form starting at "now" shows: the time zone and the local minute."""
    now = timezone.localtime()
    return str(now.tzinfo), now.strftime("%Y-%m-%dT%H:%M")
