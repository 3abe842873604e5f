"""What a "how to reach them" written in a hurry is: an e-mail address, a phone number or a
web address — or none of them, which must not be filed as any."""

from __future__ import annotations

import re

EMAIL, PHONE, WEB = "email", "phone", "web"

_EMAIL = re.compile(r"^(?:mailto:)?[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;.]+$", re.I)
# Digits with the separators people type ("+1 (617) 555-0100", "030/123 4567"), and an
# extension after them ("ext. 12", "x12", "#12").
_PHONE = re.compile(r"^(?:tel:)?\+?[\d\s().\-/]+(?:\s*(?:ext\.?|x|#)\s*\d{1,6})?$", re.I)
_WEB = re.compile(r"^(?:https?://|www\.|(?:[a-z0-9-]+\.)*linkedin\.com/)\S+$", re.I)
# Fewer digits is no number anyone can call; more is not one phone number.
_PHONE_DIGITS = range(5, 18)


def reach_kind(text: str) -> str:
    """EMAIL, PHONE or WEB, or "" when `text` is none of them.

    >>> reach_kind("ann@harbor.org"), reach_kind("+1 617 555 0100"), reach_kind("not-a-reach")
    ('email', 'phone', '')
    """
    text = text.strip()
    if _EMAIL.match(text):
        return EMAIL
    if _WEB.match(text):
        return WEB
    if _PHONE.match(text) and len(re.sub(r"\D", "", text.split("x")[0])) in _PHONE_DIGITS:
        return PHONE
    return ""


def without_mailto(email: str) -> str:
    """'mailto:ann@harbor.org' -> 'ann@harbor.org'."""
    email = email.strip()
    return email[7:] if email[:7].lower() == "mailto:" else email
