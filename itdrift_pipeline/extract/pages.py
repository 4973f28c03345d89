"""A book's pages -> lines: one cheap pdfium pass reads every page and finds those a table may be on; only
those (and the page after a table that runs to the foot of its page) go through pdfplumber, in worker
processes when asked, merged in page order.

Prose pages keep the words pdfplumber would give them (see pdfium_text.py), so everything after this
stage works on the same lines whichever way a page was read. `triage=False, workers=1` reads every page
with pdfplumber in this process: the reference path the equivalence test compares against.
"""

from __future__ import annotations

import itertools
import logging
import math
import os
import re
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2
from pdfplumber.page import Page

from itdrift_pipeline.extract.heap import fewer_collections
from itdrift_pipeline.extract.intake import (
    DamageWatch,
    Deadline,
    Limits,
    MemoryBudget,
    reading_page,
)
from itdrift_pipeline.extract.layout import (
    CharTuple,
    Line,
    Phrase,
    Rule,
    Word,
    group_lines,
    page_rules,
    page_words,
    rules_of_segments,
    words_of_char_tuples,
)
from itdrift_pipeline.extract.pdfium_text import NotCheap, PageFonts, pdfium_chars
from itdrift_pipeline.extract.pdfminer_page import parse_page_char_tuples, parse_page_objects
from itdrift_pipeline.extract.tables import is_row_line, split_figure_runs, split_side_by_side
from itdrift_pipeline.fork_server import PAGE_WORKER_MODULES, worker_context

logger = logging.getLogger(__name__)

# Running headers and footers live in the top and bottom margins and repeat from page to page.
RUNNING_MARGIN_PT = 55.0
# Below this many pages a worker, starting worker processes costs more than it saves.
MIN_PAGES_PER_WORKER = 8
# Ranges handed to each worker: small enough that the workers finish together (table pages cluster),
# large enough that a range costs more than sending it.
BATCHES_PER_WORKER = 4


@dataclass
class PageText:
    """One page's lines, read once: everything after this works on these, not on pdfplumber."""

    number: int
    height: float
    lines: list[Line]
    rules: list[Rule] = field(default_factory=list)  # horizontal ruling lines (table borders)
    control_characters_removed: int = 0
    by_pdfplumber: bool = True  # False: read from pdfium's text (a page no table is on)


@dataclass(frozen=True)
class ReadOptions:
    """How pages are read. The defaults are the fast path; `triage=False, workers=1` the reference."""

    triage: bool = True  # pdfium first; pdfplumber only on pages a table may be on
    workers: int = 1  # processes that read pdfplumber pages (1: this process)
    # A book this short is read by pdfplumber throughout: its pages border a table page anyway.
    triage_from_pages: int = 4


def default_workers() -> int:
    """The machine's cores (what `--workers` defaults to)."""
    return os.cpu_count() or 1


# NUL and the other C0/C1 controls, and lone surrogates: no printed glyph maps to them, PostgreSQL text
# refuses NUL and the chart renderer aborts on it, so they are dropped where the text is first read.
def _is_control(character: str) -> bool:
    return unicodedata.category(character) in ("Cc", "Cs")


def without_controls(text: str) -> str:
    return "".join(c for c in text if not _is_control(c)) if any(map(_is_control, text)) else text


# The characters _is_control finds (categories Cc and Cs), to rule them out for a whole page at once.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _clean_chars(chars: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """The characters with control characters dropped from their text, and the count removed."""
    if not _CONTROLS.search("".join(char["text"] for char in chars)):
        return chars, 0
    removed = 0
    kept = []
    for char in chars:
        text = char["text"]
        cleaned = without_controls(text)
        removed += len(text) - len(cleaned)
        if cleaned:
            char["text"] = cleaned
            kept.append(char)
    return (kept if removed else chars), removed


def _clean_char_tuples(chars: list[CharTuple]) -> tuple[list[CharTuple], int]:
    """_clean_chars for pdfium_text's character tuples."""
    if not _CONTROLS.search("".join(char[0] for char in chars)):
        return chars, 0
    removed = 0
    kept = []
    for char in chars:
        cleaned = without_controls(char[0])
        removed += len(char[0]) - len(cleaned)
        if cleaned:
            kept.append((cleaned, *char[1:]))
    return kept, removed


def _lines(words: list) -> list[Line]:
    lines = group_lines(words)
    for line in lines:
        split_figure_runs(line)
    return split_side_by_side(lines)


def read_pdfplumber_page(page: Page, number: int, limits: Limits, path: Path) -> PageText:
    """The page read by pdfplumber: words, and the horizontal rules tables are ruled with."""
    with reading_page(path, number):
        without_analysis = page.pdf.laparams is None  # pdfminer's layout analysis off, as pdfplumber.open
        parsed = parse_page_char_tuples(page) if without_analysis else None
        if parsed is None:
            if without_analysis:
                parse_page_objects(page)
            limits.check_page(number, page)
            chars, removed = _clean_chars(page.chars)
            if removed:
                page.objects["char"] = chars
            words = page_words(page, number)
            rules = page_rules(page, number)
        else:
            tuples, segments = parsed
            limits.check_page_size(number, page)
            limits.check_char_count(number, len(tuples))
            tuples, removed = _clean_char_tuples(tuples)
            words = words_of_char_tuples(tuples, number)
            rules = rules_of_segments(segments, number)
        height = float(page.height)
        page.close()  # frees pdfplumber's per-page object cache: a long book stays flat in memory
    if removed:
        logger.warning("page %d: removed %d control character(s) from the text", number, removed)
    return PageText(number, height, _lines(words), rules, removed)


def _read_cheap_page(
    textpage: pypdfium2.PdfTextPage, page: Page, number: int, fonts: PageFonts, limits: Limits, path: Path
) -> PageText:
    """The page read from pdfium's text (raises NotCheap when that cannot match pdfplumber)."""
    height = float(page.height)
    limits.check_page_size(number, page)
    try:
        chars = pdfium_chars(textpage, height, fonts.of_page(page))
    except NotCheap:
        raise
    except Exception as error:  # pdfium or a font pdfminer cannot read: pdfplumber decides what it means
        raise NotCheap(f"{type(error).__name__}: {error}") from error
    if len(chars) > limits.max_chars_per_page:
        raise NotCheap("more characters than Limits.max_chars_per_page: pdfplumber's check decides")
    chars, removed = _clean_char_tuples(chars)
    words = words_of_char_tuples(chars, number)
    return PageText(number, height, _lines(words), [], removed, by_pdfplumber=False)


def may_hold_table(page: PageText) -> bool:
    """True unless every line of the page reads as prose. A line of figures after a label (a table row),
    or any line of several phrases with a digit in it, may belong to a table, unless it is a justified
    line of prose: many words, few of them figures, set evenly apart. Lines in the top and bottom
    margins (running header and footer, page number) do not count."""
    for line in page.lines:
        if _in_margin(line, page.height):
            continue
        suspect = is_row_line(line) or (len(line.phrases) > 1 and any(c.isdigit() for c in line.text))
        if suspect and not _justified_prose(line):
            return True
    return False


# A justified line stretches every word space of the line alike; cells of a table row are set apart by
# whatever the columns need. Differences up to this fraction of an em are rounding.
EVEN_SPACING_EM = 0.1
# Enough words that evenly spread cells of a table row cannot pass for a sentence, few of them figures.
JUSTIFIED_MIN_WORDS = 6
JUSTIFIED_MAX_FIGURE_SHARE = 1 / 3


def _justified_prose(line: Line) -> bool:
    words = line.words
    if len(words) < JUSTIFIED_MIN_WORDS:
        return False
    figures = sum(1 for w in words if any(c.isdigit() for c in w.text))
    if figures > JUSTIFIED_MAX_FIGURE_SHARE * len(words):
        return False
    gaps = [right.x0 - left.x1 for left, right in itertools.pairwise(words)]
    return max(gaps) - min(gaps) <= EVEN_SPACING_EM * line.size


def worker_count(options: ReadOptions, pages: int) -> int:
    """Processes that read a book of `pages` pages: 1 (this process) when it is too short to share."""
    return max(1, min(options.workers, pages // MIN_PAGES_PER_WORKER))


def _pdfium_page_count(path: Path) -> int:
    try:
        document = pypdfium2.PdfDocument(str(path))
    except Exception:  # unreadable for pdfium: intake decides what it is; no workers started early
        return 0
    try:
        return len(document)
    finally:
        document.close()


def _ready() -> None:
    """A worker's first task: returns once the process is up (its imports done)."""


@contextmanager
def page_workers(path: Path, options: ReadOptions) -> Iterator[ProcessPoolExecutor | None]:
    """The worker processes the pages of the PDF at `path` will be read in, or None when one process
    reads it. They start now, in the background: a worker is a fresh interpreter that imports the PDF
    readers, and that start-up overlaps the intake checks instead of following them. They touch no PDF
    until read_pages hands them pages, after intake has passed the document."""
    workers = worker_count(options, _pdfium_page_count(path)) if options.workers > 1 else 1
    if workers <= 1:
        yield None
        return
    # forkserver: workers start from a clean process, not a fork of one that holds pdfium's state.
    with ProcessPoolExecutor(max_workers=workers, mp_context=worker_context(PAGE_WORKER_MODULES)) as pool:
        # Each submit launches a process and waits for the fork server to report it: off this thread.
        starter = threading.Thread(target=lambda: [pool.submit(_ready) for _ in range(workers)], daemon=True)
        starter.start()
        try:
            yield pool
        except BaseException:
            starter.join()
            pool.shutdown(cancel_futures=True)  # a rejected document: what is still queued is not read
            raise
        starter.join()


def read_pages(
    pdf: pdfplumber.PDF,
    path: Path,
    limits: Limits,
    deadline: Deadline,
    memory: MemoryBudget,
    damage: DamageWatch | None,
    options: ReadOptions,
    pool: ProcessPoolExecutor | None = None,
) -> list[PageText]:
    """Every page's lines, in page order, checking the time budget and page limits before each page and
    the memory budget and pdfminer's damage reports after it; control characters are dropped here.

    With several workers the book is cut into ranges of neighbouring pages, each triaged and read in a
    worker process (with its own memory budget and damage watch, and the document's deadline): those of
    `pool` (see page_workers) when given, else a pool started here."""
    count = len(pdf.pages)
    triage = options.triage and count >= options.triage_from_pages
    workers = worker_count(options, count)
    if workers <= 1:
        pages = _read_range(pdf, path, 1, count, triage, limits, deadline, memory, damage)
    elif pool is None:
        with page_workers(path, options) as started:
            return read_pages(pdf, path, limits, deadline, memory, damage, options, started)
    else:
        size = max(MIN_PAGES_PER_WORKER, math.ceil(count / (workers * BATCHES_PER_WORKER)))
        ranges = [(first, min(first + size - 1, count)) for first in range(1, count + 1, size)]
        level, started = logging_level(), deadline.started
        futures = [
            pool.submit(_read_range_in_worker, str(path), first, last, triage, limits, started, level)
            for first, last in ranges
        ]
        pages = []
        for future in futures:
            packed, records = future.result()
            replayed(records)
            pages.extend(_unpacked(page) for page in packed)
    # A table that runs to the foot of a page may go on over the page break: the next page is read by
    # pdfplumber too (its rules border the rows). Ranges cannot see the page before them; done here.
    for index in range(1, len(pages)):
        previous = pages[index - 1]
        if not pages[index].by_pdfplumber and previous.by_pdfplumber and runs_to_foot(previous):
            number = index + 1
            deadline.check(number)
            pages[index] = read_pdfplumber_page(pdf.pages[number - 1], number, limits, path)
            memory.check(number)
            if damage is not None:
                damage.check(path, number)
    return pages


def runs_to_foot(page: PageText) -> bool:
    """The last line above the bottom margin is a row of figures: a table that may go on overleaf."""
    body = [line for line in page.lines if not _in_margin(line, page.height)]
    return bool(body) and any(is_row_line(line) for line in body[-2:])


def _in_margin(line: Line, height: float) -> bool:
    return line.bottom <= RUNNING_MARGIN_PT or line.top >= height - RUNNING_MARGIN_PT


def _read_range(
    pdf: pdfplumber.PDF,
    path: Path,
    first: int,
    last: int,
    triage: bool,
    limits: Limits,
    deadline: Deadline,
    memory: MemoryBudget,
    damage: DamageWatch | None,
) -> list[PageText]:
    """Pages first..last (1-based): triaged with pdfium, then pdfplumber on the pages a table may be on."""
    cheap = _triage(pdf, path, first, last, limits, deadline, memory) if triage else {}
    pages = []
    for number in range(first, last + 1):
        if number in cheap and not may_hold_table(cheap[number]):
            pages.append(cheap[number])
            continue
        deadline.check(number)
        pages.append(read_pdfplumber_page(pdf.pages[number - 1], number, limits, path))
        memory.check(number)
        if damage is not None:
            damage.check(path, number)
    logger.debug(
        "%s pages %d-%d: %d read by pdfplumber", path.name, first, last, sum(p.by_pdfplumber for p in pages)
    )
    return pages


def _triage(
    pdf: pdfplumber.PDF,
    path: Path,
    first: int,
    last: int,
    limits: Limits,
    deadline: Deadline,
    memory: MemoryBudget,
) -> dict[int, PageText]:
    """Of pages first..last, those pdfium's text reads exactly as pdfplumber would, by number."""
    try:
        document = pypdfium2.PdfDocument(str(path))
    except Exception:  # pdfium cannot open what pdfminer can: every page goes to pdfplumber
        logger.info("%s: pdfium cannot open the file; every page is read by pdfplumber", path.name)
        return {}
    fonts = PageFonts(pdf.rsrcmgr)
    cheap: dict[int, PageText] = {}
    try:
        for number in range(first, last + 1):
            deadline.check(number)
            pdfium_page = document[number - 1]
            textpage = pdfium_page.get_textpage()  # one text analysis for the first look and the words
            try:
                if _tabular_text(textpage):
                    continue  # plainly a table page: pdfplumber reads it, no need to place its words
                page = pdf.pages[number - 1]
                cheap[number] = _read_cheap_page(textpage, page, number, fonts, limits, path)
            except NotCheap as reason:
                logger.debug("page %d is read by pdfplumber: %s", number, reason)
            finally:
                textpage.close()
                pdfium_page.close()
            memory.check(number)
    finally:
        document.close()
    return cheap


# An amount as Danish accounts print it: 1.234, -56, 7,8, 1.234,5.
_AMOUNT = re.compile(r"[-–]?\d{1,3}(?:\.\d{3})*(?:,\d+)?")
# Lines of pdfium's text with this many amounts, this many such lines: a table, whatever the geometry.
TABULAR_AMOUNTS_PER_LINE = 2
TABULAR_LINES = 3


def _tabular_text(textpage: pypdfium2.PdfTextPage) -> bool:
    """Cheap first look at the page's text: several lines each holding several amounts are table rows,
    and the page goes to pdfplumber without its words being placed first (a shortcut, never a verdict
    that a page is prose: that takes may_hold_table on the placed words)."""
    text = textpage.get_text_range()
    rows = 0
    for line in text.splitlines():
        amounts = sum(1 for token in line.split() if _AMOUNT.fullmatch(token))
        rows += amounts >= TABULAR_AMOUNTS_PER_LINE
        if rows >= TABULAR_LINES:
            return True
    return False


# The document a worker process has open: ranges of one book reuse it instead of re-reading its xref.
_open: dict[str, pdfplumber.PDF] = {}


def _worker_pdf(path: str) -> pdfplumber.PDF:
    if path not in _open:
        for other in _open.values():
            other.close()
        _open.clear()
        _open[path] = pdfplumber.open(path)
    return _open[path]


@fewer_collections()
def _read_range_in_worker(
    path: str, first: int, last: int, triage: bool, limits: Limits, started: float, level: int
) -> tuple[list[tuple], list[logging.LogRecord]]:
    """In a worker process: pages first..last of the PDF at `path`, which the parent has checked, and
    what was logged reading them."""
    deadline = Deadline(limits)
    deadline.started = started
    memory = MemoryBudget(limits)
    with captured_logs(level) as records, DamageWatch().watching() as damage:
        pdf = _worker_pdf(path)
        pages = _read_range(pdf, Path(path), first, last, triage, limits, deadline, memory, damage)
        return [_packed(page) for page in pages], records


class _Captured(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None  # arguments need not survive pickling
        if record.exc_info:
            record.exc_text = self.format(record) if record.exc_text is None else record.exc_text
            record.exc_info = None
        self.records.append(record)


@contextmanager
def captured_logs(level: int) -> Iterator[list[logging.LogRecord]]:
    """In a worker process: what this package logs at `level` and above, kept for the parent to hand to
    its own handlers (replayed), so that a book read in workers logs what it logs in one process."""
    package = logging.getLogger(PACKAGE_LOGGER)
    handler = _Captured()
    saved = package.level, package.propagate
    package.setLevel(level)
    package.propagate = False
    package.addHandler(handler)
    try:
        yield handler.records
    finally:
        package.removeHandler(handler)
        package.setLevel(saved[0])
        package.propagate = saved[1]


PACKAGE_LOGGER = "itdrift_pipeline"


def logging_level() -> int:
    """The level this package logs at in this process: what workers capture at."""
    return logging.getLogger(PACKAGE_LOGGER).getEffectiveLevel()


def replayed(records: list[logging.LogRecord]) -> None:
    """Log records a worker captured, handed to this process's handlers."""
    for record in records:
        logging.getLogger(record.name).handle(record)


# Pages and lines cross between processes as plain tuples: pickling thousands of Word, Phrase and Line
# objects a page costs as much as reading it.
def packed_lines(lines: Sequence[Line]) -> list | None:
    """The lines as tuples, or None when a line's phrases do not partition its words (send those as
    they are)."""
    packed = []
    for line in lines:
        if [w for phrase in line.phrases for w in phrase.words] != line.words:
            return None
        packed.append(
            (
                [(w.text, w.page, w.x0, w.top, w.x1, w.bottom, w.size, w.bold) for w in line.words],
                [len(phrase.words) for phrase in line.phrases],
            )
        )
    return packed


def unpacked_lines(packed: list) -> list[Line]:
    lines = []
    for packed_words, lengths in packed:
        words = [Word(*w) for w in packed_words]
        phrases, start = [], 0
        for length in lengths:
            phrases.append(Phrase(tuple(words[start : start + length])))
            start += length
        lines.append(Line(words, phrases))
    return lines


def _packed(page: PageText) -> tuple:
    lines = packed_lines(page.lines)
    if lines is None:
        return (page,)
    rules = [(r.page, r.y, r.x0, r.x1) for r in page.rules]
    return (page.number, page.height, lines, rules, page.control_characters_removed, page.by_pdfplumber)


def _unpacked(packed: tuple) -> PageText:
    if len(packed) == 1:
        return packed[0]
    number, height, lines, rules, removed, by_pdfplumber = packed
    return PageText(number, height, unpacked_lines(lines), [Rule(*r) for r in rules], removed, by_pdfplumber)
