"""Helpers shared by the transfer tests: fixture files and a LinkedIn export zip."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> bytes:
    """The bytes of a fixture file."""
    return (FIXTURES / name).read_bytes()


def linkedin_zip(extra: dict[str, bytes] | None = None) -> bytes:
    """The fixture LinkedIn export as a zip, laid out as LinkedIn lays it out."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        root = FIXTURES / "linkedin_export"
        for path in sorted(root.rglob("*.csv")):
            zf.writestr(path.relative_to(root).as_posix(), path.read_bytes())
        for name, content in (extra or {}).items():
            zf.writestr(name, content)
    return buffer.getvalue()
