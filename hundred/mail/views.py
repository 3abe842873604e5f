"""The one-click unsubscribe address in every digest and review (RFC 8058)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from hundred.mail.digest import read_unsubscribe
from hundred.mail.models import SentMail

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
