"""Opening a source PDF safely: size, page, time and memory limits and the checks that reject unreadable
files.

Owns `Limits`/`DEFAULT_LIMITS`, `Deadline`, `MemoryBudget`, `file_sha256` and `open_pdf`; every refusal is
a model.DocumentRejected whose message tells the user what to do about the file.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sys
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2
import pypdfium2.raw as pdfium_c
from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.pdftypes import (
    LITERALS_ASCII85_DECODE,
    LITERALS_ASCIIHEX_DECODE,
    LITERALS_FLATE_DECODE,
    PDFStream,
    resolve1,
)
from pdfminer.psexceptions import PSException
from pdfminer.psparser import LIT
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
_FORM = LIT("Form")


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
    # Decoded bytes of a page's content and form streams; the densest replica page has 34 KB. Checked on
    # the compressed bytes with a bounded inflate, so a zip bomb costs at most this much memory.
    max_content_bytes_per_page: int = 16 * 1024 * 1024
    # Graphic objects (text runs, paths, images) on a page, counted by pdfium before pdfplumber makes a
    # Python dict of each; a 400-row ruled listing has a few thousand.
    max_objects_per_page: int = 200_000
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
        if not (float(page.width) > 0 and float(page.height) > 0):
            raise DocumentRejected(
                "damaged_pdf",
                f"page {page_number} has no area ({float(page.width):.0f} x {float(page.height):.0f} pt; "
                "its MediaBox is damaged); download or export the file again",
            )
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
        self.check_char_count(page_number, len(page.chars))

    def check_char_count(self, page_number: int, chars: int) -> None:
        """The page's character count, as parsed."""
        if chars > self.max_chars_per_page:
            raise DocumentRejected(
                "too_large",
                f"page {page_number} holds {chars:,} characters, above the limit of "
                f"{self.max_chars_per_page:,} (Limits.max_chars_per_page); check the page or raise the limit",
            )

    def check_page_costs(self, page_number: int, content_bytes: int, chars: int, objects: int) -> None:
        """What parsing the page will cost, measured before pdfplumber parses it (see `_page_costs`)."""
        for measured, limit, what, name in (
            (
                content_bytes,
                self.max_content_bytes_per_page,
                "bytes of content streams",
                "max_content_bytes_per_page",
            ),
            (chars, self.max_chars_per_page, "characters", "max_chars_per_page"),
            (objects, self.max_objects_per_page, "graphic objects", "max_objects_per_page"),
        ):
            if measured > limit:
                raise DocumentRejected(
                    "too_large",
                    f"page {page_number} holds {'over ' if what.startswith('bytes') else ''}"
                    f"{measured:,} {what}, above the limit of {limit:,} (Limits.{name}); "
                    "check the page or raise the limit",
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


def _rejection_for(path: Path, exc: BaseException, page_number: int | None = None) -> DocumentRejected:
    """The rejection for an exception raised by pdfminer/pdfplumber/pdfium while reading `path`.

    The PDF libraries raise anything on a damaged file (TypeError for a missing MediaBox, IndexError for
    a short one, ValueError for a negative stream length), so every exception type maps to a kind here.
    """
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, DocumentRejected):
        return cause
    if isinstance(cause, PDFEncryptionError):
        return DocumentRejected(
            "encrypted_pdf", f"file {path} is password-protected; supply an unencrypted copy"
        )
    where = f" on page {page_number}" if page_number is not None else ""
    if isinstance(cause, MemoryError):
        return DocumentRejected(
            "too_large",
            f"file {path} ran out of memory while reading{where}; check the file or raise the memory "
            "available to the worker",
        )
    detail = "objects nested too deeply" if isinstance(cause, RecursionError) else str(cause)
    if len(detail) > _MAX_CAUSE_CHARS:
        detail = detail[:_MAX_CAUSE_CHARS] + "..."
    logger.debug("reading %s failed%s", path, where, exc_info=exc)
    return DocumentRejected(
        "corrupt_pdf",
        f"file {path} cannot be parsed as PDF{where} ({type(cause).__name__}: {detail!r}); "
        "download or export it again",
    )


@contextmanager
def reading_page(path: Path, page_number: int) -> Iterator[None]:
    """Turn whatever the PDF libraries raise while a page is read into a rejection naming the page."""
    try:
        yield
    except DocumentRejected:
        raise
    except Exception as exc:  # the PDF libraries raise any type on a damaged page
        raise _rejection_for(path, exc, page_number) from exc


class DamageWatch(logging.Handler):
    """Collects pdfminer's reports of data it dropped ("Data-loss while decompressing corrupted data")
    while this thread reads a document, so damage becomes a damaged_pdf rejection rather than a log line.

    Only records of the thread that opened the document count: documents read in parallel threads do
    not reject each other.
    """

    SIGNS = ("data-loss",)

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.thread = threading.get_ident()
        self.reports: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread and any(s in record.getMessage().lower() for s in self.SIGNS):
            self.reports.append(record.getMessage())

    def check(self, path: Path, page_number: int | None = None) -> None:
        if self.reports:
            where = f"page {page_number}" if page_number is not None else "the document"
            raise DocumentRejected(
                "damaged_pdf",
                f"file {path} is damaged: reading {where} lost data ({self.reports[0]}); its figures "
                "would be incomplete, so nothing is loaded; download or export it again",
            )

    @contextmanager
    def watching(self) -> Iterator[DamageWatch]:
        pdfminer_logger = logging.getLogger("pdfminer")
        pdfminer_logger.addHandler(self)
        try:
            yield self
        finally:
            pdfminer_logger.removeHandler(self)


def _check_page_tree(path: Path, pdf: pdfplumber.PDF) -> None:
    """The pages found must be the pages the page tree declares (/Pages /Count).

    pdfminer silently skips a page whose dictionary is damaged, and rebuilds the page list by brute force
    when the tree is broken; either way pages can go missing without an error.
    """
    found = len(pdf.pages)
    try:
        declared = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
    except Exception:  # the PDF libraries raise anything on a damaged tree; see _rejection_for
        declared = None
    if not isinstance(declared, int) or declared != found or found == 0:
        stated = f"declares {declared} page(s)" if isinstance(declared, int) else "has no readable page count"
        raise DocumentRejected(
            "damaged_pdf",
            f"file {path} is damaged: its page tree {stated} but {found} page(s) can be read; pages would "
            "be missing, so nothing is loaded; download or export it again",
        )


def _decoded(stream: PDFStream, cap: int) -> bytes:
    """What `stream` decodes to, at most cap + 1 bytes of it; raises zlib.error on corrupt data.

    Flate is inflated with a bounded output, so a 1 GB bomb costs `cap` bytes; ASCII85/ASCIIHex only
    shrink. Any other filter (LZW, images) stops the chain: what is known so far is returned.
    """
    if stream.rawdata is None:  # already decoded by pdfminer
        return stream.data or b""
    data = stream.rawdata
    if stream.decipher and stream.objid is not None and stream.genno is not None:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    for name, _params in stream.get_filters():
        if name in LITERALS_FLATE_DECODE:
            inflater = zlib.decompressobj()
            out = inflater.decompress(data, cap + 1)
            if len(out) > cap:
                return out
            if not inflater.eof:
                out += inflater.flush()  # raises zlib.error on a truncated or corrupt stream
                if not inflater.eof:
                    raise zlib.error("incomplete or truncated stream")
            data = out
        elif name in LITERALS_ASCII85_DECODE:
            data = ascii85decode(data)
        elif name in LITERALS_ASCIIHEX_DECODE:
            data = asciihexdecode(data)
        else:
            break
    return data


# String operands of the text operators: (literal) strings, escapes and one level of nesting aside, and
# <hex> strings (two digits a byte). Their byte count bounds the characters a content stream shows.
_LITERAL_STRING = re.compile(rb"\((?:\\.|[^\\()])*\)", re.DOTALL)
_HEX_STRING = re.compile(rb"<[0-9A-Fa-f\s]*>")


def _shown_bytes(content: bytes) -> int:
    """Upper bound of the characters `content` shows (one per string byte), counted without parsing.

    pdfium's own count skips characters set far outside the page, which pdfplumber still builds a dict
    for, so both are taken and the larger one checked.
    """
    literal = sum(len(m) - 2 for m in _LITERAL_STRING.findall(content))
    hexadecimal = sum((len(m) - 2) // 2 for m in _HEX_STRING.findall(content))
    return literal + hexadecimal


class _UnreadableObject(Exception):
    """A content stream or font the page refers to that cannot be read (pdfminer would skip it)."""


def _font_names(resources: Any) -> frozenset[str]:
    fonts = resolve1(resources.get("Font")) if isinstance(resources, dict) else None
    return frozenset(str(name) for name in fonts) if isinstance(fonts, dict) else frozenset()


def _page_streams(page: Page) -> Iterator[tuple[PDFStream, frozenset[str] | None]]:
    """(stream, the font names it may use) for the page's content streams and form XObjects (nested ones
    too), and (stream, None) for its fonts' ToUnicode maps: the streams whose bytes become its text."""
    seen: set[int] = set()

    def visit(obj: Any, depth: int, fonts: frozenset[str] | None) -> Iterator[tuple[PDFStream, Any]]:
        obj = resolve1(obj)
        if isinstance(obj, PDFStream) and id(obj) not in seen:
            seen.add(id(obj))
            own = resolve1(obj.get("Resources")) if fonts is not None else None
            yield obj, (_font_names(own) if isinstance(own, dict) else fonts)
            if fonts is not None and isinstance(own, dict):
                yield from resources(own, depth + 1)

    def resources(res: Any, depth: int) -> Iterator[tuple[PDFStream, Any]]:
        res = resolve1(res)
        if not isinstance(res, dict) or depth > 8:
            return
        fonts = _font_names(res)
        for xobject in (resolve1(res.get("XObject")) or {}).values():
            xobject = resolve1(xobject)
            if isinstance(xobject, PDFStream) and resolve1(xobject.get("Subtype")) is _FORM:
                yield from visit(xobject, depth, fonts)
        for font in (resolve1(res.get("Font")) or {}).values():
            font = resolve1(font)
            if not isinstance(font, dict):
                raise _UnreadableObject(f"a font ({font!r:.60})")
            yield from visit(font.get("ToUnicode"), depth, None)

    page_fonts = _font_names(resolve1(page.page_obj.resources))
    for content in page.page_obj.contents:
        if not isinstance(resolve1(content), PDFStream):
            raise _UnreadableObject(f"its content stream ({content!r:.60})")
        yield from visit(content, 0, page_fonts)
    yield from resources(page.page_obj.resources, 0)


# `/F1 9 Tf`: the font a text run is set in, named in the stream's /Resources /Font.
_SET_FONT = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s+[-+]?[\d.]+\s+Tf\b")


def _missing_fonts(content: bytes, fonts: frozenset[str]) -> set[str]:
    """Fonts the content sets that its resources lack: pdfminer silently reads their text as garbage."""
    used = {name.decode("latin-1") for name in _SET_FONT.findall(content)}
    return used - fonts


def _checked_streams(
    path: Path, page_number: int, page: Page
) -> Iterator[tuple[PDFStream, frozenset[str] | None]]:
    try:
        yield from _page_streams(page)
    except _UnreadableObject as unreadable:
        raise DocumentRejected(
            "damaged_pdf",
            f"file {path} is damaged: page {page_number} refers to {unreadable} that cannot be read; "
            "its text would be lost, so nothing is loaded; download or export it again",
        ) from unreadable


def _pdfium_counts(pdfium_doc: pypdfium2.PdfDocument | None, index: int) -> tuple[int, int]:
    """(characters, graphic objects) on page `index` counted by pdfium in C: cheap where pdfplumber would
    build one Python dict per character. (0, 0) when pdfium cannot read the page (pdfminer decides)."""
    if pdfium_doc is None:
        return 0, 0
    try:
        page = pdfium_doc[index]
    except Exception:  # pdfium's own damage handling differs from pdfminer's; pdfminer decides
        return 0, 0
    try:
        textpage = page.get_textpage()
        try:
            return textpage.count_chars(), pdfium_c.FPDFPage_CountObjects(page.raw)
        finally:
            textpage.close()
    finally:
        page.close()


def _open_pdfium(path: Path) -> pypdfium2.PdfDocument | None:
    try:
        return pypdfium2.PdfDocument(str(path))
    except Exception:  # encrypted or unreadable for pdfium: the pdfminer checks still apply
        return None


def _check_page_costs(
    path: Path, pdf: pdfplumber.PDF, limits: Limits, deadline: Deadline, damage: DamageWatch
) -> None:
    """Before any page is parsed: decoded content size (bounded inflate), characters and graphic objects
    (pdfium) per page within the limits, and every content stream decodes cleanly.

    pdfminer cannot be interrupted inside a page, so this is where a page that would take minutes and
    gigabytes is refused, in milliseconds.
    """
    pdfium_doc = _open_pdfium(path)
    try:
        for index, page in enumerate(pdf.pages):
            page_number = index + 1
            deadline.check(page_number)
            content_bytes = shown = 0
            for stream, fonts in _checked_streams(path, page_number, page):
                budget = limits.max_content_bytes_per_page - content_bytes
                try:
                    data = _decoded(stream, budget)
                except (zlib.error, ValueError) as error:
                    raise DocumentRejected(
                        "damaged_pdf",
                        f"file {path} is damaged: a content stream of page {page_number} does not decode "
                        f"({type(error).__name__}: {str(error)[:80]!r}); its text would be lost, so nothing "
                        "is loaded; download or export it again",
                    ) from error
                content_bytes += len(data)
                if content_bytes > limits.max_content_bytes_per_page:
                    break
                if fonts is None:
                    continue
                shown += _shown_bytes(data)
                if missing := _missing_fonts(data, fonts):
                    raise DocumentRejected(
                        "damaged_pdf",
                        f"file {path} is damaged: page {page_number} sets its text in font(s) "
                        f"{', '.join(sorted(missing))} that the file does not contain; that text cannot be "
                        "read, so nothing is loaded; download or export it again",
                    )
            limits.check_page_costs(page_number, content_bytes, shown, 0)
            chars, objects = _pdfium_counts(pdfium_doc, index)
            limits.check_page_costs(page_number, content_bytes, max(chars, shown), objects)
            damage.check(path, page_number)
    finally:
        if pdfium_doc is not None:
            pdfium_doc.close()


def _check_text_layer(
    path: Path, pdf: pdfplumber.PDF, limits: Limits, deadline: Deadline, memory: MemoryBudget
) -> None:
    """Reject a document in which no page has a single character: a scan, which needs OCR first.

    Pages read here stay parsed in pdfplumber's page cache, so the extractor does not parse them again.
    """
    images = 0
    for page_number, page in enumerate(pdf.pages, start=1):
        deadline.check(page_number)
        with reading_page(path, page_number):
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
    damage: DamageWatch | None = None,
) -> Iterator[pdfplumber.PDF]:
    """Yield an open pdfplumber.PDF that passed every intake check, or raise model.DocumentRejected.

    Any exception the PDF libraries raise, here or inside the `with` block (a page whose content stream
    is damaged), becomes a rejection (corrupt_pdf, encrypted_pdf, too_large for MemoryError), so the
    caller only has to handle DocumentRejected. Pass the document's `deadline`, `memory` budget and
    `damage` watch when the caller keeps checking them page by page.
    """
    path = Path(path)
    deadline = deadline or Deadline(limits)
    memory = memory or MemoryBudget(limits)
    _check_envelope(path, limits)
    with (damage or DamageWatch()).watching() as damage:
        try:
            pdf = pdfplumber.open(path)
        except DocumentRejected:
            raise
        except Exception as exc:  # the PDF libraries raise any type on a damaged file
            raise _rejection_for(path, exc) from exc
        try:
            limits.check_page_count(len(pdf.pages))
            _check_page_tree(path, pdf)
            for page_number, page in enumerate(pdf.pages, start=1):
                limits.check_page_size(page_number, page)
            _check_page_costs(path, pdf, limits, deadline, damage)
            _check_text_layer(path, pdf, limits, deadline, memory)
            damage.check(path)
            yield pdf
        except DocumentRejected:
            raise
        except Exception as exc:  # the PDF libraries raise any type, here or in the caller's block
            raise _rejection_for(path, exc) from exc
        finally:
            _close_quietly(path, pdf)


def _close_quietly(path: Path, pdf: pdfplumber.PDF) -> None:
    """Close `pdf`; closing walks the page tree again, and on a damaged file that raises over the
    rejection being reported, so a failure here is only logged."""
    try:
        pdf.close()
    except Exception as exc:  # the PDF libraries raise any type on a damaged file
        logger.debug("closing %s failed: %s: %s", path, type(exc).__name__, exc)
