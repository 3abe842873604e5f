"""WSGI entry point for `hundred serve` and any other WSGI server."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hundred.settings")
application = get_wsgi_application()

# What is loaded now (Django, the app, every view through the URLs) lives as long as the
# process: frozen, a full collection no longer walks it. Under the load mix's requests a full
# collection went from 140–340 ms to 27–120 ms with it (docs/performance.md, branch reqcpu).
get_resolver().url_patterns  # noqa: B018 - imports every view before the freeze
gc.freeze()
