"""Every import parser, fuzzed: it returns records within the limits or refuses, never crashes.

The parsers are called without dispatch's last guard (`never_crashes`, which turns any error
into "could not be read"), so an error nobody foresaw fails here instead of hiding there. The
inputs are built by `fuzzing.py` to look like real exports with hostile values inside; the
inputs that once crashed an importer (issue #13) run first, as explicit examples, every time.

The runs are repeatable (`derandomize`: the same examples each run, no example database) and
bounded: the whole module takes about 15 s on a loaded two-core machine.
"""

from __future__ import annotations

import dataclasses
import os
from datetime import timedelta

from django.test import SimpleTestCase
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from hundred.transfer.formats import dispatch
from hundred.transfer.formats.generic_csv import MAPPABLE_FIELDS, parse_generic_csv
from hundred.transfer.formats.records import KINDS, ParseResult, UnsupportedFile
from hundred.transfer.formats.sniffing import sniff_kind
from hundred.transfer.tests import hostile
from hundred.transfer.tests.fuzzing import (
    HEADERS,
    LIMITS,
    any_upload,
    csv_of,
    vcard_files,
    zip_files,
)

# dispatch.parse without its catch-all: what each format itself does with the bytes.
parse_unguarded = dispatch.parse.__wrapped__
headers_unguarded = dispatch.csv_headers

# HUNDRED_FUZZ_EXAMPLES=5000 HUNDRED_FUZZ_RANDOM=1 runs a longer, different hunt by hand.
FUZZ = settings(
    derandomize=not os.environ.get("HUNDRED_FUZZ_RANDOM"),
    database=None,
    max_examples=int(os.environ.get("HUNDRED_FUZZ_EXAMPLES", "60")),
    # Generous for a loaded machine: it catches a parser gone quadratic, not a busy CPU.
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# The controls every import drops (tab and line breaks stay): PostgreSQL refuses NUL, SQLite
# keeps it, and two names differing by one would look equal.
CONTROLS = frozenset(chr(c) for c in [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def nul_after_64_kb() -> bytes:
    """Rows past the binary-file sniffer's 64 KB window, then a NUL inside a name (#13)."""
    # Rows may run past the header: wide ones reach 64 KB within the small row cap.
    row = ",".join(["Ann", "Lee", "", "ann@example.org", "N", "T", "01 Jan 2024", *["x" * 280] * 7])
    rows = [row] * 34
    body = "\n".join([",".join(HEADERS["linkedin"]), *rows, "Bo\x00b,Day,,,,,01 Jan 2024", ""])
    assert len(body) > 65_536
    return body.encode()


def unclosed_quote_ann() -> bytes:
    """The file that made a person named 'Ann,Lee,,,,,01 Jan 2024 Ann' (#13)."""
    return hostile.CONNECTIONS + b'"Ann,Lee,,,,,01 Jan 2024\nAnn,Lee,,,,,01 Jan 2024\n'


SEEDS = [
    *[(kind, make()) for _, kind, make in hostile.CRASHERS],
    ("linkedin", nul_after_64_kb()),
    ("csv", nul_after_64_kb()),
    ("linkedin", hostile.unclosed_quote()),
    ("csv", hostile.unclosed_quote()),
    ("linkedin", unclosed_quote_ann()),
    ("csv", unclosed_quote_ann()),
]


def strings(value: object):
    """Every str inside a record, however nested (lists of e-mails, a person key)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for v in value:
            yield from strings(v)
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from strings(getattr(value, f.name))


def assert_within_limits(result: ParseResult, data: bytes) -> None:
    """What no parse may return, whatever the file: the property every test here checks."""
    assert isinstance(result, ParseResult)
    records = [*result.people, *result.interactions, *result.companies]
    assert len(records) <= LIMITS.max_rows, f"{len(records)} records"
    texts = [s for r in [*records, *result.skipped, *result.warnings] for s in strings(r)]
    for text in texts:
        assert not CONTROLS & set(text), f"a control character kept in {text!r}"
    for person in result.people:
        for name in (person.first_name, person.last_name, person.company, person.title):
            # Hundred's own export may hold any length (only the file cap bounds it).
            bound = len(data) if result.kind == "csv" else LIMITS.max_field_chars
            assert len(name) <= bound, f"a field of {len(name)} characters"
    # Nothing comes out of an upload that was not in it (or in what its zip unpacks to).
    produced = sum(map(len, texts))
    assert produced <= len(data) + LIMITS.max_unzipped_bytes + 64 * (len(texts) + 1)


def parses_or_refuses(kind: str, data: bytes, **kwargs) -> ParseResult | None:
    try:
        result = parse_unguarded(kind, data, limits=LIMITS, **kwargs)
    except UnsupportedFile as refusal:
        assert str(refusal).strip(), "a refusal without a sentence"
        return None
    assert_within_limits(result, data)
    return result


def seeded(test):
    """The issue's crashers as explicit examples, run first on every run."""
    for kind, data in SEEDS:
        test = example(kind=kind, data=data)(test)
    return test


class ParserFuzzTestCase(SimpleTestCase):
    @FUZZ
    @seeded
    @given(kind=st.sampled_from(KINDS), data=any_upload())
    def test_any_kind_of_any_upload_parses_or_refuses(self, kind, data):
        parses_or_refuses(kind, data)

    @FUZZ
    @seeded
    @given(
        kind=st.sampled_from(["linkedin", "google", "outlook", "csv"]),
        data=st.sampled_from(["linkedin", "google", "outlook", "csv"]).flatmap(csv_of),
    )
    def test_csv_files_with_hostile_cells(self, kind, data):
        parses_or_refuses(kind, data)

    @FUZZ
    @seeded
    @given(kind=st.just("linkedin"), data=zip_files())
    def test_linkedin_zips_with_hostile_members(self, kind, data):
        parses_or_refuses(kind, data)

    @FUZZ
    @given(data=vcard_files(), region=st.sampled_from(["US", "gb", "ZZ", ""]))
    def test_vcards_with_hostile_properties(self, data, region):
        parses_or_refuses("vcard", data, default_region=region)

    @FUZZ
    @given(
        data=csv_of("csv"),
        mapping=st.dictionaries(
            st.sampled_from(sorted(MAPPABLE_FIELDS)), st.sampled_from(HEADERS["csv"] + [""])
        ),
    )
    def test_a_generic_csv_under_any_column_mapping(self, data, mapping):
        try:
            result = parse_generic_csv(data, mapping, limits=LIMITS)
        except UnsupportedFile:
            return
        assert_within_limits(result, data)

    @FUZZ
    @given(data=any_upload(), filename=st.sampled_from(["", "x.csv", "x.vcf", "x.zip"]))
    def test_sniffing_and_the_header_step_never_crash(self, data, filename):
        self.assertIn(sniff_kind(data, filename), (*KINDS, None))
        try:
            headers = headers_unguarded(data, limits=LIMITS)
        except UnsupportedFile:
            return
        self.assertTrue(all(isinstance(h, str) for h in headers))

    def test_the_crashers_of_issue_13_are_refused_or_cleaned(self):
        # The property above lets a parse succeed; for these the right answer is known.
        for kind, data in SEEDS:
            with self.subTest(kind=kind, size=len(data)):
                if data == nul_after_64_kb():
                    result = parse_unguarded(kind, data, limits=LIMITS)
                    self.assertIn("Bob", [p.first_name for p in result.people])
                else:
                    with self.assertRaises(UnsupportedFile):
                        parse_unguarded(kind, data, limits=LIMITS)
