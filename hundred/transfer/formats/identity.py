"""The keys that say two records are one person: a LinkedIn profile, an e-mail, a name."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote, unquote

# fold and company_key live in hundred.lib: the network app finds companies by the same key.
from hundred.lib.companies import company_key, fold

# Any subdomain (www., m., uk., de., ...) and any scheme or none; the slug is the first path
# segment after /in/, so locale suffixes (/en), sub-pages and queries fall away.
_PROFILE = re.compile(r"^(?:https?://)?(?:[a-z0-9-]+\.)*linkedin\.com/in/([^/?#\s]+)", re.I)


# A profile URL already in the one form normalise_linkedin_url gives (this prefix, then a
# slug of these characters only) is returned as it is: a URL the parser normalised costs the
# matcher two string methods, not a second parse.
_CANONICAL_PREFIX = "https://www.linkedin.com/in/"
_CANONICAL_SLUG = "abcdefghijklmnopqrstuvwxyz0123456789._~-"


def normalise_email(s: str) -> str:
    """The form two addresses are compared in: 'Jane@Example.COM ' -> 'jane@example.com'."""
    s = s.strip()
    if s[:7].lower() == "mailto:":
        s = s[7:]
    return s.strip().casefold()


def normalise_linkedin_url(s: str) -> str:
    """'http://uk.linkedin.com/in/Jane-Doe/?trk=x' -> 'https://www.linkedin.com/in/jane-doe'."""
    if (
        s.startswith(_CANONICAL_PREFIX)
        and len(s) > len(_CANONICAL_PREFIX)
        and not s[len(_CANONICAL_PREFIX) :].strip(_CANONICAL_SLUG)  # every character a slug's
    ):
        return s
    # vCard writers escape the colon (http\://); unescape before matching.
    m = _PROFILE.match(s.strip().replace("\\:", ":"))
    if not m:
        return ""
    # LinkedIn profile slugs are case-insensitive; percent-encode one canonical way.
    slug = unquote(m.group(1)).strip().lower()
    if not slug:
        return ""
    return "https://www.linkedin.com/in/" + quote(slug, safe="-_.~")


def fold_name(first: str, last: str) -> str:
    """fold(f"{first} {last}"), from the two parts folded separately and remembered: first
    names, and many last names, come back row after row."""
    a, b = _fold_part(first), _fold_part(last)
    return f"{a} {b}" if a and b else a or b


@lru_cache(maxsize=16384)
def _fold_part(s: str) -> str:
    return fold(s)


def name_key(first: str, last: str, *, folded: str | None = None) -> str:
    """The name as matching compares it: folded, '' without one.

    Two exceptions keep apart names that only look alike, which only Hundred's own CSV (it
    keeps every value exactly) brings: a name with no letter at all (`=1`, ` =1`, `＝1`) is
    compared exactly as written, and the control or invisible formatting characters a name
    begins with (a tab, a zero-width space) count.
    """
    name = fold(f"{first} {last}") if folded is None else folded
    if not name:
        return ""
    if name.replace(" ", "").isnumeric():  # fold leaves letters, digits and spaces
        return f"exact:{first}\x1f{last}"
    if first[:1].isprintable() and last[:1].isprintable():  # no control character leads
        return name
    lead = _lead(first) + "\x1f" + _lead(last)
    return name if lead == "\x1f" else f"{name}\x1f{lead}"


def _lead(s: str) -> str:
    n = 0
    while n < len(s) and unicodedata.category(s[n]) in ("Cc", "Cf"):
        n += 1
    return s[:n]


def name_org_key(first: str, last: str, company: str, *, folded: str | None = None) -> str:
    """The third matching key: the name key plus cleaned company; '' without a name.
    `folded` is fold(f"{first} {last}") when the caller has it already."""
    name = name_key(first, last, folded=folded)
    if not name:
        return ""
    return f"{name}|{company_key(company) if company else ''}"


# What people put in LinkedIn's Company column when they have no employer to name. Compared
# folded, with spaces and hyphens gone: "Self-Employed", "self employed", "SELFEMPLOYED".
_NOT_COMPANIES = frozenset(
    """selfemployed selfemploy self myself freelance freelancer freelancing freelanceconsultant
    independent independentconsultant independentcontractor independant independiente
    autonomo autonoma selbststandig selbstandig freiberufler freiberuflich zzp zelfstandige
    retired stealth stealthstartup stealthmode stealthmodestartup confidential
    confidentialcompany unemployed opentowork careerbreak sabbatical none na""".split()
)


@lru_cache(maxsize=16384)  # a Company column repeats the same few hundred names
def is_not_a_company(name: str) -> bool:
    """True for "Self-employed", "Freelance", "Retired", "Stealth", "Confidential" and the like."""
    return fold(name).replace(" ", "") in _NOT_COMPANIES
