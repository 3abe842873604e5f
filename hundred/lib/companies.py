"""One company under its many spellings: the key "Northwind Analytics, Inc." and "Northwind
Analytics" share, used wherever a company is found or made from a name (imports, forms, the
API, debriefs) and by the duplicates review."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from cleanco import basename

# Apostrophes and dots vanish rather than split a name: O'Neil and ONeil, J.R. and JR meet.
_DROP = re.compile(r"['’`.]")
_NON_ALNUM = re.compile(r"[\W_]+")


def fold(s: str) -> str:
    """Accents, case, punctuation and emoji gone: 'José  O'Neil 🚀' -> 'jose oneil'."""
    if not s.isascii():  # most names are: skip the costly decomposition for them
        s = unicodedata.normalize("NFKD", s)
        s = "".join(c for c in s if not unicodedata.combining(c))
    return _NON_ALNUM.sub(" ", _DROP.sub("", s.casefold())).strip()


@lru_cache(maxsize=65536)
def company_key(company: str) -> str:
    """'Northwind Analytics, Inc.' -> 'northwind analytics' (legal suffixes dropped by cleanco)."""
    base = basename(company.strip())
    # A company called only "Inc" or "Co" would vanish; keep it rather than match everyone
    # (and a name of punctuation alone, "—", is its own key).
    return fold(base) or fold(company) or company.strip().casefold()
