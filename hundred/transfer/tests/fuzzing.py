"""Hypothesis strategies for the import fuzz tests: inputs shaped like real exports, made hostile.

Random bytes alone rarely get past a parser's first check (the decoder, the header search, the
zip signature), so most strategies here build something that looks right — a CSV with the real
headers of each format, a zip with LinkedIn's member names, a vCard with the usual properties —
and put hostile values where the data goes: quotes, delimiters, line breaks, control
characters, formulas, odd Unicode, values at and past the caps, broken encodings and damaged
compressed streams.
"""

from __future__ import annotations

import io
import warnings
import zipfile

from hypothesis import strategies as st

from hundred.transfer.formats.records import HUNDRED_CSV_COLUMNS, Limits

# Small caps so that the fuzzer reaches them with small inputs; the property is that no result
# ever passes them.
LIMITS = Limits(
    max_file_bytes=256 * 1024,
    max_rows=40,
    max_field_chars=300,
    max_zip_members=8,
    max_unzipped_bytes=128 * 1024,
    max_parse_seconds=30.0,
)

HEADERS = {
    "linkedin": [
        "First Name",
        "Last Name",
        "URL",
        "Email Address",
        "Company",
        "Position",
        "Connected On",
    ],
    "invitations": [
        "From",
        "To",
        "Sent At",
        "Message",
        "Direction",
        "inviterProfileUrl",
        "inviteeProfileUrl",
    ],
    "jobs": ["Saved Date", "Application Date", "Job Url", "Job Title", "Company Name"],
    "google": [
        "Name",
        "Given Name",
        "Family Name",
        "First Name",
        "Last Name",
        "E-mail 1 - Value",
        "E-mail 2 - Value",
        "Phone 1 - Value",
        "Organization 1 - Name",
        "Organization 1 - Title",
        "Organization Name",
        "Organization Title",
        "Address 1 - City",
        "Website 1 - Value",
        "Notes",
        "Group Membership",
        "Labels",
        "Birthday",
    ],
    "outlook": [
        "First Name",
        "Middle Name",
        "Last Name",
        "E-mail Address",
        "E-mail 2 Address",
        "Mobile Phone",
        "Business Phone",
        "Company",
        "Job Title",
        "Business City",
        "Home City",
        "Web Page",
        "Notes",
        "Categories",
    ],
    "csv": list(HUNDRED_CSV_COLUMNS) + ["Name", "Email", "Phone", "Organisation", "Tags"],
}

# Values real files hold, then the ones attackers and broken tools write.
PLAIN_CELLS = [
    "Ann",
    "Lee",
    "ann@example.org",
    "ann@example.org; bo@example.org",
    "+44 20 7946 0000",
    "(555) 010-0199 x12",
    "https://www.linkedin.com/in/ann-lee",
    "linkedin.com/in/%F0%9F%98%80",
    "Northwind",
    "01 Jan 2024",
    "2024-02-29",
    "2/30/2024",
    "31/12/9999",
    "2024-01-05 10:11:12 UTC",
    "1/2/24, 3:04 PM",
    "OUTGOING",
    "INCOMING",
    "1",
    "3",
    "friend ::: colleague",
    "* myContacts ::: Work",
]
HOSTILE_CELLS = [
    "",
    " ",
    '"',
    '""',
    '"Ann',
    'Ann "Jo" Lee',
    "Ann,Lee,,,,,01 Jan 2024 Ann",
    "a;b\tc",
    "line\nbreak",
    "cr\ronly",
    "\x00",
    "nul\x00inside",
    "\x1b[31mred",
    "\x7f",
    "\u2028\u2029",
    "\ufeffbom",
    "\ud7ff\ue000\uffff",
    "=1+1",
    "\t=1",
    "'=1",
    "\uff1d1",
    "@SUM(A1)",
    "-2+3",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "../../etc/passwd",
    "%00",
    "@",
    "a@b",
    "ann@@example.org",
    "ann@exa mple.org",
    "x" * 299,
    "x" * 301,
    "é" * 150,
    "0" * 40,
    "9" * 25,
    "+" + "9" * 30,
    "linkedin.com/in/",
    "https://linkedin.com/in/" + "a" * 400,
    "00 Jan 0000",
    "2024-13-45",
    "99999999999999999999",
    "-1",
    "NaN",
    "\U0001f600\u200d\U0001f600",
    "\u0301\u0301\u0301",
    "::: ::: :::",
]
cells = st.one_of(
    st.sampled_from(PLAIN_CELLS),
    st.sampled_from(HOSTILE_CELLS),
    st.text(max_size=40),
    st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=20),
)

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"]


def _quote(value: str, delimiter: str, force: bool) -> str:
    if force or any(c in value for c in (delimiter, '"', "\n", "\r")):
        return '"' + value.replace('"', '""') + '"'
    return value


@st.composite
def csv_files(draw, headers: list[str]) -> bytes:
    """A CSV with some of the given headers (and a stranger), rows of hostile cells, encoded."""
    chosen = draw(st.lists(st.sampled_from(headers), min_size=1, max_size=len(headers) + 2))
    if draw(st.booleans()):
        chosen = chosen + [draw(st.sampled_from(HOSTILE_CELLS[:12]))]
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    rows = draw(st.lists(st.lists(cells, max_size=len(chosen) + 2), max_size=8))
    quote_all = draw(st.booleans())
    lines = []
    if draw(st.integers(0, 4)) == 0:
        lines += ["Notes:", '"When exporting your connection data, you may notice…"', ""]
    for row in [chosen, *rows]:
        lines.append(delimiter.join(_quote(c, delimiter, quote_all) for c in row))
    text = newline.join(lines) + draw(st.sampled_from(["", newline]))
    if draw(st.integers(0, 6)) == 0:  # a quote opened somewhere and never closed
        at = draw(st.integers(0, len(text)))
        text = text[:at] + '"' + text[at:]
    encoding = draw(st.sampled_from(ENCODINGS))
    return text.encode(encoding, errors="replace")


def csv_of(kind: str) -> st.SearchStrategy[bytes]:
    return csv_files(HEADERS[kind])


MEMBER_NAMES = [
    "Connections.csv",
    "Invitations.csv",
    "Saved Jobs.csv",
    "Job Applications.csv",
    "Job Applications_1.csv",
    "Jobs/Saved Jobs.csv",
    "Basic_LinkedInDataExport/Connections.csv",
    "Profile.csv",
    "Connections.csv/",
    "",
    "/",
    "../Connections.csv",
    "/Connections.csv",
    "a\\..\\Connections.csv",
    "Conn\x01ections.csv",
    "Connections.CSV",
    "connections.csv",
    "\u00e9t\u00e9/Invitations.csv",
    "x" * 200 + "/Connections.csv",
    "[Content_Types].xml",
]
METHODS = [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]


def member_contents() -> st.SearchStrategy[bytes]:
    return st.one_of(
        csv_of("linkedin"),
        csv_of("invitations"),
        csv_of("jobs"),
        st.binary(max_size=200),
        st.just(b""),
    )


def build_zip(members: list[tuple[str, bytes, int]]) -> bytes:
    """A zip with members written exactly as given (zipfile checks no names when writing)."""
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as zf:
        warnings.simplefilter("ignore")  # a duplicate name is one of the hostile shapes
        for name, content, method in members:
            zf.writestr(zipfile.ZipInfo(name), content, compress_type=method)
    return buffer.getvalue()


@st.composite
def damaged(draw, data: bytes) -> bytes:
    """The bytes with a few flipped, cut short, or the end-of-archive offset moved."""
    out = bytearray(data)
    for _ in range(draw(st.integers(0, 3))):
        if out:
            at = draw(st.integers(0, len(out) - 1))
            out[at] ^= draw(st.integers(1, 255))
    end = out.rfind(b"PK\x05\x06")
    if end >= 0 and len(out) >= end + 20 and draw(st.booleans()):
        offset = int.from_bytes(out[end + 16 : end + 20], "little")
        moved = max(0, offset + draw(st.integers(-4, 4)))
        out[end + 16 : end + 20] = moved.to_bytes(4, "little")
    if draw(st.integers(0, 4)) == 0:
        out = out[: draw(st.integers(0, len(out)))]
    return bytes(out)


@st.composite
def zip_files(draw) -> bytes:
    """A LinkedIn-looking export zip with hostile members, maybe nested, maybe damaged."""
    members = draw(
        st.lists(
            st.tuples(st.sampled_from(MEMBER_NAMES), member_contents(), st.sampled_from(METHODS)),
            max_size=10,  # past LIMITS.max_zip_members
        )
    )
    if draw(st.integers(0, 5)) == 0:  # a zip inside the zip
        members.append(("inner.zip", build_zip(members[:2]), zipfile.ZIP_STORED))
    data = build_zip(members)
    return draw(damaged(data)) if draw(st.booleans()) else data


VCARD_PROPS = [
    "N",
    "FN",
    "EMAIL",
    "EMAIL;TYPE=INTERNET,WORK",
    "item1.EMAIL;type=INTERNET;type=pref",
    "TEL",
    "TEL;TYPE=CELL",
    "ORG",
    "TITLE",
    "ADR;TYPE=WORK",
    "NOTE",
    "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8",
    "FN;ENCODING=QUOTED-PRINTABLE",
    "N;CHARSET=x-unknown",
    "URL",
    "X-SOCIALPROFILE;type=linkedin",
    "CATEGORIES",
    "NICKNAME",
    "BDAY",
    "ANNIVERSARY",
    "PHOTO;ENCODING=b;TYPE=JPEG",
    "PHOTO;ENCODING=BASE64",
    "LOGO;VALUE=uri",
    "KEY",
    "EMAIL;ENCODING=b",
    "TEL;VALUE=uri",
    "VERSION",
    "BEGIN",
    "END",
    "X-" + "A" * 50,
    'EMAIL;TYPE="unterminated',
    ";;;",
    "",
]
VCARD_VALUES = [
    "Lee;Ann;;;",
    "Ann Lee",
    ";;;;",
    "\\;\\,\\n\\\\",
    "Lee\\, Ann",
    "=C3=A9t=C3=A9=",
    "=ZZ",
    "aGVsbG8=",
    "!!!notbase64",
    "VCARD",
    "2.1",
    "4.0",
    "tel:+1-555-0100",
    "19990230",
    "--0412",
    "Work,Friends,,",
]
vcard_values = st.one_of(st.sampled_from(VCARD_VALUES), st.sampled_from(HOSTILE_CELLS), cells)


@st.composite
def vcard_files(draw) -> bytes:
    """One or more vCards of hostile properties, folded and broken in the ways writers do."""
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        lines += ["BEGIN:VCARD", "VERSION:" + draw(st.sampled_from(["2.1", "3.0", "4.0", "9"]))]
        for _ in range(draw(st.integers(0, 8))):
            line = draw(st.sampled_from(VCARD_PROPS)) + ":" + draw(vcard_values)
            if draw(st.integers(0, 4)) == 0 and len(line) > 4:  # folded mid-value
                at = draw(st.integers(1, len(line) - 1))
                line = line[:at] + "\r\n" + draw(st.sampled_from([" ", "\t"])) + line[at:]
            lines.append(line)
        if draw(st.integers(0, 8)) != 0:  # sometimes a card is never closed
            lines.append(draw(st.sampled_from(["END:VCARD", "end:vcard", "END:VCARD  "])))
    newline = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    encoding = draw(st.sampled_from(ENCODINGS))
    return newline.join(lines).encode(encoding, errors="replace")


def any_upload() -> st.SearchStrategy[bytes]:
    """Anything a user might upload under any kind: every shape above, or plain bytes."""
    return st.one_of(
        st.binary(max_size=300),
        *(csv_of(kind) for kind in HEADERS),
        zip_files(),
        vcard_files(),
    )
