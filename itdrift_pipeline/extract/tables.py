"""A table's header lines and body lines -> a cell grid -> typed Facts of one family, or an UnknownTable.

Reads which header stack is which column (via headers.py), which phrase of a row is its code, label,
Enhed or a figure, and which family a caption names. A table whose columns cannot all be read, or whose
figures do not sit under a readable column, is returned as an UnknownTable with its raw cells: never
dropped, never guessed.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from itdrift_pipeline import lexicon
from itdrift_pipeline.extract.headers import (
    Column,
    Context,
    Unread,
    is_formula_cell,
    is_label_header,
    normalise_header,
    phase_of,
    read_column,
    unit_of,
    year_of,
)
from itdrift_pipeline.extract.layout import (
    Line,
    Phrase,
    Rule,
    Stack,
    Word,
    column_of,
    gap,
    is_tight,
    line_of,
    merge_spans,
    partition_under_groups,
    ruled_between,
    stack_columns,
)
from itdrift_pipeline.extract.notes import sign_of_formula, variance_sign_of
from itdrift_pipeline.extract.numbers import (
    CELL_CACHE_SIZE,
    NumberFormatError,
    is_amount,
    looks_numeric,
    parse_amount,
    without_footnote_mark,
)
from itdrift_pipeline.model import BBox, Fact, Note, UnknownTable, UnreadColumn

_YEAR = re.compile(r"^(19|20)\d{2}$")
BOOK_DEFAULT_UNIT = lexicon.BOOK_DEFAULT_UNIT
# A row number: "1", "1.a", "12.3" (printed before the label, never after a figure).
_ROW_CODE = re.compile(r"^\d{1,3}(?:\.[a-zæøå0-9]{1,3})*\.?$")
# Activity numbers ("1", "1.a") are row codes; longer numbers are account numbers ("0.10.17"), which the
# conventions keep as the start of the row label.
_ACTIVITY_CODE = re.compile(r"^\d{1,2}(?:\.[a-zæøå])?$")
# Rows of a borderless table are apart by their cells' padding: a gap this much (in ems) wider than the
# spacing between the lines of one wrapped cell starts a new row.
ROW_SEPARATION_EM = 0.15
# More words than this in one phrase make a sentence, not a table cell.
MAX_LABEL_WORDS = 8
_TOTAL = lexicon.TOTAL_WORDS
_MEASURE_ONLY = lexicon.MEASURE_WORDS
_VOCABULARY = lexicon.HEADER_WORDS
_UNIT_HEADER = re.compile(r"^enhed\b", re.IGNORECASE)
_CODE_HEADER = re.compile(r"^(nr\.?|nummer)$", re.IGNORECASE)

KRONER_PER_UNIT = lexicon.KRONER_PER_UNIT


# --- Classifying phrases and lines -------------------------------------------------------------------


@lru_cache(maxsize=CELL_CACHE_SIZE)
def is_figure(text: str) -> bool:
    """A cell that holds (or is meant to hold) a number: "45.271", "(1.827)", "-"; not a year header."""
    return looks_numeric(text) and not _YEAR.match(without_footnote_mark(text))


def _code_prefix(phrases: Sequence[Phrase]) -> int:
    """How many leading phrases are row numbers or codes printed before the label: "1", "1.a", a project
    number "220145" (a number followed by a label is a code, never a figure: figures follow labels)."""
    count = 0
    while (
        count < 2
        and count + 1 < len(phrases)
        and (_ROW_CODE.match(phrases[count].text) or is_figure(phrases[count].text))
        and not any(ch in phrases[count].text for ch in ",()–")
    ):
        count += 1
    if count and not is_figure(phrases[count].text):
        return count
    return 0


def figures_of(line: Line) -> list[Phrase]:
    """The figure cells of a table line: the run of figure phrases after its label (and before a note
    reference printed after them)."""
    phrases = line.phrases[_code_prefix(line.phrases) : _before_note_reference(line.phrases)]
    figures: list[Phrase] = []
    for phrase in reversed(phrases):
        if not is_figure(phrase.text):
            break
        figures.append(phrase)
    return figures[::-1]


def stub_of(line: Line) -> list[Phrase]:
    """The phrases of a table line before its figures: code and label."""
    end = _before_note_reference(line.phrases)
    return line.phrases[: end - len(figures_of(line))]


def _before_note_reference(phrases: Sequence[Phrase]) -> int:
    """Where a line's cells end: before a note reference in a Note column after the figures ("305.950
    a", "12.604 c)"), which is neither a figure nor part of the label."""
    if (
        len(phrases) >= 2
        and lexicon.NOTE_MARKER.match(phrases[-1].text)
        and not is_figure(phrases[-1].text)
        and is_figure(phrases[-2].text)
    ):
        return len(phrases) - 1
    return len(phrases)


def split_figure_runs(line: Line) -> None:
    """Figures printed too close together for the word spacing to tell them apart ("-160,5 1.152,8",
    narrow columns with little padding) are one cell each. "1 234" (a space grouping thousands) is kept:
    a run is split only where every word is a whole figure and none could be a thousands group."""
    phrases: list[Phrase] = []
    for phrase in line.phrases:
        words = phrase.words
        if len(words) > 1 and all(is_amount(w.text) for w in words) and not _space_grouped(words):
            phrases.extend(Phrase((w,)) for w in words)
        else:
            phrases.append(phrase)
    line.phrases = phrases


# Groups of one number ("1 234 567") are set a word space apart at most; cells are further apart.
GROUP_GAP_EM = 0.4


def _space_grouped(words: Sequence[Word]) -> bool:
    """Words that print one number with its thousands grouped by spaces: a 1-3 digit head, then groups of
    exactly three digits, each a word space or less after the one before."""
    head, *groups = words
    return (
        bool(groups)
        and bool(re.fullmatch(r"[-–]?\d{1,3}", head.text))
        and all(re.fullmatch(r"\d{3}(,\d+)?", g.text) for g in groups[:-1])
        and bool(re.fullmatch(r"\d{3}(,\d+)?[-–]?", groups[-1].text))
        and all(b.x0 - a.x1 <= GROUP_GAP_EM * a.size for a, b in itertools.pairwise(words))
    )


# Two tables printed side by side share a gutter: at least this many rows of the page start a second
# label at the same place (within GUTTER_TOLERANCE points) after the first table's figures.
GUTTER_ROWS = 3
GUTTER_TOLERANCE = 2.0


def split_side_by_side(lines: Sequence[Line]) -> list[Line]:
    """One page's lines, with two tables printed side by side read one after the other: the left
    table's lines (caption, header, rows, notes), then the right one's. Lines elsewhere are untouched.

    The gutter is where the right table's rows start: after the left table's figures on the same line
    ("Biblioteker 29.593 ... | Ny hal 6.006 ..."), or on lines of their own right of where every left
    row ends (tables whose rows do not share baselines). The side-by-side block is the run of lines
    around those rows that no phrase crosses.
    """
    gutter = _gutter(lines)
    if gutter is None:
        return list(lines)
    # Cut halfway between where the left table's rows end and the right one's labels begin: the right
    # table's caption and notes may start a little left of its indented labels.
    left_ends = [p.x1 for line in lines if is_row_line(line) or line.x1 > gutter
                 for p in line.phrases if p.x1 < gutter - GUTTER_TOLERANCE]
    cut = (max(left_ends) + gutter) / 2 if left_ends else gutter - GUTTER_TOLERANCE

    def clear(line: Line) -> bool:
        return not any(p.x0 < cut < p.x1 for p in line.phrases)

    right_rows = [i for i, line in enumerate(lines) if line.x1 > cut and clear(line)
                  and _labelled_row([w for w in line.words if w.x0 >= cut])]
    first, last = right_rows[0], right_rows[-1]
    while first > 0 and lines[first - 1].page == lines[first].page and clear(lines[first - 1]):
        first -= 1
    while last + 1 < len(lines) and lines[last + 1].page == lines[last].page and clear(lines[last + 1]):
        last += 1
    left, right = [], []
    for line in lines[first : last + 1]:
        if words := [w for w in line.words if w.x0 < cut]:
            left.append(line_of(words))
        if words := [w for w in line.words if w.x0 >= cut]:
            right.append(line_of(words))
    return [*lines[:first], *left, *right, *lines[last + 1 :]]


def _labelled_row(words: Sequence[Word]) -> bool:
    """Words that make a table row with a label of its own (not figures cut off from their label)."""
    if not words:
        return False
    line = line_of(list(words))
    return is_row_line(line) and len(figures_of(line)) < len(line.phrases)


def _gutter(lines: Sequence[Line]) -> float | None:
    """Where a second table printed beside the first one starts, or None (see split_side_by_side)."""
    shared = []  # right table's label starts on lines shared with the left table's rows
    for line in lines:
        phrases = line.phrases
        for k in range(2, len(phrases) - 1):
            left, after = phrases[:k], phrases[k]
            if (
                is_figure(left[-1].text)
                and not is_figure(after.text)
                and is_row_line(line_of([w for p in left for w in p.words]))
                and any(is_figure(p.text) for p in phrases[k + 1 :])
            ):
                shared.append(after.x0)
                break
    if len(shared) >= GUTTER_ROWS:
        middle = statistics.median(shared)
        if sum(abs(x - middle) <= GUTTER_TOLERANCE for x in shared) >= GUTTER_ROWS:
            return middle
    rows = [line for line in lines if is_row_line(line)]
    # Where rows start: the lines' own starts, and labels that start a row after prose on the same
    # baseline (a page in two columns, prose left and a table right, whose lines share baselines).
    starts = {round(line.x0) for line in rows} | {
        round(p.x0)
        for line in rows
        for k, p in enumerate(line.phrases[1:], start=1)
        if not is_figure(p.text)
        and p.text not in lexicon.FLOW_MARKERS
        and p.x0 - line.phrases[k - 1].x1 >= line.size
        and _reads_as_prose([w for w in line.words if w.x1 <= p.x0])
        and _labelled_row([w for w in line.words if w.x0 >= p.x0 - 0.5])
    }
    for start in sorted(starts):
        right = [line for line in rows if line.x0 >= start - GUTTER_TOLERANCE]
        left = [line for line in rows if line.x0 < start - GUTTER_TOLERANCE]
        if (len(right) >= GUTTER_ROWS and len(left) >= GUTTER_ROWS
                and max(line.x1 for line in left) < min(line.x0 for line in right)):
            return min(line.x0 for line in right)
        if _prose_beside(lines, start):
            return start
    return None


# Words of one line left of a table that read as a line of running text, not a row label.
PROSE_MIN_WORDS = 5


def _reads_as_prose(words: Sequence[Word]) -> bool:
    """A line's words that are running text: several, and either going on from the line above (a small
    letter first) or ending one sentence and starting the next (labels do neither)."""
    if len(words) < PROSE_MIN_WORDS or is_figure(words[0].text):
        return False
    sentence_break = any(
        a.text.endswith(".") and len(a.text) > 4 and b.text[:1].isupper()
        for a, b in zip(words, words[1:], strict=False)
    )
    return words[0].text[:1].islower() or sentence_break


def _prose_beside(lines: Sequence[Line], start: float) -> bool:
    """A page set in two columns with a table in the right one: a run of lines that no phrase crosses at
    `start` holds table rows starting there and, beside them, lines of prose ending an em or more before
    it, and no row further left."""
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and not any(p.x0 < start - line.size < p.x1 for p in line.phrases):
            run.append(line)
            continue
        rows = [ln for ln in run if _labelled_row([w for w in ln.words if w.x0 >= start - 1])]
        prose = [p for ln in run for p in ln.phrases
                 if p.x1 < start - ln.size and len(p.words) >= GUTTER_ROWS]
        others = [ln for ln in run if is_row_line(ln) and figures_of(ln)[0].x0 < start]
        if len(rows) >= GUTTER_ROWS and len(prose) >= 2 and not others:
            return True
        run = []
    return False


def figure_columns(body: Sequence[Line]) -> list[tuple[float, float]]:
    """The x-extents of a table body's figure columns: figures of different rows that overlap share one."""
    return merge_spans((p.x0, p.x1) for line in body for p in figures_of(line))


def is_row_line(line: Line) -> bool:
    """A line that prints figures after (optionally) a code and a label: the body of a table."""
    phrases = line.phrases[_code_prefix(line.phrases) :]
    figures = figures_of(line)
    if not any(is_amount(p.text) for p in figures):
        return False
    # A justified line of prose can end in a number after a wide space; a table cell is never a sentence.
    if any(len(p.words) > MAX_LABEL_WORDS for p in phrases):
        return False
    # Every figure must come after every label phrase: prose that quotes a number does not qualify.
    return len(figures) == len(phrases) - sum(1 for p in phrases if not is_figure(p.text))


family_of = lexicon.family_of


# --- Header --------------------------------------------------------------------------------------------


@dataclass
class HeaderColumn:
    stack: Stack
    group: str | None
    column: Column | None  # None: the header cannot be read (see `unread`)
    unread: Unread | None = None
    formula: str | None = None  # the letter/formula cell printed over it ("F=(D-E)", "(3) = (1)-(2)")

    @property
    def text(self) -> str:
        return normalise_header(self.stack.text)


@dataclass
class Header:
    """A table's header lines, split into the stub (label columns) and the figure columns."""

    lines: list[Line]
    stub: list[Stack]
    columns: list[HeaderColumn]
    unit: str | None
    groups: list[Phrase] = field(default_factory=list)

    @property
    def stub_text(self) -> str:
        return " ".join(normalise_header(s.text) for s in self.stub)

    @property
    def value_left(self) -> float:
        return min((c.stack.x0 for c in self.columns), default=float("inf"))

    def signature(self) -> tuple[tuple[str, int], ...]:
        """Texts and right edges of the columns: a repeated header on the next page has the same."""
        return tuple((c.text, round(c.stack.x1)) for c in self.columns)

    def formula_sign(self, column: HeaderColumn) -> str | None:
        """The sign convention the formula row states for a variance column ("F=(D-E)" with D over Korr.
        budget and E over Regnskab: budget minus actual), or None when it states none."""
        if column.formula is None:
            return None
        phase_by_label = {
            c.formula.split("=")[0].strip(): c.column.phase
            for c in self.columns
            if c.formula is not None and c.column is not None
        }
        return sign_of_formula(column.formula, phase_by_label)

    def problem(self) -> str | None:
        """Why no column of the table can be read, or None when at least one figure column has a meaning."""
        if not self.columns:
            return "the header names no figure columns"
        if all(c.column is None for c in self.columns):
            reasons = [f"{c.text!r}: {c.unread.reason}" for c in self.columns if c.unread]
            return f"no figure column can be read: {reasons}"
        return None


def analyse_header(
    lines: Sequence[Line],
    caption: str | None,
    figure_columns: Sequence[tuple[float, float]] = (),
    context: Context | None = None,
) -> Header:
    """Header lines -> stub stacks, figure columns with their spanning headers, and their meaning.

    `figure_columns` are the x-extents of the body's figure columns, when the body is known: header text
    set too tight to be told apart is split over them, and header text left of them is the stub.
    Stages: set formula and unit rows apart, find spanning headers, stack the rest into cells, split
    stub from figure columns, read each column in its context.
    """
    context = context or Context(caption=caption or "")
    phrases = [p for line in lines for p in line.phrases]
    formulas = [p for p in phrases if is_formula_cell(p.text)]
    phrases = [p for p in phrases if not is_formula_cell(p.text)]
    if figure_columns:
        phrases = [piece for p in phrases for piece in _split_at_columns(p, figure_columns)]
    unit_rows = [p for p in phrases if is_label_header(p.text) and unit_of(p.text)
                 and bool(figure_columns) and p.x1 > _slot_left(figure_columns)]
    phrases = [p for p in phrases if not any(p is u for u in unit_rows)]
    strict = _group_line(lines)
    groups = [p for p in strict.phrases if any(p is q for q in phrases) and not is_label_header(p.text)] \
        if strict else []
    centred = [] if groups else _centred_groups(phrases, figure_columns)
    while True:
        stacks = stack_columns([p for p in phrases if not any(p is g for g in [*groups, *centred])])
        stub, values = _stub_and_values(stacks, figure_columns)
        placed = _place_groups(values, groups, centred, figure_columns)
        over = [g for g in centred if any(g is p for above in placed.values() for p in above)]
        if len(over) == len(centred):
            break
        centred = over  # a spanning header placed over no cell is a cell's own first line after all
    stub_text = " ".join(normalise_header(s.text) for s in stub)
    unit = (unit_of(stub_text) or unit_of(" ".join(p.text for p in unit_rows)) or unit_of(caption or "")
            or unit_of(context.caption) or BOOK_DEFAULT_UNIT)
    columns = []
    for stack in values:
        group = " ".join(g.text for g in placed.get(id(stack), [])) or None
        meaning = read_column(stack.text, group, unit, context)
        formula = next((f.text for f in formulas if f.x0 < stack.x1 and f.x1 > stack.x0), None)
        if isinstance(meaning, Column):
            columns.append(HeaderColumn(stack, group, meaning, None, formula))
        else:
            columns.append(HeaderColumn(stack, group, None, meaning, formula))
    _leave_forecast_variances_unread(columns)
    _leave_twins_unread(columns)
    return Header(list(lines), stub, columns, unit, groups or centred)


def _stub_and_values(
    stacks: Sequence[Stack], figure_columns: Sequence[tuple[float, float]]
) -> tuple[list[Stack], list[Stack]]:
    """Label-column stacks (the stub) and figure-column stacks. With the body's figure columns known, the
    stub is what stands left of them; without, left of the first header that names a phase or year."""
    if figure_columns:
        first_value_x = _slot_left(figure_columns)
        stub = [s for s in stacks if is_label_header(s.text) or s.center < first_value_x]
    else:
        vocabulary_x = [s.x0 for s in stacks if _VOCABULARY.search(s.text) and not is_label_header(s.text)]
        first_value_x = min(vocabulary_x, default=float("inf"))
        stub = [s for s in stacks if is_label_header(s.text)
                or all(is_label_header(p.text) for p in s.phrases) or s.x1 < first_value_x]
    return stub, [s for s in stacks if not any(s is t for t in stub)]


def _place_groups(
    values: Sequence[Stack],
    strict: Sequence[Phrase],
    centred: Sequence[Phrase],
    figure_columns: Sequence[tuple[float, float]] = (),
) -> dict[int, list[Phrase]]:
    """id(figure-column stack) -> the spanning headers over it, outer first."""
    placed: dict[int, list[Phrase]] = {}
    if strict and len(values) >= len(strict):
        for stack, g in zip(values, partition_under_groups(values, strict), strict=True):
            placed[id(stack)] = [strict[g]]
    taken: dict[int, list[Stack]] = {}  # spanning headers of one row never share a cell
    for group in sorted(centred, key=lambda g: (round(g.top), g.x0)):
        row = taken.setdefault(round(group.top), [])
        for stack in _run_under(group, values, row, figure_columns) or []:
            placed.setdefault(id(stack), []).append(group)
            row.append(stack)
    return placed


def _leave_twins_unread(columns: Sequence[HeaderColumn]) -> None:
    """Two columns read as the same thing ("Anlægsbevilling" with the caption's year beside "Rådighedsbeløb
    2024": both Bevilling 2024) cannot both be right. A column whose header prints the year keeps it; the
    one that took its year from outside the header is left unread; if that does not settle it, all are."""
    by_meaning: dict[tuple, list[HeaderColumn]] = {}
    for c in columns:
        if c.column is not None:
            m = c.column
            by_meaning.setdefault((m.phase, m.measure, m.fiscal_year, m.flow, m.period), []).append(c)
    for key, twins in by_meaning.items():
        if len(twins) < 2:
            continue
        printed = [c for c in twins if c.column is not None and c.column.year_source == "header"]
        # Several columns read the same also when spanning headers were misplaced: none is kept then.
        keep = printed[0] if len(printed) == 1 else None
        phase, _, year, _, _ = key
        reason = f"another column of the table reads as {phase} {year} too; which is which is not printed"
        for c in twins:
            if c is not keep:
                c.unread, c.column = Unread(c.text, reason), None


def _leave_forecast_variances_unread(columns: Sequence[HeaderColumn]) -> None:
    """In-year follow-up: "Afvigelse" beside a forecast and no outturn is the forecast's variance."""
    phases = {c.column.phase for c in columns if c.column}
    if "forecast" not in phases or "actual" in phases:
        return
    for c in columns:
        if c.column is not None and c.column.phase == "variance":
            c.unread = Unread(c.text, "a variance beside a forecast (no outturn in the table) is the "
                                      "forecast's variance, not an outturn's")
            c.column = None


def _slot_left(figure_columns: Sequence[tuple[float, float]]) -> float:
    """Where the first figure column's stretch begins: as far left of its figures as half the gap to the
    next column (a header centred over right-aligned figures overhangs them by about that much)."""
    x0, x1 = figure_columns[0]
    if len(figure_columns) > 1:
        return x0 - (figure_columns[1][0] - x1) / 2
    return x0 - (x1 - x0)


def _slot_of(x: float, figure_columns: Sequence[tuple[float, float]]) -> int | None:
    """The figure column whose stretch holds x (halfway between neighbours), None left of the first."""
    if x < _slot_left(figure_columns):
        return None
    for index in range(len(figure_columns) - 1):
        if x < (figure_columns[index][1] + figure_columns[index + 1][0]) / 2:
            return index
    return len(figure_columns) - 1


def _split_at_columns(phrase: Phrase, figure_columns: Sequence[tuple[float, float]]) -> list[Phrase]:
    """A header phrase set too tight to be told apart by spacing ("Bevilling kr. Forbrug kr. Forskel kr.",
    "Korrigeret budget Regnskab"): one cell per phase it names, each ending over its own figure column,
    left to right; words before the first phase are the stub's. Anything else (a spanning "Budget 2020",
    a wrapped "Korrigeret budget") stays whole."""
    text = phrase.text
    starts = [i for i in lexicon.cell_starts(text) if i == 0 or text[i - 1] == " "]
    if len(starts) < 2:
        return [phrase]
    offsets = list(itertools.accumulate((len(w.text) + 1 for w in phrase.words), initial=0))
    if any(start not in offsets for start in starts):
        return [phrase]  # a phrase that begins inside a word: not a cell boundary
    cuts = [offsets.index(start) for start in starts]
    bounds = [0, *cuts] if cuts[0] > 0 else cuts
    pieces = [phrase.words[a:b] for a, b in itertools.pairwise([*bounds, len(phrase.words)])]
    value_pieces = pieces[1:] if cuts[0] > 0 else pieces
    slots = [_slot_of(p[-1].x1 - 1, figure_columns) for p in value_pieces]
    if None in slots or slots != sorted(set(slots)):  # type: ignore[type-var]
        return [phrase]
    return [Phrase(tuple(p)) for p in pieces]


# A spanning header is centred over its columns to within this share of their width (plus a point).
GROUP_CENTRE_TOLERANCE = 0.1
# Two runs of columns whose centres lie this close (points) to a spanning header's are centred alike.
RUN_TIE = 0.5


def _centred_groups(
    phrases: Sequence[Phrase], figure_columns: Sequence[tuple[float, float]] = ()
) -> list[Phrase]:
    """Phrases printed over two or more header cells below them ("Regnskab 2024" over "Udgifter |
    Indtægter | Netto", "Budget 2025" over three of six columns): spanning headers, as an HTML colspan or
    a merged office cell prints them. A phrase that sits over one cell is that cell's first line."""
    candidates = [p for p in phrases if (phase_of(p.text) or lexicon.YEAR.search(p.text)
                                         or lexicon.flow_of(p.text)) and not is_label_header(p.text)]
    groups = []
    for candidate in candidates:
        others = [p for p in phrases if p is not candidate and not any(p is g for g in groups)]
        stacks = [s for s in stack_columns(others) if s.x1 > min(p.x0 for p in phrases)]
        if _run_under(candidate, stacks, (), figure_columns):
            groups.append(candidate)
    return groups


def _run_under(
    group: Phrase,
    stacks: Sequence[Stack],
    taken: Sequence[Stack] = (),
    figure_columns: Sequence[tuple[float, float]] = (),
) -> list[Stack] | None:
    """The two or more adjacent stacks, all printed below `group` and none in `taken` (claimed by another
    spanning header of its row), that `group` is centred over. Only centring tells a spanning header
    from the first line of one cell: left-aligned, both line up with the cell below. A cell is as wide as
    its header text and the figures under it (a right-aligned "2023" over "1.402.283" is narrower than
    the cell the spanning header was centred over)."""
    best: tuple[float, list[Stack]] | None = None
    for start in range(len(stacks)):
        for end in range(start + 2, len(stacks) + 1):
            run = list(stacks[start:end])
            left, right = _cell_x(run[0], figure_columns)[0], _cell_x(run[-1], figure_columns)[1]
            if left > group.x1 or right < group.x0 or any(s is t for s in run for t in taken):
                continue
            if not all(p.top >= group.bottom - 1 for s in run for p in s.phrases):
                continue
            off = abs((left + right) / 2 - group.center)
            if off > GROUP_CENTRE_TOLERANCE * (right - left) + 1:
                continue
            # Runs set symmetrically about the centre of evenly spaced columns are centred alike: the
            # widest is the one printed under the header (an inner one would leave its neighbours
            # under no header at all).
            wider = best is not None and off <= best[0] + RUN_TIE and len(run) > len(best[1])
            if best is None or off < best[0] - RUN_TIE or wider:
                best = (off, run)
    return best[1] if best else None


def _cell_x(stack: Stack, figure_columns: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """A header stack's extent widened by the body's figure column under it, if one is."""
    left, right = stack.x0, stack.x1
    for x0, x1 in figure_columns:
        if x0 < stack.x1 and x1 > stack.x0:
            left, right = min(left, x0), max(right, x1)
    return left, right


def _group_line(lines: Sequence[Line]) -> Line | None:
    """The line of spanning headers ("Budget 2020" over "Mængde", "Gns. pris", ...), if any.

    It is the first header line whose figure-column phrases all name a phase and a year while some line
    below it names a measure only (Mængde, Gns. pris): those need the phase from above.
    """
    for index, line in enumerate(lines[:-1]):
        candidates = [p for p in line.phrases if not is_label_header(p.text)]
        if not candidates:
            continue
        spans = all(phase_of(p.text) and year_of(p.text) for p in candidates)
        below = [p for lower in lines[index + 1 :] for p in lower.phrases]
        if spans and any(_MEASURE_ONLY.search(p.text) for p in below):
            return line
        return None
    return None


# --- Grid ------------------------------------------------------------------------------------------------


@dataclass
class GridRow:
    lines: list[Line]
    code: str | None
    label: str
    unit: str | None
    cells: dict[int, Phrase]  # figure column index -> printed figure
    stray: list[Phrase]  # figures under no column, or two in one column: the table cannot be read
    flow: str | None = None  # a row marked U (expenditure) or I (income)
    part_of: str | None = None  # the label of the row this one is a breakdown of ("Heraf:")

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def label_x(self) -> float | None:
        """Where the row's label starts (its indentation), or None for a row without a label."""
        return min((p.x0 for line in self.lines for p in _labels(line)), default=None)


@dataclass
class TableRegion:
    """The lines of one printed table, stitched across pages; repeated headers left out of the body."""

    header: Header
    body: list[Line]
    caption: str | None
    policy_area: str
    rules: list[Rule] = field(default_factory=list)  # horizontal rules of the pages the body is on

    @property
    def page(self) -> int:
        return self.header.lines[0].page if self.header.lines else self.body[0].page

    @property
    def bbox(self) -> BBox:
        first_page = [ln for ln in [*self.header.lines, *self.body] if ln.page == self.page]
        return (
            min(ln.x0 for ln in first_page),
            min(ln.top for ln in first_page),
            max(ln.x1 for ln in first_page),
            max(ln.bottom for ln in first_page),
        )


def build_rows(region: TableRegion) -> list[GridRow]:
    """Body lines -> rows: wrapped labels joined, figures placed under their columns."""
    header = region.header
    columns = [c.stack for c in header.columns]
    code_x, unit_x = _stub_positions(header.stub)
    rows: list[GridRow] = []
    for lines in _row_blocks(region.body, _row_rules(region)):
        rows.append(_grid_row(lines, columns, code_x, unit_x))
    _mark_breakdowns(rows)
    return rows


def _mark_breakdowns(rows: Sequence[GridRow]) -> None:
    """Rows that break the row above down ("Heraf:" then its indented rows, up to and with its "Heraf i
    alt"; or one row "heraf løn") are part of that row: Fact.part_of. A breakdown ends at its "Heraf i
    alt", at a row printed no further in than its parent, or at a total."""
    parent: GridRow | None = None  # the latest row with figures outside any breakdown
    opened: GridRow | None = None  # the parent of the open breakdown
    for row in rows:
        x = row.label_x
        breakdown = bool(lexicon.BREAKDOWN.match(row.label))
        if opened is not None and opened.label_x is not None and (
            x is None or x <= opened.label_x + 1 or (_TOTAL.search(row.label) and not breakdown)
        ):
            opened = None
        if breakdown and not row.cells:
            opened = parent  # "Heraf:": the rows below break the row above down
            continue
        if opened is not None:
            row.part_of = opened.label
            if breakdown:
                opened = None  # its "Heraf i alt" closes it
        elif breakdown and parent is not None:
            row.part_of = parent.label  # "heraf løn 1.234" on a row of its own
        elif row.cells:
            parent = row


def _stub_positions(stub: Sequence[Stack]) -> tuple[tuple[float, float] | None, float | None]:
    """Where the Nr. column spans and where the Enhed column starts, when the header prints them."""
    code_x = unit_x = None
    for index, stack in enumerate(stub):
        text = normalise_header(stack.text)
        if _CODE_HEADER.match(text):
            right = stub[index + 1].x0 if index + 1 < len(stub) else stack.x1
            code_x = (stack.x0, right)
        elif _UNIT_HEADER.match(text):
            unit_x = stack.x0
    return code_x, unit_x


def _row_rules(region: TableRegion) -> list[Rule]:
    """The rules that can separate rows: those crossing from the label column into the figure columns
    (a rule under one figure cell only, or a label's underline, separates nothing)."""
    if not region.body or not region.header.columns:
        return []
    reach = max(line.size for line in region.body)  # slack of one em for borders drawn past the text
    left = min(line.x0 for line in region.body)
    value_left = region.header.value_left
    return [r for r in region.rules if r.x0 <= left + reach and r.x1 >= value_left]


def _row_blocks(body: Sequence[Line], rules: Sequence[Rule] = ()) -> list[list[Line]]:
    """Group body lines into rows.

    A table that rules its rows (a rule between every two consecutive lines with figures) is split at its
    rules: that holds whatever the cell padding and vertical alignment (office suites centre cells
    vertically, so a figure can print between the lines of its wrapped label). Otherwise a row's lines
    are tightly spaced; a new row starts after a gap (wider than half a line, or wider than the table's
    own spacing between the lines of a wrapped cell: the cell padding of a borderless table), with a row
    number, or when a line with figures follows a line with figures (figures print on one line of a row).
    Either way, a line of label only joins the row of figures next to it only if it reads as that row's
    label wrapped (see _wraps).
    """
    blocks: list[list[Line]] = []
    label_right = max((p.x1 for line in body for p in _labels(line)), default=0.0)
    ruled = _rules_every_row(body, rules)
    line_gap = _wrapped_line_gap(body)
    previous: Line | None = None
    for index, line in enumerate(body):
        after = body[index + 1] if index + 1 < len(body) else None
        if ruled:
            starts_row = (
                previous is None or line.page != previous.page or ruled_between(previous, line, rules)
            )
        else:
            starts_row = (
                previous is None
                or not is_tight(previous, line)
                or gap(previous, line) > line_gap + ROW_SEPARATION_EM * line.size
                or _code_prefix(line.phrases) >= 1
                # Figures print on one line of a row: a second line of figures starts the next row.
                or (bool(figures_of(line)) and any(figures_of(earlier) for earlier in blocks[-1]))
            )
        if not starts_row and previous is not None and not _wraps(previous, line, label_right, after):
            starts_row = True
        if starts_row:
            blocks.append([line])
        else:
            blocks[-1].append(line)
        previous = line
    return blocks


def _labels(line: Line) -> list[Phrase]:
    """The label phrases of a table line: after its code, before its figures."""
    return stub_of(line)[_code_prefix(line.phrases) :]


def _wraps(upper: Line, lower: Line, label_right: float, after: Line | None = None) -> bool:
    """False when two lines, one of them without figures, cannot be one wrapped label: a wrapped label
    goes on at the same left edge (a group heading stands left of its indented rows); a label line right
    above a line of figures only is the first line of that row (cells centred vertically); and a label
    that goes on below its figures (top-aligned cells) neither ends in "i alt" (a total ends its block)
    nor had room left for the next line's first word before the widest label of the table ends."""
    if figures_of(upper) and figures_of(lower):
        return True  # not a question of wrapping; decided by the spacing rules
    if (not figures_of(lower) and after is not None and figures_of(after) and not _labels(after)
            and after.page == lower.page and is_tight(lower, after)):
        return False  # a wrapped label around its figures, centred between its lines: the next row
    upper_labels, lower_labels = _labels(upper), _labels(lower)
    if not upper_labels or not lower_labels:
        return True
    if abs(upper_labels[0].x0 - lower_labels[0].x0) > 2:
        return False
    if not figures_of(upper):
        return True  # label first, figures on its last line: bottom-aligned or centred cells
    if _TOTAL.search(" ".join(p.text for p in upper_labels)):
        return False
    first = lower_labels[0].words[0]
    space = 0.28 * first.size
    return upper_labels[-1].x1 + space + (first.x1 - first.x0) > label_right + 1


def _wrapped_line_gap(body: Sequence[Line]) -> float:
    """The narrowest white space between two consecutive lines of the body that do not overlap: the
    spacing inside a wrapped cell when some cell wraps (lines of a vertically centred row can overlap)."""
    gaps = [gap(a, b) for a, b in itertools.pairwise(body) if a.page == b.page and gap(a, b) >= 0]
    return min(gaps, default=float("inf"))


def _rules_every_row(body: Sequence[Line], rules: Sequence[Rule]) -> bool:
    """True when a rule runs between every two consecutive figure lines of a page (and there are some)."""
    figure_lines = [line for line in body if figures_of(line)]
    pairs = [(a, b) for a, b in itertools.pairwise(figure_lines) if a.page == b.page]
    return bool(pairs) and all(ruled_between(a, b, rules) for a, b in pairs)


def _grid_row(
    lines: list[Line],
    columns: Sequence[Stack],
    code_x: tuple[float, float] | None,
    unit_x: float | None,
) -> GridRow:
    code: str | None = None
    flow: str | None = None
    unit_parts: list[str] = []
    number_parts: list[str] = []  # a project or account number: the label's start, whichever line holds it
    label_parts: list[str] = []
    cells: dict[int, Phrase] = {}
    stray: list[Phrase] = []
    # Where the label text starts: a code printed left of it on a later line (figures and code centred or
    # bottom-aligned beside a wrapped label) is still the row's code.
    label_x = min((p.x0 for line in lines[:1] for p in _labels(line)), default=float("inf"))
    for line_index, line in enumerate(lines):
        figures = figures_of(line)
        stub = stub_of(line)
        prefix = _code_prefix(line.phrases)
        for position, phrase in enumerate(stub):
            if code_x is not None:
                is_code = bool(_ROW_CODE.match(phrase.text)) and phrase.x0 < code_x[1] - 1
            else:
                is_code = position < prefix and (line_index == 0 or phrase.x1 < label_x - 1)
            if phrase.text in lexicon.FLOW_MARKERS and position > 0 and flow is None:
                flow = lexicon.FLOW_MARKERS[phrase.text]
            elif position > 0 and lexicon.NOTE_MARKER.match(phrase.text):
                continue  # a note reference ("a", "b)") in its own cell beside the label: not the label
            elif is_code and _ACTIVITY_CODE.match(phrase.text.rstrip(".")):
                code = phrase.text.rstrip(".")
            elif is_code:
                number_parts.append(phrase.text)
            elif unit_x is not None and phrase.x0 >= unit_x - 1:
                unit_parts.append(phrase.text)
            else:
                label_parts.append(phrase.text)
        for phrase in figures:
            index = column_of(phrase, columns)
            if index is None or index in cells:
                stray.append(phrase)
            else:
                cells[index] = phrase
    label = " ".join([*number_parts, *label_parts])
    return GridRow(lines, code, label, " ".join(unit_parts) or None, cells, stray, flow)


# --- Facts -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChapterConventions:
    """What the chapter's notes state, and which table and column each statement reaches.

    Scope, innermost first: a note that names the table's account ("I tabellen for drift ...") applies
    to that account's tables only; a note printed under a table to that table; a note before any table
    to the whole chapter. A statement that a named column is in its own year's prices ("Regnskab 2020 er
    i 2020-priser") is true of that column wherever it is printed, so it also reaches the other tables
    of the chapter where nothing closer speaks; a restatement ("omregnet til 2021-priser") never does.
    """

    notes: tuple[Note, ...]

    def price_of(
        self, caption: str, account: str | None, phase: str, fiscal_year: int | None
    ) -> tuple[int | None, str | None]:
        """(price year, price basis) of a column, or (None, None) when no note reaches it."""
        best: tuple[tuple[int, int], Note] | None = None
        for note in self.notes:
            if note.kind != "price_year":
                continue
            scope = _price_scope(note, caption, account)
            column = _column_match(note, phase, fiscal_year)
            if scope >= 0 and column > 0 and (best is None or (scope, column) > best[0]):
                best = ((scope, column), note)
        if best is None:
            return None, None
        note = best[1]
        price_year = note.price_year
        if price_year is None and note.price_basis == "current":
            price_year = fiscal_year  # "løbende priser": each column in its own year's prices
        basis = note.price_basis
        if basis is None and price_year is not None:
            basis = "current" if price_year == fiscal_year else "fixed"
        return price_year, basis

    def sign_of(self, caption: str, family: str, account: str | None) -> str | None:
        """The variance sign convention the closest note states for this table, or None."""
        best: tuple[int, str] | None = None
        for note in self.notes:
            if note.kind != "variance_sign" or note.sign_convention is None:
                continue
            scope = _sign_scope(note, caption, family, account)
            if scope >= 0 and (best is None or scope > best[0]):
                best = (scope, note.sign_convention)
        return best[1] if best else None

    def colour_signs(self, caption: str, family: str) -> Note | None:
        """The closest note reaching this table that says a sign is printed as a colour ("Mindreforbrug er
        vist med rødt"), or None. A statement scoped to an account reaches every table of the chapter: which
        rows are that account's is known row by row, and leaving too much unread is the safe error."""
        best: tuple[int, Note] | None = None
        for note in self.notes:
            if not lexicon.SIGN_BY_COLOUR.search(note.text):
                continue
            scope = _sign_scope(note, caption, family, note.account)
            if scope >= 0 and (best is None or scope > best[0]):
                best = (scope, note)
        return best[1] if best else None


def _sign_scope(note: Note, caption: str, family: str, account: str | None) -> int:
    """How closely a sign statement reaches a table: 3 its account, 2 the table it stands under, 1 its
    family, 0 the chapter; -1 not at all."""
    if note.account is not None:
        return 3 if note.account == account else -1
    if note.table_title is not None and note.table_title == caption:
        return 2
    if note.table is not None and note.table == family and family != "other":
        return 1  # one convention per table family, printed under the first of its tables
    if note.table is None:
        return 0
    return -1


def leave_colour_signed_unread(table: ReadTable, conventions: ChapterConventions) -> None:
    """Columns whose signs a note says are printed as a colour are unread: the text has lost the sign.

    A statement naming an overspend, underspend or variance reaches the variance columns, any other
    ("negative beløb er vist med rødt") every column. Precision first: a red "20,3" is not +20,3.
    """
    note = conventions.colour_signs(table.caption, table.family)
    if note is None:
        return
    variances_only = bool(lexicon.SIGN_BY_COLOUR_VARIANCE.search(note.text))
    for column in table.region.header.columns:
        if column.column is None or (variances_only and column.column.phase != "variance"):
            continue
        reason = f"the sign is printed as a colour, not a character ({note.text!r})"
        column.unread, column.column = Unread(column.text, reason), None


def _price_scope(note: Note, caption: str, account: str | None) -> int:
    if note.account is not None:
        return 3 if note.account == account else -1
    if note.table_title is not None and note.table_title == caption:
        return 2
    if note.table is None and note.table_title is None:
        return 1
    if note.fiscal_year is not None and note.price_year == note.fiscal_year:
        return 0
    return -1


def _column_match(note: Note, phase: str, fiscal_year: int | None) -> int:
    """2 when the note names this column, 1 when it speaks of every column, 0 when of another one."""
    if note.fiscal_year is None and note.phase is None:
        return 1
    if note.fiscal_year == fiscal_year and note.phase in (None, phase):
        return 2
    return 0


@dataclass
class ReadTable:
    """One table as read: its family and grid, or the reason it could not be read."""

    region: TableRegion
    family: str
    rows: list[GridRow]
    problem: str | None

    @property
    def caption(self) -> str:
        return self.region.caption or ""


def read_table(region: TableRegion) -> ReadTable:
    rows = build_rows(region)
    problem = region.header.problem()
    if problem is None:
        stray = [p for row in rows for p in row.stray]
        if stray:
            problem = f"figures under no column or two in one cell: {[p.text for p in stray][:5]}"
    if problem is None:
        readable = {i for i, c in enumerate(region.header.columns) if c.column is not None}
        malformed = [p.text for row in rows for i, p in row.cells.items()
                     if i in readable and not _parses(p.text)]
        if malformed:
            problem = f"figures that are not Danish-formatted numbers: {malformed[:5]}"
    return ReadTable(region, family_of(region.caption), rows, problem)


def _parses(text: str) -> bool:
    try:
        parse_amount(text)
    except NumberFormatError:
        return False
    return True


def account_of(family: str, stub_text: str, row_label: str) -> str | None:
    """Drift or Anlæg as the table states it; None when it does not (specific assumptions)."""
    if family == "overall_result":
        return "anlaeg" if re.search(r"anlæg", row_label, re.IGNORECASE) else "drift"
    if family == "specific_assumptions":
        return None
    if re.search(r"\banlæg", stub_text, re.IGNORECASE):
        return "anlaeg"
    if re.search(r"\bdrift\b", stub_text, re.IGNORECASE):
        return "drift"
    return None


def facts_of(table: ReadTable, conventions: ChapterConventions) -> list[Fact]:
    """One Fact per printed figure of a readable table."""
    header = table.region.header
    facts: list[Fact] = []
    for row in table.rows:
        for index, phrase in sorted(row.cells.items()):
            value = parse_amount(phrase.text)
            if value is None or header.columns[index].column is None:
                continue  # an empty cell or a lone dash: no value, which is not zero
            facts.append(_fact(table, row, header.columns[index], phrase, value, conventions))
    return facts


def _fact(
    table: ReadTable,
    row: GridRow,
    header_column: HeaderColumn,
    phrase: Phrase,
    value: Decimal,
    conventions: ChapterConventions,
) -> Fact:
    column = header_column.column
    if column is None:  # facts_of reads readable columns only
        raise AssertionError(header_column)
    if column.measure == "quantity":
        amount, unit, source_unit = value, row.unit or "units", None
    elif column.measure == "unit_price":
        amount, unit, source_unit = value, "DKK", "DKK"
    else:
        if column.source_unit is None:  # interpret_column never gives an amount column without a unit
            raise AssertionError(column)
        amount, unit, source_unit = value * KRONER_PER_UNIT[column.source_unit], "DKK", column.source_unit
    variance = column.phase == "variance"
    account = account_of(table.family, table.region.header.stub_text, row.label)
    # The header's own formula row, then its text ("Afvigelse (+ = merforbrug)"), are the innermost
    # statements of how the variance is signed.
    sign = None
    if variance:
        sign = (
            table.region.header.formula_sign(header_column)
            or variance_sign_of(header_column.text)
            or conventions.sign_of(table.caption, table.family, account)
        )
    price_year, price_basis = conventions.price_of(table.caption, account, column.phase, column.fiscal_year)
    return Fact(
        policy_area=table.region.policy_area,
        table=table.family,
        table_title=table.caption,
        account=account,
        sign_convention=sign,
        row_code=row.code,
        row_label=row.label,
        is_total=bool(_TOTAL.search(row.label)),
        phase=column.phase,
        measure=column.measure,
        fiscal_year=column.fiscal_year,
        price_year=price_year,
        value=amount,
        unit=unit,
        source_unit=source_unit,
        as_printed=phrase.text,
        page=phrase.page,
        bbox=phrase.bbox,
        flow=column.flow or row.flow,
        year_source=column.year_source,
        period=column.period,
        price_basis=price_basis,
        part_of=row.part_of,
    )


def unread_columns(table: ReadTable) -> list[UnreadColumn]:
    """The figure columns of a readable table whose headers could not be read, with the reason."""
    return [
        UnreadColumn(
            policy_area=table.region.policy_area,
            table=table.family,
            table_title=table.caption,
            header=column.text,
            reason=column.unread.reason,
            page=column.stack.phrases[0].page,
            bbox=(column.stack.x0, min(p.top for p in column.stack.phrases), column.stack.x1,
                  max(p.bottom for p in column.stack.phrases)),
        )
        for column in table.region.header.columns
        if column.unread is not None
    ]


def unknown_table(table: ReadTable) -> UnknownTable:
    """The raw cells of a table that could not be read: header texts, then label and figures per row.

    Figures that sat under no column are kept at the end of their row, so nothing printed is lost.
    """
    region = table.region
    header = region.header
    width = len(header.columns)
    header_cells: list[str | None] = [header.stub_text or None, *(c.text for c in header.columns)]
    cells: list[list[str | None]] = [header_cells]
    for row in table.rows:
        label = " ".join(part for part in (row.code, row.label) if part) or None
        figures = [row.cells[i].text if i in row.cells else None for i in range(width)]
        cells.append([label, *figures, *(p.text for p in row.stray)])
    return UnknownTable(
        page=region.page,
        bbox=region.bbox,
        cells=cells,
        policy_area=region.policy_area,
        reason=table.problem or "",
    )
