"""Small hand-built facts, notes and narrative amounts for rule tests, in the seed's shape (I 1.000 kr.).

Values are given as printed thousands ("1.690" -> 1690) and stored in DKK like the extractor stores them.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from itdrift_pipeline.model import DocumentInfo, ExtractionResult, Fact, NarrativeAmount, Note

YEAR = 2020
ACTIVITY = "Regnskab på aktivitetsområder"
OVERALL = "Overordnet regnskabsresultat"
SPECIFIC = "Specifikke forudsætninger for budget og regnskab"
_FAMILY_OF = {ACTIVITY: "activity_areas", OVERALL: "overall_result", SPECIFIC: "specific_assumptions"}


def document(fiscal_year: int | None = YEAR) -> DocumentInfo:
    return DocumentInfo(
        file="data/raw/test.pdf",
        sha256="0" * 64,
        pages=4,
        municipality="Næstved Kommune",
        report_type="regnskab",
        fiscal_year=fiscal_year,
    )


def parse_printed(printed: str) -> Decimal:
    """'-1.690' -> -1690, '–1.827' and '(1.827)' -> -1827, '45,3' -> 45.3: as the extractor parses them."""
    text = printed.strip()
    negative = text.startswith(("-", "\u2013", "("))
    number = Decimal(text.strip("-\u2013()").replace(".", "").replace(",", "."))
    return -number if negative else number


def fact(
    printed: str,
    *,
    phase: str = "actual",
    row_code: str | None = "1",
    row_label: str = "Udvikling",
    title: str = ACTIVITY,
    account: str | None = "drift",
    is_total: bool = False,
    fiscal_year: int | None = YEAR,
    sign_convention: str | None = None,
    measure: str = "amount",
    price_year: int | None = None,
    page: int = 2,
) -> Fact:
    """One money fact printed in 1.000 kr. (or a quantity / unit price when `measure` says so)."""
    value = parse_printed(printed)
    if measure == "amount":
        value, unit, source_unit = value * 1000, "DKK", "1000 DKK"
    else:
        unit, source_unit = ("DKK", "DKK") if measure == "unit_price" else ("units", None)
    if phase == "variance" and sign_convention is None:
        sign_convention = "actual_minus_budget"
    if phase == "actual" and fiscal_year == YEAR and price_year is None:
        price_year = YEAR
    return Fact(
        policy_area="IT",
        table=_FAMILY_OF.get(title, "other"),
        table_title=title,
        account=account,
        sign_convention=sign_convention,
        row_code=row_code,
        row_label=row_label,
        is_total=is_total,
        phase=phase,
        measure=measure,
        fiscal_year=fiscal_year,
        price_year=price_year,
        value=value,
        unit=unit,
        source_unit=source_unit,
        as_printed=printed,
        page=page,
        bbox=None,
    )


def row(label: str, code: str | None, printed: dict[str, str], **kwargs) -> list[Fact]:
    """One table row: {"actual": "3.550", "revised_budget": "4.553", "variance": "-1.003"}."""
    return [
        fact(text, phase=phase, row_code=code, row_label=label, **kwargs) for phase, text in printed.items()
    ]


def without_convention(facts: list[Fact]) -> list[Fact]:
    return [replace(f, sign_convention=None) for f in facts]


def note(kind: str, text: str, *, table: str | None = "activity_areas", **kwargs) -> Note:
    return Note(
        policy_area="IT",
        table=table,
        kind=kind,
        text=text,
        fiscal_year=kwargs.pop("fiscal_year", None),
        price_year=kwargs.pop("price_year", None),
        page=kwargs.pop("page", 2),
        **kwargs,
    )


def amount(
    kind: str,
    as_printed: str,
    *,
    row_code: str | None = None,
    note_number: str | None = "1",
    account: str | None = None,
    to_year: int | None = None,
) -> NarrativeAmount:
    value = parse_printed(as_printed.split(" ")[0])
    source_unit = "mio DKK" if "mio." in as_printed else "DKK"
    if source_unit == "mio DKK":
        value *= 1_000_000
    return NarrativeAmount(
        policy_area="IT",
        note=note_number,
        row_code=row_code,
        kind=kind,
        value=value,
        unit="DKK",
        to_year=to_year,
        page=3,
        text=f"... {as_printed} ...",
        as_printed=as_printed,
        source_unit=source_unit,
        account=account,
    )


def extraction(
    facts: list[Fact],
    notes: list[Note] | None = None,
    narrative: list[NarrativeAmount] | None = None,
    fiscal_year: int | None = YEAR,
) -> ExtractionResult:
    return ExtractionResult(
        document=document(fiscal_year),
        facts=list(facts),
        notes=list(notes or []),
        narrative_amounts=list(narrative or []),
    )
