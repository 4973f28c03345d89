"""One dynamic partition per source document, keyed by its name and the first 12 hex digits of its sha256.

The same bytes always get the same key (so they never run twice); a file re-uploaded with new bytes
gets a new key and runs again, while the old partition keeps its history.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import dagster as dg

from itdrift_pipeline.extract.intake import file_sha256

source_documents = dg.DynamicPartitionsDefinition(name="source_documents")

KEY_SEPARATOR = "~"
SHA_PREFIX_LENGTH = 12


class DocumentForPartitionMissing(Exception):
    """A partition's file is gone from the raw directory, or its bytes changed since it was registered."""


@dataclass(frozen=True)
class SourceDocument:
    """A PDF in the raw directory with its partition key."""

    path: Path
    sha256: str

    @property
    def partition_key(self) -> str:
        return partition_key_for(self.path, self.sha256)


def partition_key_for(path: Path, sha256: str) -> str:
    """`naestved_regnskab_2020_it~3fb77736774a`: readable in the UI, unique per content.

    The stem is reduced to word characters, dots and dashes because Dagster forbids "..." and control
    characters in keys, and commas would split a key list in run tags.
    """
    stem = re.sub(r"\.{2,}", ".", re.sub(r"[^\w.-]+", "_", path.stem))
    return f"{stem}{KEY_SEPARATOR}{sha256[:SHA_PREFIX_LENGTH]}"


def scan_source_documents(pdfs: list[Path]) -> list[SourceDocument]:
    return [SourceDocument(path=pdf, sha256=file_sha256(pdf)) for pdf in pdfs]


# A file modified this recently may be written again within the same timestamp granule (coarse on some
# file systems) with the same size; its stamp is not trusted on the next scan (git's "racy" rule).
RACY_NANOSECONDS = 2_000_000_000
UNTRUSTED = -1


@dataclass(frozen=True)
class FileStamp:
    """What a scan remembers of a file: its sha256, valid as long as size and mtime_ns are unchanged."""

    size: int
    mtime_ns: int
    sha256: str


def stamp_source_documents(
    pdfs: list[Path], known: Mapping[str, FileStamp]
) -> dict[str, FileStamp]:
    """A stamp per file name, hashing only the files whose size or mtime differ from `known` (by name),
    so a scan of unchanged files costs one stat each."""
    stamps = {}
    for pdf in pdfs:
        # stat before hashing: a write during the hash changes the mtime, so the next scan hashes again.
        stat = pdf.stat()
        previous = known.get(pdf.name)
        if previous is not None and (previous.size, previous.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
            sha256 = previous.sha256
        else:
            sha256 = file_sha256(pdf)
        racy = time.time_ns() - stat.st_mtime_ns < RACY_NANOSECONDS
        stamps[pdf.name] = FileStamp(size=stat.st_size, mtime_ns=UNTRUSTED if racy else stat.st_mtime_ns,
                                     sha256=sha256)
    return stamps


def find_source_document(pdfs: list[Path], partition_key: str) -> SourceDocument:
    """The PDF whose current bytes have this partition key, or DocumentForPartitionMissing."""
    stem, _, sha_prefix = partition_key.rpartition(KEY_SEPARATOR)
    candidates = [pdf for pdf in pdfs if partition_key_for(pdf, "").removesuffix(KEY_SEPARATOR) == stem]
    for pdf in candidates:
        document = SourceDocument(path=pdf, sha256=file_sha256(pdf))
        if document.sha256.startswith(sha_prefix):
            return document
    if candidates:
        raise DocumentForPartitionMissing(
            f"{candidates[0].name} no longer has the bytes of partition {partition_key} (sha256 "
            f"{sha_prefix}…); its new version has its own partition, so run that one instead"
        )
    raise DocumentForPartitionMissing(
        f"no PDF for partition {partition_key} in the raw directory; the file was removed or renamed. "
        "Its loaded data stay in the warehouse; restore the file to run this partition again"
    )
