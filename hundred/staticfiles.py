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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[tuple[str, bool], str] = {}

    def url(self, name, force=False):
        """Each file's URL worked out once per process: the manifest is read once when the
        process starts (collectstatic runs before), so the answer cannot change after, and
        where nothing was collected the lookup (a file opened and not found) cost ~25 µs for
        each of the six static files of every page."""
        key = (name, force)
        try:
            return self._urls[key]
        except KeyError:
            url = self._urls[key] = super().url(name, force)
            return url

    def stored_name(self, name: str) -> str:
        try:
            return super().stored_name(name)
        except ValueError:  # not collected: the plain name, served from the app's folders
            return name
