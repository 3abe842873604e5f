"""Hostile inputs built in code: each once crashed an importer, or is how attackers try."""

from __future__ import annotations

import io
import zipfile

from hundred.transfer.tests.util import linkedin_zip

CONNECTIONS = (
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    b"Ann,Lee,,,,,01 Jan 2024\n"
)


def make_zip(members: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of the given members; names are written as given, even empty or climbing ones."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as zf:
        for name, content in members:
            zf.writestr(zipfile.ZipInfo(name), content, compress_type=method)
    return buffer.getvalue()


def empty_member_name() -> bytes:
    return make_zip([("Connections.csv", CONNECTIONS), ("", b"x")])


def corrupt_lzma_member() -> bytes:
    data = bytearray(make_zip([("Connections.csv", CONNECTIONS * 50)], zipfile.ZIP_LZMA))
    start = 30 + len("Connections.csv") + 20  # inside the compressed stream
    for i in range(start, start + 30):
        data[i] ^= 0x55
    return bytes(data)


def corrupt_deflate_member() -> bytes:
    data = bytearray(make_zip([("Connections.csv", CONNECTIONS * 50)]))
    start = 30 + len("Connections.csv") + 2
    for i in range(start, start + 40):
        data[i] ^= 0xFF
    return bytes(data)


def moved_end_of_archive() -> bytes:
    """The end-of-central-directory offset moved by two bytes: 'negative seek value -2'."""
    data = bytearray(linkedin_zip())
    end = data.rfind(b"PK\x05\x06")
    offset = int.from_bytes(data[end + 16 : end + 20], "little")
    data[end + 16 : end + 20] = (offset + 2).to_bytes(4, "little")
    return bytes(data)


def truncated_zip() -> bytes:
    data = linkedin_zip()
    return data[: len(data) // 2]


def traversal_names() -> bytes:
    return make_zip([("../../Connections.csv", CONNECTIONS)])


def absolute_name() -> bytes:
    return make_zip([("/etc/Connections.csv", CONNECTIONS)])


def nul_in_name() -> bytes:
    """zipfile itself cuts a name at NUL, so this reads as Connections.csv: harmless."""
    return make_zip([("Connections.csv\x00.txt", CONNECTIONS)])


def nested_zip() -> bytes:
    inner = linkedin_zip()
    for _ in range(5):
        inner = make_zip([("export.zip", inner)])
    return inner


def ratio_bomb() -> bytes:
    return make_zip([("Connections.csv", b"," * (8 * 1024 * 1024))])


def many_members(count: int = 1_001) -> bytes:
    return make_zip([(f"Invitations_{i}/Invitations.csv", b"") for i in range(count)])


def unclosed_quote() -> bytes:
    return CONNECTIONS + b'"Cy,Dee,,,,,01 Jan 2024\nEve,Fox,,,,,01 Jan 2024\n'


# (name, kind, bytes) of inputs that once gave a traceback; the fuzz tests keep them as seeds.
CRASHERS = [
    ("empty member name", "linkedin", empty_member_name),
    ("corrupt LZMA member", "linkedin", corrupt_lzma_member),
    ("corrupt deflate member", "linkedin", corrupt_deflate_member),
    ("end of archive moved", "linkedin", moved_end_of_archive),
    ("truncated zip", "linkedin", truncated_zip),
]

HOSTILE = [
    *CRASHERS,
    ("traversal name", "linkedin", traversal_names),
    ("absolute name", "linkedin", absolute_name),
    ("zip in a zip in a zip", "linkedin", nested_zip),
    ("zip bomb by ratio", "linkedin", ratio_bomb),
    ("too many members", "linkedin", many_members),
    ("unclosed quote", "linkedin", unclosed_quote),
    ("unclosed quote, any CSV", "csv", unclosed_quote),
    ("UTF-16 BOM then odd bytes", "google", lambda: b"\xff\xfe" + b"A\x00" * 10 + b"\x00"),
    ("UTF-8 BOM then invalid UTF-8", "outlook", lambda: b"\xef\xbb\xbf\xc3(\xff\xfe,a\n"),
    ("a vCard nested in a vCard", "vcard", lambda: b"BEGIN:VCARD\nBEGIN:VCARD\n" * 500),
    ("deep quoting", "csv", lambda: b'"' * 100_000),
]
