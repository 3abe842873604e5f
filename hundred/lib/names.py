"""One way to split a full name into first and last, for forms, imports, quick add and debriefs.

Pure. Nothing typed is lost but titles: middle names stay with the first name and suffixes with
the last, so "Ann Marie Lee" reads the same whether it was typed, imported or named in a debrief.
"""

from __future__ import annotations

import re
import unicodedata

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


# Titles that do not go with a first name in a greeting: "Hi Dr. Ana," reads wrong, "Hi Ana," not.
_TITLES = {"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "sir", "dame", "rev"}
# Credentials written after a name without a comma ("Ana MBA"), spelled as people write them.
_CREDENTIALS = {
    "PhD", "Ph.D.", "MBA", "MD", "M.D.", "CPA", "CFA", "PMP", "MSc", "BSc", "MA", "BA", "MPH",
    "JD", "RN", "PE", "Esq", "Esq.", "CISSP", "SHRM-CP", "SHRM-SCP", "DDS", "LLM", "MS", "BS",
}  # fmt: skip
# What may stand inside a name besides letters and their marks: a space, an apostrophe, a
# hyphen, a period (initials), a middle dot (Catalan "l·l", Japanese "・").
_NAME_PUNCTUATION = set(" '’-‐.·・")
_ZWNJ, _ZWJ = "\u200c", "\u200d"


def _is_name_char(text: str, i: int) -> bool:
    ch = text[i]
    category = unicodedata.category(ch)
    if category.startswith("L") or ch in _NAME_PUNCTUATION or ch == _ZWNJ:
        return True
    if category in ("Mn", "Mc"):
        # Accents and vowel signs are part of the letter; variation selectors turn the
        # character before them into an emoji.
        return not ("\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef")
    if ch == _ZWJ:
        # Joins letters in some scripts (Malayalam, Sinhala), and emoji into one picture.
        return 0 < i < len(text) - 1 and all(
            unicodedata.category(text[j])[0] in "LM" for j in (i - 1, i + 1)
        )
    return False


def _segments(text: str) -> list[str]:
    """The runs of name characters, split at anything else: an emoji, a symbol, a digit, a
    bracket, a pipe, a comma, a dash between spaces — what starts a headline or a decoration."""
    marked = "".join(ch if _is_name_char(text, i) else "\0" for i, ch in enumerate(text))
    marked = re.sub(r"\s[-‐]+(?=\s|$)", "\0", marked)
    return marked.split("\0")


def _plain_letter(ch: str) -> str:
    # Styled letters (mathematical bold "𝐓", full-width "Ｔ") read as the plain letter.
    if unicodedata.category(ch).startswith("L"):
        return unicodedata.normalize("NFKC", ch)
    return ch


def greeting_name(first_name: str) -> str:
    """The first name to greet someone by: without emoji, symbols, a headline after a pipe or
    a comma, a title before it or credentials after it. '' when no name is left.

    The stored name keeps what was typed; this is for "Hi …,".

    >>> greeting_name("Tobi 🚀")
    'Tobi'
    >>> greeting_name("Sam | Hiring")
    'Sam'
    >>> greeting_name("Dr. Ana ✨")
    'Ana'
    >>> greeting_name("Zoë")
    'Zoë'
    """
    text = unicodedata.normalize("NFC", first_name)
    text = "".join(_plain_letter(ch) for ch in text)
    # A hashtag or a handle ("#OpenToWork", "@tobi") is a label, wherever it stands.
    text = re.sub(r"[#@]\w+", "\0", text)
    for segment in _segments(text):
        words = [w.strip("'’-‐·・") for w in segment.split()]
        words = [w.lstrip(".") for w in words if w.strip(".'’-‐·・")]
        if not any(any(c.isalpha() for c in w) for w in words):
            continue
        while words and words[0].rstrip(".").casefold() in _TITLES:
            words = words[1:]
        while len(words) > 1 and words[-1] in _CREDENTIALS:
            words = words[:-1]
        # A segment of nothing but a title ("Dr. 🩺") names nobody; a headline after it is
        # not a name either.
        return unicodedata.normalize("NFC", " ".join(words))
    return ""
