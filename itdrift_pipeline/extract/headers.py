"""Column headers -> meaning: "Korr. / budget / 2020" -> Column(revised_budget, amount, 2020, "1000 DKK").

Knows the Danish vocabulary (through itdrift_pipeline.lexicon) and nothing about coordinates. A column's
meaning is resolved along a context chain, innermost first: its header cell, the spanning header above it,
the table's stub and caption, the section heading, the document title. A column that cannot be read
without guessing comes back as Unread with the reason: its figures give no facts, the others still do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from itdrift_pipeline import lexicon


@dataclass(frozen=True)
class Column:
    """What the figures of one column are."""

    phase: str  # one of model.PHASES
    measure: str  # one of model.MEASURES
    fiscal_year: int | None
    source_unit: str | None  # one of model.SOURCE_UNITS; None for quantities
    header: str  # the printed header, wrapped lines joined
    flow: str | None = None  # one of model.FLOWS
    year_source: str | None = None  # one of model.YEAR_SOURCES
    period: str | None = None  # one of model.PERIODS: a month's or quarter's column


@dataclass(frozen=True)
class Unread:
    """A figure column whose header cannot be read without guessing, and why."""

    header: str
    reason: str


@dataclass(frozen=True)
class Context:
    """What the levels around a table state: the document, the section heading and the caption.

    `report_type` and `report_year` come from the document title (lexicon.REPORT_TYPES).
    """

    caption: str = ""
    heading: str = ""
    report_type: str | None = None
    report_year: int | None = None


def normalise_header(text: str) -> str:
    """Join wrapped header lines: collapse whitespace and close "Over-/ underskud" to "Over-/underskud"."""
    collapsed = " ".join(text.split())
    return re.sub(r"-/\s+", "-/", collapsed)


def _dehyphenated(text: str) -> str:
    """A word hyphenated over a line break read whole ("Tillægs- bevillinger" -> "Tillægsbevillinger"),
    for matching the vocabulary only: the header is kept as printed."""
    return re.sub(r"(?<=[a-zæøå])- (?=[a-zæøå])", "", text)


def unit_of(text: str) -> str | None:
    """The money unit a caption or header states: "I 1.000 kr." -> "1000 DKK", "Mio. kr." -> "mio DKK"."""
    return lexicon.unit_of(text)


def is_label_header(text: str) -> bool:
    """True for the headers of label columns ("Nr.", "Aktivitet", "Enhed 1)", "I 1.000 kr.")."""
    return bool(lexicon.LABEL_HEADERS.match(normalise_header(text)))


def is_formula_cell(text: str) -> bool:
    """A column letter, number or formula over them: "A", "(3)", "D=(A+B+C)", "(3) = (1)-(2)"."""
    return bool(lexicon.FORMULA_CELL.match(normalise_header(text)))


def phase_of(text: str) -> str | None:
    """The budget phase a header names, or None when it names none or two different ones."""
    found = lexicon.phase_words(text)
    return found[0] if len(found) == 1 else None


def year_of(text: str) -> int | None:
    years = {int(y) for y in lexicon.YEAR.findall(text)}
    return years.pop() if len(years) == 1 else None


def _is_bare_year(text: str) -> bool:
    return bool(re.fullmatch(r"(19|20)\d{2}", text))


def read_column(
    header: str, group: str | None = None, table_unit: str | None = None, context: Context | None = None
) -> Column | Unread:
    """The meaning of a figure column, or Unread with the reason it cannot be read without guessing.

    `group` is the spanning header above it ("Budget 2020" over "Mængde"); `table_unit` the unit the table
    states in its stub or caption ("I 1.000 kr."), used when the header itself names none.
    """
    context = context or Context()
    printed = normalise_header(header)
    text = _dehyphenated(printed)
    group_text = _dehyphenated(normalise_header(group or ""))
    if not text and not group_text:
        return Unread(printed, "the column has no header")
    reason = lexicon.not_a_phase(text)
    if reason:
        return Unread(printed, reason)
    text = lexicon.without_inclusions(text)
    if lexicon.QUANTITY_WORDS.search(text):
        measure = "quantity"
    elif lexicon.UNIT_PRICE_WORDS.search(text):
        measure = "unit_price"
    else:
        measure = "amount"
    flow = lexicon.flow_of(text) or lexicon.flow_of(group_text)
    period = lexicon.period_of(text)
    phase = _phase(text, group_text, measure, context)
    if isinstance(phase, Unread):
        return Unread(printed, phase.reason)
    fiscal_year, year_source = _year(text, group_text, context)
    if phase is None:
        phase = _phase_from_document(text, flow, fiscal_year, context)
        if phase is None:
            return Unread(printed, "the header names no phase (Regnskab, Budget, ...) and its context none")
    if fiscal_year is None:
        return Unread(printed, "no fiscal year in the header, caption, heading or document title")
    if measure == "quantity":
        source_unit = None
    elif measure == "unit_price":
        source_unit = "DKK"
    else:
        source_unit = unit_of(text) or unit_of(group_text) or table_unit
        if source_unit is None:
            return Unread(printed, "no unit (kr., 1.000 kr., mio. kr.) stated for the table")
    return Column(phase, measure, fiscal_year, source_unit, printed, flow, year_source, period)


def interpret_column(
    header: str, group: str | None = None, table_unit: str | None = None, context: Context | None = None
) -> Column | None:
    """read_column without the reason: the Column, or None when it cannot be read."""
    column = read_column(header, group, table_unit, context)
    return column if isinstance(column, Column) else None


def _phase(text: str, group_text: str, measure: str, context: Context) -> str | Unread | None:
    """The phase the header, its group or the caption names (in that order), or None when none does."""
    levels = (text if measure == "amount" else "", group_text, context.caption)
    for index, level in enumerate(levels):
        found = lexicon.phase_words(level)
        if len(found) > 1 and index == 0 and _explained_variance(level, found):
            found = ["variance"]
        if len(found) > 1:
            if index == 0:
                return Unread(text, f"the header names two phases: {found}")
            continue  # a caption such as "Specifikke forudsætninger for budget og regnskab" names none
        if found:
            if found[0] == "variance" and lexicon.FORECAST_QUALIFIER.search(f"{text} {group_text}"):
                return Unread(text, "a forecast variance (Forventet afvigelse) is not an outturn's variance")
            return found[0]
    return None


def _explained_variance(text: str, found: list[str]) -> bool:
    """A header that starts with the variance and names the outturn and the revised budget as what it
    compares ("Afvigelse mellem regnskab og korrigeret budget"): the variance. Against any other phase (an
    original budget, a forecast) it stays unread: the validator checks variances against those two."""
    return (
        found[0] == "variance"
        and bool(lexicon.VARIANCE_FIRST.match(text))
        and set(found[1:]) <= lexicon.VARIANCE_SIDES
    )


def _year(text: str, group_text: str, context: Context) -> tuple[int | None, str | None]:
    """The innermost fiscal year: header cell, spanning header, caption, heading, document title."""
    for level, source in ((text, "header"), (group_text, "header"), (context.caption, "caption"),
                          (context.heading, "heading")):
        year = year_of(level)
        if year is not None:
            return year, source
    if context.report_year is not None:
        return context.report_year, "title"
    return None, None


def _phase_from_document(text: str, flow: str | None, year: int | None, context: Context) -> str | None:
    """A header of a bare year or a flow only: the phase follows from the document type.

    In a budget book the budget year's column is the budget and later years are overslagsår; in an
    accounts book an Udgifter/Indtægter/Netto column is the outturn. Anything else stays unread.
    """
    bare = _is_bare_year(text) or (flow is not None and not lexicon.phase_words(text))
    if not bare or year is None:
        return None
    if context.report_type == "budget" and context.report_year is not None:
        if year == context.report_year:
            return "budget"
        if year > context.report_year:
            return "budget_estimate"
        return None
    if context.report_type == "regnskab" and flow is not None and not _is_bare_year(text):
        return "actual"
    return None
