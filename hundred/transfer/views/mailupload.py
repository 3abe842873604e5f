"""Log mail from a file: one .eml or an .mbox uploaded on the import page goes through the
same mail-in path as the logging mailbox and `hundred import email` (transfer/mailin.py)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from hundred.transfer.formats.dispatch import DEFAULT_LIMITS
from hundred.transfer.formats.mailmessage import looks_like_mail, not_mail
from hundred.transfer.formats.textfile import mb
from hundred.transfer.mailin import do_import_mail
from hundred.transfer.views.imports import KIND_LABELS


@login_required
@require_POST
def upload_mail(request):
    upload = request.FILES.get("mailfile")
    if upload is None:
        messages.error(request, "Choose an .eml or .mbox file to log.")
        return redirect("transfer-index")
    if upload.size > DEFAULT_LIMITS.max_file_bytes:
        messages.error(
            request,
            f"The file is {mb(upload.size, up=True)}; Hundred reads files up to "
            f"{mb(DEFAULT_LIMITS.max_file_bytes)}. Export fewer messages.",
        )
        return redirect("transfer-index")
    data = upload.read()
    if not looks_like_mail(data):
        messages.error(request, _not_mail(upload.name or "The file", data))
        return redirect("transfer-index")
    report = do_import_mail(request.user, data)
    messages.success(request, report.summary())
    for row in report.skipped_rows[:10]:
        messages.warning(request, f"Message {row['line']}: {row['reason']}")
    return redirect("network-today" if report.new_addresses else "transfer-index")


def _not_mail(name: str, data: bytes) -> str:
    looks, kind = not_mail(data)
    if kind:
        # The contacts form above, with the kind its list calls it.
        return f"{name} is {looks}, not mail: import it above as “{KIND_LABELS[kind]}”."
    if looks:
        return (
            f"{name} is {looks}, not mail, and Hundred imports no such file: "
            "give an .eml or .mbox file."
        )
    return (
        f"{name} does not start like mail (headers such as “From: …”, or an mbox “From ” "
        "line): give an .eml or .mbox file."
    )
