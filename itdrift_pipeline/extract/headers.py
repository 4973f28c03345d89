"""Column headers -> meaning: "Korr. / budget / 2020" -> Column(revised_budget, amount, 2020, "1000 DKK").

Knows the Danish vocabulary of accounts tables and nothing about coordinates. A header that names no
phase, or names two, is not interpreted (None): the table then goes out as an UnknownTable, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")

# Order matters: the qualified budgets before the bare one, the variance before anything it may quote.
_PHASE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("variance", re.compile(r"over-?/?\s*underskud|\bafvigelse|mer-?/?\s*mindreforbrug", re.IGNORECASE)),
    ("revised_budget", re.compile(r"\bkorr(\.|igeret|igerede)?\s*budget|\bKB\b", re.IGNORECASE)),
    ("original_budget", re.compile(r"\bopr(\.|indeligt|indelige)?\s*budget|\bOB\b", re.IGNORECASE)),
    ("actual", re.compile(r"\bregnskab\b", re.IGNORECASE)),
    ("budget", re.compile(r"\bbudget\b", re.IGNORECASE)),
)
_ESTIMATE = re.compile(r"\bforventet|\bskøn|\bprognose|\bestimat", re.IGNORECASE)
_QUANTITY = re.compile(r"\bmængde\b|\bantal\b", re.IGNORECASE)
_UNIT_PRICE = re.compile(r"\bgns\.?\s*pris|\bgennemsnitspris|\benhedspris", re.IGNORECASE)

_UNIT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("mio DKK", re.compile(r"\bmio\.?\s*kr\.?", re.IGNORECASE)),
    ("1000 DKK", re.compile(r"\b1\.?000\s*kr\.?", re.IGNORECASE)),
    ("DKK", re.compile(r"(^|\bi\s+)kr\.?($|\s)", re.IGNORECASE)),
)

# Header words of the columns that carry labels, not figures.
_LABEL_HEADERS = re.compile(
    r"^(nr\.?|aktivitet|enhed(\s*\d\))?|tekst|aktivitetsområder?(,\s*(drift|anlæg))?|i\s+1\.?000\s*kr\.?"
    r"|(i\s+)?mio\.?\s*kr\.?|beløb\s+i\s+1\.?000\s*kr\.?)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Column:
    """What the figures of one column are."""

    phase: str  # one of model.PHASES
    measure: str  # one of model.MEASURES
    fiscal_year: int | None
    source_unit: str | None  # "1000 DKK" | "mio DKK" | "DKK"; None for quantities
    header: str  # the printed header, wrapped lines joined


def normalise_header(text: str) -> str:
    """Join wrapped header lines: collapse whitespace and close "Over-/ underskud" to "Over-/underskud"."""
    collapsed = " ".join(text.split())
    return re.sub(r"-/\s+", "-/", collapsed)


def unit_of(text: str) -> str | None:
    """The money unit a caption or header states: "I 1.000 kr." -> "1000 DKK", "Mio. kr." -> "mio DKK"."""
    for unit, pattern in _UNIT_PATTERNS:
        if pattern.search(text):
            return unit
    return None


def is_label_header(text: str) -> bool:
    """True for the headers of label columns ("Nr.", "Aktivitet", "Enhed 1)", "I 1.000 kr.")."""
    return bool(_LABEL_HEADERS.match(normalise_header(text)))


def phase_of(text: str) -> str | None:
    """The budget phase a header names, or None when it names none or two different ones."""
    found = [phase for phase, pattern in _PHASE_PATTERNS if pattern.search(text)]
    # "Korr. budget" also matches the bare "budget"; keep the most specific phase.
    if "budget" in found and {"revised_budget", "original_budget"} & set(found):
        found.remove("budget")
    return found[0] if len(found) == 1 else None


def year_of(text: str) -> int | None:
    years = {int(y) for y in _YEAR.findall(text)}
    return years.pop() if len(years) == 1 else None


def interpret_column(header: str, group: str | None = None, table_unit: str | None = None) -> Column | None:
    """The meaning of a figure column, or None when its header cannot be read without guessing.

    `group` is the spanning header above it ("Budget 2020" over "Mængde"); `table_unit` the unit the
    table states in its stub ("I 1.000 kr."), used when the header itself names none.
    """
    text = normalise_header(header)
    group_text = normalise_header(group or "")
    if _ESTIMATE.search(f"{text} {group_text}"):
        return None  # a forecast is neither an actual nor an adopted budget
    if _QUANTITY.search(text):
        measure = "quantity"
    elif _UNIT_PRICE.search(text):
        measure = "unit_price"
    else:
        measure = "amount"
    phase = phase_of(text) if measure == "amount" else None
    if phase is None:
        phase = phase_of(group_text)
    if phase is None:
        return None
    fiscal_year = year_of(text) or year_of(group_text)
    if measure == "quantity":
        source_unit = None
    elif measure == "unit_price":
        source_unit = "DKK"
    else:
        source_unit = unit_of(text) or table_unit
        if source_unit is None:
            return None
    return Column(phase, measure, fiscal_year, source_unit, text)
