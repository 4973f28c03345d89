"""The structured content of an accounts chapter: the ground truth the test PDFs are rendered from.

Every figure is stored as printed (a Decimal in its table's unit) so a published defect survives exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

# Families the extractor must recognise, plus "unknown": a table whose columns cannot be interpreted and
# which must end up in ExtractionResult.unknown_tables, never as facts.
UNKNOWN_FAMILY = "unknown"

# Source units of a money table, keyed by the table's unit: how many kroner one printed unit is.
KRONER_PER_UNIT = {"1000 DKK": Decimal(1000), "mio DKK": Decimal(1_000_000), "DKK": Decimal(1)}


def parse_danish(text: str) -> Decimal:
    """'44.168' -> 44168, '-1.827' -> -1827, '45,3' -> 45.3: the inverse of format_number for data entry."""
    cleaned = text.strip().replace(".", "").replace(",", ".")
    return Decimal(cleaned)


def format_number(value: Decimal, decimals: int = 0, negative: str = "minus") -> str:
    """Print a figure the Danish way: '.' groups thousands, ',' is the decimal mark.

    negative: "minus" -> '-1.827', "dash" -> '–1.827' (en dash), "paren" -> '(1.827)'.
    """
    quantum = Decimal(1).scaleb(-decimals)
    if value != value.quantize(quantum):
        raise ValueError(f"{value} has more than {decimals} decimals; store figures as printed")
    digits = f"{abs(value):.{decimals}f}"
    whole, _, fraction = digits.partition(".")
    text = f"{int(whole):,}".replace(",", ".") + ("," + fraction if fraction else "")
    if value >= 0:
        return text
    if negative == "minus":
        return "-" + text
    if negative == "dash":
        return "\u2013" + text
    if negative == "paren":
        return f"({text})"
    raise ValueError(f"unknown negative style {negative!r}; use 'minus', 'dash' or 'paren'")


# --- Tables -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One value column: its printed header lines and what the header means."""

    header: tuple[str, ...]  # printed lines, e.g. ("Korr.", "budget", "2020")
    phase: str | None  # None only in an uninterpretable ("unknown") table
    fiscal_year: int | None
    measure: str = "amount"
    group: str | None = None  # a spanning header above this column, e.g. "Budget 2020"
    decimals: int | None = None  # overrides the table's decimals (key figures such as "23,4")


@dataclass(frozen=True)
class Row:
    label: tuple[str, ...]  # printed lines of the row label, as wrapped in the source
    values: tuple[Decimal | None, ...]  # one per column, in the table's unit; None = empty cell
    code: str | None = None  # "1", "1.a"
    unit: str | None = None  # the Enhed column of specific assumptions
    is_total: bool = False

    @property
    def row_label(self) -> str:
        return " ".join(self.label)


@dataclass(frozen=True)
class Statement:
    """One statement of an 'Anm.:' block (or a free-standing convention line) under a table."""

    text: str  # without its closing punctuation
    kind: str = "other"  # one of model.NOTE_KINDS
    end: str = "."  # the punctuation printed after it: "." or ";"
    fiscal_year: int | None = None
    price_year: int | None = None
    phase: str | None = None
    sign_convention: str | None = None
    account: str | None = None  # "drift" / "anlaeg" when the statement (or one before it) names the table
    price_basis: str | None = None  # price_year statements: "current" (own year) or "fixed"


@dataclass(frozen=True)
class NoteBlock:
    prefix: str  # "Anm.:", "Anm:" or "" for a bare convention line
    statements: tuple[Statement, ...]

    @property
    def text(self) -> str:
        body = " ".join(s.text + s.end for s in self.statements)
        return f"{self.prefix} {body}" if self.prefix else body


@dataclass(frozen=True)
class Table:
    key: str  # unique within the chapter: "overall_drift", "overall_anlaeg", "activity_areas", ...
    family: str  # model.TABLE_FAMILIES or UNKNOWN_FAMILY
    caption: str  # the printed caption (table_title)
    account: str | None
    stub_header: tuple[str, ...]  # lines of the header's first cell, e.g. ("I 1.000 kr.",)
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    unit: str = "1000 DKK"  # the unit of the amount columns: "1000 DKK" or "mio DKK"
    decimals: int = 0  # decimals printed in the amount columns
    notes: tuple[NoteBlock, ...] = ()  # printed right under the table
    has_code_column: bool = False
    code_header: str | None = None  # "Nr." when the code column has its own header cell
    unit_header: str | None = None  # "Enhed 1)" when the table has an Enhed column
    repeat_header: bool = True  # when the table breaks across pages
    show_caption: bool = True  # False when a section heading already prints it
    # The code column holds account numbers (Konto, "0.10.17"): the conventions keep row codes for activity
    # numbers ("1", "1.a"), so the account number becomes the start of the row label instead.
    account_codes: bool = False

    def row_code(self, row: Row) -> str | None:
        return None if self.account_codes else row.code

    def row_label(self, row: Row) -> str:
        return f"{row.code} {row.row_label}" if self.account_codes and row.code else row.row_label

    def printed(self, row: Row, index: int, negative: str = "minus") -> str:
        """The cell text of `row` in column `index` ('' for an empty cell), exactly as rendered."""
        value = row.values[index]
        if value is None:
            return ""
        column = self.columns[index]
        if column.decimals is not None:
            decimals = column.decimals
        else:
            decimals = self.decimals if column.measure == "amount" else 0
        return format_number(value, decimals, negative)

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row.values) != len(self.columns):
                raise ValueError(f"table {self.key}: row {row.row_label!r} has {len(row.values)} values "
                                 f"for {len(self.columns)} columns")


# --- Narrative --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Amount:
    """A narrative amount as annotated ground truth: how it is printed and what it means."""

    as_printed: str  # "1.003.472 kr.", "0,8 mio. kr."
    kind: str  # one of model.NARRATIVE_KINDS
    row_code: str | None = None
    to_year: int | None = None
    account: str | None = None

    @property
    def source_unit(self) -> str:
        return "mio DKK" if "mio." in self.as_printed else "DKK"

    @property
    def value(self) -> Decimal:
        number = self.as_printed.split(" ")[0]
        return parse_danish(number) * KRONER_PER_UNIT[self.source_unit]


@dataclass(frozen=True)
class Sentence:
    text: str
    amounts: tuple[Amount, ...] = ()

    def __post_init__(self) -> None:
        for amount in self.amounts:
            if amount.as_printed not in self.text:
                raise ValueError(f"amount {amount.as_printed!r} is not printed in {self.text!r}")


@dataclass(frozen=True)
class Paragraph:
    sentences: tuple[Sentence, ...]
    note: str | None = None  # the numbered note it belongs to ("1a"); None in the opening text
    label: str | None = None  # printed prefix, e.g. "1a."

    @property
    def text(self) -> str:
        body = " ".join(s.text for s in self.sentences)
        return f"{self.label} {body}" if self.label else body


@dataclass(frozen=True)
class NoteSection:
    """A numbered note under 'Beskrivelse af regnskabsresultatet': heading '1. Udvikling' and paragraphs."""

    number: str
    title: str
    paragraphs: tuple[Paragraph, ...]


# --- Chapter ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChapterData:
    policy_area: str  # "IT": the chapter heading reads "Politikområde IT"
    committee: str | None
    intro: tuple[Paragraph, ...]
    overall_result: Table
    overall_anlaeg: Table | None
    activity_areas: Table
    specific_assumptions: Table
    opening: tuple[Paragraph, ...]
    notes: tuple[NoteSection, ...]
    institutions: tuple[Paragraph, ...]
    fiscal_year: int = 2020
    specific_intro: str = "Nedenstående tabel viser prisen og mængden på udvalgte aktiviteter."
    chart: bool = True
    extra_tables: tuple[Table, ...] = ()  # printed after the activity areas, each with its caption
    # Where the chapter starts a new page, by section: "opening", "specific_assumptions", "notes", ...
    page_breaks: tuple[str, ...] = ("opening", "specific_assumptions")
    long_listing: Table | None = None  # printed alone on one very long page at the chapter's end

    @property
    def tables(self) -> tuple[Table, ...]:
        tables = [self.overall_result]
        if self.overall_anlaeg is not None:
            tables.append(self.overall_anlaeg)
        tables += [self.activity_areas, *self.extra_tables, self.specific_assumptions]
        if self.long_listing is not None:
            tables.append(self.long_listing)
        return tuple(tables)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        notes = tuple(p for section in self.notes for p in section.paragraphs)
        return self.opening + notes


# --- Data-entry helpers: figures are written exactly as the source prints them -----------------------


def figures(text: str) -> tuple[Decimal | None, ...]:
    """'44.168 41.487 _ -1.827' -> Decimals in table units; '_' marks an empty cell."""
    return tuple(None if token == "_" else parse_danish(token) for token in text.split())


def label_lines(label: str) -> tuple[str, ...]:
    """'Drift\\nFagområde' -> ('Drift', 'Fagområde'): a newline marks where the source wraps the label."""
    return tuple(label.split("\n"))


def row(label: str, values: str, *, code: str | None = None, unit: str | None = None,
        is_total: bool = False) -> Row:
    return Row(label=label_lines(label), values=figures(values), code=code, unit=unit, is_total=is_total)


def price_year_note(year: int, price_year: int | None = None, end: str = ";") -> Statement:
    """'Regnskab 2018 er i 2018-priser'; price_year differs from year only in a planted defect."""
    stated = year if price_year is None else price_year
    return Statement(text=f"Regnskab {year} er i {stated}-priser", kind="price_year", end=end,
                     fiscal_year=year, price_year=stated, phase="actual",
                     price_basis="current" if stated == year else "fixed")


def sentence(text: str, *amounts: Amount) -> Sentence:
    return Sentence(text=text, amounts=amounts)


def paragraph(*sentences: Sentence | str, note: str | None = None, label: str | None = None) -> Paragraph:
    return Paragraph(sentences=tuple(Sentence(s) if isinstance(s, str) else s for s in sentences),
                     note=note, label=label)

