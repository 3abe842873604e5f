"""Text folded for searching: case, accents, apostrophes and hyphens set aside, so "jose"
finds "José" and "obrien" finds "O'Brien-Smith"."""

from __future__ import annotations

import unicodedata

# Dropped, not made spaces: a search word is looked for inside the folded text, so "obrien",
# "o'brien", "brien smith" and "obrien-smith" all find "O'Brien-Smith" ("obriensmith").
# Apostrophes (typed, typographic, the modifier letter, the acute accent used as one) and
# hyphens (typed, Unicode's two, the soft one); a dash between words (–, —) stays a separator.
_DROPPED = str.maketrans(dict.fromkeys("'\u2019\u2018\u02bc\u00b4`-\u2010\u2011\u00ad"))


def fold(text: str) -> str:
    """'  José  GARCÍA ' -> 'jose garcia': case-folded, accents off, spaces tidied;
    "O'Brien-Smith" -> 'obriensmith': apostrophes and hyphens dropped.

    Letters that do not decompose (ø, ł, æ) stay as they are; ß becomes ss.
    """
    text = text.translate(_DROPPED)
    if text.isascii():  # most text is: decomposing it changes nothing, and costs
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_DROPPED)
    return " ".join(plain.split())
