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


def linkedin_connections(rows: int, *, seed: int = 14) -> bytes:
    """A LinkedIn Connections.csv of `rows` people, each with their own profile, in which many
    share a first name, last name and company, as in real networks."""
    import random

    rng = random.Random(seed)
    firsts = ["Daniel", "Mei", "Ann", "José", "Priya", "Tobi 🚀"]
    lasts = ["Kim", "Chen", "Bell", "García", "Patel"]
    companies = ["Contoso", "Northwind Analytics, Inc.", "Fabrikam", "Self-employed", ""]
    lines = [
        "Notes:",
        '"When exporting your connection data, you may notice that some of the email addresses '
        'are missing."',
        "",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    ]
    for i in range(rows):
        first, last, company = rng.choice(firsts), rng.choice(lasts), rng.choice(companies)
        email = f"p{i}@example.net" if i % 25 == 0 else ""
        lines.append(
            f'{first},{last},https://www.linkedin.com/in/{last.lower()}-{i},{email},"{company}",'
            f"Engineer,08 Feb 2026"
        )
    return "\n".join(lines).encode()
