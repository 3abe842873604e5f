"""Which words a pattern cannot match without, so a rule is run only over texts that have one.

Running some eighty patterns over every message costs milliseconds; checking whether the text
holds one of a few words costs microseconds. `required_words` reads a compiled pattern's parse
tree and returns strings such that every match contains at least one of them (lower-cased), or
None when it cannot tell (then the rule always runs). It reads the tree Python's own `re` parser
builds, so what it reasons about is exactly what `re` runs.
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons name them sre_*
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

Words = frozenset[str] | None


# Words in nearly every message: a requirement holding one of them rules out almost nothing.
_COMMON = frozenset(
    "you your for with the and have has got get take come any some more work could can would"
    " will there what about this that like just know see back want help time from are was"
    " not but all out one she his her him they them our who why how did does was".split()
)


def _best(options: list[frozenset[str]]) -> Words:
    # The most selective requirement: no common or two-letter word, then the longest shortest
    # word, then the fewest words.
    if not options:
        return None
    return max(
        options,
        key=lambda s: (
            not (s & _COMMON) and min(len(w) for w in s) > 2,
            min(len(w) for w in s),
            -len(s),
        ),
    )


def _sequence(items) -> Words:
    options: list[frozenset[str]] = []
    run = ""
    for op, arg in list(items) + [(None, None)]:
        if op is _c.LITERAL:
            run += chr(arg).lower()
            continue
        if len(run) >= 2:
            options.append(frozenset({run}))
        run = ""
        if op is not None:
            found = _node(op, arg)
            if found:
                options.append(found)
    return _best(options)


def _node(op, arg) -> Words:
    if op is _c.SUBPATTERN:
        return _sequence(arg[-1])
    if op is _c.BRANCH:
        branches = [_sequence(b) for b in arg[1]]
        if any(b is None for b in branches):
            return None
        return frozenset().union(*branches)  # type: ignore[arg-type]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _high, inner = arg
        return _sequence(inner) if low >= 1 else None
    if op is _c.ATOMIC_GROUP if hasattr(_c, "ATOMIC_GROUP") else False:
        return _sequence(arg)
    return None


def required_words(pattern: re.Pattern[str]) -> Words:
    """Strings one of which every match of `pattern` contains (lower-cased), or None."""
    try:
        tree = _p.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover - a pattern re compiled always parses
        return None
    return _sequence(tree)
