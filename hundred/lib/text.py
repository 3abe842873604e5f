"""Text folded for searching: case and accents set aside, so "jose" finds "José"."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """'  José  GARCÍA ' -> 'jose garcia': case-folded, accents off, spaces tidied.

    Letters that do not decompose (ø, ł, æ) stay as they are; ß becomes ss.
    """
    if text.isascii():  # most text is: decomposing it changes nothing, and costs
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.split())
