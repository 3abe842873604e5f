"""`value|is_phone`: whether a person's phone entry is a number a `tel:` link can dial.

The form refuses one that is not, but imports keep a value as the file had it ("ask
reception"): that one is shown as text, not as a link that dials nothing.
"""

from __future__ import annotations

from django import template
from django.conf import settings

from hundred.lib.phones import is_phone_number

register = template.Library()


@register.filter
def is_phone(value: str) -> bool:
    return is_phone_number(str(value), settings.DEFAULT_PHONE_REGION)
