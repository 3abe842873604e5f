"""Restoring a backup: a checked file into an empty account, all of it or nothing."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone

from hundred.network.models import (
    Company,
    Favour,
    FollowUp,
    Interaction,
    Meeting,
    OutreachTemplate,
    Person,
    Tag,
    Target,
    TargetChange,
)
from hundred.transfer.backup.columns import BadValue, Restoring, check_tag_name, is_int, shown
from hundred.transfer.backup.table import (
    CALENDAR_FEED,
    COMPANIES,
    DISMISSED_PAIRS,
    FAVOURS,
    FOLLOWUP_SETTINGS,
    FOLLOWUPS,
    FORMAT,
    IMPORT_HISTORY,
    INTERACTIONS,
    MEETINGS,
    OUTREACH_TEMPLATES,
    PEOPLE,
    QUESTION_BANK,
    READS,
    TAGS,
    TARGET,
    TARGET_HISTORY,
    VERSION,
    Table,
)
from hundred.transfer.models import CalendarFeed


class BadBackup(Exception):
    """A file that is not a Hundred backup this version can restore; str(e) says what to do."""


def _refusal(where: str, e: BadValue) -> BadBackup:
    """The one sentence for a value restore cannot take: where it is, what is wrong with it,
    and what to do."""
    subject = f"“{e.key}” " if e.key else ""
    return BadBackup(
        f"Nothing was restored: in {where}, {subject}{e.problem.rstrip('.')}. Correct it in "
        "the file, or back up the account again with 'hundred export json', and restore again."
    )


def _where(table: Table, row: Any, n: int) -> str:
    """'row id 3 of “people”' (the file id, as a reader finds it), or 'row 2 of …'."""
    if table.has_file_ids and isinstance(row, dict) and is_int(row.get("id")):
        return f"row id {row['id']} of “{table.key}”"
    return f"row {n + 1} of “{table.key}”"


class AccountNotEmpty(Exception):
    """Restoring would mix a backup with what the account already has."""


_CONTENT = (Person, Company, Interaction, Meeting, FollowUp, Favour, OutreachTemplate, TargetChange)


def is_empty(owner) -> bool:
    if any(model.objects.filter(owner=owner).exists() for model in _CONTENT):
        return False
    target = Target.objects.for_user(owner).first()
    return target is None or not (target.pitch or any(target.as_lists().values()))


def read_backup(data: bytes) -> dict[str, Any]:
    """The backup in data, checked for its format and version."""
    try:
        backup = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BadBackup(
            "This is not a Hundred backup (not JSON): choose a file made by 'hundred export json'."
        ) from None
    if not isinstance(backup, dict) or backup.get("format") != FORMAT:
        raise BadBackup(
            "This JSON file is not a Hundred backup: choose a file made by 'hundred export json'."
        )
    if backup.get("version") not in READS:
        raise BadBackup(
            f"This backup is version {backup.get('version')}; this Hundred restores versions "
            f"1 to {VERSION}: upgrade Hundred first."
        )
    return backup


def do_restore(owner, backup: dict[str, Any]) -> dict[str, int]:
    """Load a checked backup into owner's account, which must be empty; counts per kind."""
    try:
        with transaction.atomic():
            if not is_empty(owner):
                raise AccountNotEmpty(
                    "This account already has data; restore into a new, empty account "
                    "(hundred createuser EMAIL) so nothing is mixed or lost."
                )
            return _restore(owner, _without_nul(backup))
    # Each row is checked against its model's fields before it is written, and the first
    # value restore cannot take is refused by name (BadBackup, through the transaction). A
    # damage those checks do not foresee still fails somewhere, in Python (KeyError,
    # TypeError…), in a model field, in arithmetic or in the database: either way, nothing
    # stays. test_fuzz_backup.py finds these.
    except (
        LookupError,
        TypeError,
        ValueError,
        AttributeError,
        ArithmeticError,
        ValidationError,
        DatabaseError,
    ) as e:
        raise BadBackup(
            f"The backup is damaged or incomplete ({type(e).__name__}: {e}); nothing was restored."
        ) from None


def _without_nul(value: Any) -> Any:
    """The backup with NUL characters dropped from every text: PostgreSQL cannot store them,
    and an older import may have let one into a SQLite database. Same result on both."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [_without_nul(v) for v in value]
    if isinstance(value, dict):
        return {k: _without_nul(v) for k, v in value.items()}
    return value


def _rows(b: dict[str, Any], key: str, required: bool = False) -> list[Any]:
    """The list under `key`: required ones must be there; the others default to none."""
    if not required and b.get(key) is None:
        return []
    rows = b.get(key)
    if not isinstance(rows, list):
        shape = "is missing" if key not in b else f"is {shown(rows)}, not a list"
        raise _refusal("the file", BadValue(key, shape))
    return rows


def _restore(owner, b: dict[str, Any]) -> dict[str, int]:
    ctx = Restoring(owner=owner, now=timezone.now())
    companies, people = _rows(b, "companies", True), _rows(b, "people", True)
    followups = _rows(b, "followups", True)
    if b.get("target") is not None:
        _restore_target(ctx, b["target"], _rows(b, "target_history"))
    ctx.tags = {t.name: t for t in Tag.objects.bulk_create(_tags(owner, _rows(b, "tags")))}
    _create(COMPANIES, companies, ctx)
    ctx.company_by_name = {c["name"].casefold(): ctx.pks[Company][c["id"]] for c in companies}
    _create(PEOPLE, people, ctx)
    _create(MEETINGS, _rows(b, "meetings", True), ctx)
    # Introductions point at people and meetings that now exist.
    _link_later(PEOPLE, people, ctx)
    _create(INTERACTIONS, _rows(b, "interactions", True), ctx)
    Person.objects.for_user(owner).refresh_asked_at()  # derived from the interactions
    Person.objects.for_user(owner).refresh_search_fields()  # derived from their fields
    _create(FAVOURS, _rows(b, "favours", True), ctx)
    _create(FOLLOWUPS, followups, ctx)
    _create(OUTREACH_TEMPLATES, _rows(b, "outreach_templates"), ctx)
    # Version 2 added these; a version 1 file has none of them.
    _create(IMPORT_HISTORY, _rows(b, "import_history"), ctx)
    _create(DISMISSED_PAIRS, _rows(b, "dismissed_pairs"), ctx)
    _restore_one(FOLLOWUP_SETTINGS, b.get("followup_settings"), ctx)
    _restore_one(QUESTION_BANK, b.get("question_bank"), ctx)
    _restore_feed(b.get("calendar_feed"), ctx)
    return {
        "people": len(people),
        "companies": len(ctx.pks[Company]),
        "interactions": len(ctx.pks[Interaction]),
        "meetings": len(ctx.pks[Meeting]),
        "followups": len(followups),
        "favours": len(ctx.pks[Favour]),
        "import_history": len(_rows(b, "import_history")),
        "dismissed_pairs": len(_rows(b, "dismissed_pairs")),
    }


def _tags(owner, names: list[Any]) -> list[Tag]:
    """The account's tags, each name checked as the model takes it, each once."""
    seen: set[str] = set()
    for n, name in enumerate(names):
        try:
            if not isinstance(name, str):
                raise BadValue("", f"is {shown(name)}, not a tag's name")
            check_tag_name("", name)
            if name in seen:
                raise BadValue("", f"is {shown(name)}, which the list has twice")
        except BadValue as e:
            raise _refusal(f"“{TAGS.key}”", BadValue("", f"name {n + 1} {e.problem}")) from None
        seen.add(name)
    return [Tag(owner=owner, name=name) for name in names]


def _restore_one(table: Table, row: dict[str, Any] | None, ctx: Restoring) -> None:
    """The account's one object of a single-object table, as the file has it."""
    if row is None:
        return
    try:
        values = table.values(row, ctx)
        table.check([table.model(owner=ctx.owner, **values)])
    except BadValue as e:
        raise _refusal(f"“{table.key}”", e) from None
    table.model._default_manager.update_or_create(owner=ctx.owner, defaults=values)


def _restore_feed(row: dict[str, Any] | None, ctx: Restoring) -> None:
    """The feed's secret, unless another account here already uses it (a backup restored
    beside the account it came from): that account keeps it and this one gets a new one."""
    if row is None:
        return
    token = row.get("token") if isinstance(row, dict) else None
    if isinstance(token, str) and CalendarFeed.objects.filter(token=token).exists():
        return
    _restore_one(CALENDAR_FEED, row, ctx)


def _restore_target(ctx: Restoring, row: dict[str, Any], history: list[dict[str, Any]]) -> None:
    target, _ = Target.objects.get_or_create(owner=ctx.owner)
    try:
        for attname, value in TARGET.values(row, ctx).items():
            setattr(target, attname, value)
        TARGET.check([target])
    except BadValue as e:
        raise _refusal(f"“{TARGET.key}”", e) from None
    target.save()
    _create(TARGET_HISTORY, history, ctx, target=target)


def _create(table: Table, rows: list[dict[str, Any]], ctx: Restoring, **fixed: Any) -> None:
    """Check and insert the table's rows in one batch, then their many-to-many links."""
    objs = []
    for n, row in enumerate(rows):
        try:
            objs.append(table.build(row, ctx, **fixed))
        except BadValue as e:
            raise _refusal(_where(table, row, n), e) from None
    try:
        table.check(objs)
    except BadValue as e:
        raise _refusal(_where(table, rows[e.index], e.index), e) from None
    if table.has_file_ids:
        _check_unique(table, rows, ("id",))
    for keys in table.unique_together:
        _check_unique(table, rows, keys)
    made = table.model.objects.bulk_create(objs)
    if table.has_file_ids:
        ctx.pks[table.model] = {row["id"]: obj.pk for row, obj in zip(rows, made, strict=True)}
    for column in table.in_phase("link"):
        column.link(table.model, rows, ctx)


def _check_unique(table: Table, rows: list[dict[str, Any]], keys: tuple[str, ...]) -> None:
    """No two rows with the same values of `keys` (empty values aside): a file id, or what a
    unique constraint of the model holds (a mail's Message-ID, a pair of people)."""
    if len(keys) == 1:  # the usual case, at C speed; the loop below names the row
        values = [row.get(keys[0]) for row in rows]
        present = [v for v in values if v is not None and v != ""]
        try:
            if len(present) == len(values if keys == ("id",) else present) == len(set(present)):
                return
        except TypeError:  # a list where a value belongs
            pass
    seen: dict[Any, int] = {}
    for n, row in enumerate(rows):
        values = tuple(row.get(key) for key in keys)
        if any(v is None or v == "" for v in values):
            if keys == ("id",):
                raise _refusal(_where(table, row, n), BadValue("id", "is missing"))
            continue
        try:
            if values in seen:
                named = " and ".join(f"“{key}”" for key in keys)
                raise _refusal(
                    _where(table, row, n),
                    BadValue(
                        keys[0],
                        f"is {shown(values[0])}, and row {seen[values] + 1} has "
                        f"the same {named}: each must be used once",
                    ),
                )
        except TypeError:  # a list or an object where a value belongs
            raise _refusal(
                _where(table, row, n),
                BadValue(keys[0], f"is {shown(values[0])}, not a single value"),
            ) from None
        seen[values] = n


def _link_later(table: Table, rows: list[dict[str, Any]], ctx: Restoring) -> None:
    """Set the references that had to wait for rows written after the table's own."""
    columns = table.in_phase("later")
    pks = ctx.pks[table.model]
    objs = []
    for n, row in enumerate(rows):
        if any(row.get(column.key) is not None for column in columns):
            obj = table.model(pk=pks[row["id"]])
            try:
                for column in columns:
                    setattr(obj, column.attname, column.read(row, ctx))
            except BadValue as e:
                raise _refusal(_where(table, row, n), e) from None
            objs.append(obj)
    table.model.objects.bulk_update(objs, [c.field for c in columns], batch_size=500)
