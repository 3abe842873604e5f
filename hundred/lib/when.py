"""Dates and times as a person reads them: "Tue 1 Dec", "Tue 1 Dec, 10:00".

Fixed English names, not strftime's %a and %b, which follow the process locale. The year is
added only when it is not the one the reader is in, so near dates stay short.
"""

from datetime import date, datetime, tzinfo

__all__ = ["day", "moment"]

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day(d: date, this_year: int | None = None) -> str:
    """'Tue 1 Dec', or 'Fri 1 Jan 2027' when this_year is given and differs from d's year."""
    if isinstance(d, datetime):
        raise TypeError("day() takes a date; use moment() for a datetime.")
    text = f"{_WEEKDAYS[d.weekday()]} {d.day} {_MONTHS[d.month - 1]}"
    return f"{text} {d.year}" if this_year is not None and this_year != d.year else text


def moment(at: datetime, tz: tzinfo, this_year: int | None = None) -> str:
    """An aware datetime at its local time in tz: 'Tue 1 Dec, 10:00'.

    >>> from datetime import UTC
    >>> from zoneinfo import ZoneInfo
    >>> moment(datetime(2026, 12, 1, 9, 0, tzinfo=UTC), ZoneInfo("Europe/Paris"))
    'Tue 1 Dec, 10:00'
    """
    if at.tzinfo is None:
        raise ValueError("moment() needs an aware datetime: a naive one has no local time.")
    local = at.astimezone(tz)
    return f"{day(local.date(), this_year)}, {local:%H:%M}"
