"""Import & export pages: upload → (column mapping) → preview → confirm → report; downloads."""

from __future__ import annotations

import json
import re
import secrets
import time
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from hundred.accounts.views import absolute_url
from hundred.network.models import Person
from hundred.transfer import exports
from hundred.transfer.actions import do_dismiss_pair, do_merge_people, possible_duplicates
from hundred.transfer.loader import ImportReport, do_import
from hundred.transfer.models import CalendarFeed, ImportRun
from hundred.transfer.parsers import (
    DEFAULT_LIMITS,
    KINDS,
    MAPPABLE_FIELDS,
    UnsupportedFile,
    csv_headers,
    parse,
    suggest_mapping,
)
from hundred.transfer.records import HUNDRED_CSV_COLUMNS
from hundred.transfer.textfile import mb

KIND_LABELS = {
    "linkedin": "LinkedIn (Connections.csv or the whole export .zip)",
    "google": "Google Contacts CSV",
    "outlook": "Outlook CSV",
    "vcard": "vCard (.vcf) from a phone, Apple or Google",
    "csv": "Any other CSV (you choose the columns)",
}
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


# Uploads wait between steps in a file only the server knows, named by a random token and
# tagged with its owner; the browser only ever sends the token back.


def _uploads() -> Path:
    folder = Path(settings.HUNDRED_HOME) / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


UPLOAD_MAX_AGE = 24 * 3600  # seconds an unconfirmed upload waits before it is removed


def _drop_stale_uploads() -> None:
    cutoff = time.time() - UPLOAD_MAX_AGE
    for path in _uploads().iterdir():
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except OSError:
            pass  # another process removed it first


def _save_upload(user, kind: str, filename: str, data: bytes) -> str:
    _drop_stale_uploads()
    token = secrets.token_urlsafe(24)
    (_uploads() / f"{token}.data").write_bytes(data)
    meta = {"owner": user.pk, "kind": kind, "filename": filename, "mapping": None}
    (_uploads() / f"{token}.json").write_text(json.dumps(meta))
    return token


def _load_upload(user, token: str) -> tuple[dict, bytes]:
    if not _TOKEN.match(token):
        raise Http404
    try:
        meta = json.loads((_uploads() / f"{token}.json").read_text())
        data = (_uploads() / f"{token}.data").read_bytes()
    except (OSError, ValueError):
        raise Http404 from None
    if meta.get("owner") != user.pk:
        raise Http404
    return meta, data


def _save_meta(token: str, meta: dict) -> None:
    (_uploads() / f"{token}.json").write_text(json.dumps(meta))


def _drop_upload(token: str) -> None:
    for suffix in (".data", ".json"):
        (_uploads() / f"{token}{suffix}").unlink(missing_ok=True)


def _parse(meta: dict, data: bytes):
    return parse(
        meta["kind"],
        data,
        filename=meta["filename"],
        default_region=settings.DEFAULT_PHONE_REGION,
        mapping=meta.get("mapping"),
    )


def _feed(user) -> CalendarFeed:
    feed, _ = CalendarFeed.objects.get_or_create(owner=user)
    return feed


@login_required
@require_GET
def index(request):
    feed = _feed(request.user)
    return render(
        request,
        "transfer/index.html",
        {
            "kinds": KIND_LABELS.items(),
            "max_mb": mb(DEFAULT_LIMITS.max_file_bytes),
            "runs": ImportRun.objects.for_user(request.user)[:20],
            "feed_url": absolute_url(request, reverse("transfer-feed", args=[feed.token])),
        },
    )


@login_required
@require_POST
def upload(request):
    kind = request.POST.get("kind", "")
    upload = request.FILES.get("file")
    if kind not in KINDS:
        messages.error(request, "Choose what kind of file this is, then upload it again.")
        return redirect("transfer-index")
    if upload is None:
        messages.error(request, "Choose a file to import.")
        return redirect("transfer-index")
    # Refuse by the size the browser sent before reading the file into memory.
    if upload.size > DEFAULT_LIMITS.max_file_bytes:
        messages.error(
            request,
            f"The file is {mb(upload.size, up=True)}; Hundred imports files up to "
            f"{mb(DEFAULT_LIMITS.max_file_bytes)}. Export fewer contacts or split the file.",
        )
        return redirect("transfer-index")
    data = upload.read()
    token = _save_upload(request.user, kind, upload.name or "", data)
    if kind == "csv":
        return redirect("transfer-map", token=token)
    return redirect("transfer-preview", token=token)


@login_required
def map_columns(request, token: str):
    meta, data = _load_upload(request.user, token)
    try:
        headers = csv_headers(data)
    except UnsupportedFile as e:
        _drop_upload(token)
        messages.error(request, str(e))
        return redirect("transfer-index")
    if [h.strip().lower() for h in headers] == list(HUNDRED_CSV_COLUMNS):
        return redirect("transfer-preview", token=token)  # Hundred's own export: no questions
    if request.method == "POST":
        mapping = {
            f: request.POST[f"map_{f}"]
            for f in MAPPABLE_FIELDS
            if request.POST.get(f"map_{f}") in headers
        }
        if not {"first_name", "last_name", "name", "emails"} & mapping.keys():
            messages.error(request, "Choose at least the column with names or e-mail addresses.")
        else:
            meta["mapping"] = mapping
            _save_meta(token, meta)
            return redirect("transfer-preview", token=token)
    suggested = meta.get("mapping") or suggest_mapping(headers)
    fields = [(f, f.replace("_", " ").capitalize(), suggested.get(f, "")) for f in MAPPABLE_FIELDS]
    return render(
        request,
        "transfer/map.html",
        {"token": token, "meta": meta, "headers": headers, "fields": fields},
    )


@login_required
@require_GET
def preview(request, token: str):
    meta, data = _load_upload(request.user, token)
    try:
        report = do_import(
            request.user, _parse(meta, data), dry_run=True, filename=meta["filename"]
        )
    except UnsupportedFile as e:
        _drop_upload(token)
        messages.error(request, str(e))
        return redirect("transfer-index")
    return render(
        request,
        "transfer/preview.html",
        {"token": token, "meta": meta, "report": report, "kind_label": KIND_LABELS[meta["kind"]]},
    )


@login_required
@require_POST
def confirm(request, token: str):
    meta, data = _load_upload(request.user, token)
    try:
        report = do_import(request.user, _parse(meta, data), filename=meta["filename"])
    except UnsupportedFile as e:
        messages.error(request, str(e))
        return redirect("transfer-index")
    finally:
        _drop_upload(token)
    messages.success(request, report.summary())
    return redirect("transfer-run", pk=report.run_id)


@login_required
@require_GET
def run(request, pk: int):
    found = get_object_or_404(ImportRun.objects.for_user(request.user), pk=pk)
    return render(
        request,
        "transfer/run.html",
        {"run": found, "report": ImportReport.from_dict(found.report)},
    )


@login_required
@require_GET
def duplicates(request):
    return render(request, "transfer/duplicates.html", {"pairs": possible_duplicates(request.user)})


def _pair(request) -> tuple[Person, Person]:
    people = Person.objects.for_user(request.user)
    try:
        keep_id, other_id = int(request.POST.get("keep", "")), int(request.POST.get("other", ""))
    except ValueError:
        raise Http404 from None
    if keep_id == other_id:
        raise Http404
    return get_object_or_404(people, pk=keep_id), get_object_or_404(people, pk=other_id)


@login_required
@require_POST
def merge(request):
    keep, other = _pair(request)
    name = other.full_name
    do_merge_people(request.user, keep, other)
    messages.success(request, f"Merged {name} into {keep.full_name}.")
    return redirect("transfer-duplicates")


@login_required
@require_POST
def dismiss(request):
    a, b = _pair(request)
    do_dismiss_pair(request.user, a, b)
    messages.success(request, f"{a.full_name} and {b.full_name} will not be offered again.")
    return redirect("transfer-duplicates")


_DOWNLOADS = {
    "json": ("application/json", "hundred-backup.json"),
    "csv": ("text/csv; charset=utf-8", "hundred-people.csv"),
    "vcard": ("text/vcard; charset=utf-8", "hundred-people.vcf"),
    "ics": ("text/calendar; charset=utf-8", "hundred.ics"),
}


@login_required
@require_GET
def export(request, kind: str):
    if kind not in _DOWNLOADS:
        raise Http404
    user = request.user
    if kind == "json":
        body: str | bytes = json.dumps(exports.export_backup(user), ensure_ascii=False, indent=2)
    elif kind == "csv":
        body = exports.export_csv(user, bom=request.GET.get("bom") == "1")
    elif kind == "vcard":
        version = "3.0" if request.GET.get("version") == "3.0" else "4.0"
        body = exports.export_vcards(user, version=version)
    else:
        body = exports.export_ics(user)
    content_type, filename = _DOWNLOADS[kind]
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def feed(request, token: str):
    """The calendar feed: found by its secret alone, since calendar apps cannot log in."""
    found = CalendarFeed.objects.filter(token=token).select_related("owner").first()
    if found is None or not found.owner.is_active:
        raise Http404
    response = HttpResponse(
        exports.export_ics(found.owner), content_type="text/calendar; charset=utf-8"
    )
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
@require_POST
def rotate_feed(request):
    _feed(request.user).rotate()
    messages.success(request, "Your calendar feed has a new address; the old one no longer works.")
    return redirect("transfer-index")
