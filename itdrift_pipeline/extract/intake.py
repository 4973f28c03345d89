"""Opening a source PDF safely: size, page, time and memory limits and the checks that reject unreadable
files.

Owns `Limits`/`DEFAULT_LIMITS`, `Deadline`, `MemoryBudget`, `file_sha256` and `open_pdf`; every refusal is
a model.DocumentRejected whose message tells the user what to do about the file.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.psexceptions import PSException
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from itdrift_pipeline.model import DocumentRejected

try:
    import resource
except ImportError:  # Windows: no getrusage; MemoryBudget is then disabled with a logged notice
    resource = None  # type: ignore[assignment]

logger = logging.getLogger(__name__)

# Readers accept a header within the first KiB and %%EOF within the last KiB (Acrobat's tolerance).
_HEADER_WINDOW = 1024
_TRAILER_WINDOW = 1024
_PARSE_ERRORS = (PdfminerException, MalformedPDFException, PSException)
# A damaged object can make pdfminer quote kilobytes of binary in its message.
_MAX_CAUSE_CHARS = 160


@dataclass(frozen=True)
class Limits:
    """Bounds on what one document may cost to read; hitting one rejects the file as too_large.

    The defaults sit far above real accounts books (a 400-page book, a one-page 842 x 9000 pt account
    listing with 400 rows and ~3000 words) and below what would exhaust a 2-core worker.
    `max_memory_bytes` is growth of the process's resident memory over its size when the document
    started (see `MemoryBudget`); the 23-page replica book grows it by under 10 MiB.
    """

    max_file_bytes: int = 300 * 1024 * 1024
    max_pages: int = 3000
    # 14 400 pt (200 inches) is the largest page PDF 1.7 allows without UserUnit scaling.
    max_page_side_pt: float = 14_400.0
    max_chars_per_page: int = 250_000
    max_table_rows: int = 10_000
    max_seconds: float = 1800.0
    max_memory_bytes: int = 2 * 1024**3

    def check_file_size(self, path: Path, size: int) -> None:
        if size > self.max_file_bytes:
            raise DocumentRejected(
                "too_large",
                f"file {path} is {size:,} bytes, above the limit of {self.max_file_bytes:,} bytes "
                "(Limits.max_file_bytes); split the book or raise the limit",
            )

    def check_page_count(self, pages: int) -> None:
        if pages > self.max_pages:
            raise DocumentRejected(
                "too_large",
                f"the document has {pages} pages, above the limit of {self.max_pages} "
                "(Limits.max_pages); split the book or raise the limit",
            )

    def check_page_size(self, page_number: int, page: Page) -> None:
        side = max(float(page.width), float(page.height))
        if side > self.max_page_side_pt:
            raise DocumentRejected(
                "too_large",
                f"page {page_number} measures {float(page.width):.0f} x {float(page.height):.0f} pt, "
                f"above the limit of {self.max_page_side_pt:.0f} pt per side (Limits.max_page_side_pt); "
                "check that the page is not a corrupted or poster-sized scan",
            )

    def check_page(self, page_number: int, page: Page) -> None:
        """Page size and character count; call before table extraction, which grows faster than linear."""
        self.check_page_size(page_number, page)
        chars = len(page.chars)
        if chars > self.max_chars_per_page:
            raise DocumentRejected(
                "too_large",
                f"page {page_number} holds {chars:,} characters, above the limit of "
                f"{self.max_chars_per_page:,} (Limits.max_chars_per_page); check the page or raise the limit",
            )

    def check_table_rows(self, page_number: int, rows: int) -> None:
        if rows > self.max_table_rows:
            raise DocumentRejected(
                "too_large",
                f"a table on page {page_number} has {rows:,} rows, above the limit of "
                f"{self.max_table_rows:,} (Limits.max_table_rows); check the table or raise the limit",
            )


DEFAULT_LIMITS = Limits()


class Deadline:
    """Wall-clock budget of one document, checked between pages (pdfminer cannot be interrupted mid-page)."""

    def __init__(self, limits: Limits = DEFAULT_LIMITS) -> None:
        self.max_seconds = limits.max_seconds
        self.started = time.monotonic()

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def check(self, page_number: int | None = None) -> None:
        elapsed = self.elapsed
        if elapsed > self.max_seconds:
            where = f" (stopped at page {page_number})" if page_number is not None else ""
            raise DocumentRejected(
                "too_large",
                f"reading took {elapsed:.1f} s, above the limit of {self.max_seconds:.0f} s "
                f"(Limits.max_seconds){where}; split the book or raise the limit",
            )


def resident_bytes() -> int | None:
    """The process's resident set size now, in bytes; None where it cannot be measured (Windows).

    Linux reads the current size from /proc/self/statm. Elsewhere (macOS, BSD) it falls back to
    getrusage's ru_maxrss, the process's *peak* resident size: growth of the peak only shows once the
    document uses more than the process ever held before, so there the bound is looser than stated.
    """
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        pass
    if resource is None:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # ru_maxrss is bytes on macOS, KiB on the other Unixes.
    return peak if sys.platform == "darwin" else peak * 1024


class MemoryBudget:
    """Resident-memory budget of one document: growth over the process's RSS when the document started,
    checked between pages like `Deadline` (pdfminer cannot be interrupted mid-page).

    RSS is the whole process's: extractions run in threads of one process share the budget. Memory the
    allocator keeps after freeing it still counts, so the measure errs on the side of rejecting.
    """

    def __init__(self, limits: Limits = DEFAULT_LIMITS) -> None:
        self.max_bytes = limits.max_memory_bytes
        self.baseline = resident_bytes()
        if self.baseline is None:
            logger.warning(
                "cannot measure resident memory on %s; Limits.max_memory_bytes is not enforced", sys.platform
            )

    @property
    def growth(self) -> int | None:
        """Bytes of resident memory gained since the document started (None when unmeasurable)."""
        now = resident_bytes()
        return None if now is None or self.baseline is None else now - self.baseline

    def check(self, page_number: int | None = None) -> None:
        growth = self.growth
        if growth is not None and growth > self.max_bytes:
            where = f" (stopped after page {page_number})" if page_number is not None else ""
            raise DocumentRejected(
                "too_large",
                f"reading grew resident memory by {growth:,} bytes, above the limit of "
                f"{self.max_bytes:,} bytes (Limits.max_memory_bytes){where}; split the book or raise "
                "the limit",
            )


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def _check_envelope(path: Path, limits: Limits) -> None:
    """Byte-level checks that need no parser: empty, size, %PDF- header, %%EOF trailer."""
    size = path.stat().st_size
    if size == 0:
        raise DocumentRejected("empty_file", f"file {path} is empty (0 bytes); re-download or re-export it")
    limits.check_file_size(path, size)
    with path.open("rb") as fh:
        head = fh.read(_HEADER_WINDOW)
        fh.seek(max(0, size - _TRAILER_WINDOW))
        tail = fh.read()
    if b"%PDF-" not in head:
        raise DocumentRejected(
            "not_a_pdf",
            f"file {path} does not start with a %PDF- header; it is not a PDF "
            "(check that the download is the accounts book, not an HTML error page)",
        )
    # pdfminer silently rebuilds a missing xref from whatever objects survive, so a cut-off download
    # would otherwise yield a book with pages or figures missing.
    if b"%%EOF" not in tail:
        raise DocumentRejected(
            "corrupt_pdf",
            f"file {path} is truncated (no %%EOF marker at the end); download or export it again",
        )


def _rejection_for(path: Path, exc: BaseException) -> DocumentRejected:
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, PDFEncryptionError):
        return DocumentRejected(
            "encrypted_pdf", f"file {path} is password-protected; supply an unencrypted copy"
        )
    detail = str(cause)
    if len(detail) > _MAX_CAUSE_CHARS:
        detail = detail[:_MAX_CAUSE_CHARS] + "..."
    return DocumentRejected(
        "corrupt_pdf",
        f"file {path} cannot be parsed as PDF ({type(cause).__name__}: {detail!r}); "
        "download or export it again",
    )


def _check_text_layer(
    path: Path, pdf: pdfplumber.PDF, limits: Limits, deadline: Deadline, memory: MemoryBudget
) -> None:
    """Reject a document in which no page has a single character: a scan, which needs OCR first.

    Pages read here stay parsed in pdfplumber's page cache, so the extractor does not parse them again.
    """
    images = 0
    for page_number, page in enumerate(pdf.pages, start=1):
        deadline.check(page_number)
        limits.check_page(page_number, page)
        memory.check(page_number)
        if page.chars:
            return
        images += len(page.images)
    if images:
        detail = f"its {len(pdf.pages)} page(s) hold {images} image(s) but no text"
    else:
        detail = f"its {len(pdf.pages)} page(s) hold no text at all"
    raise DocumentRejected(
        "no_text_layer",
        f"file {path} has no text layer: {detail}; it is probably scanned, run OCR on it "
        "(e.g. ocrmypdf) and supply the OCR'ed PDF",
    )


@contextmanager
def open_pdf(
    path: str | Path,
    limits: Limits = DEFAULT_LIMITS,
    deadline: Deadline | None = None,
    memory: MemoryBudget | None = None,
) -> Iterator[pdfplumber.PDF]:
    """Yield an open pdfplumber.PDF that passed every intake check, or raise model.DocumentRejected.

    pdfminer errors raised inside the `with` block (a page whose content stream is damaged) are turned
    into corrupt_pdf / encrypted_pdf rejections too, so the caller only has to handle DocumentRejected.
    Pass the document's `deadline` and `memory` budget when the caller keeps checking them page by page.
    """
    path = Path(path)
    deadline = deadline or Deadline(limits)
    memory = memory or MemoryBudget(limits)
    _check_envelope(path, limits)
    try:
        pdf = pdfplumber.open(path)
    except _PARSE_ERRORS as exc:
        raise _rejection_for(path, exc) from exc
    try:
        try:
            limits.check_page_count(len(pdf.pages))
            for page_number, page in enumerate(pdf.pages, start=1):
                limits.check_page_size(page_number, page)
            _check_text_layer(path, pdf, limits, deadline, memory)
            yield pdf
        except _PARSE_ERRORS as exc:
            raise _rejection_for(path, exc) from exc
    finally:
        pdf.close()
