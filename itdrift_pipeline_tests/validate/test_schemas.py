"""Structural checks: each malformed record becomes one schema_violation that names its check and blocks
loading, while the rules still run on the records that passed."""

from __future__ import annotations

import os
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itdrift_pipeline.model import STRUCTURAL_RULE, RejectionInfo, UnreadColumn
from itdrift_pipeline.validate import validate_document

from .builders import ACTIVITY, OVERALL, SPECIFIC, amount, document, extraction, fact, note, row

GOOD_ROW = row("Udvikling", "1", {"actual": "3.550", "revised_budget": "4.553", "variance": "-1.003"})
# A second row keeps every column of the table present when one cell of GOOD_ROW is broken.
SECOND_ROW = row("Leasing", "3", {"actual": "11.503", "revised_budget": "11.632", "variance": "-129"})


def _structural(result) -> list:
    return [f for f in result.findings if f.rule == STRUCTURAL_RULE]


def test_well_formed_facts_pass() -> None:
    result = validate_document(extraction(GOOD_ROW))
    assert result.findings == []
    assert result.is_loadable


@pytest.mark.parametrize(
    ("change", "check"),
    [
        ({"row_code": "1a"}, "row_code: str_matches"),
        ({"row_code": "1.ab"}, "row_code: str_matches"),
        ({"row_label": "  "}, "row_label: str_matches"),
        ({"phase": "prognosis"}, "phase: isin"),
        ({"measure": "weight"}, "measure: isin"),
        ({"table": "balance_sheet"}, "table: isin"),
        ({"source_unit": "EUR"}, "source_unit: isin"),  # and money_is_stored_in_dkk
        ({"fiscal_year": 2031}, "fiscal_year_within_report_range"),
        ({"fiscal_year": 2009}, "fiscal_year_within_report_range"),
        # Wrong Python types are refused, never coerced: '2020' is not the year 2020.
        ({"fiscal_year": "2020"}, "fiscal_year: python_type(int | None)"),
        ({"fiscal_year": "tyve"}, "fiscal_year: python_type(int | None)"),
        ({"fiscal_year": 2020.0}, "fiscal_year: python_type(int | None)"),
        ({"fiscal_year": float("nan")}, "fiscal_year: python_type(int | None)"),
        ({"fiscal_year": True}, "fiscal_year: python_type(int | None)"),
        ({"price_year": "2020"}, "price_year: python_type(int | None)"),
        ({"page": "2"}, "page: python_type(int)"),
        ({"is_total": "ja"}, "is_total: python_type(bool)"),
        ({"is_total": 0}, "is_total: python_type(bool)"),
        ({"row_code": 1}, "row_code: python_type(str | None)"),
        ({"row_label": None}, "row_label: python_type(str)"),
        ({"value": 3550.0}, "value: python_type(Decimal)"),
        ({"value": "3.550"}, "value: python_type(Decimal)"),
        ({"value": 3550000}, "value: python_type(Decimal)"),
        ({"price_year": 1990}, "price_year_within_report_range"),
        ({"value": Decimal("Infinity")}, "value: value_is_a_finite_decimal"),
        ({"value": Decimal("NaN")}, "value: not_nullable"),  # pandas reads Decimal NaN as missing
        ({"unit": "EUR"}, "money_is_stored_in_dkk"),
        ({"sign_convention": "actual_minus_budget"}, "sign_convention_only_on_variances"),
        ({"as_printed": ""}, "as_printed: str_matches"),
        ({"page": 0}, "page: greater_than_or_equal_to"),
        ({"flow": "U"}, "flow: isin"),
        ({"year_source": "footnote"}, "year_source: isin"),
        ({"price_basis": "nominal"}, "price_basis: isin"),
        ({"fiscal_year": None, "year_source": "header"}, "year_source_only_with_fiscal_year"),
        ({"price_basis": "fixed", "price_year": None}, "fixed_prices_name_their_price_year"),
        ({"period": "M13"}, "period: isin"),
        ({"period": "jan"}, "period: isin"),
        ({"period": 1}, "period: python_type(str | None)"),
        # "Jan" of no stated year is a month of no year: it would meet no year's figures in the grain.
        ({"fiscal_year": None, "period": "M01"}, "period_only_with_fiscal_year"),
        # An overslagsår follows the budget year: the report year's own budget is phase budget.
        ({"phase": "budget_estimate", "fiscal_year": 2020}, "budget_estimate_is_after_the_report_year"),
    ],
)
def test_malformed_fact_is_a_structural_error_on_its_row(change: dict, check: str) -> None:
    broken = replace(GOOD_ROW[0], **change)  # the actual 3.550
    result = validate_document(extraction([broken, *GOOD_ROW[1:], *SECOND_ROW]))
    found = _structural(result)
    assert sum(check in f.message for f in found) == 1, [f.message for f in found]
    # Only "EUR" breaks two checks at once (the unit vocabulary and money-in-DKK).
    assert len(found) == (2 if change == {"source_unit": "EUR"} else 1)
    # A finding is typed too: a mistyped row code or page is quoted in the message, not copied into it.
    row_code = broken.row_code if isinstance(broken.row_code, str) else None
    page = broken.page if type(broken.page) is int else None
    assert all(f.severity == "error" and f.row_code == row_code and f.page == page for f in found)
    assert not result.is_loadable


@pytest.mark.parametrize("year", ["2020", "tyve"])
def test_mistyped_fiscal_year_is_refused_and_kept_from_the_rules(year: str) -> None:
    """Regression: the schema coerced '2020' to 2020, then the price-year rule compared '2020' > 2020."""
    broken = replace(GOOD_ROW[0], fiscal_year=year)
    result = validate_document(extraction([broken, *GOOD_ROW[1:], *SECOND_ROW]))
    assert [(f.rule, f.fiscal_year) for f in result.findings] == [(STRUCTURAL_RULE, None)]
    assert f"python_type(int | None) (fiscal_year={year!r})" in result.findings[0].message
    assert not result.is_loadable


def test_mistyped_report_year_blocks_every_record() -> None:
    result = validate_document(extraction([*GOOD_ROW, *SECOND_ROW], fiscal_year="2020"))
    assert [f.rule for f in result.findings] == [STRUCTURAL_RULE]
    assert "regnskabsår '2020' er ikke et heltal" in result.findings[0].message
    assert not result.is_loadable


def test_the_new_phases_flows_year_sources_and_price_bases_pass() -> None:
    facts = [
        *row("Udvikling", "1", {"forecast": "3.600", "revised_budget": "4.553"}),
        *row("Udvikling", "1", {"budget_estimate": "4.600"}, fiscal_year=2021),
        *row("Anlæg", None, {"actual": "0", "appropriation": "1.690"}, title=OVERALL, account="anlaeg"),
    ]
    facts = [
        replace(f, flow="expenditure", year_source="caption", price_basis="fixed", price_year=2020)
        for f in facts
    ]
    facts += [replace(f, flow="income", value=-f.value, as_printed="-" + f.as_printed) for f in facts]
    mia = replace(facts[0], row_label="Samlet", source_unit="mia DKK", as_printed="0,1", flow=None)

    result = validate_document(extraction([*facts, mia, *GOOD_ROW]))

    assert _structural(result) == []


def test_an_unread_column_must_say_what_and_why() -> None:
    good = UnreadColumn("IT", "activity_areas", ACTIVITY, "Forventet afvigelse", "forecast variance", 2)
    bad = replace(good, header=" ", table="balance_sheet")

    assert validate_document(replace(extraction(GOOD_ROW), unread_columns=[good])).findings == []
    structural = _structural(validate_document(replace(extraction(GOOD_ROW), unread_columns=[good, bad])))
    assert sorted(f.message.split("strukturfejl ")[1].split("(")[0] for f in structural) == [
        "header: str_matches",
        "table: isin",
    ]


def test_fiscal_years_inside_the_report_range_pass() -> None:
    for year in (2010, 2024):
        facts = [fact("3.550", phase="original_budget", fiscal_year=year), *GOOD_ROW]
        assert _structural(validate_document(extraction(facts))) == []


def test_duplicate_cell_flags_both_copies() -> None:
    result = validate_document(extraction([*GOOD_ROW, GOOD_ROW[0], *SECOND_ROW]))
    found = _structural(result)
    assert [f.message.count("one_fact_per_printed_cell") for f in found] == [1, 1]


def test_quantity_with_a_money_unit_is_structural() -> None:
    specific = {"title": SPECIFIC, "account": None, "row_code": "3", "row_label": "Leasing"}
    quantity = replace(fact("12", measure="quantity", **specific), source_unit="DKK")
    amounts = row("Leasing", "3", {"budget": "11.632", "actual": "11.503"}, title=SPECIFIC, account=None)
    found = _structural(validate_document(extraction([quantity, *amounts])))
    assert [("quantity_has_no_source_unit" in f.message) for f in found] == [True]


def test_rules_still_run_on_the_rows_that_passed() -> None:
    anlaeg = row(
        "Anlæg",
        None,
        {"actual": "0", "revised_budget": "1.690", "variance": "1.690"},
        title=OVERALL,
        account="anlaeg",
    )
    broken = replace(GOOD_ROW[0], row_code="1 a")
    result = validate_document(extraction([broken, *GOOD_ROW[1:], *anlaeg]))
    assert sorted(f.rule for f in result.findings) == [STRUCTURAL_RULE, "variance_mismatch"]


def test_malformed_notes_and_narrative_amounts() -> None:
    notes = [
        note("price_year", "Regnskab 2018 er i 2018-priser", fiscal_year=2018),  # no price_year / phase
        note("variance_sign", "I kolonnen er +=underskud og -=overskud"),  # no sign_convention
        note("footnote", "KB er korrigeret budget"),
    ]
    narrative = [
        replace(amount("surplus", "746.810 kr.", row_code="1.a"), value=Decimal(-746810)),
        amount("carry_over_requested", "746.810 kr.", row_code="1"),  # no to_year
        amount("surplus", "1.003.472 kr.", row_code="1", note_number="1 a"),
    ]
    messages = [f.message for f in _structural(validate_document(extraction(GOOD_ROW, notes, narrative)))]
    expected_checks = [
        "price_year_note_names_column_and_price_year",
        "variance_sign_note_states_convention",
        "kind: isin",
        "value: value_is_a_non_negative_decimal",
        "carry_over_names_its_target_year",
        "note: str_matches",
    ]
    for check in expected_checks:
        assert sum(check in m for m in messages) == 1, (check, messages)
    assert len(messages) == len(expected_checks)


def test_table_family_must_have_its_columns() -> None:
    only_budget = row("Leasing", "3", {"budget": "11.632"}, title=SPECIFIC, account=None)
    found = _structural(validate_document(extraction(only_budget)))
    assert len(found) == 1
    assert "actual_amount" in found[0].message and found[0].table == "specific_assumptions"


def test_activity_table_with_quantities_or_two_totals_is_structural() -> None:
    facts = [
        *GOOD_ROW,
        fact("12", measure="quantity", row_code="1", row_label="Udvikling"),
        *row("I alt", None, {"actual": "3.550", "revised_budget": "4.553"}, is_total=True),
        *row("I alt igen", None, {"actual": "3.550", "revised_budget": "4.553"}, is_total=True),
    ]
    messages = [f.message for f in _structural(validate_document(extraction(facts)))]
    assert any("quantity" in m for m in messages)
    assert any("total_rows" in m for m in messages)


def test_rejected_document_has_no_findings() -> None:
    rejected = replace(document(), status="rejected", error=RejectionInfo("encrypted_pdf", "password"))
    result = validate_document(replace(extraction(GOOD_ROW), document=rejected))
    assert result.findings == []
    assert not result.is_loadable


_ODD_VALUES = {
    "policy_area": st.sampled_from(["IT", "", None, 7]),
    "table": st.sampled_from(["activity_areas", "other", "tabel", None]),
    "account": st.sampled_from(["drift", "anlaeg", None, "kapital"]),
    "sign_convention": st.sampled_from([None, "actual_minus_budget", "plus"]),
    "row_code": st.sampled_from(["1", "1.a", None, "1a", "", 3, "x.y"]),
    "row_label": st.sampled_from(["Udvikling", "", "   ", None]),
    "is_total": st.sampled_from([True, False, None, "ja"]),
    "phase": st.sampled_from(["actual", "variance", "budget", None, "prognose"]),
    "measure": st.sampled_from(["amount", "quantity", "unit_price", None]),
    "fiscal_year": st.sampled_from([2020, 2018, None, 1999, "2020", "tyve", 20.5]),
    "price_year": st.sampled_from([None, 2020, 2017, "x"]),
    "value": st.sampled_from(
        [Decimal(3550000), Decimal(-1), Decimal("NaN"), Decimal("Infinity"), 1.5, None, "3.550"]
    ),
    "unit": st.sampled_from(["DKK", "units", "", None]),
    "source_unit": st.sampled_from(["1000 DKK", "DKK", None, "EUR"]),
    "as_printed": st.sampled_from(["3.550", "", None]),
    "page": st.sampled_from([1, 2, 0, -3, None, "1"]),
}


# 30 examples keep the suite fast; ITDRIFT_HYPOTHESIS_EXAMPLES=500 shakes harder before a release.
_EXAMPLES = int(os.environ.get("ITDRIFT_HYPOTHESIS_EXAMPLES", "30"))


@settings(max_examples=_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=st.lists(st.fixed_dictionaries({}, optional=_ODD_VALUES), min_size=1, max_size=4))
def test_validation_never_crashes_on_malformed_facts(changes: list[dict]) -> None:
    """Whatever the extractor emits, validation answers with findings instead of an exception."""
    facts = [*GOOD_ROW, *SECOND_ROW]
    for i, change in enumerate(changes):
        facts[i % len(facts)] = replace(facts[i % len(facts)], **change)
    result = validate_document(extraction(facts))
    assert all(f.severity in ("error", "warning", "info") for f in result.findings)
    if not any(changes):
        assert result.findings == []
