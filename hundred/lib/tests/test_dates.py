from datetime import date, datetime

import pytest

from hundred.lib.dates import (
    add_business_days,
    business_days_between,
    is_business_day,
    next_business_day,
    parse_holidays,
)

# November 2026: Mon 2, Fri 6, Sat 7, Sun 8, Mon 9. Christmas 2026 is a Friday.
MON = date(2026, 11, 2)
TUE = date(2026, 11, 3)
FRI = date(2026, 11, 6)
SAT = date(2026, 11, 7)
SUN = date(2026, 11, 8)
NEXT_MON = date(2026, 11, 9)
CHRISTMAS = date(2026, 12, 25)
BOXING_DAY_OBSERVED = date(2026, 12, 28)  # a Monday
HOLIDAYS = (CHRISTMAS, BOXING_DAY_OBSERVED)


@pytest.mark.parametrize(
    "d, holidays, expected",
    [
        (MON, (), True),
        (FRI, (), True),
        (SAT, (), False),
        (SUN, (), False),
        (CHRISTMAS, (), True),
        (CHRISTMAS, HOLIDAYS, False),
        (date(2026, 12, 24), HOLIDAYS, True),
    ],
)
def test_is_business_day(d: date, holidays: tuple[date, ...], expected: bool) -> None:
    assert is_business_day(d, holidays) is expected


@pytest.mark.parametrize(
    "start, n, holidays, expected",
    [
        # n == 0 keeps a business day and moves a weekend day forward.
        (TUE, 0, (), TUE),
        (SAT, 0, (), NEXT_MON),
        (SUN, 0, (), NEXT_MON),
        (CHRISTMAS, 0, HOLIDAYS, date(2026, 12, 29)),
        (MON, 1, (), TUE),
        (FRI, 1, (), NEXT_MON),
        (SAT, 1, (), NEXT_MON),
        (SUN, 1, (), NEXT_MON),
        (TUE, 5, (), date(2026, 11, 10)),
        (FRI, 5, (), date(2026, 11, 13)),
        (MON, 10, (), date(2026, 11, 16)),
        # Thu 24 Dec + 1 skips Christmas (Fri), the weekend and the observed Boxing Day (Mon).
        (date(2026, 12, 24), 1, HOLIDAYS, date(2026, 12, 29)),
        (date(2026, 12, 24), 1, (), CHRISTMAS),
        (date(2026, 12, 23), 5, HOLIDAYS, date(2027, 1, 1)),
        # Across a year end: Wed 30 Dec + 3 with New Year's Day off.
        (date(2026, 12, 30), 3, (date(2027, 1, 1),), date(2027, 1, 5)),
    ],
)
def test_add_business_days(start: date, n: int, holidays: tuple[date, ...], expected: date) -> None:
    assert add_business_days(start, n, holidays) == expected


def test_add_business_days_accepts_any_collection_of_holidays() -> None:
    as_list = add_business_days(date(2026, 12, 24), 1, [CHRISTMAS])
    as_set = add_business_days(date(2026, 12, 24), 1, {CHRISTMAS})
    assert as_list == as_set == date(2026, 12, 28)


def test_add_business_days_refuses_negative_n() -> None:
    with pytest.raises(ValueError, match="zero or more"):
        add_business_days(TUE, -1)


@pytest.mark.parametrize(
    "d, holidays, expected",
    [
        (MON, (), TUE),
        (FRI, (), NEXT_MON),
        (SAT, (), NEXT_MON),
        (date(2026, 12, 24), HOLIDAYS, date(2026, 12, 29)),
    ],
)
def test_next_business_day(d: date, holidays: tuple[date, ...], expected: date) -> None:
    assert next_business_day(d, holidays) == expected


@pytest.mark.parametrize(
    "a, b, holidays, expected",
    [
        (TUE, TUE, (), 0),
        (MON, TUE, (), 1),
        (FRI, SAT, (), 0),
        (FRI, NEXT_MON, (), 1),
        (SAT, NEXT_MON, (), 1),
        (TUE, date(2026, 11, 10), (), 5),
        (TUE, date(2026, 11, 9), (), 4),
        (date(2026, 12, 24), date(2026, 12, 29), HOLIDAYS, 1),
        (date(2026, 12, 24), date(2026, 12, 29), (), 3),
        # b before a counts the other way.
        (date(2026, 11, 10), TUE, (), -5),
        (NEXT_MON, FRI, (), -1),
    ],
)
def test_business_days_between(a: date, b: date, holidays: tuple[date, ...], expected: int) -> None:
    assert business_days_between(a, b, holidays) == expected


@pytest.mark.parametrize("start", [MON, TUE, FRI, SAT, SUN, date(2026, 12, 24)])
@pytest.mark.parametrize("n", [1, 2, 5, 7, 23])
def test_between_undoes_add(start: date, n: int) -> None:
    assert business_days_between(start, add_business_days(start, n, HOLIDAYS), HOLIDAYS) == n


@pytest.mark.parametrize(
    "call",
    [
        lambda: is_business_day(datetime(2026, 11, 3, 9, 0)),
        lambda: add_business_days(datetime(2026, 11, 3, 9, 0), 1),
        lambda: business_days_between(TUE, datetime(2026, 11, 10, 9, 0)),
        lambda: next_business_day("2026-11-03"),
    ],
)
def test_datetimes_and_strings_are_refused(call) -> None:
    with pytest.raises(TypeError, match="must be a date"):
        call()


def test_parse_holidays_reads_dates_comments_and_blank_lines() -> None:
    text = """
    # Public holidays, Massachusetts
    2026-12-25   # Christmas
    2026-11-26
      2027-01-01
    2026-12-25
    """
    assert parse_holidays(text) == [date(2026, 11, 26), CHRISTMAS, date(2027, 1, 1)]


@pytest.mark.parametrize("text", ["", "   \n\n", "# none this year\n"])
def test_parse_holidays_empty_setting(text: str) -> None:
    assert parse_holidays(text) == []


def test_parse_holidays_handles_windows_line_ends() -> None:
    assert parse_holidays("2026-12-25\r\n2027-01-01\r\n") == [CHRISTMAS, date(2027, 1, 1)]


@pytest.mark.parametrize(
    "text, line, shown",
    [
        ("2026-12-25\n2026-13-01\n", 2, "2026-13-01"),
        ("2026-02-30", 1, "2026-02-30"),
        ("# header\n\nChristmas\n", 3, "Christmas"),
        ("25/12/2026", 1, "25/12/2026"),
        ("20261225", 1, "20261225"),
        ("2026-W52-5", 1, "2026-W52-5"),
        ("2026-12-25 2027-01-01", 1, "2026-12-25 2027-01-01"),
    ],
)
def test_parse_holidays_names_the_bad_line(text: str, line: int, shown: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_holidays(text)
    message = str(caught.value)
    assert message.startswith(f'Line {line} ("{shown}") is not a date;')
    assert "YYYY-MM-DD" in message
