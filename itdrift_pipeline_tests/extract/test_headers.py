"""headers.py: printed column headers -> phase, measure, fiscal year and unit."""

import pytest

from itdrift_pipeline.extract.headers import (
    interpret_column,
    is_label_header,
    normalise_header,
    unit_of,
)


@pytest.mark.parametrize(
    ("header", "phase", "year"),
    [
        ("Regnskab 2018", "actual", 2018),
        ("Korr. budget 2020", "revised_budget", 2020),
        ("Korr. Budget 2020", "revised_budget", 2020),
        ("Opr. Budget 2020", "original_budget", 2020),
        ("Over-/ underskud 2020", "variance", 2020),
        ("Afvigelse 2020", "variance", 2020),
        ("Korrigeret budget 2021", "revised_budget", 2021),
    ],
)
def test_money_columns(header: str, phase: str, year: int) -> None:
    column = interpret_column(header, table_unit="1000 DKK")
    assert column is not None
    assert (column.phase, column.measure, column.fiscal_year, column.source_unit) == (
        phase,
        "amount",
        year,
        "1000 DKK",
    )


@pytest.mark.parametrize(
    ("header", "group", "phase", "measure", "unit"),
    [
        ("Mængde", "Budget 2020", "budget", "quantity", None),
        ("Gns. Pris i kr.", "Budget 2020", "budget", "unit_price", "DKK"),
        ("Budget i 1.000 kr.", "Budget 2020", "budget", "amount", "1000 DKK"),
        ("Mængde", "Regnskab 2020", "actual", "quantity", None),
        ("Gns. pris i kr.", "Regnskab 2020", "actual", "unit_price", "DKK"),
        ("Regnskab i 1.000 kr.", "Regnskab 2020", "actual", "amount", "1000 DKK"),
    ],
)
def test_grouped_columns_take_phase_and_year_from_the_group(
    header: str, group: str, phase: str, measure: str, unit: str | None
) -> None:
    column = interpret_column(header, group)
    assert column is not None
    meaning = (column.phase, column.measure, column.fiscal_year, column.source_unit)
    assert meaning == (phase, measure, 2020, unit)


def test_mio_kr_tables() -> None:
    column = interpret_column("Regnskab 2020", table_unit=unit_of("Mio. kr."))
    assert column is not None and column.source_unit == "mio DKK"


@pytest.mark.parametrize(
    "header", ["Forbrug", "Regnskab og budget 2020", "Mængde", "Tillægsbevillinger 2021", "Afvigelse i %"]
)
def test_uninterpretable_headers_are_not_guessed(header: str) -> None:
    assert interpret_column(header, table_unit="1000 DKK") is None


def test_an_amount_column_without_a_stated_unit_is_not_guessed() -> None:
    assert interpret_column("Regnskab 2020") is None


def test_wrapped_headers_are_joined() -> None:
    assert normalise_header("Over-/\nunderskud\n2020") == "Over-/underskud 2020"


def test_units_and_label_headers() -> None:
    assert unit_of("I 1.000 kr.") == "1000 DKK"
    assert unit_of("Mio. kr.") == "mio DKK"
    assert unit_of("Aktivitet") is None
    assert is_label_header("Nr.")
    assert is_label_header("Enhed 1)")
    assert is_label_header("Aktivitetsområder, drift")
    assert not is_label_header("Regnskab 2020")
