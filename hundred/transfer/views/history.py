"""The offers of a LinkedIn import (a starting target, former colleagues), accepted by ticking."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from hundred.transfer.models import ImportRun
from hundred.transfer.offers import do_accept_target, do_mark_colleagues

TARGET_PARTS = ("skills", "industries", "geographies", "pitch")


@login_required
@require_POST
def accept_target(request, pk: int):
    run = get_object_or_404(ImportRun.objects.for_user(request.user), pk=pk)
    chosen = {part: request.POST.getlist(part) for part in TARGET_PARTS}
    added = do_accept_target(request.user, run, chosen)
    if added:
        messages.success(request, f"Added {added} to your target.")
    else:
        messages.info(request, "Nothing was ticked, so your target is as it was.")
    return redirect("transfer-run", pk=run.pk)


@login_required
@require_POST
def mark_colleagues(request, pk: int):
    run = get_object_or_404(ImportRun.objects.for_user(request.user), pk=pk)
    chosen = [int(v) for v in request.POST.getlist("person") if v.isdigit()]
    marked = do_mark_colleagues(request.user, run, chosen)
    if marked:
        messages.success(request, f"Marked {marked} as former colleagues.")
    else:
        messages.info(request, "Nobody was ticked, so nothing changed.")
    return redirect("transfer-run", pk=run.pk)
