from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from hundred.lib.when import day, moment

PARIS = ZoneInfo("Europe/Paris")
NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    "d, this_year, expected",
    [
        (date(2026, 12, 1), None, "Tue 1 Dec"),
        (date(2026, 12, 1), 2026, "Tue 1 Dec"),
        (date(2027, 1, 1), 2026, "Fri 1 Jan 2027"),
        (date(2026, 9, 22), 2026, "Tue 22 Sep"),
    ],
)
def test_day(d: date, this_year: int | None, expected: str) -> None:
    assert day(d, this_year) == expected


@pytest.mark.parametrize(
    "at, tz, this_year, expected",
    [
        (datetime(2026, 12, 1, 10, 0, tzinfo=UTC), UTC, 2026, "Tue 1 Dec, 10:00"),
        (datetime(2026, 12, 1, 9, 0, tzinfo=UTC), PARIS, 2026, "Tue 1 Dec, 10:00"),
        # The local day, not the UTC one: 02:30 UTC is still Monday evening in New York.
        (datetime(2026, 12, 1, 2, 30, tzinfo=UTC), NEW_YORK, 2026, "Mon 30 Nov, 21:30"),
        (datetime(2027, 1, 4, 8, 5, tzinfo=UTC), UTC, 2026, "Mon 4 Jan 2027, 08:05"),
    ],
)
def test_moment(at: datetime, tz, this_year: int, expected: str) -> None:
    assert moment(at, tz, this_year) == expected


def test_it_refuses_what_it_cannot_place() -> None:
    with pytest.raises(TypeError):
        day(datetime(2026, 12, 1, 10, 0))  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        moment(datetime(2026, 12, 1, 10, 0), UTC)
