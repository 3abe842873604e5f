"""The installable app's service worker, served from the site's root so that it may look after
every page (a worker's reach ends at the folder it is served from, and static files live under
/static/). The script itself is hundred/static/hundred/sw.js; this view puts above it the list
of files to keep and a version that changes whenever one of them does, so that a new stylesheet
reaches phones that installed Hundred."""

from __future__ import annotations

import hashlib
import json
from functools import cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.templatetags.static import static
from django.views.decorators.http import require_GET

# The app shell: what the first screen needs and the page shown without a connection.
SHELL = [
    "hundred/app.css",
    "hundred/app.js",
    "hundred/offline.html",
    "hundred/icon.svg",
    "hundred/icon-192.png",
    "hundred/manifest.webmanifest",
]


@cache
def _script() -> bytes:
    digest = hashlib.sha256()
    for name in [*SHELL, "hundred/sw.js"]:
        with open(finders.find(name), "rb") as f:
            digest.update(f.read())
    head = (
        f"var VERSION = {json.dumps(digest.hexdigest()[:12])};\n"
        f"var STATIC = {json.dumps(settings.STATIC_URL)};\n"
        f"var SHELL = {json.dumps([static(name) for name in SHELL])};\n"
    )
    with open(finders.find("hundred/sw.js"), "rb") as f:
        return head.encode() + f.read()


@require_GET
def service_worker(request):
    # Like every page, no-store (NoStoreMiddleware): browsers ask for the worker afresh on each
    # visit and so find a new version.
    return HttpResponse(_script(), content_type="text/javascript; charset=utf-8")
