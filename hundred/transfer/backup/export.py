"""Writing the backup: every row of an account through the field table, as JSON."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django.utils import timezone

from hundred.network.models import Tag, Target
from hundred.transfer.backup.columns import FileIds, when
from hundred.transfer.backup.table import (
    CALENDAR_FEED,
    FOLLOWUP_SETTINGS,
    FORMAT,
    QUESTION_BANK,
    ROWS,
    TARGET,
    TARGET_HISTORY,
    VERSION,
)


def export_backup(
    owner, *, exported_at: datetime | None = None, feed_token: bool = False
) -> dict[str, Any]:
    """Everything of an account as one JSON-ready dict (format hundred-backup, version 2).

    The calendar feed's secret is in it only with feed_token: whoever holds a file with it
    can read the account's calendar until the token is rotated."""
    rows = {table.key: table.rows(owner) for table in ROWS}
    ids = {
        table.model: FileIds(obj.pk for obj in rows[table.key])
        for table in ROWS
        if table.has_file_ids
    }
    target = Target.objects.for_user(owner).first()
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": when(exported_at or timezone.now()),
        "target": None if target is None else TARGET.dump(target, ids),
        "target_history": [TARGET_HISTORY.dump(c, ids) for c in TARGET_HISTORY.rows(owner)],
        "tags": sorted(Tag.objects.for_user(owner).values_list("name", flat=True)),
        **{table.key: [table.dump(obj, ids) for obj in rows[table.key]] for table in ROWS},
        "followup_settings": FOLLOWUP_SETTINGS.dump_one(owner, ids),
        "question_bank": QUESTION_BANK.dump_one(owner, ids),
        "calendar_feed": CALENDAR_FEED.dump_one(owner, ids) if feed_token else None,
    }


def dumps_backup(backup: dict) -> str:
    return json.dumps(backup, ensure_ascii=False, indent=2) + "\n"
