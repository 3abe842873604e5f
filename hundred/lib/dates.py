"""Business-day arithmetic: the one place Hundred counts working days.

A business day is Monday to Friday and not one of the account's holidays. Everything here works
on plain dates; turning an aware datetime into the account's local date is the caller's job.
"""

import re
from collections.abc import Collection
from datetime import date, datetime, timedelta

__all__ = [
    "add_business_days",
    "business_days_between",
    "is_business_day",
    "next_business_day",
    "parse_holidays",
]

_ONE_DAY = timedelta(days=1)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _require_date(value: object, name: str) -> None:
    # A datetime is a date subclass, but it never equals a date, so holiday lookups would
    # silently miss and the time of day would leak into due dates: refuse it loudly instead.
    if isinstance(value, datetime) or not isinstance(value, date):
        raise TypeError(
            f"{name} must be a date, not {type(value).__name__}; "
            "convert it to the account's local date first."
        )


def is_business_day(d: date, holidays: Collection[date] = ()) -> bool:
    """Say whether d is a Monday to Friday that is not a holiday."""
    _require_date(d, "d")
    return d.weekday() < 5 and d not in holidays


def next_business_day(d: date, holidays: Collection[date] = ()) -> date:
    """Return the first business day strictly after d (Friday -> Monday)."""
    return add_business_days(d, 1, holidays)


def add_business_days(d: date, n: int, holidays: Collection[date] = ()) -> date:
    """Return the n-th business day after d; with n == 0, d itself or the next business day.

    The result is always a business day, so a due date computed here is a day one can act on:
    add_business_days(Fri, 1) is Monday, add_business_days(Sat, 0) is Monday too.
    Negative n is refused: nothing in Hundred counts business days backwards.
    """
    _require_date(d, "d")
    if n < 0:
        raise ValueError(f"n must be zero or more, not {n}; counting backwards is not supported.")
    lookup = frozenset(holidays)
    if n == 0:
        while not is_business_day(d, lookup):
            d += _ONE_DAY
        return d
    while n:
        d += _ONE_DAY
        if is_business_day(d, lookup):
            n -= 1
    return d


def business_days_between(a: date, b: date, holidays: Collection[date] = ()) -> int:
    """Count the business days after a up to and including b; negative when b is before a.

    business_days_between(a, add_business_days(a, n)) == n for every n >= 1.
    """
    _require_date(a, "a")
    _require_date(b, "b")
    if b < a:
        return -business_days_between(b, a, holidays)
    lookup = frozenset(holidays)
    return sum(is_business_day(a + timedelta(days=i), lookup) for i in range(1, (b - a).days + 1))


def parse_holidays(text: str) -> list[date]:
    """Read the holidays setting, one YYYY-MM-DD date a line, '#' starting a comment.

    Returns the dates sorted, each once. A line that is not a date raises ValueError with a
    sentence naming the line, e.g. 'Line 3 ("2026-13-01") is not a date; ...'.
    """
    found: set[date] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        entry = raw.split("#", 1)[0].strip()
        if not entry:
            continue
        # date.fromisoformat also takes forms like 20261225 or 2026-W52-5; a settings field
        # that people read back should hold one plain spelling.
        day = None
        if _ISO_DATE.fullmatch(entry):
            try:
                day = date.fromisoformat(entry)
            except ValueError:
                pass
        if day is None:
            raise ValueError(
                f'Line {number} ("{entry}") is not a date; write one date a line '
                "as YYYY-MM-DD, for example 2026-12-25."
            )
        found.add(day)
    return sorted(found)
