"""Object ids in URLs: digits that fit the database's integer, or no match at all."""

from __future__ import annotations

# Every id column is a 64-bit signed integer (BigAutoField; SQLite's INTEGER): a larger number
# names no row. Passed on to SQLite it raised OverflowError, a 500 instead of a 404.
MAX_ID = 2**63 - 1


def is_id(number: int) -> bool:
    """Whether `number` could be a row's id: a query with a larger one fails on SQLite
    (OverflowError) rather than finding nothing."""
    return 0 <= number <= MAX_ID


class IdConverter:
    """The URL converter `<id:pk>`: `<int:pk>`, except that a number past MAX_ID does not
    match, so Django answers 404 before any view or query sees it."""

    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not is_id(number):
            raise ValueError(f"{value} is past the largest id")  # Django: this route fails
        return number

    def to_url(self, value: int) -> str:
        return str(value)
