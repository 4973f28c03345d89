"""Page geometry: pdfplumber words -> lines -> phrases, and the column arithmetic tables are built from.

Knows coordinates and nothing Danish: which phrase is a header or a figure is decided in tables.py.
Everything here is linear or n log n in the number of words, so a 400-row page stays fast.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pdfplumber.page import Page
from pdfplumber.utils.text import DEFAULT_X_TOLERANCE, DEFAULT_Y_TOLERANCE, LIGATURES, WordExtractor

from itdrift_pipeline.model import BBox

# Words whose tops differ by less than this share a line (pdfplumber's own default y_tolerance).
LINE_TOLERANCE = 3.0
# Words closer than this fraction of the font size belong to one phrase (one cell, one sentence):
# a word space is about 0.28 em, the gap between two table cells at least twice the cell padding.
PHRASE_GAP_EM = 0.5
# Two lines of one wrapped cell or paragraph are closer than this fraction of their height; lines of
# different rows, paragraphs or blocks are further apart.
TIGHT_GAP_EM = 0.5
# Consecutive rows of one table are closer than this many line heights.
ROW_GAP_EM = 1.3
# Rows of a table with generous cell padding (8-10 px in HTML) are apart by up to this many line
# heights; only lines that continue the table's figure columns (or header cells) may be this far apart.
PADDED_GAP_EM = 3.0
# Ruling segments this close in height are one rule; segments of one rule drawn cell by cell (as Word
# does) are joined when they meet or nearly meet end to end.
RULE_Y_TOLERANCE = 0.75
RULE_JOIN_GAP = 2.0


# Word and Phrase are never changed once made, but are not frozen dataclasses: a frozen dataclass sets
# each field through object.__setattr__, which made building a book's ~80,000 words (and again when lines
# cross between processes) six times slower. unsafe_hash keeps them hashable by value, as frozen did.
@dataclass(slots=True, unsafe_hash=True)
class Word:
    text: str
    page: int  # 1-based
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


class _WordRun:
    """Geometry of a run of words on one line of one page (Phrase, Line): `self.words`, left to right."""

    __slots__ = ()
    words: Sequence[Word]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def page(self) -> int:
        return self.words[0].page

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(slots=True, unsafe_hash=True)
class Phrase(_WordRun):
    """Words of one line separated by ordinary word spaces: one table cell or one run of prose."""

    words: tuple[Word, ...]
    # The words' text, joined once: the table reader asks a phrase for it many times over.
    text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.text = " ".join(w.text for w in self.words)

    @property
    def x1(self) -> float:
        return self.words[-1].x1


@dataclass(slots=True)
class Line(_WordRun):
    """Words printed on one baseline of one page, left to right, and their phrases.

    `words` is never changed once the line is made (phrases may be re-cut), so the text and the extent
    the reader asks for again and again are worked out once, on first use."""

    words: list[Word]
    phrases: list[Phrase] = field(default_factory=list)
    _text: str | None = field(default=None, init=False, repr=False, compare=False)
    _extent: tuple[float, float, float] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = " ".join(w.text for w in self.words)
        return self._text

    def _measure(self) -> tuple[float, float, float]:
        if self._extent is None:
            words = self.words
            self._extent = (min(w.top for w in words), max(w.bottom for w in words), max(w.x1 for w in words))
        return self._extent

    @property
    def top(self) -> float:
        return self._measure()[0]

    @property
    def bottom(self) -> float:
        return self._measure()[1]

    @property
    def x1(self) -> float:
        return self._measure()[2]

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def size(self) -> float:
        return max(w.size for w in self.words)

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal ruling line of a page: a drawn line or the edge of a rectangle (a cell border)."""

    page: int  # 1-based
    y: float  # distance from the top of the page, like a word's top
    x0: float
    x1: float


# A horizontal segment of a page's drawing: (top, x0, x1) in pdfplumber's coordinates.
Segment = tuple[float, float, float]


def edge_segments(edges: list[dict[str, Any]]) -> list[Segment]:
    """The horizontal segments of pdfplumber's edges (page.edges) that have a length."""
    return [
        (float(e["top"]), float(e["x0"]), float(e["x1"]))
        for e in edges
        if e["orientation"] == "h" and float(e["x1"]) > float(e["x0"])
    ]


def page_rules(page: Page, page_number: int) -> list[Rule]:
    """The page's horizontal rules top to bottom, cell-by-cell segments of one rule joined into one."""
    return rules_of_segments(edge_segments(page.edges), page_number)


def rules_of_segments(segments: list[Segment], page_number: int) -> list[Rule]:
    """page_rules of the page's horizontal segments (from edge_segments, or from
    pdfminer_page.parse_page_char_tuples)."""
    rules: list[Rule] = []
    for y, x0, x1 in sorted(segments):
        joined = False
        # Segments come sorted by height, so only the rules at the end can be at this height.
        for index in range(len(rules) - 1, -1, -1):
            rule = rules[index]
            if y - rule.y > RULE_Y_TOLERANCE:
                break
            if x0 <= rule.x1 + RULE_JOIN_GAP and x1 >= rule.x0 - RULE_JOIN_GAP:
                rules[index] = Rule(page_number, rule.y, min(rule.x0, x0), max(rule.x1, x1))
                joined = True
                break
        if not joined:
            rules.append(Rule(page_number, y, x0, x1))
    return sorted(rules, key=lambda r: (r.y, r.x0))


def page_words(page: Page, page_number: int) -> list[Word]:
    """The words of a pdfplumber page with their font size and weight: pdfplumber's builder's words, by
    the fast builder when every character is upright (it reads no other), else by pdfplumber's own."""
    chars = page.chars
    if all(char["upright"] for char in chars):
        return words_of_char_tuples(char_tuples(chars), page_number)
    return words_of_chars(chars, page_number)


# pdfplumber's word builder as page_words runs it: default tolerances, lines by position (not by the
# order the content stream draws them in), a new word where the font or its size changes.
_WORDS = WordExtractor(extra_attrs=["fontname", "size"], use_text_flow=False)


def words_of_chars(chars: list[dict[str, Any]], page_number: int) -> list[Word]:
    """Words of pdfplumber character dicts (pdfplumber's or pdfium_text's), by pdfplumber's own builder."""
    return [
        Word(
            text=w["text"],
            page=page_number,
            x0=float(w["x0"]),
            top=float(w["top"]),
            x1=float(w["x1"]),
            bottom=float(w["bottom"]),
            size=round(float(w["size"]), 2),
            bold=_is_bold(str(w["fontname"])),
        )
        for w in _WORDS.extract_words(chars)
    ]


# A character as the fast word builder reads it: (text, x0, x1, top, bottom, fontname, size), upright.
CharTuple = tuple[str, float, float, float, float, str, float]


def words_of_char_tuples(chars: Sequence[CharTuple], page_number: int) -> list[Word]:
    """The words pdfplumber's builder (as words_of_chars runs it) makes of these upright characters, in
    the same order, by the same steps: runs of one font and size; within a run, lines by clustering the
    characters' tops (each within DEFAULT_Y_TOLERANCE of the next) and characters left to right; a new
    word at white space, where a character steps back, or is further than DEFAULT_X_TOLERANCE from the
    previous one or on another line; ligatures expanded. Several times faster than the dict-based
    builder for a page of prose; test_pages checks that the two agree on every committed page."""
    words: list[Word] = []
    for (fontname, size), run in itertools.groupby(chars, key=_FONT_OF):
        _run_words(list(run), page_number, fontname, size, words)
    return words


def _font_of(char: CharTuple) -> tuple[str, float]:
    return char[5], char[6]


_FONT_OF = _font_of


def _run_words(run: list[CharTuple], page_number: int, fontname: str, size: float, out: list[Word]) -> None:
    tops = sorted({char[3] for char in run})
    cluster_of: dict[float, int] = {}
    cluster, last = 0, tops[0]
    for top in tops:
        if top > last + _Y_TOLERANCE:
            cluster += 1
        cluster_of[top] = cluster
        last = top
    if cluster:  # characters on several lines: line by line (stable), then left to right within each
        ordered = sorted(run, key=lambda char: cluster_of[char[3]])
        lines = [list(line) for _, line in itertools.groupby(ordered, key=lambda char: cluster_of[char[3]])]
    else:
        lines = [run]
    rounded, bold = round(float(size), 2), _is_bold(str(fontname))
    for line in lines:
        line.sort(key=_X0)
        word: list[CharTuple] = []
        for char in line:
            text = char[0]
            if text.isspace() or not text:
                if word:
                    out.append(_merged(word, page_number, rounded, bold))
                    word = []
                if not text:  # pdfplumber's builder makes an empty character a word of its own
                    out.append(_merged([char], page_number, rounded, bold))
                continue
            if word:
                previous = word[-1]
                if (
                    char[1] < previous[1]
                    or char[1] > previous[2] + _X_TOLERANCE
                    or abs(char[3] - previous[3]) > _Y_TOLERANCE
                ):
                    out.append(_merged(word, page_number, rounded, bold))
                    word = []
            word.append(char)
        if word:
            out.append(_merged(word, page_number, rounded, bold))


def _x0(char: CharTuple) -> float:
    return char[1]


_X0 = _x0
_X_TOLERANCE = float(DEFAULT_X_TOLERANCE)
_Y_TOLERANCE = float(DEFAULT_Y_TOLERANCE)


def _merged(chars: list[CharTuple], page_number: int, size: float, bold: bool) -> Word:
    # The characters are in x0 order (see _run_words): the first one's x0 is the smallest.
    if len(chars) == 1:
        text, x0, x1, top, bottom = chars[0][:5]
        x0, top, x1, bottom = float(x0), float(top), float(x1), float(bottom)
        return Word(LIGATURES.get(text, text), page_number, x0, top, x1, bottom, size, bold)
    return Word(
        text="".join(map(LIGATURES.get, map(_TEXT, chars), map(_TEXT, chars))),  # as pdfplumber: per char
        page=page_number,
        x0=float(chars[0][1]),
        top=float(min(map(_TOP, chars))),
        x1=float(max(map(_X1, chars))),
        bottom=float(max(map(_BOTTOM, chars))),
        size=size,
        bold=bold,
    )


_TEXT, _X1, _TOP, _BOTTOM = (operator.itemgetter(i) for i in (0, 2, 3, 4))


def char_tuples(chars: Iterable[dict[str, Any]]) -> list[CharTuple]:
    """pdfplumber character dicts (upright ones) as the fast builder's tuples."""
    return [(c["text"], c["x0"], c["x1"], c["top"], c["bottom"], c["fontname"], c["size"]) for c in chars]


def _is_bold(fontname: str) -> bool:
    name = fontname.lower()
    return any(weight in name for weight in ("bold", "black", "heavy", "semibold"))


def group_lines(words: Iterable[Word]) -> list[Line]:
    """Words -> lines top to bottom (one sort, one pass), each with its phrases."""
    lines: list[Line] = []
    current: list[Word] = []
    current_top = 0.0
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if current and word.top - current_top > LINE_TOLERANCE:
            lines.append(_line(current))
            current = []
        if not current:
            current_top = word.top
        current.append(word)
    if current:
        lines.append(_line(current))
    return lines


def line_of(words: list[Word]) -> Line:
    """Words of one baseline -> a Line with its phrases."""
    return _line(words)


def _line(words: list[Word]) -> Line:
    words = sorted(words, key=lambda w: w.x0)
    phrases: list[Phrase] = []
    run = [words[0]]
    for previous, word in itertools.pairwise(words):
        if word.x0 - previous.x1 > PHRASE_GAP_EM * max(previous.size, word.size):
            phrases.append(Phrase(tuple(run)))
            run = []
        run.append(word)
    phrases.append(Phrase(tuple(run)))
    return Line(words, phrases)


def gap(upper: Line, lower: Line) -> float:
    """Vertical white space between two lines of one page (infinite across pages, and when `lower` is
    printed above `upper`: lines read out of page order, as the second of two columns is, never join)."""
    if upper.page != lower.page or lower.top < upper.top - LINE_TOLERANCE:
        return float("inf")
    return lower.top - upper.bottom


def is_tight(upper: Line, lower: Line) -> bool:
    """True when `lower` continues the same cell, paragraph or header block as `upper`."""
    return gap(upper, lower) <= TIGHT_GAP_EM * max(upper.height, lower.height)


def is_row_spacing(upper: Line, lower: Line) -> bool:
    """True when `lower` is close enough to `upper` to be the next row of the same table."""
    return gap(upper, lower) <= ROW_GAP_EM * max(upper.height, lower.height)


def is_padded_spacing(upper: Line, lower: Line) -> bool:
    """True when `lower` is close enough to `upper` to be the next row of a table with padded cells."""
    return gap(upper, lower) <= PADDED_GAP_EM * max(upper.height, lower.height)


def middle(line: Line) -> float:
    """Height of the line's vertical centre on its page."""
    return (line.top + line.bottom) / 2


def ruled_between(upper: Line, lower: Line, rules: Sequence[Rule]) -> bool:
    """True when one of `rules` (already restricted to a table's width) runs between the two lines.

    Measured between the lines' middles: cells centred vertically print a figure half a line below the
    first line of its wrapped label, so lines of one row may overlap, while a rule never crosses a row.
    """
    if upper.page != lower.page:
        return False
    high, low = middle(upper), middle(lower)
    return any(r.page == upper.page and high < r.y < low for r in rules)


def merge_spans(spans: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    """Intervals [x0, x1] -> the disjoint stretches they cover, left to right."""
    merged: list[tuple[float, float]] = []
    for x0, x1 in sorted(spans):
        if merged and x0 <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], x1))
        else:
            merged.append((x0, x1))
    return merged


def overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    """Length of the common part of [a0, a1] and [b0, b1] (negative when apart)."""
    return min(a1, b1) - max(a0, b0)


@dataclass(slots=True)
class Stack:
    """Phrases stacked in one column of a header (a wrapped header cell: "Korr." / "budget" / "2020")."""

    phrases: list[Phrase]
    x0: float
    x1: float

    @property
    def text(self) -> str:
        ordered = sorted(self.phrases, key=lambda p: (p.top, p.x0))
        return " ".join(p.text for p in ordered)

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


def stack_columns(phrases: Iterable[Phrase]) -> list[Stack]:
    """Phrases that overlap horizontally form one column; the columns come out left to right."""
    stacks: list[Stack] = []
    for phrase in sorted(phrases, key=lambda p: (p.top, p.x0)):
        touching = [s for s in stacks if overlap(s.x0, s.x1, phrase.x0, phrase.x1) > 0]
        if not touching:
            stacks.append(Stack([phrase], phrase.x0, phrase.x1))
            continue
        merged = touching[0]
        for other in touching[1:]:
            merged.phrases.extend(other.phrases)
            stacks.remove(other)
        merged.phrases.append(phrase)
        merged.x0 = min(merged.x0, phrase.x0, *(o.x0 for o in touching))
        merged.x1 = max(merged.x1, phrase.x1, *(o.x1 for o in touching))
    return sorted(stacks, key=lambda s: s.x0)


def column_bounds(columns: Sequence[Stack]) -> list[tuple[float, float]]:
    """The stretch of page each column owns: halfway to its neighbours' headers, and as far again
    beyond the outer headers. A right-aligned figure under a centred header falls inside it."""
    if not columns:
        return []
    cuts = [(left.x1 + right.x0) / 2 for left, right in itertools.pairwise(columns)]
    first, last = columns[0], columns[-1]
    reach_left = cuts[0] - first.x1 if cuts else first.x1 - first.x0
    reach_right = last.x0 - cuts[-1] if cuts else last.x1 - last.x0
    return list(zip([first.x0 - reach_left, *cuts], [*cuts, last.x1 + reach_right], strict=True))


def column_of(phrase: Phrase, columns: Sequence[Stack]) -> int | None:
    """The column a figure sits in: the one whose stretch holds its middle (None when none does)."""
    middle = (phrase.x0 + phrase.x1) / 2
    for index, (left, right) in enumerate(column_bounds(columns)):
        if left <= middle <= right:
            return index
    return None


def partition_under_groups(leaves: Sequence[Stack], groups: Sequence[Phrase]) -> list[int]:
    """Which spanning header each leaf column sits under: a contiguous split of the leaves.

    Each group heads a run of adjacent leaves; the split chosen is the one where every group phrase
    lines up best with its run (centred over it, or flush with its left or right edge), so it works
    whether the spanning header is centred, left- or right-aligned. Returns one group index per leaf.
    """
    n, k = len(leaves), len(groups)
    if k == 0 or n < k:
        raise ValueError(f"cannot place {n} header columns under {k} spanning headers")
    best: tuple[float, tuple[int, ...]] | None = None
    for cuts in itertools.combinations(range(1, n), k - 1):
        bounds = (0, *cuts, n)
        cost = 0.0
        for g, group in enumerate(groups):
            run = leaves[bounds[g] : bounds[g + 1]]
            left, right = run[0].x0, run[-1].x1
            cost += min(
                abs((left + right) / 2 - (group.x0 + group.x1) / 2),
                abs(left - group.x0),
                abs(right - group.x1),
            )
        if best is None or cost < best[0]:
            best = (cost, bounds)
    assert best is not None
    bounds = best[1]
    return [g for g in range(k) for _ in range(bounds[g], bounds[g + 1])]
