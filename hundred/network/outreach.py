"""Outreach messages: default templates and placeholder filling (pure: data in, text out).

Placeholders are `{first_name}`, `{how_we_know}`, `{pitch}`, `{short_pitch}`, `{introducer}`
and `{my_name}`. Anything else in braces is left as typed, so a stray `{` never breaks a message.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from hundred.lib.names import greeting_name

PLACEHOLDERS = ("first_name", "how_we_know", "pitch", "short_pitch", "introducer", "my_name")
_PLACEHOLDER = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")

# LinkedIn limits the note on a connection request to 300 characters on paid accounts and to
# 200 on free ones. The default note, and {short_pitch}, fit the smaller.
LINKEDIN_NOTE_LIMIT = 300
LINKEDIN_FREE_NOTE_LIMIT = 200

# One sentence per way of knowing someone, written to open a message naturally.
HOW_WE_KNOW = {
    "colleague": "It's been a while since we worked together.",
    "classmate": "It's been a while since our time as classmates.",
    "friend": "I hope all is well with you.",
    "family": "I hope all is well with you and the family.",
    "neighbour": "It was good to see you around the neighbourhood.",
    "community": "It's always good to see you at our get-togethers.",
    "service": "Thank you again for your help last time.",
    "introduced": "{introducer} suggested I get in touch with you.",
    "linkedin": "We're connected on LinkedIn.",
    "other": "I hope you're well.",
}


@dataclass(frozen=True)
class DefaultTemplate:
    key: str
    name: str
    channel: str
    subject: str
    body: str


DEFAULT_TEMPLATES = (
    DefaultTemplate(
        key="email",
        name="E-mail: 15–20 minutes of advice",
        channel="email",
        subject="15–20 minutes of your advice?",
        body=(
            "Hi {first_name},\n\n"
            "{how_we_know} I'm researching my next step, and I'd value your perspective. "
            "{pitch}\n\n"
            "Could I have 15–20 minutes of your time in the next couple of weeks? I'd love your "
            "advice, and the names of any people or companies you think I should learn about.\n\n"
            "Thank you,\n{my_name}"
        ),
    ),
    DefaultTemplate(
        key="linkedin",
        name="LinkedIn note",
        channel="linkedin",
        subject="",
        body=(
            "Hi {first_name}, {how_we_know} {short_pitch} Could I have 15–20 minutes of your "
            "advice? Thanks, {my_name}"
        ),
    ),
    DefaultTemplate(
        key="phone",
        name="Phone script",
        channel="phone",
        subject="",
        body=(
            "Hi {first_name}, it's {my_name}. {how_we_know}\n"
            "I'm doing some research for my next step. {pitch}\n"
            "Could I have 15–20 minutes of your advice sometime in the next two weeks — which "
            "companies and people you think I should learn about? When would suit you?"
        ),
    ),
)


def default_template(key: str) -> DefaultTemplate | None:
    return next((t for t in DEFAULT_TEMPLATES if t.key == key), None)


@dataclass(frozen=True)
class Recipient:
    """What a message needs to know about the person it goes to."""

    first_name: str
    how_known: str
    introducer: str = ""


def placeholder_values(recipient: Recipient, *, pitch: str, my_name: str) -> dict[str, str]:
    introducer = recipient.introducer or "A friend"
    how = HOW_WE_KNOW.get(recipient.how_known, HOW_WE_KNOW["other"])
    if recipient.how_known == "introduced" and not recipient.introducer:
        how = "A friend suggested I get in touch with you."
    return {
        # The greeting's name, without the emoji or headline a profile name may carry.
        "first_name": greeting_name(recipient.first_name) or "there",
        "how_we_know": how.replace("{introducer}", introducer),
        "pitch": pitch.strip(),
        # Fitted to the message it goes into, by fill().
        "short_pitch": "",
        "introducer": recipient.introducer,
        "my_name": my_name,
    }


def _fill(text: str, values: dict[str, str]) -> str:
    filled = _PLACEHOLDER.sub(lambda m: values.get(m.group(1), ""), text)
    filled = re.sub(r"[ \t]{2,}", " ", filled)
    filled = re.sub(r"[ \t]+\n", "\n", filled)
    return filled.strip()


def fill(
    text: str,
    values: dict[str, str],
    shorten: Callable[[int], str] | None = None,
    limit: int = LINKEDIN_FREE_NOTE_LIMIT,
) -> str:
    """Replace the known placeholders; tidy the spaces an empty one leaves behind.

    `{short_pitch}` is `shorten(n)`: the pitch in at most n characters, n chosen so that the
    whole message stays within `limit` characters (nothing when no shortening fits, or when
    there is no `shorten`).

    >>> fill("Hi {first_name}, {pitch}", {"first_name": "Ann", "pitch": ""})
    'Hi Ann,'
    >>> fill("Hi Ann, {short_pitch} Talk?", {}, lambda n: "I do sums." if n >= 10 else "", 25)
    'Hi Ann, I do sums. Talk?'
    """
    values = {**values, "short_pitch": ""}
    without = _fill(text, values)
    uses = len(re.findall(r"\{short_pitch\}", text))
    if not uses or shorten is None:
        return without
    # Each short pitch takes its length and a space; try shorter until the whole fits.
    budget = (limit - len(without)) // uses - 1
    while budget > 0:
        filled = _fill(text, {**values, "short_pitch": shorten(budget)})
        if len(filled) <= limit:
            return filled
        budget -= 1
    return without


@dataclass(frozen=True)
class NoteLength:
    """How a LinkedIn note's length stands against the free (200) and paid (300) limits."""

    length: int
    over: tuple[int, ...]  # the limits it is over, smaller first
    message: str


def note_length(text: str) -> NoteLength:
    """Count a LinkedIn note as LinkedIn does, in characters (line breaks as one), and say
    which limits it is over. static/hundred/compose.js writes the same sentences as you type.

    >>> note_length("x" * 250).message
    'LinkedIn note: 250 characters — over 200, too long for free LinkedIn accounts; within 300 for paid ones.'
    """  # noqa: E501
    length = len(text.replace("\r\n", "\n"))
    free, paid = LINKEDIN_FREE_NOTE_LIMIT, LINKEDIN_NOTE_LIMIT
    if length > paid:
        message = (
            f"LinkedIn note: {length} characters — over {paid}, too long for LinkedIn, "
            f"paid accounts ({paid}) and free ones ({free})."
        )
        return NoteLength(length, (free, paid), message)
    if length > free:
        message = (
            f"LinkedIn note: {length} characters — over {free}, too long for free LinkedIn "
            f"accounts; within {paid} for paid ones."
        )
        return NoteLength(length, (free,), message)
    message = f"LinkedIn note: {length} of {free} characters — fits free and paid accounts."
    return NoteLength(length, (), message)


def mailto_url(emails: list[str], subject: str, body: str) -> str:
    """A mailto: link that opens the user's mail app with the message written."""
    to = ",".join(quote(e, safe="@") for e in emails)
    # RFC 6068: line breaks in a mailto body are CRLF.
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return f"mailto:{to}?subject={quote(subject)}&body={quote(body)}"
