"""The one entry point for imports: parse(kind, bytes) -> ParseResult, or UnsupportedFile."""

from __future__ import annotations

from hundred.transfer.formats.generic_csv import (
    MAPPABLE_FIELDS,
    csv_headers,
    parse_csv,
    parse_generic_csv,
    suggest_mapping,
)
from hundred.transfer.formats.google import parse_google
from hundred.transfer.formats.linkedin import parse_linkedin
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

_PARSERS = {
    "linkedin": parse_linkedin,
    "google": parse_google,
    "outlook": parse_outlook,
    "vcard": parse_vcard,
}


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
    if kind == "csv":
        return parse_csv(data, default_region=default_region, limits=limits, mapping=mapping)
    return _PARSERS[kind](data, default_region=default_region, limits=limits)


__all__ = [
    "DEFAULT_LIMITS",
    "KINDS",
    "MAPPABLE_FIELDS",
    "Limits",
    "ParseResult",
    "UnsupportedFile",
    "csv_headers",
    "parse",
    "parse_generic_csv",
    "sniff_kind",
    "suggest_mapping",
]
