"""An uploaded file waits in the data folder until it is imported, and its import plan
beside it between the preview and the confirm: owner-scoped, removed after a day."""

from __future__ import annotations

import json
import re
import secrets
import time
from pathlib import Path

from django.conf import settings
from django.http import Http404

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def uploads_folder() -> Path:
    folder = Path(settings.HUNDRED_HOME) / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


UPLOAD_MAX_AGE = 24 * 3600  # seconds an unconfirmed upload waits before it is removed


def drop_stale_uploads() -> None:
    cutoff = time.time() - UPLOAD_MAX_AGE
    for path in uploads_folder().iterdir():
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except OSError:
            pass  # another process removed it first


def save_upload(user, kind: str, filename: str, data: bytes) -> str:
    drop_stale_uploads()
    token = secrets.token_urlsafe(24)
    (uploads_folder() / f"{token}.data").write_bytes(data)
    meta = {"owner": user.pk, "kind": kind, "filename": filename, "mapping": None}
    (uploads_folder() / f"{token}.json").write_text(json.dumps(meta))
    return token


def load_meta(user, token: str) -> dict:
    """What save_upload noted about the file (kind, name, column mapping); 404 unless user's."""
    if not _TOKEN.match(token):
        raise Http404
    try:
        meta = json.loads((uploads_folder() / f"{token}.json").read_text())
    except (OSError, ValueError):
        raise Http404 from None
    if not isinstance(meta, dict) or meta.get("owner") != user.pk:
        raise Http404
    return meta


def load_upload(user, token: str) -> tuple[dict, bytes]:
    meta = load_meta(user, token)
    try:
        data = (uploads_folder() / f"{token}.data").read_bytes()
    except OSError:
        raise Http404 from None
    return meta, data


class PlanExpired(Exception):
    """The stored plan is older than UPLOAD_MAX_AGE."""


def save_plan(user, token: str, plan: bytes) -> None:
    """Keep an upload's import plan (Plan.dumps) for its confirm; user must own the upload."""
    load_meta(user, token)
    path = uploads_folder() / f"{token}.plan"
    partial = path.with_suffix(".partial")
    partial.write_bytes(plan)
    partial.replace(path)  # a reader never sees half a plan


def load_plan(user, token: str) -> bytes | None:
    """The stored plan of user's upload; None when there is none; PlanExpired when too old."""
    load_meta(user, token)
    path = uploads_folder() / f"{token}.plan"
    try:
        age = time.time() - path.stat().st_mtime
        if age > UPLOAD_MAX_AGE:
            raise PlanExpired
        return path.read_bytes()
    except FileNotFoundError:
        return None


def drop_plan(token: str) -> None:
    (uploads_folder() / f"{token}.plan").unlink(missing_ok=True)


def save_meta(token: str, meta: dict) -> None:
    (uploads_folder() / f"{token}.json").write_text(json.dumps(meta))


def drop_upload(token: str) -> None:
    for suffix in (".data", ".json", ".plan"):
        (uploads_folder() / f"{token}{suffix}").unlink(missing_ok=True)


def note_done(user, token: str, run_id: int) -> None:
    """Remember for a day (drop_stale_uploads) that user's upload was imported as run_id, so
    its preview or confirm asked for again (the back button, a double click) can say so."""
    note = {"owner": user.pk, "run": run_id}
    (uploads_folder() / f"{token}.done").write_text(json.dumps(note))


def done_run(user, token: str) -> int | None:
    """The id of the import user's upload became; None when it was not imported (or not theirs)."""
    if not _TOKEN.match(token):
        return None
    try:
        note = json.loads((uploads_folder() / f"{token}.done").read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(note, dict) or note.get("owner") != user.pk:
        return None
    return note.get("run")
