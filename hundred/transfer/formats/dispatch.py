"""The one entry point for imports: parse(kind, bytes) -> ParseResult, or UnsupportedFile."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from hundred.transfer.formats.collector import collector_paused
from hundred.transfer.formats.generic_csv import (
    MAPPABLE_FIELDS,
    csv_headers,
    parse_csv,
    parse_generic_csv,
    suggest_mapping,
)
from hundred.transfer.formats.google import parse_google
from hundred.transfer.formats.lengths import fit_all
from hundred.transfer.formats.linkedin_history import parse_export as parse_linkedin_export
from hundred.transfer.formats.outlook import parse_outlook
from hundred.transfer.formats.records import (
    DEFAULT_LIMITS,
    KINDS,
    Limits,
    ParseResult,
    UnsupportedFile,
)
from hundred.transfer.formats.sniffing import sniff_kind
from hundred.transfer.formats.textfile import check_size
from hundred.transfer.formats.vcard import parse_vcard

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

UNREADABLE = (
    "Hundred could not read this file: check that it is the export you meant, save it again "
    "(as CSV UTF-8 or vCard) and import that; the problem has been logged for the maintainers."
)


def never_crashes(fn: Callable[P, R]) -> Callable[P, R]:
    """The last guard: any error a parser did not turn into a sentence becomes one, and is logged.

    Each format refuses what it knows is wrong where it reads the bytes (damaged zips, bad
    quotes, cut-off vCards) with advice for that case. This catch-all is for what nobody
    foresaw, mostly inside libraries whose errors are not documented (vobject, email-validator,
    phonenumbers): a user's file must never give a 500 or a traceback, and the log keeps the
    bug visible so it gets its own sentence.
    """

    @functools.wraps(fn)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except UnsupportedFile:
            raise
        except Exception:  # noqa: BLE001 - the point of this guard; RecursionError included
            log.exception("unexpected error while parsing an import (%s)", fn.__name__)
            raise UnsupportedFile(UNREADABLE) from None

    return guarded


_PARSERS = {
    # LinkedIn's export: linkedin.py's files, and the history files (linkedin_history.py).
    "linkedin": parse_linkedin_export,
    "google": parse_google,
    "outlook": parse_outlook,
    "vcard": parse_vcard,
}


def headers_of(data: bytes) -> list[str]:
    """csv_headers for the web's mapping step, under the same last guard as parse."""
    return never_crashes(csv_headers)(data)


@never_crashes
def parse(
    kind: str,
    data: bytes,
    *,
    filename: str = "",
    default_region: str = "US",
    limits: Limits = DEFAULT_LIMITS,
    mapping: dict[str, str] | None = None,
) -> ParseResult:
    """Read an export of the given kind; 'csv' takes a column mapping or guesses one."""
    if kind not in KINDS:
        raise UnsupportedFile(
            f"Hundred does not import “{kind}” files: choose one of {', '.join(KINDS)}."
        )
    check_size(data, limits)
    if not data.strip():
        raise UnsupportedFile(
            "The file is empty: export your contacts again and choose the file that has them."
        )
    default_region = default_region.upper()  # phonenumbers knows 'GB', not 'gb'
    with collector_paused():
        if kind == "csv":
            result = parse_csv(data, default_region=default_region, limits=limits, mapping=mapping)
        else:
            result = _PARSERS[kind](data, default_region=default_region, limits=limits)
        # Values longer than their column are cut here, for every format, and said so.
        result.warnings += fit_all(result.people, result.companies)
        return result


__all__ = [
    "DEFAULT_LIMITS",
    "KINDS",
    "MAPPABLE_FIELDS",
    "Limits",
    "ParseResult",
    "UnsupportedFile",
    "csv_headers",
    "headers_of",
    "parse",
    "parse_generic_csv",
    "sniff_kind",
    "suggest_mapping",
]
