"""The BI views answer the analysts' questions with the published figures, through plain SQL on a separate
connection, as Metabase or Power BI would query them."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import sqlalchemy as sa

from itdrift_pipeline import model
from itdrift_pipeline.warehouse import load_document, load_price_index

TEST_INDEX = Path(__file__).with_name("price_index_TEST_DATA.csv")


def query(engine: sa.Engine, sql: str, **params: object) -> list[dict]:
    with engine.connect() as connection:
        return [dict(row) for row in connection.execute(sa.text(sql), params).mappings()]


def exact(value: object) -> Decimal:
    # SQLite returns the thousand-kr. columns as doubles, PostgreSQL as NUMERIC; compare as decimals.
    return Decimal(str(value))


def test_policy_area_result_shows_the_published_it_result(engine, bi_engine, seed_case):
    load_document(engine, seed_case.extraction, seed_case.validation)

    rows = query(
        bi_engine,
        "SELECT * FROM v_policy_area_result WHERE policy_area = 'IT' AND fiscal_year = 2020 ORDER BY account",
    )

    assert [r["account"] for r in rows] == ["anlaeg", "drift"]
    anlaeg, drift = rows
    assert exact(drift["actual_tdkk"]) == Decimal("45271")
    assert exact(drift["revised_budget_tdkk"]) == Decimal("47098")
    assert exact(drift["variance_tdkk"]) == Decimal("-1827")
    assert exact(drift["actual_dkk"]) == Decimal("45271000")
    assert drift["actual_price_year"] == 2020
    assert drift["variance_sign_convention"] == "actual_minus_budget"
    assert drift["municipality"] == "Næstved Kommune"
    # Anlæg as printed, defect included: the view shows the figure, v_findings flags it.
    assert (
        exact(anlaeg["actual_tdkk"]),
        exact(anlaeg["revised_budget_tdkk"]),
        exact(anlaeg["variance_tdkk"]),
    ) == (
        Decimal("0"),
        Decimal("1690"),
        Decimal("1690"),
    )


def test_activity_variance_printed_and_recomputed(engine, bi_engine, seed_case):
    load_document(engine, seed_case.extraction, seed_case.validation)

    rows = {
        r["activity_code"]: r
        for r in query(
            bi_engine, "SELECT * FROM v_activity_variance WHERE policy_area = 'IT' AND fiscal_year = 2020"
        )
    }

    udvikling = rows["1"]
    assert udvikling["activity_label"] == "Udvikling"
    assert exact(udvikling["variance_printed_tdkk"]) == Decimal("-1003")
    assert exact(udvikling["variance_recomputed_tdkk"]) == Decimal("-1003")
    assert udvikling["variance_disagrees"] == 0
    # "IT, inventar og materiel": 1.071 - 1.165 = -94, printed -95.
    inventar = rows["2"]
    assert exact(inventar["variance_printed_tdkk"]) == Decimal("-95")
    assert exact(inventar["variance_recomputed_tdkk"]) == Decimal("-94")
    assert inventar["variance_disagrees"] == 1
    # A sub-activity carries the Specifikke forudsætninger figures and its parent.
    digitalisering = rows["1.a"]
    assert (digitalisering["parent_code"], digitalisering["activity_level"]) == ("1", 2)
    assert exact(digitalisering["assumptions_actual_tdkk"]) == Decimal("1559")
    assert exact(digitalisering["assumptions_budget_tdkk"]) == Decimal("2151")
    assert digitalisering["variance_disagrees"] is None
    # Øvrige systemer: 16.748 in the activity table, 16.749 in Specifikke forudsætninger, both kept.
    assert exact(rows["5"]["actual_tdkk"]) == Decimal("16748")
    assert exact(rows["5"]["assumptions_actual_tdkk"]) == Decimal("16749")


def test_multi_year_actuals_carry_their_own_price_years(engine, bi_engine, seed_case):
    load_document(engine, seed_case.extraction, seed_case.validation)

    rows = query(
        bi_engine,
        "SELECT fiscal_year, actual_tdkk, price_year, price_basis_da, source_file, is_latest_report "
        "FROM v_multi_year WHERE policy_area = 'IT' AND account = 'drift' AND is_total = 1 "
        "ORDER BY fiscal_year",
    )

    assert [(r["fiscal_year"], exact(r["actual_tdkk"]), r["price_year"]) for r in rows] == [
        (2018, Decimal("44168"), 2018),
        (2019, Decimal("41487"), 2019),
        (2020, Decimal("45271"), 2020),
    ]
    assert rows[0]["price_basis_da"] == "2018-priser"
    assert {r["source_file"] for r in rows} == {seed_case.file}
    assert {r["is_latest_report"] for r in rows} == {1}


def test_findings_show_the_anlaeg_sign_defect(engine, bi_engine, seed_case):
    load_document(engine, seed_case.extraction, seed_case.validation)

    rows = query(
        bi_engine,
        "SELECT * FROM v_findings WHERE row_label = 'Anlæg' AND phase = 'variance' AND fiscal_year = 2020",
    )

    assert len(rows) == 1
    finding = rows[0]
    assert finding["severity"] == "error" and finding["severity_da"] == "Fejl"
    assert finding["rule"] == next(
        f.rule for f in seed_case.validation.findings if f.row_label == "Anlæg" and f.phase == "variance"
    )
    assert (exact(finding["shown"]), exact(finding["expected"])) == (Decimal("1690"), Decimal("-1690"))
    assert finding["phase_da"] == "Over-/underskud"
    assert finding["table_title"] == "Overordnet regnskabsresultat"
    assert finding["page"] == 1
    assert (finding["source_file"], finding["sha256"]) == (
        seed_case.file,
        seed_case.extraction.document.sha256,
    )
    assert finding["document_status"] == "loaded" and finding["is_structural"] == 0
    total = query(bi_engine, "SELECT COUNT(*) AS n FROM v_findings")[0]["n"]
    assert total == len(seed_case.validation.findings)


def test_fixed_prices_convert_with_the_test_index_and_never_guess(engine, bi_engine, seed_case):
    load_document(engine, seed_case.extraction, seed_case.validation)
    assert query(bi_engine, "SELECT COUNT(*) AS n FROM v_fixed_prices")[0]["n"] == 0  # no index, no rows
    load_price_index(engine, TEST_INDEX, name="TEST DATA index", source="invented for tests")

    rows = {
        r["fiscal_year"]: r
        for r in query(
            bi_engine,
            "SELECT * FROM v_fixed_prices WHERE policy_area = 'IT' AND table_family = 'overall_result' "
            "AND phase = 'actual' AND account = 'drift' AND row_label LIKE '%i alt' AND base_year = 2020",
        )
    }

    assert set(rows) == {2018, 2019, 2020}
    # 44.168 thousand kr. in 2018 prices x 104.5 / 100.
    assert exact(rows[2018]["fixed_dkk"]) == Decimal("46155560")
    assert rows[2018]["conversion_status"] == "converted"
    # The test index has no 2019: null, never interpolated.
    assert rows[2019]["fixed_dkk"] is None and rows[2019]["fixed_tdkk"] is None
    assert rows[2019]["conversion_status"] == "index_lacks_price_year"
    assert exact(rows[2020]["fixed_dkk"]) == Decimal("45271000")
    assert exact(rows[2020]["nominal_tdkk"]) == Decimal("45271")


def test_fixed_prices_leave_unstated_price_years_null(engine, bi_engine, seed_case):
    extraction = replace(
        seed_case.extraction, facts=[replace(f, price_year=None) for f in seed_case.extraction.facts]
    )
    load_document(engine, extraction, seed_case.validation)
    load_price_index(engine, TEST_INDEX, name="TEST DATA index", source="invented for tests")

    statuses = query(bi_engine, "SELECT DISTINCT conversion_status, fixed_dkk FROM v_fixed_prices")

    assert statuses == [{"conversion_status": "price_year_unstated", "fixed_dkk": None}]


def test_a_later_report_restating_a_year_wins_and_both_stay_visible(engine, bi_engine, seed_case):
    # A 2021 report prints 2020's actual again, in 2021 prices; it has no 2020 revised budget or variance.
    restated_document = replace(
        seed_case.extraction.document, sha256="a" * 64, file="regnskab_2021.pdf", fiscal_year=2021
    )
    drift_total_2020 = next(
        f
        for f in seed_case.extraction.facts
        if f.table == "overall_result" and f.is_total and f.phase == "actual" and f.fiscal_year == 2020
    )
    restated = model.ExtractionResult(
        document=restated_document,
        facts=[replace(drift_total_2020, value=Decimal("46012000"), as_printed="46.012", price_year=2021)],
    )
    # Loaded first: the choice follows the report year, not the order of loading.
    load_document(engine, restated, model.ValidationResult(document=restated_document))
    load_document(engine, seed_case.extraction, seed_case.validation)

    result = query(
        bi_engine,
        "SELECT * FROM v_policy_area_result "
        "WHERE policy_area = 'IT' AND fiscal_year = 2020 AND account = 'drift'",
    )
    printed = query(
        bi_engine,
        "SELECT actual_tdkk, price_year, source_file, is_latest_report FROM v_multi_year "
        "WHERE policy_area = 'IT' AND fiscal_year = 2020 AND account = 'drift' AND is_total = 1 "
        "ORDER BY report_fiscal_year",
    )

    assert len(result) == 1
    row = result[0]
    assert (exact(row["actual_tdkk"]), row["actual_price_year"], row["actual_source_file"]) == (
        Decimal("46012"),
        2021,
        "regnskab_2021.pdf",
    )
    # Figures the later report does not print still come from the report that does.
    assert (exact(row["revised_budget_tdkk"]), row["revised_budget_source_file"]) == (
        Decimal("47098"),
        seed_case.file,
    )
    assert (exact(row["variance_tdkk"]), row["variance_source_file"]) == (Decimal("-1827"), seed_case.file)
    assert [
        (exact(r["actual_tdkk"]), r["price_year"], r["source_file"], r["is_latest_report"]) for r in printed
    ] == [
        (Decimal("45271"), 2020, seed_case.file, 0),
        (Decimal("46012"), 2021, "regnskab_2021.pdf", 1),
    ]
