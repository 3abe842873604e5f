"""Bytes to text, and text to CSV rows with their line numbers, within the limits."""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from hundred.transfer.formats.records import DEFAULT_LIMITS, Budget, Limits, UnsupportedFile

DELIMITERS = (",", ";", "\t")
# Limits.max_field_chars is the real cap on a cell, checked with the line it is on; csv's own
# (128 KiB by default) would refuse a long note in Hundred's own export, whose cells only the
# file-size cap bounds.
csv.field_size_limit(max(csv.field_size_limit(), DEFAULT_LIMITS.max_file_bytes))
# How far down a file to look for its header row (LinkedIn puts three lines of notes first).
HEADER_SCAN_ROWS = 30


def mb(n: int, *, up: bool = False) -> str:
    """Bytes for a message: 20971520 -> '20 MB', 1536 -> '1.5 KB'; up rounds up, for sizes."""
    value, unit = (n / 1024, "KB") if n < 1024 * 1024 else (n / 1024 / 1024, "MB")
    if up:  # a file one byte over 20 MB must not read as "20 MB, more than 20 MB"
        value = math.ceil(value * 10) / 10
    return f"{value:.1f}".removesuffix(".0") + " " + unit


def check_size(data: bytes, limits: Limits) -> None:
    """Refuse a file over the size cap before anything looks inside it."""
    if len(data) > limits.max_file_bytes:
        raise UnsupportedFile(
            f"The file is {mb(len(data), up=True)}, more than the {mb(limits.max_file_bytes)} "
            "Hundred reads at once: split it into smaller files and import each."
        )


def decode(data: bytes) -> str:
    """Text from UTF-8 (with or without BOM), UTF-16 (BOM, or plainly so), else cp1252.

    More than 1 % control characters in the first 64 KB is a binary file, refused; fewer are
    removed from the whole text (drop_controls).
    """
    eight_bit = False  # UTF-8, cp1252 or latin-1: one byte under 0x80 is that character
    if data.startswith(codecs.BOM_UTF8):
        text, eight_bit = _decode_utf8_or_legacy(data[3:]), True
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise UnsupportedFile(
                "The file says it is UTF-16 text but is damaged: export it again."
            ) from None
    elif (utf16 := _bomless_utf16(data)) is not None:
        text = utf16
    else:
        text, eight_bit = _decode_utf8_or_legacy(data), True
    if not text.strip():
        raise UnsupportedFile(
            "The file is empty: export your contacts again and choose the file that has them."
        )
    if _looks_binary(text):
        raise UnsupportedFile(
            "This is not a text file (it looks like a picture, a spreadsheet workbook or "
            "another binary file): export your contacts as CSV or vCard and import that."
        )
    # A few stray control characters in a text file are dropped, wherever they are, so every
    # field of every format is stored the same on SQLite and PostgreSQL.
    if eight_bit and not _has_control_bytes(data):
        return text  # nothing to drop: the text has none either
    return drop_controls(text)


def _decode_utf8_or_legacy(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # Excel on Western Windows saves "CSV" as cp1252.
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte, so decoding never fails.
        return data.decode("latin-1")


def _bomless_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4 or sample.count(0) < len(sample) // 4:
        return None
    # ASCII-heavy UTF-16 has a zero in every other byte: odd positions for LE, even for BE.
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    encoding = "utf-16-le" if odd > even * 4 else "utf-16-be" if even > odd * 4 else None
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    controls = sum(1 for c in sample if c < " " and c not in "\t\n\r")
    return controls > len(sample) // 100


# C0 control characters but tab, LF and CR, and DEL: no contact field holds them, PostgreSQL
# refuses NUL in text while SQLite stores it, and a stray one makes two equal names differ.
# A regular expression, not str.translate: it skips the clean stretches in C, six times faster
# on a 3 MB Connections.csv.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]+")


# The same characters as bytes. In UTF-8, cp1252 and latin-1 each of them is its one byte
# and no other byte or sequence decodes to one, so bytes without them decode to text without
# them: deleting them from the bytes (bytes.translate, in C) tells eight times faster than
# scanning the text (0.06 s against 0.5 s for a 37.6 MiB messages.csv).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def _has_control_bytes(data: bytes) -> bool:
    return len(data.translate(None, _CONTROL_BYTES)) != len(data)


def drop_controls(text: str) -> str:
    """The text without NUL and the other control characters a contact never holds."""
    return _CONTROLS.sub("", text)


def header_key(cell: str) -> str:
    """A header cell as compared: BOM gone, spaces trimmed and single, case folded."""
    return " ".join(cell.replace("\ufeff", "").split()).casefold()


# Line ends str.splitlines knows besides CR and LF (csv and io.StringIO do not).
_OTHER_BREAKS = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def _lines(text: str) -> list[str]:
    """The text's lines with their ends, split at LF, CRLF and CR only, as io.StringIO(text,
    newline="") gives them: by str.splitlines when no other line end is in the text. A
    StringIO holds four bytes a character, four times a 3 MB file's text."""
    if any(c in text for c in _OTHER_BREAKS):
        return list(io.StringIO(text, newline=""))
    return text.splitlines(keepends=True)


@dataclass
class Table:
    """A CSV's header row and an iterator of (line, cells) for the rows below it."""

    delimiter: str
    header_line: int
    headers: list[str]
    rows: Iterator[tuple[int, list[str]]]

    def index(self) -> dict[str, int]:
        """Column positions by header_key; the first of two equal headers wins."""
        found: dict[str, int] = {}
        for i, h in enumerate(self.headers):
            found.setdefault(header_key(h), i)
        return found


def _delimiter_order(text: str) -> list[str]:
    # The first non-blank line usually is the header; its most frequent candidate goes first.
    # LinkedIn's "Notes:" line has none, so every candidate is then tried in turn.
    # Iterate lazily: splitting a 20 MB file into a list of lines just to read one is waste.
    first = next((line for line in _lines(text) if line.strip()), "")
    return sorted(DELIMITERS, key=lambda d: -first.count(d))


def find_table(
    text: str,
    limits: Limits,
    is_header: Callable[[list[str]], bool] | None = None,
    budget: Budget | None = None,
) -> Table | None:
    """The table whose header row is_header accepts (given header_keys), or the first row.

    Its rows count against budget, which a zip's files share; by default one of its own.
    """
    check_cells = len(text) > limits.max_field_chars
    lines = _lines(text)
    for delimiter in _delimiter_order(text):
        reader = csv.reader(iter(lines), delimiter=delimiter)
        last = 0
        try:
            for count, row in enumerate(reader):
                start, last = last + 1, reader.line_num
                if count >= HEADER_SCAN_ROWS:
                    break
                if check_cells and row and max(map(len, row)) > limits.max_field_chars:
                    raise UnsupportedFile(field_too_long(start, limits))
                if not any(cell.strip() for cell in row):
                    continue
                if is_header is None or is_header([header_key(c) for c in row]):
                    headers = [" ".join(c.replace("\ufeff", "").split()) for c in row]
                    rows = _rows(
                        reader, lines, last, budget or Budget(limits), check_cells=check_cells
                    )
                    return Table(delimiter, start, headers, rows)
        except csv.Error as e:
            if "field larger than field limit" in str(e):
                raise UnsupportedFile(field_too_long(last + 1, limits)) from None
            continue
        if is_header is None:
            return None
    return None


def unclosed_quote(lines: list[str], delimiter: str) -> int | None:
    """The index among lines (one CSV row) where a quote opens and is never closed, or None.

    csv.reader, when not strict, reads an unclosed quote as a value running to the end of the
    file; strict mode would also refuse harmless quirks such as 'Ann "Jo" Lee'.
    """
    at_start, quoted, opened = True, False, 0
    for k, line in enumerate(lines):
        i = 0
        while i < len(line):
            c = line[i]
            if quoted:
                if c == '"':
                    if line[i + 1 : i + 2] == '"':
                        i += 1  # an escaped quote inside the value
                    else:
                        quoted = False
            elif c == '"' and at_start:
                quoted, opened, at_start = True, k, False
            else:
                at_start = c in (delimiter, "\r", "\n")
            i += 1
    return opened if quoted else None


def _rows(
    reader: Iterator[list[str]], lines: list[str], last: int, budget: Budget, *, check_cells: bool
) -> Iterator[tuple[int, list[str]]]:
    limits = budget.limits
    start = last + 1
    read = False
    try:
        for row in reader:
            start, last, read = last + 1, reader.line_num, True  # type: ignore[attr-defined]
            if not row:
                continue
            budget.count_row()
            # A file shorter than the cap cannot hold a cell over it: skip the scan.
            if check_cells and max(map(len, row)) > limits.max_field_chars:
                raise UnsupportedFile(field_too_long(start, limits))
            yield start, row
        delimiter = reader.dialect.delimiter  # type: ignore[attr-defined]
        # The last row's physical lines: only it can hold a quote never closed (csv.reader
        # reads one to the end of the file).
        row_lines = lines[start - 1 : last] if read else []
        if row_lines and (k := unclosed_quote(row_lines, delimiter)) is not None:
            raise UnsupportedFile(
                f'Line {start + k} opens a quote (") that is never closed, so everything after '
                "it would be read as one value: close or remove that quote and save the file again."
            )
    except csv.Error as e:
        if "field larger than field limit" in str(e):
            raise UnsupportedFile(field_too_long(last + 1, limits)) from None
        raise UnsupportedFile(
            f"Line {last + 1} cannot be read as CSV ({e}): save the file again as CSV."
        ) from None


def field_too_long(line: int, limits: Limits) -> str:
    """The refusal for a value over the field cap."""
    return (
        f"Line {line} has a value longer than the {limits.max_field_chars:,} characters Hundred "
        "accepts in one field: shorten it, or check that this is a contacts export."
    )


def cell(row: list[str], i: int | None) -> str:
    """The cell at position i, or '' when the column is absent or the row is short."""
    return row[i] if i is not None and i < len(row) else ""
