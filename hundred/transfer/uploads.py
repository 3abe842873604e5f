"""An uploaded file waits in the data folder between the preview and the confirm."""

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


def load_upload(user, token: str) -> tuple[dict, bytes]:
    if not _TOKEN.match(token):
        raise Http404
    try:
        meta = json.loads((uploads_folder() / f"{token}.json").read_text())
        data = (uploads_folder() / f"{token}.data").read_bytes()
    except (OSError, ValueError):
        raise Http404 from None
    if meta.get("owner") != user.pk:
        raise Http404
    return meta, data


def save_meta(token: str, meta: dict) -> None:
    (uploads_folder() / f"{token}.json").write_text(json.dumps(meta))


def drop_upload(token: str) -> None:
    for suffix in (".data", ".json"):
        (uploads_folder() / f"{token}{suffix}").unlink(missing_ok=True)
