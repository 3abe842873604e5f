"""The keys that say two records are one person: a LinkedIn profile, an e-mail, a name."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote, unquote

from cleanco import basename

# Any subdomain (www., m., uk., de., ...) and any scheme or none; the slug is the first path
# segment after /in/, so locale suffixes (/en), sub-pages and queries fall away.
_PROFILE = re.compile(r"^(?:https?://)?(?:[a-z0-9-]+\.)*linkedin\.com/in/([^/?#\s]+)", re.I)


# Apostrophes and dots vanish rather than split a name: O'Neil and ONeil, J.R. and JR meet.
_DROP = re.compile(r"['’`.]")


_NON_ALNUM = re.compile(r"[\W_]+")


def normalise_email(s: str) -> str:
    """The form two addresses are compared in: 'Jane@Example.COM ' -> 'jane@example.com'."""
    s = s.strip()
    if s[:7].lower() == "mailto:":
        s = s[7:]
    return s.strip().casefold()


def normalise_linkedin_url(s: str) -> str:
    """'http://uk.linkedin.com/in/Jane-Doe/?trk=x' -> 'https://www.linkedin.com/in/jane-doe'."""
    # vCard writers escape the colon (http\://); unescape before matching.
    m = _PROFILE.match(s.strip().replace("\\:", ":"))
    if not m:
        return ""
    # LinkedIn profile slugs are case-insensitive; percent-encode one canonical way.
    slug = unquote(m.group(1)).strip().lower()
    if not slug:
        return ""
    return "https://www.linkedin.com/in/" + quote(slug, safe="-_.~")


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
    # A company called only "Inc" or "Co" would vanish; keep it rather than match everyone.
    return fold(base) or fold(company)


def name_org_key(first: str, last: str, company: str) -> str:
    """The third matching key: folded full name plus cleaned company; '' without a name."""
    name = fold(f"{first} {last}")
    if not name:
        return ""
    return f"{name}|{company_key(company) if company else ''}"
