"""Reading members out of an uploaded zip without trusting anything the zip says about itself."""

from __future__ import annotations

import io
import lzma
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator

from hundred.transfer.formats.records import Limits, UnsupportedFile
from hundred.transfer.formats.textfile import mb

CHUNK = 64 * 1024
# Below this a member is too small to hurt, whatever its compression ratio.
RATIO_FLOOR = 1024 * 1024

DAMAGED = "The zip file is damaged or incomplete: download the export again."
# What zipfile and its decompressors raise on a damaged archive: a bad signature, a truncated
# stream, an offset pointing before the start (ValueError: negative seek), a short header
# (struct.error), a corrupt deflate, bzip2 (OSError) or LZMA stream, a name that is not UTF-8.
DAMAGE_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    OSError,
    ValueError,
    struct.error,
)


def is_zip(data: bytes) -> bool:
    """Whether the bytes start like a zip archive."""
    return data[:4] in (b"PK\x03\x04", b"PK\x05\x06")


def zip_names(data: bytes) -> list[str]:
    """The member names of a zip already opened once by read_zip_members."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.namelist()


def iter_zip_members(
    data: bytes, limits: Limits, rank: Callable[[str], int | None]
) -> Iterator[tuple[str, bytes]]:
    """The members rank accepts, lowest rank first, one at a time, refusing zip bombs.

    Sizes are checked against the directory first, then again while unpacking, counting the
    bytes that come out across every member; only one member is held at a time.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (*DAMAGE_ERRORS, NotImplementedError):
        raise UnsupportedFile(DAMAGED) from None
    with zf:
        infos = zf.infolist()
        _check_directory(infos, limits)
        ranked = [
            (r, n, info)
            for n, info in enumerate(infos)
            if not info.filename.endswith("/") and (r := rank(info.filename)) is not None
        ]
        budget = limits.max_unzipped_bytes
        for _, _, info in sorted(ranked, key=lambda t: t[:2]):
            content = _read_member(zf, info, limits, budget)
            budget -= len(content)
            yield info.filename, content


def _check_directory(infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(infos) > limits.max_zip_members:
        raise UnsupportedFile(
            f"The zip holds {len(infos):,} files, more than the {limits.max_zip_members:,} "
            "Hundred opens: choose the LinkedIn export zip itself, or the CSV inside it."
        )
    for info in infos:
        if _is_hostile_name(info.filename):
            shown = info.filename.encode("unicode_escape").decode("ascii")[:80]
            raise UnsupportedFile(
                f"The zip holds a file named “{shown}”, which no real export has: download "
                "the export again."
            )
    if sum(i.file_size for i in infos) > limits.max_unzipped_bytes:
        raise UnsupportedFile(_too_big_unzipped(limits))
    for info in infos:
        if _bomb_ratio(info.file_size, info.compress_size, limits):
            raise UnsupportedFile(_bomb(info.filename, limits))


def _is_hostile_name(name: str) -> bool:
    # Nothing is ever written to disk, but an empty, absolute or climbing name, or one with
    # control characters, only comes from a hand-made archive.
    parts = name.replace("\\", "/").split("/")
    return (
        not name.strip("/")
        or name.startswith(("/", "\\"))
        or ".." in parts
        or any(c < " " for c in name)
    )


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits, budget: int) -> bytes:
    # The directory's sizes are the archive's own claim: count what actually comes out.
    chunks: list[bytes] = []
    size = 0
    try:
        with zf.open(info) as member:
            while chunk := member.read(CHUNK):
                size += len(chunk)
                _check_member_size(info, size, budget, limits)
                chunks.append(chunk)
    except (RuntimeError, NotImplementedError):  # encrypted, or an exotic compression method
        raise UnsupportedFile(
            f"{info.filename} in the zip is encrypted or compressed in a way Hundred cannot "
            "read: unzip it and import the CSV file itself."
        ) from None
    except DAMAGE_ERRORS:
        raise UnsupportedFile(
            f"{info.filename} in the zip is damaged: download the export again."
        ) from None
    return b"".join(chunks)


def _check_member_size(info: zipfile.ZipInfo, size: int, budget: int, limits: Limits) -> None:
    if size > budget:
        raise UnsupportedFile(_too_big_unzipped(limits))
    if size > limits.max_file_bytes:
        raise UnsupportedFile(
            f"{info.filename} unpacks to more than {mb(limits.max_file_bytes)}, "
            "the most Hundred reads from one file: split it and import each part."
        )
    if _bomb_ratio(size, info.compress_size, limits):
        raise UnsupportedFile(_bomb(info.filename, limits))


def _bomb_ratio(size: int, compressed: int, limits: Limits) -> bool:
    return size > RATIO_FLOOR and size > limits.max_zip_ratio * max(compressed, 1)


def _bomb(name: str, limits: Limits) -> str:
    return (
        f"{name} in the zip expands more than {limits.max_zip_ratio} times, which real exports "
        "never do, so Hundred will not unpack it: download the export from LinkedIn again."
    )


def _too_big_unzipped(limits: Limits) -> str:
    return (
        f"The zip unpacks to more than {mb(limits.max_unzipped_bytes)}, the most Hundred "
        "unpacks: import Connections.csv on its own instead."
    )
