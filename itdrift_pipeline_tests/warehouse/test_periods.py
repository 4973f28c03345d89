"""Month and quarter columns (fact_amount.period): twelve month figures of one row beside its year total are
thirteen figures, and the views that show one amount per key read the year's."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from itdrift_pipeline import model
from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.validate import validate_document
from itdrift_pipeline.warehouse import load_document, load_price_index

from .test_flows_prices_and_unread_columns import a_fact, figures, query, with_facts

MONTHLY_PDF = Path(__file__).resolve().parents[1] / "fixtures" / "layouts" / "styrelse_forbrug_2024_html.pdf"
TEST_INDEX = Path(__file__).with_name("price_index_TEST_DATA.csv")
MONTHS = tuple(p for p in model.PERIODS if p.startswith("M"))


def months_of(fact: model.Fact) -> list[model.Fact]:
    """Twelve month figures printed beside `fact` (the year), none of them a twelfth of it, so a view
    that added them into the year would show another figure."""
    return [
        replace(fact, period=period, value=fact.value / 10 + number, as_printed=str(number))
        for number, period in enumerate(MONTHS, start=1)
    ]


def test_twelve_months_beside_the_year_load_and_the_views_show_the_year(engine, bi_engine, seed_case):
    load_document(engine, seed_case.extraction, seed_case.validation)
    result = figures(bi_engine, "v_policy_area_result", "account, fiscal_year")
    activities = figures(bi_engine, "v_activity_variance", "activity_code, fiscal_year")
    multi_year = figures(bi_engine, "v_multi_year", "account, row_label, fiscal_year")
    years = [
        a_fact(seed_case, table="overall_result", is_total=True, phase="actual", fiscal_year=2020),
        a_fact(seed_case, table="overall_result", is_total=True, phase="revised_budget", fiscal_year=2020),
        a_fact(seed_case, table="activity_areas", row_code="1", phase="actual", fiscal_year=2020),
        a_fact(seed_case, table="activity_areas", row_code="1", phase="revised_budget", fiscal_year=2020),
    ]
    months = [month for year in years for month in months_of(year)]

    # Without period in the grain the twelve months of a row were one cell read twelve times
    # (DuplicateFactError); now they load beside the year's figure.
    summary = load_document(engine, with_facts(seed_case, *months), seed_case.validation)

    assert summary.facts == len(seed_case.extraction.facts) + 48
    stored = query(engine, "SELECT period, COUNT(*) AS n FROM fact_amount GROUP BY period")
    assert {r["period"]: r["n"] for r in stored} == {
        None: len(seed_case.extraction.facts), **{period: 4 for period in MONTHS}
    }
    assert figures(bi_engine, "v_policy_area_result", "account, fiscal_year") == result
    assert figures(bi_engine, "v_activity_variance", "activity_code, fiscal_year") == activities
    assert figures(bi_engine, "v_multi_year", "account, row_label, fiscal_year") == multi_year


def test_fixed_prices_list_every_figure_with_its_period(engine, bi_engine, seed_case):
    year = a_fact(seed_case, table="overall_result", is_total=True, phase="actual", fiscal_year=2020)
    load_document(engine, with_facts(seed_case, *months_of(year)), seed_case.validation)
    load_price_index(engine, TEST_INDEX, name="TEST DATA index", source="invented for tests")

    rows = query(
        bi_engine,
        "SELECT period, nominal_dkk FROM v_fixed_prices WHERE row_label = :label AND fiscal_year = 2020 "
        "AND phase = 'actual' AND base_year = 2020 ORDER BY period",
        label=year.row_label,
    )

    assert Counter(r["period"] for r in rows) == Counter([None, *MONTHS])
    whole_year = [Decimal(r["nominal_dkk"]) for r in rows if r["period"] is None]
    assert whole_year == [year.value]


def test_a_state_agencys_monthly_accounts_load_end_to_end(engine, bi_engine):
    # A real extracted month table: Jan .. Dec and "I alt" for eight rows, "Nettoforbrug i alt" the total.
    extraction = extract_document(MONTHLY_PDF)
    periods = Counter(f.period for f in extraction.facts)
    assert periods == Counter({None: 8, **{period: 8 for period in MONTHS}})
    # The grain tells the months apart: no duplicate cell, no refused period.
    first = validate_document(extraction)
    about_periods = ("one_fact_per_printed_cell", "period")
    assert not [f for f in first.findings if any(word in f.message for word in about_periods)]
    # A state agency's document prints no "Politikområde" heading, so the extractor names none ('') and
    # Pandera refuses the blank name whatever the periods; that gap is the extractor's, not this test's
    # subject. Name the one chapter as a municipal book would, and run the rest as the pipeline does.
    named = replace(
        extraction,
        facts=[replace(f, policy_area="Styrelsen") for f in extraction.facts],
        chapters=[replace(c, policy_area="Styrelsen") for c in extraction.chapters],
    )
    validation = validate_document(named)
    # Each month column adds up on its own (rows to "Nettoforbrug i alt"), and so does the year's.
    assert [f.rule for f in validation.findings if f.severity == "error"] == []
    assert not [f for f in validation.findings if f.rule == "sum_mismatch"]

    summary = load_document(engine, named, validation)

    assert summary.status == "loaded" and summary.facts == 104
    total = query(
        bi_engine,
        "SELECT period, as_printed FROM fact_amount WHERE row_label = 'Nettoforbrug i alt' "
        "ORDER BY period",
    )
    assert len(total) == 13
    assert [r["as_printed"] for r in total if r["period"] is None] == ["510,6"]
    assert [r["period"] for r in total if r["period"] is not None] == list(MONTHS)
    # A finding in a month column names the month, since v_findings has no period of its own.
    messages = [r["message"] for r in query(bi_engine, "SELECT message FROM v_findings")]
    assert any("Regnskab 2024, jan." in message for message in messages), messages
