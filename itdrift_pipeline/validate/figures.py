"""Printed figures as the validator reasons about them: precision, table units and Danish wording.

Every tolerance comes from here: a printed figure is exact only to half a unit of its last printed digit.
"""

from __future__ import annotations

import re
from decimal import Decimal

# Labels and unit factors are the lexicon's (the one home of the vocabulary, "mia DKK" included).
from itdrift_pipeline import lexicon
from itdrift_pipeline.lexicon import KRONER_PER_UNIT, MEASURE_LABELS, PERIOD_LABELS, PHASE_LABELS

HALF = Decimal("0.5")
# Measures in kroner (DKK), as opposed to quantities, which are plain numbers.
MONEY_MEASURES = ("amount", "unit_price")

# How each convention reads in the Anm. text, so a message quotes what the analyst sees in the book.
CONVENTION_LABELS = lexicon.CONVENTION_LABELS

_DECIMALS = re.compile(r",(\d+)")


def kroner_per_unit(source_unit: str | None) -> Decimal:
    return KRONER_PER_UNIT.get(source_unit or "", Decimal(1))


def printed_decimals(as_printed: str) -> int:
    """Digits after the Danish decimal comma: '45,3' -> 1, '1.690' -> 0, '0,8 mio. kr.' -> 1."""
    match = _DECIMALS.search(as_printed)
    return len(match.group(1)) if match else 0


def resolution(as_printed: str, source_unit: str | None) -> Decimal:
    """The value of one unit in the last printed digit, in the stored unit (DKK for money)."""
    return kroner_per_unit(source_unit).scaleb(-printed_decimals(as_printed))


def half_unit(as_printed: str, source_unit: str | None) -> Decimal:
    """Largest rounding error a printed figure can carry."""
    return resolution(as_printed, source_unit) * HALF


def in_unit(value: Decimal, source_unit: str | None) -> Decimal:
    """A stored value (DKK) expressed in the unit the table prints it in, e.g. 1690000 -> 1690 thousand."""
    return _tidy(value / kroner_per_unit(source_unit))


def _tidy(value: Decimal) -> Decimal:
    # 1690000 / 1000 is Decimal('1.69E+3'); show and compare it as 1690.
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def format_dk(value: Decimal) -> str:
    """'-1690' -> '-1.690', '45.3' -> '45,3': a figure as a Danish reader expects it."""
    value = _tidy(value)
    sign = "-" if value < 0 else ""
    text = f"{abs(value):f}"
    whole, _, fraction = text.partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return sign + grouped + ("," + fraction if fraction else "")


def column_label(phase: str, measure: str, fiscal_year: int | None, period: str | None = None) -> str:
    """'Regnskab 2020', 'Over-/underskud 2020', 'Mængde (Budget 2020)', 'Regnskab 2024, mar.': the printed
    header of a column, with its month or quarter when it covers one."""
    head = f"{PHASE_LABELS.get(phase, phase)}" + (f" {fiscal_year}" if fiscal_year is not None else "")
    if period is not None:
        head += f", {PERIOD_LABELS.get(period, period)}"
    if measure in MEASURE_LABELS:
        return f"{MEASURE_LABELS[measure]} ({head})"
    return head


def row_name(row_code: str | None, row_label: str) -> str:
    return f"{row_code} {row_label}" if row_code else row_label
