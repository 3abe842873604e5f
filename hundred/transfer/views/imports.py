"""Import pages: upload → (column mapping) → preview → confirm → report."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from hundred.accounts.site import absolute_url
from hundred.transfer.formats.dispatch import (
    DEFAULT_LIMITS,
    KINDS,
    MAPPABLE_FIELDS,
    UnsupportedFile,
    headers_of,
    parse,
    suggest_mapping,
)
from hundred.transfer.formats.records import HUNDRED_CSV_COLUMNS
from hundred.transfer.formats.textfile import mb
from hundred.transfer.loader import PlanOutdated, apply_plan, plan_import
from hundred.transfer.models import ImportRun
from hundred.transfer.planning import ImportReport, Plan
from hundred.transfer.tasks import after_import
from hundred.transfer.uploads import (
    PlanExpired,
    done_run,
    drop_plan,
    drop_upload,
    load_meta,
    load_plan,
    load_upload,
    note_done,
    save_meta,
    save_plan,
    save_upload,
)
from hundred.transfer.views.feed import feed_for

KIND_LABELS = {
    "linkedin": "LinkedIn (Connections.csv or the whole export .zip)",
    "google": "Google Contacts CSV",
    "outlook": "Outlook CSV",
    "vcard": "vCard (.vcf) from a phone, Apple or Google",
    "csv": "Any other CSV (you choose the columns)",
}


def _parse(meta: dict, data: bytes):
    return parse(
        meta["kind"],
        data,
        filename=meta["filename"],
        default_region=settings.DEFAULT_PHONE_REGION,
        mapping=meta.get("mapping"),
    )


@login_required
@require_GET
def index(request):
    feed = feed_for(request.user)
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
    token = save_upload(request.user, kind, upload.name or "", data)
    if kind == "csv":
        return redirect("transfer-map", token=token)
    return redirect("transfer-preview", token=token)


@login_required
def map_columns(request, token: str):
    meta, data = load_upload(request.user, token)
    try:
        headers = headers_of(data)
    except UnsupportedFile as e:
        drop_upload(token)
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
            save_meta(token, meta)
            drop_plan(token)  # a plan made with other columns no longer holds
            return redirect("transfer-preview", token=token)
    suggested = meta.get("mapping") or suggest_mapping(headers)
    fields = [(f, f.replace("_", " ").capitalize(), suggested.get(f, "")) for f in MAPPABLE_FIELDS]
    return render(
        request,
        "transfer/map.html",
        {"token": token, "meta": meta, "headers": headers, "fields": fields},
    )


def _stored_plan(request, token: str) -> Plan | None:
    """The plan the preview stored; None when there is none (or it cannot be read)."""
    blob = load_plan(request.user, token)
    if blob is None:
        return None
    try:
        return Plan.loads(blob)
    except ValueError:
        drop_plan(token)
        return None


def _plan_upload(request, token: str) -> Plan:
    """Parse the upload and match it, once: the plan is stored for every later view."""
    meta, data = load_upload(request.user, token)
    result = _parse(meta, data)
    del data
    plan = plan_import(request.user, result, filename=meta["filename"])
    save_plan(request.user, token, plan.dumps())
    return plan


def _expired(request, token: str):
    drop_upload(token)
    messages.error(
        request,
        "This preview is more than a day old, so it was removed and nothing was imported: "
        "upload the file again.",
    )
    return redirect("transfer-index")


def _already_done(request, run_id: int):
    """The page for an upload imported already: its preview or confirm asked for again."""
    found = ImportRun.objects.for_user(request.user).filter(pk=run_id).first()
    return render(request, "transfer/already_done.html", {"run": found})


@login_required
@require_GET
def preview(request, token: str):
    if (run_id := done_run(request.user, token)) is not None:
        return _already_done(request, run_id)
    meta = load_meta(request.user, token)
    try:
        plan = _stored_plan(request, token) or _plan_upload(request, token)
    except PlanExpired:
        return _expired(request, token)
    except UnsupportedFile as e:
        drop_upload(token)
        messages.error(request, str(e))
        return redirect("transfer-index")
    return render(
        request,
        "transfer/preview.html",
        {
            "token": token,
            "meta": meta,
            "report": plan.report,
            "kind_label": KIND_LABELS[meta["kind"]],
        },
    )


@login_required
@require_POST
def confirm(request, token: str):
    if (run_id := done_run(request.user, token)) is not None:
        return _already_done(request, run_id)
    load_meta(request.user, token)
    try:
        # Confirmed without a preview (only a hand-made request does that): plan it now.
        plan = _stored_plan(request, token) or _plan_upload(request, token)
    except PlanExpired:
        return _expired(request, token)
    except UnsupportedFile as e:
        drop_upload(token)
        messages.error(request, str(e))
        return redirect("transfer-index")
    try:
        report = apply_plan(request.user, plan)
    except PlanOutdated as e:
        if (run_id := done_run(request.user, token)) is not None:
            return _already_done(request, run_id)  # a double click: the first click's import
        drop_plan(token)
        messages.error(request, f"{e} Here is the preview again, made from your people now.")
        return redirect("transfer-preview", token=token)
    note_done(request.user, token, report.run_id)  # first: a second click waits on it
    drop_upload(token)
    after_import(request.user, report)
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
