"""The typed objects that pass between extract, validate and warehouse, and their one JSON form.

This module is the `itdrift extract` / `itdrift validate` contract: field names here are the JSON names.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field, fields, is_dataclass
from decimal import Decimal
from typing import Any, Literal

# --- Vocabulary -----------------------------------------------------------------------------------

TABLE_FAMILIES = ("overall_result", "activity_areas", "specific_assumptions", "other")
PHASES = (
    "actual",
    "original_budget",
    "revised_budget",
    "budget",
    "variance",
    "carry_over_requested",
    "forecast",  # Forventet regnskab, Skøn, Prognose: an in-year expectation, never an actual
    "budget_estimate",  # an overslagsår: the years after the budget year in a budget book
    "appropriation",  # Bevilling, Anlægsbevilling, Rådighedsbeløb: what may be spent (capital accounts)
)
# Document types by title (lexicon.REPORT_TYPES): accounts (Regnskab, Årsberetning, Årsregnskab), in-year
# follow-up, forecast, budget.
REPORT_TYPES = ("regnskab", "budgetopfoelgning", "forventet_regnskab", "budget")
MEASURES = ("amount", "quantity", "unit_price")
ACCOUNTS = ("drift", "anlaeg")
# How a printed variance is defined: "+=underskud og -=overskud" is actual - budget.
SIGN_CONVENTIONS = ("actual_minus_budget", "budget_minus_actual")
SOURCE_UNITS = ("1000 DKK", "mio DKK", "mia DKK", "DKK")
# Which side of the accounts a figure is: Udgifter / Indtægter / Netto columns, or rows marked U / I.
FLOWS = ("expenditure", "income", "net")
# The part of the fiscal year a column covers, when it is not the whole year: a month (state agencies'
# monthly accounts: "Jan" ... "Dec") or a quarter.
PERIODS = (*(f"M{m:02d}" for m in range(1, 13)), "Q1", "Q2", "Q3", "Q4")
# Where a fact's fiscal year was printed: the innermost level of the context chain that states it.
YEAR_SOURCES = ("header", "caption", "heading", "title")
NOTE_KINDS = ("price_year", "variance_sign", "amount_sign", "other")
NARRATIVE_KINDS = (
    "surplus",
    "deficit",
    "expense",
    "income",
    "carry_over_requested",
    "budget",
    "actual",  # anvendt, forbrugt, brugt, regnskabet viser
    "unit_price",  # gennemsnitspris, pris pr.: checked against a unit-price column, never an amount
    "overspend",  # merforbrug: signed by the chapter's convention when compared
    "underspend",  # mindreforbrug
    "transfer",  # overført, genbevilling: not comparable with a table figure
)
# How a column's price level is stated: "løbende priser" / "Regnskab 2020 er i 2020-priser" (current: the
# column's own year), "omregnet til 2021-priser" / "faste priser" (fixed: another year's level); None when
# no note says (unstated).
PRICE_BASES = ("current", "fixed")
# The grain of a printed figure, as Fact fields: two facts equal on all of them are one cell read twice.
# Defined once: Pandera's one_fact_per_printed_cell, the loader's duplicate check and the warehouse's
# uq_fact_amount_grain all read it. row_code keeps "2.f Øvrige" and "3.c Øvrige" apart, flow the rows
# marked U and I that share a label, period the twelve month columns (and the "I alt" year column, period
# None) of one row, part_of the "Heraf i alt" lines of two breakdowns in one table.
FACT_GRAIN = (
    "policy_area",
    "table",
    "table_title",
    "account",
    "row_code",
    "row_label",
    "part_of",
    "flow",
    "phase",
    "measure",
    "fiscal_year",
    "period",
)
SEVERITIES = ("error", "warning", "info")
REJECTION_KINDS = (
    "empty_file",
    "not_a_pdf",
    "corrupt_pdf",
    "encrypted_pdf",
    "no_text_layer",
    "no_accounts_tables",
    "too_large",
    # The file parses but part of it cannot be read back as printed (a content stream that fails to
    # decompress, a page tree whose /Count differs from the pages found, a page the parser chokes on):
    # loading what survives would silently lose figures, so nothing is loaded.
    "damaged_pdf",
)

DocumentStatus = Literal["ok", "rejected"]
BBox = tuple[float, float, float, float]


class DocumentRejected(Exception):
    """A source file that cannot be read as an accounts book; `kind` is one of REJECTION_KINDS."""

    def __init__(self, kind: str, message: str) -> None:
        if kind not in REJECTION_KINDS:
            raise ValueError(f"unknown rejection kind {kind!r}")
        super().__init__(f"{kind}: {message}")
        self.kind = kind
        self.message = message

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # Raised in an extraction worker process and re-raised in the parent: pickled by kind and message.
        return (type(self), (self.kind, self.message))


# --- Extraction output ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RejectionInfo:
    kind: str
    message: str


@dataclass(frozen=True)
class DocumentInfo:
    file: str
    sha256: str
    pages: int | None
    municipality: str | None
    report_type: str | None  # one of REPORT_TYPES
    fiscal_year: int | None
    status: DocumentStatus = "ok"
    error: RejectionInfo | None = None
    size_bytes: int | None = None
    # NUL and other control characters dropped from the text as read (a damaged or odd font's output);
    # they are never stored, and this says how many were removed.
    control_characters_removed: int = 0


@dataclass(frozen=True)
class Chapter:
    policy_area: str
    title: str
    committee: str | None
    first_page: int
    last_page: int


@dataclass(frozen=True)
class Fact:
    """One printed figure, with what it means and where it was printed."""

    policy_area: str
    table: str  # one of TABLE_FAMILIES
    table_title: str  # the printed caption
    account: str | None  # "drift" | "anlaeg" | None
    sign_convention: str | None  # variance facts only; from the notes, None when unstated
    row_code: str | None  # "1", "1.a"; None for rows without a number
    row_label: str
    is_total: bool
    phase: str
    measure: str
    fiscal_year: int | None
    price_year: int | None  # from a note, never assumed
    value: Decimal  # DKK for money; plain number for quantities
    unit: str  # "DKK" for amount and unit_price; the printed Enhed (or "units") for quantity
    source_unit: str | None  # "1000 DKK" | "mio DKK" | "DKK"; None for quantities
    as_printed: str
    page: int  # 1-based
    bbox: BBox | None  # x0, top, x1, bottom in PDF points, pdfplumber's coordinates
    flow: str | None = None  # one of FLOWS where the table splits them; None otherwise
    year_source: str | None = None  # one of YEAR_SOURCES; None when fiscal_year is None
    price_basis: str | None = None  # one of PRICE_BASES, from the notes; None when unstated
    period: str | None = None  # one of PERIODS for a month's or quarter's column; None for the whole year
    # The label of the row this row is a breakdown of ("Heraf:" under "Dagtilbud": its rows and its "Heraf
    # i alt" are part of Dagtilbud): never an addend of the table's totals. None for every other row.
    part_of: str | None = None


@dataclass(frozen=True)
class UnreadColumn:
    """A figure column of a readable table whose header could not be read without guessing.

    Its figures give no facts; the header as printed and the reason are kept so nothing is lost silently.
    """

    policy_area: str
    table: str  # the table's family
    table_title: str
    header: str  # as printed, wrapped lines joined
    reason: str
    page: int
    bbox: BBox | None = None  # the header cell


@dataclass(frozen=True)
class Note:
    policy_area: str
    table: str | None  # the family it annotates; None for a chapter-level note
    kind: str  # one of NOTE_KINDS
    text: str
    fiscal_year: int | None  # price_year notes: the column's year
    price_year: int | None  # price_year notes: the price level stated
    page: int
    phase: str | None = None  # price_year notes: the column's phase ("Regnskab 2018" -> actual)
    sign_convention: str | None = None  # variance_sign notes
    table_title: str | None = None
    account: str | None = None  # "drift" / "anlaeg" when the note names that table ("I tabellen for drift")
    price_basis: str | None = None  # price_year notes: one of PRICE_BASES


@dataclass(frozen=True)
class NarrativeAmount:
    policy_area: str
    note: str | None  # "1a"; None for the chapter's opening text
    row_code: str | None  # "1.a"; None when the amount speaks of the whole policy area
    kind: str  # one of NARRATIVE_KINDS
    value: Decimal  # DKK
    unit: str  # always "DKK"
    to_year: int | None  # carry_over_requested only
    page: int
    text: str  # the sentence it was read from
    as_printed: str = ""  # "746.810 kr.", "0,8 mio. kr."
    source_unit: str = "DKK"  # "DKK" | "mio DKK": tells the validator the printed precision
    account: str | None = None  # "anlaeg" when the sentence is about Anlæg
    bbox: BBox | None = None
    # unit_price / quantity: budget or actual ("budgetteret med" / "regnskabet viser")
    phase: str | None = None


@dataclass(frozen=True)
class UnreadNarrativeAmount:
    """An amount printed in the prose whose sense no word states: kept (an info finding), never typed by
    guess."""

    policy_area: str
    note: str | None
    row_code: str | None
    value: Decimal  # DKK
    page: int
    text: str  # the sentence
    as_printed: str
    source_unit: str
    account: str | None = None
    bbox: BBox | None = None
    # Why it is not checked, for the analyst (Danish): no sense word, or an expectation, not an outturn.
    reason: str = "ingen ord siger, hvad beløbet er (overskud, forbrug, budget, gennemsnitspris, ...)"


@dataclass(frozen=True)
class UnknownTable:
    page: int
    bbox: BBox | None
    cells: list[list[str | None]]
    policy_area: str | None = None
    reason: str = ""


@dataclass
class ExtractionResult:
    document: DocumentInfo
    chapters: list[Chapter] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    narrative_amounts: list[NarrativeAmount] = field(default_factory=list)
    unknown_tables: list[UnknownTable] = field(default_factory=list)
    unread_columns: list[UnreadColumn] = field(default_factory=list)
    unread_narrative: list[UnreadNarrativeAmount] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _jsonable(self)

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ExtractionResult:
        doc = dict(data["document"])
        if doc.get("error"):
            doc["error"] = RejectionInfo(**doc["error"])
        return cls(
            document=DocumentInfo(**doc),
            chapters=[Chapter(**c) for c in data.get("chapters", [])],
            facts=[_build(Fact, f) for f in data.get("facts", [])],
            notes=[Note(**n) for n in data.get("notes", [])],
            narrative_amounts=[_build(NarrativeAmount, n) for n in data.get("narrative_amounts", [])],
            unknown_tables=[_build(UnknownTable, u) for u in data.get("unknown_tables", [])],
            unread_columns=[_build(UnreadColumn, u) for u in data.get("unread_columns", [])],
            unread_narrative=[_build(UnreadNarrativeAmount, u) for u in data.get("unread_narrative", [])],
        )


# --- Validation output ----------------------------------------------------------------------------

# Structural findings stop a document from loading; every other rule's findings are loaded and flagged.
STRUCTURAL_RULE = "schema_violation"


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str  # one of SEVERITIES
    sha256: str
    file: str
    policy_area: str | None
    table: str | None
    row_code: str | None
    row_label: str | None
    phase: str | None
    fiscal_year: int | None
    expected: Decimal | None  # in the table's unit (e.g. thousand kr.)
    shown: Decimal | None  # in the table's unit
    page: int | None
    message: str  # for a finance analyst, with the Danish labels
    table_title: str | None = None
    unit: str | None = None  # the unit of expected/shown: "1000 DKK", "mio DKK", "DKK"
    bbox: BBox | None = None  # the cell on `page` the finding is about (the figure or the quoted amount)
    # The other cell a comparing rule holds it against (the other table's figure, the table figure the text
    # speaks of); None for rules that compare no single cell.
    compared_page: int | None = None
    compared_bbox: BBox | None = None


@dataclass
class ValidationResult:
    document: DocumentInfo
    findings: list[Finding] = field(default_factory=list)
    # Pandera's failure_cases rows behind the schema_violation findings: evidence for the Dagster check
    # metadata, not part of the JSON contract (the findings are).
    schema_failure_cases: list[dict[str, Any]] = field(default_factory=list)

    @property
    def structural_errors(self) -> list[Finding]:
        return [f for f in self.findings if f.rule == STRUCTURAL_RULE]

    @property
    def is_loadable(self) -> bool:
        return self.document.status == "ok" and not self.structural_errors

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def to_dict(self) -> dict[str, Any]:
        return _jsonable({"document": self.document, "findings": self.findings})


# --- JSON helpers ---------------------------------------------------------------------------------


def decimal_to_json(value: Decimal) -> int | float:
    """Integral amounts print as JSON integers; others as the shortest exact decimal text."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


# Field names of each dataclass _jsonable has met: looked up once, not once an object.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_ATOMS = (str, int, float, bool, type(None))


def _jsonable(obj: Any) -> Any:
    """What dataclasses.asdict gives, with Decimals as decimal_to_json gives them and tuples as lists, in
    one pass (asdict copies every value and its recursion was most of writing a book's JSON)."""
    if isinstance(obj, _ATOMS):
        return obj
    if isinstance(obj, Decimal):
        return decimal_to_json(obj)
    names = _FIELD_NAMES.get(type(obj))
    if names is None and is_dataclass(obj) and not isinstance(obj, type):
        names = _FIELD_NAMES[type(obj)] = tuple(f.name for f in fields(obj))
    if names is not None:
        return {name: _jsonable(getattr(obj, name)) for name in names}
    if isinstance(obj, dict):
        return {_jsonable(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_jsonable(v) for v in obj]
    return copy.deepcopy(obj)


def _build(cls: type, data: dict[str, Any]) -> Any:
    names = {f.name for f in fields(cls)}
    kwargs = {k: v for k, v in data.items() if k in names}
    if "value" in kwargs and kwargs["value"] is not None:
        kwargs["value"] = Decimal(str(kwargs["value"]))
    for box in ("bbox", "compared_bbox"):
        if kwargs.get(box) is not None:
            kwargs[box] = tuple(kwargs[box])
    return cls(**kwargs)
