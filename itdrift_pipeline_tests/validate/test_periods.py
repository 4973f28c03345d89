"""Month and quarter columns: a row's twelve months beside its year are thirteen cells, each rule reads one
column at a time, and the rules that compare tables or the text with a table read the year only."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from itdrift_pipeline.model import STRUCTURAL_RULE
from itdrift_pipeline.validate import rules, validate_document

from .builders import OVERALL, amount, document, extraction, row

DOC = document()


def monthly(facts: list, period: str, factor: int = 1) -> list:
    """The same row's figures in one month's column; `factor` makes them differ from the year's."""
    return [replace(f, period=period, value=f.value * factor) for f in facts]


def test_a_rows_months_beside_its_year_are_not_one_cell_read_twice() -> None:
    year = row("Udvikling", "1", {"actual": "3.550", "revised_budget": "4.553", "variance": "-1.003"})
    months = [f for period in ("M01", "M02", "M03") for f in monthly(year, period)]

    result = validate_document(extraction([*months, *year]))

    assert [f for f in result.findings if f.rule == STRUCTURAL_RULE] == []


def _table(totals: dict[str | None, str]) -> list:
    """Rows 1 and 3 and their total in the year's column (None) and in January's and February's."""
    printed = {None: ("3.000", "1.000"), "M01": ("300", "100"), "M02": ("200", "50")}
    facts = []
    for period, (first, second) in printed.items():
        column = [
            *row("Udvikling", "1", {"actual": first}),
            *row("Leasing", "3", {"actual": second}),
            *row("I alt", None, {"actual": totals[period]}, is_total=True),
        ]
        facts += [replace(f, period=period) for f in column]
    return facts


def test_rows_add_up_within_each_month_and_never_across_months() -> None:
    assert rules.sum_mismatch(DOC, _table({None: "4.000", "M01": "400", "M02": "250"})) == []

    found = rules.sum_mismatch(DOC, _table({None: "4.000", "M01": "400", "M02": "260"}))

    assert [(f.row_label, f.expected, f.shown) for f in found] == [("I alt", 250, 260)]
    assert "Regnskab 2020, feb." in found[0].message


def test_a_months_variance_is_its_own_actual_minus_its_own_budget() -> None:
    year = row("Udvikling", "1", {"actual": "3.550", "revised_budget": "4.553", "variance": "-1.003"})
    january = [
        replace(f, period="M01", value=Decimal(v) * 1000, as_printed=p)
        for f, (v, p) in zip(year, [("300", "300"), ("400", "400"), ("-100", "-100")], strict=True)
    ]
    assert rules.variance_mismatch(DOC, [*january, *year]) == []

    wrong = [*january[:2], replace(january[2], value=Decimal(-90_000), as_printed="-90")]
    found = rules.variance_mismatch(DOC, [*wrong, *year])
    assert [(f.expected, f.shown) for f in found] == [(-100, -90)]


def test_other_tables_are_compared_with_the_hub_in_whole_years_only() -> None:
    hub = row("I alt", None, {"actual": "15.053", "revised_budget": "16.185"}, is_total=True)
    overall = row("I alt", None, {"actual": "15.053", "revised_budget": "16.185"}, title=OVERALL,
                  is_total=True)
    # The first quarter's figures are a part of the year's, never equal to the hub's year.
    quarter = [replace(f, period="Q1", value=f.value / 4) for f in overall]

    assert rules.cross_table_mismatch(DOC, [*hub, *overall]) == []
    assert rules.cross_table_mismatch(DOC, [*quarter, *hub, *overall]) == []


def test_the_text_is_compared_with_the_year_not_a_month() -> None:
    year = row("Udvikling", "1", {"actual": "3.550", "revised_budget": "4.553", "variance": "-1.003"})
    # Read first, the month's cells would have stood for the row's had the grid not kept them apart.
    january = monthly(year, "M01", factor=2)

    said = amount("underspend", "1,0 mio. kr.", row_code="1")

    assert rules.narrative_mismatch(DOC, [*january, *year], [said]) == []
