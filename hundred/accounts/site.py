"""This instance's own addresses, for links that leave the browser."""

from __future__ import annotations

from django.conf import settings


def absolute_url(request, path: str) -> str:
    """A full address for links that leave the browser (mail, calendar apps).

    SITE_URL wins when set: behind a proxy the request's own host may be an internal name.
    """
    if settings.SITE_URL:
        return settings.SITE_URL + path
    return request.build_absolute_uri(path)
