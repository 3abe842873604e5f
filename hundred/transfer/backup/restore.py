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
from hundred.transfer.backup.columns import Restoring
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
    TARGET,
    TARGET_HISTORY,
    VERSION,
    Table,
)
from hundred.transfer.models import CalendarFeed


class BadBackup(Exception):
    """A file that is not a Hundred backup this version can restore; str(e) says what to do."""


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
    # A value of the wrong shape fails in Python (KeyError, TypeError, AttributeError…), in a
    # model field (ValidationError: -1 for a yes/no), in arithmetic (a number too big for the
    # column) or in the database (a null where text must be): either way, nothing stays.
    # test_fuzz_backup.py finds these.
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


def _restore(owner, b: dict[str, Any]) -> dict[str, int]:
    ctx = Restoring(owner=owner, now=timezone.now())
    if b.get("target") is not None:
        _restore_target(ctx, b["target"], b.get("target_history", []))
    new_tags = Tag.objects.bulk_create(Tag(owner=owner, name=name) for name in b.get("tags", []))
    ctx.tags = {t.name: t for t in new_tags}
    _create(COMPANIES, b["companies"], ctx)
    ctx.company_by_name = {c["name"].casefold(): ctx.pks[Company][c["id"]] for c in b["companies"]}
    _create(PEOPLE, b["people"], ctx)
    _create(MEETINGS, b["meetings"], ctx)
    # Introductions point at people and meetings that now exist.
    _link_later(PEOPLE, b["people"], ctx)
    _create(INTERACTIONS, b["interactions"], ctx)
    Person.objects.for_user(owner).refresh_asked_at()  # derived from the interactions
    Person.objects.for_user(owner).refresh_search_fields()  # derived from their fields
    _create(FAVOURS, b["favours"], ctx)
    _create(FOLLOWUPS, b["followups"], ctx)
    _create(OUTREACH_TEMPLATES, b.get("outreach_templates", []), ctx)
    # Version 2 added these; a version 1 file has none of them.
    _create(IMPORT_HISTORY, b.get("import_history", []), ctx)
    _create(DISMISSED_PAIRS, b.get("dismissed_pairs", []), ctx)
    _restore_one(FOLLOWUP_SETTINGS, b.get("followup_settings"), ctx)
    _restore_one(QUESTION_BANK, b.get("question_bank"), ctx)
    _restore_feed(b.get("calendar_feed"), ctx)
    return {
        "people": len(b["people"]),
        "companies": len(ctx.pks[Company]),
        "interactions": len(ctx.pks[Interaction]),
        "meetings": len(ctx.pks[Meeting]),
        "followups": len(b["followups"]),
        "favours": len(ctx.pks[Favour]),
        "import_history": len(b.get("import_history", [])),
        "dismissed_pairs": len(b.get("dismissed_pairs", [])),
    }


def _restore_one(table: Table, row: dict[str, Any] | None, ctx: Restoring) -> None:
    """The account's one object of a single-object table, as the file has it."""
    if row is None:
        return
    values = {column.attname: column.read(row, ctx) for column in table.columns}
    table.model._default_manager.update_or_create(owner=ctx.owner, defaults=values)


def _restore_feed(row: dict[str, Any] | None, ctx: Restoring) -> None:
    """The feed's secret, unless another account here already uses it (a backup restored
    beside the account it came from): that account keeps it and this one gets a new one."""
    if row is None or CalendarFeed.objects.filter(token=row["token"]).exists():
        return
    _restore_one(CALENDAR_FEED, row, ctx)


def _restore_target(ctx: Restoring, row: dict[str, Any], history: list[dict[str, Any]]) -> None:
    target, _ = Target.objects.get_or_create(owner=ctx.owner)
    for column in TARGET.columns:
        setattr(target, column.attname, column.read(row, ctx))
    target.save()
    _create(TARGET_HISTORY, history, ctx, target=target)


def _create(table: Table, rows: list[dict[str, Any]], ctx: Restoring, **fixed: Any) -> None:
    """Insert the table's rows in one batch, then their many-to-many links."""
    if table.has_file_ids:
        _check_unique_ids(table, rows)
    made = table.model.objects.bulk_create([table.build(row, ctx, **fixed) for row in rows])
    if table.has_file_ids:
        ctx.pks[table.model] = {row["id"]: obj.pk for row, obj in zip(rows, made, strict=True)}
    for column in table.in_phase("link"):
        column.link(table.model, rows, ctx)


def _check_unique_ids(table: Table, rows: list[dict[str, Any]]) -> None:
    seen: set[Any] = set()
    for row in rows:
        if row["id"] in seen:
            raise ValueError(f"two {table.key} share the id {row['id']}")
        seen.add(row["id"])


def _link_later(table: Table, rows: list[dict[str, Any]], ctx: Restoring) -> None:
    """Set the references that had to wait for rows written after the table's own."""
    columns = table.in_phase("later")
    pks = ctx.pks[table.model]
    objs = []
    for row in rows:
        if any(row.get(column.key) is not None for column in columns):
            obj = table.model(pk=pks[row["id"]])
            for column in columns:
                setattr(obj, column.attname, column.read(row, ctx))
            objs.append(obj)
    table.model.objects.bulk_update(objs, [c.field for c in columns], batch_size=500)
