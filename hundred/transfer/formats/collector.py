"""The cyclic garbage collector paused while an import builds its many small objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with Python's cyclic garbage collector off, then as it was.

    Each time enough new containers have been allocated the collector walks the live ones,
    and now and then all of them: reading, planning and writing 30,000 people allocate
    hundreds of thousands of records, dicts and tuples (none of them in a cycle), and those
    walks were a third of a re-import's CPU. Reference counting still frees everything; the
    collector runs again when the block ends. Nested blocks leave it to the outermost.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
