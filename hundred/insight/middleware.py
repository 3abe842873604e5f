"""Insights computed after a web write, once its response has gone (kept.refresh)."""

from __future__ import annotations

from functools import partial

from hundred.insight import kept

SAFE = frozenset(("GET", "HEAD", "OPTIONS"))


class KeepInsightsFreshMiddleware:
    """After a request that can write (what accounts' DataStampMiddleware gives a new data
    stamp), compute the account's Insights again when the response is closed: the WSGI server
    closes it after the last byte is sent, so the person who wrote does not wait, and their
    next look at Insights reads the page instead of computing it (kept.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if request.method not in SAFE and user is not None and user.is_authenticated:
            # Django's own list of what close() runs (FileResponse closes its file with it);
            # close() is called by the server, or by the test client, after the response.
            response._resource_closers.append(partial(kept.refresh, user.pk))
        return response
