"""Static files with content-hashed names, so browsers may keep them for a year.

`hundred serve` collects them into STATIC_ROOT first (collectstatic: hashed copies, gzip and
Brotli ones, and a manifest), and WhiteNoise serves the hashed names as immutable. Wherever
nothing was collected (tests, `runserver`, a fresh checkout), a file has its plain name and
WhiteNoise serves it from the app's folders with a short cache.
"""

from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFiles(CompressedManifestStaticFilesStorage):
    manifest_strict = False

    def stored_name(self, name: str) -> str:
        try:
            return super().stored_name(name)
        except ValueError:  # not collected: the plain name, served from the app's folders
            return name
