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


def _field_key(bf, part: str) -> tuple:
    form = bf.form
    return (
        part,
        type(form).__qualname__,
        type(form).__module__,
        form.prefix,
        form.auto_id,
        bf.name,
    )


def kept_label(bf) -> SafeString:
    """`bf.label_tag()`, kept per form class and field: it depends on neither data nor errors
    unless the form marks required or erroneous rows with a class, which is then not kept."""
    form = bf.form
    if getattr(form, "required_css_class", None) or getattr(form, "error_css_class", None):
        return bf.label_tag()
    key = (*_field_key(bf, "label"), str(form.label_suffix))
    html = _kept.get(key)
    if html is None:
        if len(_kept) >= _LIMIT:
            _kept.clear()
        html = _kept[key] = SafeString(bf.label_tag())
    return html


def kept_widget(bf) -> SafeString:
    """`str(bf)`, the field's widget, kept when it has no errors and its value is empty or one
    of the field's choices: what it shows is then one of few texts. A typed value (a search,
    a company) or an error is rendered each time, as Django would."""
    if bf.form.is_bound and bf.errors:
        return SafeString(str(bf))
    value = bf.value()
    if value not in (None, ""):
        choices = getattr(bf.field, "choices", None)
        if not isinstance(value, str) or choices is None:
            return SafeString(str(bf))
        if value not in {str(k) for k, _ in choices}:
            return SafeString(str(bf))
    key = (*_field_key(bf, "widget"), value)
    html = _kept.get(key)
    if html is None:
        if len(_kept) >= _LIMIT:
            _kept.clear()
        html = _kept[key] = SafeString(str(bf))
    return html
