"""How the ask-checker's patterns are written: plain spaces and apostrophes, read loosely.

Patterns are written with plain spaces and plain apostrophes for readability; `rx` turns every
space into "any run of whitespace" (so a phrase may be wrapped across lines) and every
apostrophe into "any apostrophe" (typewriter, curly, modifier letter, backtick), inside
character classes too. A space marked optional, " ?", is any run of whitespace or none ("need a
nurse" and "need nurses" alike).
"""

from __future__ import annotations

import re

_APOSTROPHES = "'\u2019\u2018\u02bc`"


def rx(pattern: str) -> re.Pattern[str]:
    """A readable pattern compiled, case-insensitive, with loose spaces and apostrophes."""
    out: list[str] = []
    in_class = escaped = skip = False
    for i, char in enumerate(pattern):
        if skip:
            skip = False
        elif escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif char == "'":
            out.append(_APOSTROPHES if in_class else f"[{_APOSTROPHES}]")
        elif char == " " and not in_class and pattern[i + 1 : i + 2] == "?":
            out.append(r"\s*")
            skip = True
        elif char == " " and not in_class:
            out.append(r"\s+")
        else:
            if char == "[" and not in_class:
                in_class = True
            elif char == "]" and in_class and out[-1] != "[":
                in_class = False
            out.append(char)
    return re.compile("".join(out), re.IGNORECASE)
