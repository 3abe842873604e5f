"""The longest value each imported field may have, and the one function that cuts to it.

The loader stores what `fit_record` leaves and the matcher keys people by the same cut values
(`matching.keys_of`), so a value longer than its column is compared as it is stored: importing
the same file twice finds the person the first import made. Each cut is reported to the user
as a warning, like the other values an import leaves out.
"""

from __future__ import annotations

from hundred.transfer.formats.records import CompanyRecord, PersonRecord, Skipped

# The columns' lengths (network.models: Person, Company, Tag); test_lengths compares them.
LENGTHS = {
    "first_name": 150,
    "last_name": 150,
    "linkedin_url": 300,
    "company": 200,
    "title": 200,
    "location": 200,
}
TAG_LENGTH = 60

_LABELS = {
    "first_name": "first name",
    "last_name": "last name",
    "linkedin_url": "LinkedIn profile",
    "company": "company",
    "title": "title",
    "location": "location",
}
_SHOWN = 40  # characters of a cut value quoted in its warning


def fit(name: str, value: str) -> str:
    """value cut to the length of field `name`: fit('first_name', 'x' * 300) -> 'x' * 150."""
    return value[: LENGTHS[name]] if value else value


def fit_record(rec: PersonRecord) -> list[str]:
    """Cut rec's over-long values in place; one sentence for each value cut."""
    said = []
    for name, length in LENGTHS.items():
        value = getattr(rec, name)
        if len(value) > length:
            setattr(rec, name, value[:length])
            said.append(_cut(_LABELS[name], value, length))
    if any(len(tag) > TAG_LENGTH for tag in rec.tags):
        tags: list[str] = []
        for tag in rec.tags:
            if len(tag) > TAG_LENGTH:
                said.append(_cut("tag", tag, TAG_LENGTH))
                tag = tag[:TAG_LENGTH]
            if tag.casefold() not in {t.casefold() for t in tags}:
                tags.append(tag)
        rec.tags = tags
    return said


def fit_company(rec: CompanyRecord) -> str:
    """Cut a company of interest's name in place: the sentence, or '' when it fits."""
    length = LENGTHS["company"]
    if len(rec.name) <= length:
        return ""
    value, rec.name = rec.name, rec.name[:length]
    return _cut("company", value, length)


def fit_all(people: list[PersonRecord], companies: list[CompanyRecord]) -> list[Skipped]:
    """Every record of a file fitted: a warning (line, sentence) for each value cut."""
    warnings = []
    for rec in people:
        for reason in fit_record(rec):
            warnings.append(Skipped(rec.line, reason))
    for company in companies:
        if reason := fit_company(company):
            warnings.append(Skipped(company.line, reason, company.file))
    return warnings


def _cut(label: str, value: str, length: int) -> str:
    """'first name of 300 characters cut to 150 characters: 'ZZZ…'' (the others' style)."""
    return f"{label} of {len(value):,} characters cut to {length} characters: '{value[:_SHOWN]}…'"
