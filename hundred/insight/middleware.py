"""Insights computed after a web write, once its response has gone (kept.refresh)."""

from __future__ import annotations

from functools import partial

from hundred.accounts.middleware import still_signed_in, writes_as_signed_in
from hundred.insight import kept


class KeepInsightsFreshMiddleware:
    """After a request that can write by a signed-in account (what accounts'
    DataStampMiddleware gives a new data stamp), compute the account's Insights again when
    the response is closed: the WSGI server closes it after the last byte is sent, so the
    person who wrote does not wait, and their next look at Insights reads the page instead of
    computing it (kept.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user if writes_as_signed_in(request) else None
        response = self.get_response(request)
        if user is not None and still_signed_in(request, user):
            # Django's own list of what close() runs (FileResponse closes its file with it);
            # close() is called by the server, or by the test client, after the response;
            # tests/test_granian_refresh.py checks it with granian, as `hundred serve` runs.
            response._resource_closers.append(partial(kept.refresh, user.pk))
        return response
