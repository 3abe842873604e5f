"""One way to split a full name into first and last, for forms, imports, quick add and debriefs.

Pure. Nothing typed is lost but titles: middle names stay with the first name and suffixes with
the last, so "Ann Marie Lee" reads the same whether it was typed, imported or named in a debrief.
"""

from __future__ import annotations

from nameparser import HumanName


def split_name(full: str) -> tuple[str, str]:
    """Split a full name: 'Ann Marie Lee' -> ('Ann Marie', 'Lee').

    >>> split_name("Lee, Ann")
    ('Ann', 'Lee')
    >>> split_name("Dr. Jane Q. Doe Jr.")
    ('Jane Q.', 'Doe Jr.')
    >>> split_name("Cher")
    ('Cher', '')
    """
    full = " ".join(full.split())
    if not full:
        return "", ""
    parsed = HumanName(full)
    first = " ".join(p for p in (parsed.first, parsed.middle) if p)
    last = " ".join(p for p in (parsed.last, parsed.suffix) if p)
    if not first:
        return full, ""
    return first, last
