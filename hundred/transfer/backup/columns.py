"""The kinds of column in the backup's field table: how one value goes out to JSON and comes
back (as it is, a list of strings, a date-time or date as ISO text, a foreign key or
many-to-many list as file ids, tags by name), and which keys an older file may leave out.

Reading a value that is not of its kind (a text where a list belongs, a date that does not
exist, an id no row of the file has) raises BadValue, which restore turns into a sentence
that names the row and the key."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, ClassVar, Literal

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Model, QuerySet

from hundred.network.models import Tag
from hundred.transfer.formats.fields import is_email


class _Marker:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


REQUIRED: Any = _Marker("REQUIRED")  # restore: without the key the backup is damaged
NOW: Any = _Marker("NOW")  # restore: the moment the restore runs
UNSET: Any = _Marker("UNSET")

Phase = Literal["create", "link", "later", "never"]


class BadValue(Exception):
    """One value of a row restore cannot take: `key` names it, `problem` finishes the
    sentence ("is 'hired', not one of listed, asked, …")."""

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(f"{key} {problem}")
        self.key = key
        self.problem = problem
        self.index: int | None = None  # which of a list of rows, when checked together


def shown(value: Any, limit: int = 40) -> str:
    """A value as the file has it (JSON, so on one line), cut at `limit` characters."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def when(value: datetime | date | None) -> str | None:
    """A date-time as ISO 8601 in UTC with a Z, a date as YYYY-MM-DD."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return value.isoformat()


class FileIds:
    """File-own ids: 1, 2, 3 … in database order, so a restored account exports the same."""

    def __init__(self, pks: Iterable[int]) -> None:
        self.map = {pk: n for n, pk in enumerate(pks, start=1)}

    def __call__(self, pk: int | None) -> int | None:
        return None if pk is None else self.map.get(pk)


Exporting = dict[type[Model], FileIds]  # each model's file ids, by database id


@dataclass
class Restoring:
    """What a restore has written so far, for the rows still to come to point at."""

    owner: Any
    now: datetime
    pks: dict[type[Model], dict[Any, int]] = field(default_factory=dict)  # file id → new id
    tags: dict[str, Tag] = field(default_factory=dict)
    company_by_name: dict[str, int] = field(default_factory=dict)  # case-folded name → new id


@dataclass(frozen=True)
class Column:
    """One key of a row and the model field behind it. Restore reads the key as given; when
    `missing` or `empty` is set, an older or hand-edited file may leave it out."""

    key: str
    attr: str = ""  # the model field, when it is not named like the key
    missing: Any = REQUIRED  # restore's value when the key is absent
    empty: Any = UNSET  # restore's value when the key is absent, null, "", 0 or []

    # When restore writes it: with the row, as links once the rows exist, once every other
    # kind of row exists, or never (the file id, a name only for readers).
    phase: ClassVar[Phase] = "create"

    @property
    def field(self) -> str:
        return self.attr or self.key

    @property
    def attname(self) -> str:
        return self.field

    def prepare(self, rows: QuerySet) -> QuerySet:
        """The export's query, fetching what dump() reads without a query a row."""
        return rows

    def dump(self, obj: Model, ids: Exporting) -> Any:
        return getattr(obj, self.field)

    def read(self, row: dict[str, Any], ctx: Restoring) -> Any:
        if self.missing is REQUIRED and self.empty is UNSET:
            if self.key not in row:
                raise BadValue(self.key, "is missing")
            value = row[self.key]
        else:
            value = row.get(self.key, None if self.missing is REQUIRED else self.missing)
        if self.empty is not UNSET and not value:
            return ctx.now if self.empty is NOW else self.parse(self.empty, ctx)
        return self.parse(value, ctx)

    def parse(self, value: Any, ctx: Restoring) -> Any:
        return value


class Value(Column):
    """A value as it is: text, a number, a boolean, JSON."""


def _sorted(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _sorted(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        return [_sorted(v) for v in value]
    return value


class Json(Column):
    """A JSON value, its objects' keys sorted: PostgreSQL's jsonb keeps keys in its own order
    and SQLite in the order written, and the file must be the same from either."""

    def dump(self, obj: Model, ids: Exporting) -> Any:
        return _sorted(getattr(obj, self.field))


def texts(key: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadValue(key, f"is {shown(value)}, not a list of texts")
    return list(value)


class Texts(Column):
    """A list of strings, copied."""

    def dump(self, obj: Model, ids: Exporting) -> Any:
        return list(getattr(obj, self.field))

    def parse(self, value: Any, ctx: Restoring) -> Any:
        return texts(self.key, value)


class Emails(Texts):
    """A person's e-mail addresses: each one an address that the person form (Django's
    validator) or an import (email_validator, through formats.fields.is_email) would take."""

    def parse(self, value: Any, ctx: Restoring) -> Any:
        emails = texts(self.key, value)
        for email in emails:
            # is_email first: it validates each domain once (~8 µs an address against
            # Django's ~25 µs, measured on a loaded machine).
            if not is_email(email) and not _django_takes(email):
                raise BadValue(self.key, f"has {shown(email)}, which is not an e-mail address")
        return emails


def _django_takes(email: str) -> bool:
    try:
        validate_email(email)
    except ValidationError:
        return False
    return True


class Moment(Column):
    """A date-time: ISO 8601 in UTC with a Z."""

    def dump(self, obj: Model, ids: Exporting) -> Any:
        return when(getattr(obj, self.field))

    def parse(self, value: Any, ctx: Restoring) -> Any:
        if value is None or value == "":
            return None
        try:
            moment = datetime.fromisoformat(value)
        except (TypeError, ValueError):
            raise BadValue(
                self.key, f"is {shown(value)}, not a date-time like 2026-03-02T09:41:00Z"
            ) from None
        if moment.tzinfo is None:
            raise BadValue(
                self.key, f"is {shown(value)}, without its time zone: end it with Z (UTC)"
            )
        return moment


class Day(Column):
    """A date: YYYY-MM-DD."""

    def dump(self, obj: Model, ids: Exporting) -> Any:
        return when(getattr(obj, self.field))

    def parse(self, value: Any, ctx: Restoring) -> Any:
        if value is None or value == "":
            return None
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            raise BadValue(self.key, f"is {shown(value)}, not a date like 2026-03-02") from None


@dataclass(frozen=True)
class FileId(Column):
    """The row's own number in the file, which other rows point at."""

    key: str = "id"
    phase: ClassVar[Phase] = "never"  # restore maps it to the new id once the row exists

    def dump(self, obj: Model, ids: Exporting) -> Any:
        return ids[type(obj)](obj.pk)


@dataclass(frozen=True)
class Ref(Column):
    """A foreign key as the file id of the row it points at, which must be in the file."""

    to: type[Model] = field(kw_only=True)

    @property
    def attname(self) -> str:
        return f"{self.field}_id"

    def dump(self, obj: Model, ids: Exporting) -> Any:
        return ids[self.to](getattr(obj, self.attname))

    def parse(self, value: Any, ctx: Restoring) -> Any:
        return pk_of(self.key, self.to, value, ctx)


def pk_of(key: str, to: type[Model], value: Any, ctx: Restoring) -> int:
    """The new id of the row of `to` that has file id `value`, which must be in the file."""
    if not is_int(value):
        raise BadValue(key, f"is {shown(value)}, not the id of a row of the file")
    try:
        return ctx.pks[to][value]
    except KeyError:
        kind = to._meta.verbose_name_plural
        raise BadValue(key, f"is {value}, but the file's {kind} have no such id") from None


@dataclass(frozen=True)
class OptionalRef(Ref):
    """A foreign key that may be null; a missing key or an id not in the file restores null."""

    missing: Any = None

    def parse(self, value: Any, ctx: Restoring) -> Any:
        if value is not None and not is_int(value):
            raise BadValue(self.key, f"is {shown(value)}, not the id of a row of the file or null")
        return ctx.pks[self.to].get(value)


@dataclass(frozen=True)
class LateRef(OptionalRef):
    """An optional foreign key restored once every row it can point at exists."""

    phase: ClassVar[Phase] = "later"


@dataclass(frozen=True)
class Refs(Column):
    """A many-to-many list as the sorted file ids of the rows it holds."""

    to: type[Model] = field(kw_only=True)
    phase: ClassVar[Phase] = "link"

    def prepare(self, rows: QuerySet) -> QuerySet:
        return rows.prefetch_related(self.field)

    def dump(self, obj: Model, ids: Exporting) -> Any:
        return sorted(ids[self.to](o.pk) for o in getattr(obj, self.field).all())

    def parse(self, value: Any, ctx: Restoring) -> Any:
        if not isinstance(value, list):
            raise BadValue(self.key, f"is {shown(value)}, not a list of ids")
        return [pk_of(self.key, self.to, v, ctx) for v in value]

    def link(self, model: type[Model], rows: list[dict[str, Any]], ctx: Restoring) -> None:
        """Write the list of each restored row: one insert for them all. Table.build has
        read (and so checked) every list already."""
        pks, theirs = ctx.pks[model], ctx.pks[self.to]
        pairs = ((pks[r["id"]], theirs[v]) for r in rows for v in r.get(self.key) or ())
        _through(model, self.field, pairs)


class TagNames(Column):
    """The row's tags as their sorted names."""

    phase: ClassVar[Phase] = "link"

    def prepare(self, rows: QuerySet) -> QuerySet:
        return rows.prefetch_related(self.field)

    def dump(self, obj: Model, ids: Exporting) -> Any:
        return sorted(t.name for t in getattr(obj, self.field).all())

    def parse(self, value: Any, ctx: Restoring) -> Any:
        names = texts(self.key, value)
        for name in names:
            check_tag_name(self.key, name)
        return names

    def link(self, model: type[Model], rows: list[dict[str, Any]], ctx: Restoring) -> None:
        """Tag each restored row, first making any tag a row names that the file's list lacks."""
        names = [(r, r.get(self.key) or ()) for r in rows]  # checked by Table.build
        missing = [n for _, row_names in names for n in row_names if n not in ctx.tags]
        new = Tag.objects.bulk_create(Tag(owner=ctx.owner, name=n) for n in dict.fromkeys(missing))
        ctx.tags.update((tag.name, tag) for tag in new)
        pks = ctx.pks[model]
        pairs = ((pks[r["id"]], ctx.tags[n].pk) for r, row_names in names for n in row_names)
        _through(model, self.field, pairs)


def check_tag_name(key: str, name: str) -> None:
    """A tag name as the model takes it: not blank, not longer than its column."""
    try:
        Tag._meta.get_field("name").clean(name, None)
    except ValidationError as e:
        raise BadValue(key, f"has the tag {shown(name)}: {' '.join(e.messages)}") from None


def _through(model: type[Model], name: str, pairs: Iterable[tuple[int, int]]) -> None:
    relation = model._meta.get_field(name)
    through = relation.remote_field.through
    ours, theirs = f"{relation.m2m_field_name()}_id", f"{relation.m2m_reverse_field_name()}_id"
    through.objects.bulk_create(through(**{ours: a, theirs: b}) for a, b in pairs)


class CompanyName(Column):
    """A person's company by name, for readers of the file; restore goes by company_id."""

    phase: ClassVar[Phase] = "never"

    def prepare(self, rows: QuerySet) -> QuerySet:
        return rows.select_related(self.field)

    def dump(self, obj: Model, ids: Exporting) -> Any:
        company = getattr(obj, self.field)
        return company.name if company else None


@dataclass(frozen=True)
class CompanyRef(Ref):
    """A person's company as its file id; a file without one is matched by the name."""

    name_key: str = field(default="company", kw_only=True)

    def read(self, row: dict[str, Any], ctx: Restoring) -> Any:
        if row.get(self.key) is not None:
            return pk_of(self.key, self.to, row[self.key], ctx)
        name = row.get(self.name_key)
        if name and not isinstance(name, str):
            raise BadValue(self.name_key, f"is {shown(name)}, not a company's name")
        return ctx.company_by_name.get(name.casefold()) if name else None
