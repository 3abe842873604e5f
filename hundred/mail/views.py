"""The one-click unsubscribe address in every digest and review (RFC 8058), and the
account's logging address for mail in."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from hundred.mail.digest import read_unsubscribe
from hundred.mail.inbox import mailbox_address
from hundred.mail.models import LoggingAddress, SentMail

_FIELDS = {SentMail.Kind.DIGEST: "digest_enabled", SentMail.Kind.WEEKLY: "weekly_review_enabled"}


# A mail program posts here without a session or a CSRF token (that is RFC 8058's one click);
# the signed token in the address is what proves the request came from the mail.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    found = read_unsubscribe(token)
    if found is None or found[1] not in _FIELDS:
        raise Http404
    pk, kind = found
    user = get_user_model().objects.filter(pk=pk).first()
    if user is None:
        raise Http404
    done = request.method == "POST"
    if done:
        setattr(user, _FIELDS[kind], False)
        user.save(update_fields=[_FIELDS[kind]])
    label = SentMail.Kind(kind).label
    return render(request, "mail/unsubscribe.html", {"label": label, "done": done})


@login_required
@require_http_methods(["GET", "POST"])
def logging_address(request):
    """The account's private logging address: turn it on, give it a new token (the old
    address stops working at once) or turn it off."""
    found = LoggingAddress.objects.filter(owner=request.user).first()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "on" and found is None:
            LoggingAddress.objects.create(owner=request.user)
            messages.success(request, "Your logging address is on.")
        elif action == "new" and found is not None:
            found.rotate()
            messages.success(request, "New logging address: the old one no longer logs anything.")
        elif action == "off" and found is not None:
            found.delete()
            messages.success(request, "Mail in is off: mail to your old address is not logged.")
        return redirect("mail-logging")
    mailbox = mailbox_address()
    return render(
        request,
        "mail/logging.html",
        {
            "configured": bool(settings.MAIL_IN_URL and mailbox),
            "address": found.address(mailbox) if found and mailbox else "",
            "is_on": found is not None,
        },
    )
