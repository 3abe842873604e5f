"""`{{ form.field|kept_label }}` and `{{ form.field|kept_widget }}`: a field's label and widget
as `{{ form.field.label_tag }}` and `{{ form.field }}` write them, kept once rendered when they
cannot differ (forms/blank.py says when)."""

from __future__ import annotations

from django import template

from hundred.network.forms.blank import kept_label as _kept_label
from hundred.network.forms.blank import kept_widget as _kept_widget

register = template.Library()
register.filter("kept_label", _kept_label)
register.filter("kept_widget", _kept_widget)
