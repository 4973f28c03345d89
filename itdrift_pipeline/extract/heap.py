"""Fewer garbage collections while a document is read.

Python collects its youngest generation after every 700 net allocations, and every tenth of those the
next one, and so on: reading a book allocates millions of short-lived characters, words and tuples while
what it has read so far (tens of thousands of lines) stays alive, so the collector keeps walking the same
long-lived objects. Measured on the 276-page benchmark book: a tenth of extraction time, and 60 % of
rebuilding a chapter's lines in a worker. Reading keeps few reference cycles (pdfminer's), which are still
collected, only in larger batches: the young generation holds at most YOUNG_GENERATION_ALLOCATIONS
objects' worth of garbage, a few megabytes.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_GENERATION_ALLOCATIONS = 20_000

_lock = threading.Lock()
_readers = 0  # documents being read in this process (threads may read several at once)
_saved: tuple[int, ...] = gc.get_threshold()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """The young generation collected every YOUNG_GENERATION_ALLOCATIONS allocations instead of Python's
    700 until the last document being read in this process is done; the thresholds are then restored."""
    global _readers, _saved
    with _lock:
        if _readers == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(max(YOUNG_GENERATION_ALLOCATIONS, _saved[0]), *_saved[1:])
        _readers += 1
    try:
        yield
    finally:
        with _lock:
            _readers -= 1
            if _readers == 0:
                gc.set_threshold(*_saved)
