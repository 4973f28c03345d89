"""The whole book: pages -> lines, running header/footer, document metadata, chapters, tables stitched
across pages, notes under their table and the chapter's prose, in printed order with page provenance.

`extract_document` is the extraction stage's one entry point; it never raises on a bad file.
"""

from __future__ import annotations

import logging
import re
import statistics
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from itdrift_pipeline import lexicon
from itdrift_pipeline.extract.headers import Context, is_formula_cell, is_label_header
from itdrift_pipeline.extract.heap import fewer_collections
from itdrift_pipeline.extract.intake import (
    DEFAULT_LIMITS,
    DamageWatch,
    Deadline,
    Limits,
    MemoryBudget,
    file_sha256,
    open_pdf,
)
from itdrift_pipeline.extract.layout import (
    Line,
    Phrase,
    Rule,
    column_of,
    is_padded_spacing,
    is_row_spacing,
    is_tight,
    overlap,
)
from itdrift_pipeline.extract.narrative import NOTE_NUMBER, NarrativeRead, read_narrative
from itdrift_pipeline.extract.notes import CONVENTION_LINE, NOTE_START, parse_note_block
from itdrift_pipeline.extract.pages import (
    RUNNING_MARGIN_PT,
    PageText,
    ReadOptions,
    captured_logs,
    logging_level,
    packed_lines,
    page_workers,
    read_pages,
    replayed,
    unpacked_lines,
    without_controls,
)
from itdrift_pipeline.extract.tables import (
    MAX_LABEL_WORDS,
    ChapterConventions,
    Header,
    ReadTable,
    TableRegion,
    analyse_header,
    facts_of,
    figure_columns,
    figures_of,
    is_row_line,
    leave_colour_signed_unread,
    read_table,
    stub_of,
    unknown_table,
    unread_columns,
)
from itdrift_pipeline.model import (
    Chapter,
    DocumentInfo,
    DocumentRejected,
    ExtractionResult,
    Fact,
    NarrativeAmount,
    Note,
    RejectionInfo,
    UnknownTable,
    UnreadColumn,
    UnreadNarrativeAmount,
)

logger = logging.getLogger(__name__)

# Chapter and committee headings are set clearly larger than the body text.
HEADING_SCALE = 1.2

_CHAPTER_HEADING = re.compile(r"^Politikområde\s+(?P<area>\S.*?)\s*$", re.IGNORECASE)
_COMMITTEE = re.compile(r"udvalg(et)?$", re.IGNORECASE)
_FOOTER_AREA = re.compile(r"politikområde\s+(?P<area>\S.*?)\s+\d+\s*$", re.IGNORECASE)
_NOTES_SECTION = re.compile(r"^beskrivelse\s+af\s+regnskabsresultatet", re.IGNORECASE)


# --- Entry point -----------------------------------------------------------------------------------------


@fewer_collections()
def extract_document(
    path: str | Path, limits: Limits | None = None, options: ReadOptions | None = None
) -> ExtractionResult:
    """Read an accounts book: facts, notes, narrative amounts, chapters and unreadable tables.

    A file that cannot be read as an accounts book comes back with document.status == "rejected" and
    the reason in document.error; nothing is raised for a bad file. `options` chooses how pages are read
    (triage, worker processes); every choice gives the same result.
    """
    path = Path(path)
    limits = limits or DEFAULT_LIMITS
    options = options or ReadOptions()
    size = path.stat().st_size
    sha256 = file_sha256(path)
    try:
        deadline = Deadline(limits)
        memory = MemoryBudget(limits)
        damage = DamageWatch()
        with page_workers(path, options) as pool:
            with open_pdf(path, limits, deadline, memory, damage) as pdf:
                pages = read_pages(pdf, path, limits, deadline, memory, damage, options, pool)
                metadata, removed = _clean_metadata(pdf.metadata or {})
            result = _read_book(path, sha256, size, pages, metadata, limits, deadline, memory, pool)
        removed += sum(page.control_characters_removed for page in pages)
        if removed:
            logger.warning("%s: removed %d control character(s) from the text", path, removed)
            result.document = replace(result.document, control_characters_removed=removed)
        return result
    except DocumentRejected as rejection:
        logger.warning("rejected %s: %s", path, rejection)
        return ExtractionResult(
            document=DocumentInfo(
                file=path.name,
                sha256=sha256,
                pages=None,
                municipality=None,
                report_type=None,
                fiscal_year=None,
                status="rejected",
                error=RejectionInfo(rejection.kind, rejection.message),
                size_bytes=size,
            )
        )


def _clean_metadata(metadata: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """The document information dictionary with control characters dropped from its strings."""
    cleaned = {k: without_controls(v) if isinstance(v, str) else v for k, v in metadata.items()}
    removed = sum(len(v) - len(cleaned[k]) for k, v in metadata.items() if isinstance(v, str))
    return cleaned, removed


# --- Book --------------------------------------------------------------------------------------------------


def _read_book(
    path: Path,
    sha256: str,
    size: int,
    pages: list[PageText],
    metadata: dict[str, Any],
    limits: Limits,
    deadline: Deadline,
    memory: MemoryBudget,
    pool: ProcessPoolExecutor | None = None,
) -> ExtractionResult:
    running = _running_lines(pages)
    content = [line for page in pages for line in page.lines if id(line) not in running]
    municipality, report_type, fiscal_year = _document_metadata(pages, running, metadata)
    result = ExtractionResult(
        document=DocumentInfo(
            file=path.name,
            sha256=sha256,
            pages=len(pages),
            municipality=municipality,
            report_type=report_type,
            fiscal_year=fiscal_year,
            size_bytes=size,
        )
    )
    body_size = _body_size(content)
    rules = {page.number: page.rules for page in pages}
    document = Context(report_type=report_type, report_year=fiscal_year)
    any_table = False
    chapters = _chapters(content, pages, running, body_size)
    reads = _chapter_reads(chapters, body_size, limits, rules, document, deadline, memory, pool)
    for (chapter, _lines), read in zip(chapters, reads, strict=True):
        result.chapters.append(chapter)
        any_table |= read.tables > 0
        result.facts.extend(read.facts)
        result.notes.extend(read.notes)
        result.narrative_amounts.extend(read.narrative)
        result.unknown_tables.extend(read.unknown)
        result.unread_columns.extend(read.unread)
        result.unread_narrative.extend(read.unread_narrative)
        logger.info(
            "chapter %s (pages %d-%d): %d tables, %d facts, %d notes, %d narrative amounts, %d set aside",
            chapter.policy_area, chapter.first_page, chapter.last_page, read.tables, len(read.facts),
            len(read.notes), len(read.narrative), len(read.unknown),
        )
    if not any_table:
        raise DocumentRejected(
            "no_accounts_tables",
            f"file {path} has text but no table of figures on any of its {len(pages)} page(s); "
            "check that it is an accounts book (Regnskab) and not e.g. a cover letter",
        )
    return result


def _chapter_reads(
    chapters: list[tuple[Chapter, list[Line]]],
    body_size: float,
    limits: Limits,
    rules: dict[int, list[Rule]],
    document: Context,
    deadline: Deadline,
    memory: MemoryBudget,
    pool: ProcessPoolExecutor | None,
) -> Iterator[ChapterRead]:
    """Each chapter read, in order, checking the time budget before it and memory after it. A book
    read in page workers has its chapters read there too, all at once, each from its own lines: a
    chapter's reading depends on nothing outside them."""
    if pool is None or len(chapters) < 2:
        for chapter, lines in chapters:
            deadline.check(chapter.first_page)
            read = _read_chapter(chapter.policy_area, lines, body_size, limits, rules, document)
            memory.check(chapter.last_page)
            yield read
        return
    level = logging_level()
    futures = []
    for chapter, lines in chapters:
        packed = packed_lines(lines)
        own_rules = {number: rules[number] for number in {line.page for line in lines} if number in rules}
        futures.append(pool.submit(
            _read_chapter_in_worker, chapter.policy_area, lines if packed is None else packed,
            packed is not None, body_size, limits, own_rules, document, level,
        ))
    for (chapter, _lines), future in zip(chapters, futures, strict=True):
        deadline.check(chapter.first_page)
        read, records = future.result()
        replayed(records)
        memory.check(chapter.last_page)
        yield read


@fewer_collections()
def _read_chapter_in_worker(
    policy_area: str,
    lines: list,
    packed: bool,
    body_size: float,
    limits: Limits,
    rules: dict[int, list[Rule]],
    document: Context,
    level: int,
) -> tuple[ChapterRead, list[logging.LogRecord]]:
    """In a page worker: _read_chapter, and what it logged."""
    with captured_logs(level) as records:
        read = _read_chapter(policy_area, unpacked_lines(lines) if packed else lines, body_size, limits,
                             rules, document)
    return read, records


def _running_lines(pages: Sequence[PageText]) -> set[int]:
    """ids of running header/footer lines: in the top or bottom margin, same text (digits aside) on
    more than one page. A one-page document has none we could recognise, so it keeps all its lines."""
    def key(line: Line) -> str:
        return re.sub(r"\d+", "#", line.text)

    in_margin = [
        line
        for page in pages
        for line in page.lines
        if line.bottom <= RUNNING_MARGIN_PT or line.top >= page.height - RUNNING_MARGIN_PT
    ]
    pages_of: dict[str, set[int]] = {}
    for line in in_margin:
        pages_of.setdefault(key(line), set()).add(line.page)
    return {id(line) for line in in_margin if len(pages_of[key(line)]) > 1}


def _document_metadata(
    pages: Sequence[PageText], running: set[int], metadata: dict[str, Any]
) -> tuple[str | None, str | None, int | None]:
    """Municipality, report type and fiscal year from the title (the first page's headings), else the
    running header/footer, else the whole first page, else the PDF's own Title."""
    running_text = [line.text for page in pages for line in page.lines if id(line) in running]
    first_page = [line for line in pages[0].lines if id(line) not in running] if pages else []
    body_size = _body_size(first_page)
    title = [line.text for line in first_page if _is_heading(line, body_size)]
    sources = [title, running_text, [line.text for line in first_page], [str(metadata.get("Title", ""))]]
    municipality = report_type = fiscal_year = None
    for texts in sources:
        joined = "\n".join(texts)
        names = Counter(lexicon.municipalities_in(joined))
        reports = Counter(
            (lexicon.report_type_of(m.group("type")), int(m.group("year")))
            for m in lexicon.REPORT_TITLE.finditer(joined)
        )
        if municipality is None and names:
            municipality = names.most_common(1)[0][0]
        if report_type is None and reports:
            report_type, fiscal_year = reports.most_common(1)[0][0]
    return municipality, report_type, fiscal_year


def _body_size(lines: Sequence[Line]) -> float:
    """The size of the running text: table rows aside, which are often set smaller than the prose."""
    sizes = [w.size for line in lines if not is_row_line(line) for w in line.words]
    sizes = sizes or [w.size for line in lines for w in line.words]
    return statistics.median(sizes) if sizes else 10.0


def _is_heading(line: Line, body_size: float) -> bool:
    return line.size >= HEADING_SCALE * body_size


def _chapters(
    content: list[Line], pages: Sequence[PageText], running: set[int], body_size: float
) -> list[tuple[Chapter, list[Line]]]:
    """Split the book at its "Politikområde X" headings; a committee heading above one names its udvalg."""
    starts: list[tuple[int, str, str | None]] = []  # (first line index, policy area, committee)
    committee: str | None = None
    for index, line in enumerate(content):
        if not _is_heading(line, body_size):
            continue
        if _COMMITTEE.search(line.text):
            committee = line.text
            continue
        match = _CHAPTER_HEADING.match(line.text)
        if match:
            starts.append((_chapter_start(content, index, body_size), match.group("area"), committee))
    if not starts:
        return [_whole_document_chapter(content, pages, running, body_size)] if content else []
    chapters = []
    for number, (start, area, committee) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(content)
        lines = content[start:end]
        first_page = lines[0].page
        if number + 1 < len(starts):
            next_first = content[end].page
            last_page = next_first - 1 if next_first > lines[-1].page else lines[-1].page
        else:
            last_page = len(pages)
        chapters.append((Chapter(area, f"Politikområde {area}", committee, first_page, last_page), lines))
    return chapters


def _chapter_start(content: Sequence[Line], heading: int, body_size: float) -> int:
    """The chapter begins with the headings printed right above its "Politikområde" line."""
    start = heading
    while (
        start > 0
        and content[start - 1].page == content[heading].page
        and _is_heading(content[start - 1], body_size)
    ):
        start -= 1
    return start


def _whole_document_chapter(
    content: list[Line], pages: Sequence[PageText], running: set[int], body_size: float
) -> tuple[Chapter, list[Line]]:
    """A document without "Politikområde" chapters is one chapter. Its policy area is the one its footer
    names, else its title (the largest heading on the first page that is not the publisher's name): a
    committee's attachment or a budget book is read under the name it gives itself, never under none."""
    footers = [line.text for page in pages for line in page.lines if id(line) in running]
    areas = Counter(m.group("area") for text in footers if (m := _FOOTER_AREA.search(text)))
    if areas:
        area = areas.most_common(1)[0][0]
        return Chapter(area, f"Politikområde {area}", None, 1, len(pages)), content
    first = [line for line in content if line.page == content[0].page and _is_heading(line, body_size)]
    titles = [line for line in first if not lexicon.PUBLISHER_LINE.match(line.text)]
    if not titles:
        return Chapter("", "", None, 1, len(pages)), content
    largest = max(line.size for line in titles)
    title = next(line.text for line in titles if line.size == largest)
    return Chapter(title, title, None, 1, len(pages)), content


# --- Chapter -----------------------------------------------------------------------------------------------


@dataclass
class ChapterRead:
    tables: int = 0
    facts: list[Fact] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    narrative: list[NarrativeAmount] = field(default_factory=list)
    unknown: list[UnknownTable] = field(default_factory=list)
    unread: list[UnreadColumn] = field(default_factory=list)
    unread_narrative: list[UnreadNarrativeAmount] = field(default_factory=list)


@dataclass
class _Block:
    """Consecutive non-table lines: a heading, a note, or a paragraph of prose."""

    kind: str  # "heading" | "note" | "text"
    lines: list[Line]


Event = _Block | TableRegion


def _read_chapter(
    policy_area: str,
    lines: list[Line],
    body_size: float,
    limits: Limits,
    rules: dict[int, list[Rule]],
    document: Context | None = None,
) -> ChapterRead:
    events = _events(policy_area, lines, body_size, limits, rules, document or Context())
    read = ChapterRead()
    tables: list[ReadTable] = []
    current: ReadTable | None = None
    previous: Event | None = None
    for event in events:
        if isinstance(event, TableRegion):
            current = read_table(event)
            tables.append(current)
            # A caption may state the table's price basis or sign ("…, 1.000 kr., løbende priser").
            read.notes.extend(_stated(parse_note_block(
                [current.caption], event.page, policy_area, current.family, current.caption)))
        elif event.kind == "note" or (_is_plain_note(event) and isinstance(previous, TableRegion)):
            family = current.family if current else None
            title = current.caption if current else None
            texts = [ln.text for ln in event.lines]
            notes = parse_note_block(texts, event.lines[0].page, policy_area, family, title)
            # A line of plain text right under a table is a note only for the conventions it states.
            read.notes.extend(notes if event.kind == "note" else _stated(notes))
        previous = event
    read.tables = len(tables)
    conventions = ChapterConventions(tuple(read.notes))
    for table in tables:
        if table.problem is None:
            leave_colour_signed_unread(table, conventions)
            read.facts.extend(facts_of(table, conventions))
            read.unread.extend(unread_columns(table))
        else:
            logger.warning(
                "%s: table on page %d set aside: %s", policy_area, table.region.page, table.problem
            )
            read.unknown.append(unknown_table(table))
    narrative = _narrative(policy_area, events, tables)
    read.narrative, read.unread_narrative = narrative.amounts, narrative.unread
    return read


# Plain text right under a table is read for conventions when it is this short: a note, not a paragraph.
PLAIN_NOTE_MAX_LINES = 3


def _is_plain_note(event: Event) -> bool:
    return isinstance(event, _Block) and event.kind == "text" and len(event.lines) <= PLAIN_NOTE_MAX_LINES


def _stated(notes: list[Note]) -> list[Note]:
    """The notes that state a convention (price year, variance sign, amount sign, a sign printed as a
    colour), not other remarks."""
    return [note for note in notes if note.kind != "other" or lexicon.SIGN_BY_COLOUR.search(note.text)]


def _events(
    policy_area: str,
    lines: list[Line],
    body_size: float,
    limits: Limits,
    rules: dict[int, list[Rule]],
    document: Context,
) -> list[Event]:
    """The chapter in printed order: text blocks and table regions (stitched across pages), each region
    with the ruling lines of the pages its body is on.

    A table's columns are read in the context of the headings above it: the nearest is its caption, the
    one before that its section heading; the document's title comes in through `document`."""
    events: list[Event] = []
    caption: str | None = None
    heading = ""  # the section heading: the last heading before the caption that no table took
    free_from = 0
    index = 0
    while index < len(lines):
        if not is_row_line(lines[index]) or _is_note_start(lines[index]):
            index += 1
            continue
        start, header_lines, body_start = _header_above(lines, index, free_from)
        pending: str | None = None  # the latest heading, until a table takes it as its caption
        blocks = _blocks(lines[free_from:start], body_size)
        for block in blocks:
            events.append(block)
            if _is_caption(block, blocks[-1]):
                if pending is not None:
                    heading = pending  # a heading no table took: the section the next tables are in
                pending = " ".join(ln.text for ln in block.lines)
        if pending is not None:
            caption = pending
        context = replace(document, caption=caption or "", heading=heading)
        header = analyse_header(header_lines, caption, figure_columns(_rows_ahead(lines, index)), context)
        region = TableRegion(header, [], caption, policy_area)
        value_left = min(header.value_left, *(p.x0 for p in figures_of(lines[index])))
        end = _body_below(lines, body_start, header, value_left, region.body, figures_of(lines[index]))
        region.header = analyse_header(header_lines, caption, figure_columns(region.body), context)
        region.rules = [r for page in sorted({ln.page for ln in region.body}) for r in rules.get(page, [])]
        events.append(region)
        limits.check_table_rows(region.page, len(region.body))
        free_from = index = end
    events.extend(_blocks(lines[free_from:], body_size))
    return events


# A caption set as plain text is short: a line or two.
CAPTION_MAX_WORDS = 20


def _is_caption(block: _Block, last: _Block) -> bool:
    """A heading (not a numbered note's), or the plain-text line right above a table that reads as its
    caption ("Tabel 4.1: Driftsposter fordelt på funktioner, kr."): the levels of the context chain."""
    if block.kind == "heading":
        return not NOTE_NUMBER.match(block.lines[0].words[0].text)
    text = " ".join(ln.text for ln in block.lines)
    return (
        block is last
        and block.kind == "text"
        and len(text.split()) <= CAPTION_MAX_WORDS
        and bool(lexicon.CAPTION_START.match(text))
    )


def _rows_ahead(lines: Sequence[Line], first_row: int) -> list[Line]:
    """The figure rows that follow lines[first_row] on its page without a break (a paragraph, a note, a
    wide gap): enough to know the figure columns before the header is understood."""
    rows = [lines[first_row]]
    for previous, line in zip(lines[first_row:], lines[first_row + 1 :], strict=False):
        if line.page != previous.page or not is_padded_spacing(previous, line) or _is_note_start(line):
            break
        if is_row_line(line):
            rows.append(line)
    return rows


def _is_note_start(line: Line) -> bool:
    """"Anm.:", a free-standing convention ("+ = merforbrug"), or a footnote ("* Inkl. 4,1 mio. kr. til
    ..."): a note, whose amounts speak of one cell, never of the policy area."""
    return bool(NOTE_START.match(line.text) or CONVENTION_LINE.match(line.text) or _is_footnote(line))


def _is_body_like(line: Line, figures_x: float) -> bool:
    """A row without amounts: its label left of the figure columns and nothing but dashes under them."""
    return all(p.x1 < figures_x for p in stub_of(line))


def _header_above(lines: Sequence[Line], first_row: int, floor: int) -> tuple[int, list[Line], int]:
    """(first line of the table, its header lines, first body line) for the table whose first figure
    row is lines[first_row]. Label-only rows (a row with no figures) may sit between header and row."""
    figures_x = min(p.x0 for p in figures_of(lines[first_row]))
    body_start = first_row
    while (
        body_start - 1 >= floor
        and is_row_spacing(lines[body_start - 1], lines[body_start])
        and _is_body_like(lines[body_start - 1], figures_x)
        and not _is_note_start(lines[body_start - 1])
        and lines[body_start - 1].size <= lines[first_row].size + 0.5
    ):
        body_start -= 1
    bottom = body_start - 1
    if (
        bottom < floor
        or not _header_spacing(lines[bottom], lines[body_start], figures_x)
        or _is_body_like(lines[bottom], figures_x)
        or is_row_line(lines[bottom])
        or _is_note_start(lines[bottom])
    ):
        return body_start, [], body_start
    top = bottom
    while (
        top - 1 >= floor
        and (
            is_tight(lines[top - 1], lines[top])
            or _padded_header(lines[top - 1], lines[top], figures_x)
            or (_is_formula_row(lines[top]) and is_row_spacing(lines[top - 1], lines[top]))
        )
        and not _is_note_start(lines[top - 1])
    ):
        top -= 1
    return top, list(lines[top : bottom + 1]), body_start


def _is_formula_row(line: Line) -> bool:
    """A header line of column numbers or formulas only ("(1) (2) (3) (4)=(2)-(3)"): it numbers the cells
    of the header line above it, a row's spacing apart or less, and is never a header of its own."""
    return all(is_formula_cell(p.text) for p in line.phrases)


def _header_spacing(header: Line, row: Line, figures_x: float) -> bool:
    """The last header line sits a row's spacing above the first row (or a padded row's, for cells)."""
    return is_row_spacing(header, row) or _padded_header(header, row, figures_x)


def _padded_header(upper: Line, lower: Line, figures_x: float) -> bool:
    return is_padded_spacing(upper, lower) and _is_header_cells(upper, figures_x)


def _is_header_cells(line: Line, figures_x: float) -> bool:
    """A line of header cells over the figure columns, not a caption or a line of prose: short cells,
    and either several of them or all of them over the figures."""
    phrases = line.phrases
    if len(phrases) == 1 and is_label_header(line.text) and lexicon.unit_of(line.text):
        return True  # "Beløb i mio. kr." printed over the figures, or over the stub
    if any(len(p.words) > MAX_LABEL_WORDS for p in phrases) or line.text.rstrip().endswith("."):
        return False
    over_figures = [p for p in phrases if p.x1 > figures_x]
    if not over_figures:
        return False
    return len(phrases) >= 2 or phrases[0].x0 >= figures_x - line.size


def _fits_body(line: Line, header: Header, value_left: float, first_row: Sequence[Phrase] = ()) -> bool:
    """A line that can be a row of this table: labels left of the figure columns, figures under them
    (under a header column, or under a figure of the table's first row when the header is not yet
    understood, e.g. merged cells)."""
    if _is_note_start(line):
        return False
    figures = figures_of(line)
    labels = stub_of(line)
    if any(p.x1 > value_left + 1 for p in labels):
        return False
    columns = [c.stack for c in header.columns]
    if not columns:
        return True
    return all(
        column_of(f, columns) is not None or any(overlap(f.x0, f.x1, r.x0, r.x1) > 0 for r in first_row)
        for f in figures
    )


def _body_below(
    lines: Sequence[Line],
    start: int,
    header: Header,
    value_left: float,
    body: list[Line],
    first_row: Sequence[Phrase] = (),
) -> int:
    """Append the table's body lines from lines[start] on (across page breaks); return the next index.

    `value_left` is where the figure columns begin: label phrases must end before it.
    """
    table_size = 0.0  # the largest type in the table so far (kept running: a listing has 400 rows)
    index = start
    while index < len(lines):
        line = lines[index]
        if body and line.page != body[-1].page:
            # The table ran to the foot of the page: it goes on if the next page repeats its header or
            # simply continues with rows under the same columns.
            repeated = _repeated_header(lines, index, header)
            if repeated is not None:
                index = repeated
                line = lines[index]
        elif body and not is_row_spacing(body[-1], line) and not _padded_row(body, line, lines[index + 1 :]):
            break
        if not _fits_body(line, header, value_left, first_row):
            break
        if body and not figures_of(line) and line.size > table_size + 0.5:
            break  # a heading or paragraph right under the table
        if body and not figures_of(line) and lexicon.CAPTION_START.match(line.text):
            break  # the next table's caption ("Tabel 3.2 Økonomiudvalgets anlæg"), stacked right under it
        body.append(line)
        table_size = max(table_size, line.size)
        index += 1
    # A sentence right under the last row ("Mindreforbrug er vist med rødt.") or a heading set bold and
    # larger than the rows ("Anlæg" over the next table) is text, not a label-only row: no row follows it
    # for it to head.
    row_size = max((line.size for line in body if figures_of(line)), default=0.0)
    while len(body) > 1 and not figures_of(body[-1]) and (
        _is_sentence(body[-1]) or (body[-1].bold and body[-1].size > row_size + 0.25)
    ):
        body.pop()
        index -= 1
    return index


# A line of this many words or more that ends with a full stop reads as a sentence, not a row label.
SENTENCE_MIN_WORDS = 4


def _is_sentence(line: Line) -> bool:
    return line.text.rstrip().endswith(".") and len(line.text.split()) >= SENTENCE_MIN_WORDS


# A footnote: a marker ("*", "**", "¹") then its text (a figure it refers to carries the same marker).
_FOOTNOTE_LINE = re.compile(rf"^\s*{lexicon.FOOTNOTE_MARKER}\s*\w")


def _is_footnote(line: Line) -> bool:
    return bool(_FOOTNOTE_LINE.match(line.text))


def _padded_row(body: Sequence[Line], line: Line, after: Sequence[Line] = ()) -> bool:
    """A row of a table with generous cell padding: further below the last row than rows of an unpadded
    table are, but within a few line heights and with every figure standing in a column of the row above.
    A row whose label wraps starts with a line of label only, and its figures follow right below it."""
    if not is_padded_spacing(body[-1], line):
        return False
    if not figures_of(line) and after and is_row_spacing(line, after[0]) and figures_of(after[0]):
        line = after[0]
    figures = figures_of(line)
    above = next((figures_of(b) for b in reversed(body) if figures_of(b)), [])
    return bool(figures) and bool(above) and all(
        any(overlap(f.x0, f.x1, a.x0, a.x1) > 0 for a in above) for f in figures
    )


def _repeated_header(lines: Sequence[Line], index: int, header: Header) -> int | None:
    """When the page starting at lines[index] repeats `header`, the index of its first body line."""
    end = index
    while end < len(lines) and lines[end].page == lines[index].page and not is_row_line(lines[end]):
        if end > index and not is_tight(lines[end - 1], lines[end]):
            return None
        end += 1
    if end == index or end >= len(lines):
        return None
    repeated = analyse_header(lines[index:end], None)
    return end if repeated.signature() == header.signature() else None


def _blocks(lines: Sequence[Line], body_size: float) -> list[_Block]:
    """Free lines -> headings, notes and paragraphs, split where the spacing, weight or page changes."""
    blocks: list[_Block] = []
    for line in lines:
        if _is_note_start(line) and not _wraps_note(blocks[-1] if blocks else None, line):
            kind = "note"
        elif _is_note_start(line):
            kind = "text"  # the wrapped rest of the note above
        elif line.bold or _is_heading(line, body_size):
            kind = "heading"
        else:
            kind = "text"
        previous = blocks[-1] if blocks else None
        continues = (
            previous is not None
            and kind != "note"
            and (previous.kind == kind or (previous.kind == "note" and kind == "text"))
            and (is_tight(previous.lines[-1], line) or _runs_over_page(previous.lines[-1], line))
        )
        if continues and previous is not None:
            previous.lines.append(line)
        else:
            blocks.append(_Block(kind, [line]))
    return blocks


def _wraps_note(previous: _Block | None, line: Line) -> bool:
    """True when a line that reads like a free-standing convention ("+=underskud og -=overskud.") is the
    wrapped end of the note right above it, whose last line stops mid-sentence ("... kolonnen er")."""
    return (
        previous is not None
        and previous.kind == "note"
        and not NOTE_START.match(line.text)
        and is_tight(previous.lines[-1], line)
        and not previous.lines[-1].text.rstrip().endswith((".", ";", ":", "!", "?"))
    )


def _runs_over_page(last: Line, line: Line) -> bool:
    """A paragraph that goes on at the top of the next page: no full stop yet, same left margin."""
    return (
        line.page == last.page + 1
        and abs(line.x0 - last.x0) <= 2
        and not last.text.rstrip().endswith((".", ":", "!", "?"))
    )


# --- Narrative ---------------------------------------------------------------------------------------------


def _narrative(policy_area: str, events: Sequence[Event], tables: Sequence[ReadTable]) -> NarrativeRead:
    """Amounts in the opening text (before "Beskrivelse af regnskabsresultatet") and in its numbered notes."""
    labels = {
        row.label: row.code
        for table in tables
        if table.problem is None and table.family in ("activity_areas", "specific_assumptions")
        for row in table.rows
        if row.code and row.label
    }
    read = NarrativeRead()
    section = "opening"  # then "notes" under "Beskrivelse af regnskabsresultatet", then "after"
    note: str | None = None
    for event in events:
        if isinstance(event, TableRegion) or event.kind == "note":
            continue
        numbered = NOTE_NUMBER.match(event.lines[0].words[0].text)
        if event.kind == "heading":
            if _NOTES_SECTION.match(event.lines[0].text):
                section, note = "notes", None
            elif numbered and section == "notes":
                note = numbered.group("number") + numbered.group("letter")
            elif section == "notes":
                section = "after"
            continue
        words = [w for line in event.lines for w in line.words]
        if section == "opening":
            read.extend(read_narrative(words, policy_area, None, labels))
        elif section == "notes":
            if numbered:
                note = numbered.group("number") + numbered.group("letter")
                words = words[1:]
            if note is not None:
                read.extend(read_narrative(words, policy_area, note))
    return read
