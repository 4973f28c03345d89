"""Loading is one transaction per document, idempotent by sha256, safe beside readers, and exact."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from decimal import Decimal

import pytest
import sqlalchemy as sa

from itdrift_pipeline.warehouse import dialect, load, load_document, make_engine
from itdrift_pipeline.warehouse.schema import (
    dim_document,
    fact_amount,
    fact_finding,
    fact_narrative_amount,
    fact_note,
    fact_unknown_table,
)

from .conftest import rejected_case, row_counts, with_structural_error


def fact_snapshot(engine: sa.Engine) -> list[tuple]:
    with engine.connect() as connection:
        return connection.execute(
            sa.select(
                fact_amount.c.document_id,
                fact_amount.c.row_label,
                fact_amount.c.phase,
                fact_amount.c.fiscal_year,
                fact_amount.c.value_dkk,
            ).order_by(fact_amount.c.fact_amount_id)
        ).all()


def test_load_stores_every_fact_narrative_amount_and_finding(engine, seed_case):
    summary = load_document(engine, seed_case.extraction, seed_case.validation)

    counts = row_counts(engine)
    assert summary.status == "loaded" and summary.loaded
    assert counts["fact_amount"] == summary.facts == len(seed_case.extraction.facts)
    assert (
        counts["fact_narrative_amount"]
        == summary.narrative_amounts
        == len(seed_case.extraction.narrative_amounts)
    )
    assert counts["fact_finding"] == summary.findings == len(seed_case.validation.findings)
    assert counts["dim_document"] == 1


def test_reloading_twice_leaves_identical_row_counts(engine, seed_case):
    load_document(engine, seed_case.extraction, seed_case.validation)
    first = row_counts(engine)
    first_values = [row[1:] for row in fact_snapshot(engine)]

    load_document(engine, seed_case.extraction, seed_case.validation)
    load_document(engine, seed_case.extraction, seed_case.validation)

    assert row_counts(engine) == first
    assert [row[1:] for row in fact_snapshot(engine)] == first_values


def test_book_and_chapter_are_kept_apart_and_views_stay_unambiguous(engine, bi_engine, book_case, seed_case):
    load_document(engine, book_case.extraction, book_case.validation)
    load_document(engine, seed_case.extraction, seed_case.validation)

    with bi_engine.connect() as connection:
        documents = connection.execute(sa.text("SELECT file, status FROM dim_document ORDER BY file")).all()
        per_document = dict(
            connection.execute(
                sa.text(
                    "SELECT d.file, COUNT(*) FROM fact_amount f JOIN dim_document d "
                    "ON d.document_id = f.document_id GROUP BY d.file"
                )
            ).all()
        )
        duplicated_keys = {
            view: connection.execute(
                sa.text(f"SELECT {key}, COUNT(*) FROM {view} GROUP BY {key} HAVING COUNT(*) > 1")
            ).all()
            for view, key in {
                "v_policy_area_result": "policy_area, fiscal_year, account",
                "v_activity_variance": "policy_area, activity_code, fiscal_year",
            }.items()
        }
        chosen = connection.execute(
            sa.text(
                "SELECT DISTINCT actual_source_file, committee FROM v_policy_area_result "
                "WHERE policy_area = 'IT'"
            )
        ).all()
        multi_year = connection.execute(
            sa.text(
                "SELECT fiscal_year, source_file, is_latest_report FROM v_multi_year "
                "WHERE policy_area = 'IT' AND account = 'drift' AND is_total = 1 "
                "ORDER BY fiscal_year, source_file"
            )
        ).all()

    assert documents == [(book_case.file, "loaded"), (seed_case.file, "loaded")]
    assert per_document == {
        book_case.file: len(book_case.extraction.facts),
        seed_case.file: len(seed_case.extraction.facts),
    }
    assert duplicated_keys == {"v_policy_area_result": [], "v_activity_variance": []}
    # Same report year: the later ingested document wins, and says so.
    # The chapter PDF does not print its committee; the book's "Økonomiudvalget" is kept.
    book_committee = next(c.committee for c in book_case.extraction.chapters if c.policy_area == "IT")
    assert chosen == [(seed_case.file, book_committee)] and book_committee
    assert len(multi_year) == 6
    assert [(year, latest) for year, file, latest in multi_year if file == seed_case.file] == [
        (2018, 1),
        (2019, 1),
        (2020, 1),
    ]


def test_two_loaders_at_once_both_succeed(warehouse_url, engine, book_case, seed_case):
    # As parallel Dagster runs do: separate engines (processes would have separate pools) on one database.
    engines = [make_engine(warehouse_url) for _ in range(2)]
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            summaries = list(
                pool.map(
                    lambda job: load_document(job[0], job[1].extraction, job[1].validation),
                    zip(engines, [book_case, seed_case], strict=True),
                )
            )
    finally:
        for other in engines:
            other.dispose()

    assert [s.status for s in summaries] == ["loaded", "loaded"]
    counts = row_counts(engine)
    assert counts["fact_amount"] == len(book_case.extraction.facts) + len(seed_case.extraction.facts)
    assert counts["dim_policy_area"] == len({c.policy_area for c in book_case.extraction.chapters})


def test_a_load_failing_midway_leaves_the_previous_state(engine, seed_case, monkeypatch):
    load_document(engine, seed_case.extraction, seed_case.validation)
    before_counts, before_facts = row_counts(engine), fact_snapshot(engine)
    seen_in_transaction = []
    insert = load._insert

    def crash_at_the_last_insert(connection, table, rows):
        if table is fact_unknown_table:
            seen_in_transaction.append(
                {
                    name: connection.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                    for name, t in (("fact_amount", fact_amount), ("fact_note", fact_note))
                }
            )
            raise RuntimeError("simulated crash after the old rows were replaced")
        insert(connection, table, rows)

    monkeypatch.setattr(load, "_insert", crash_at_the_last_insert)
    with pytest.raises(RuntimeError, match="simulated crash"):
        load_document(engine, seed_case.extraction, seed_case.validation)

    # The crash came after the delete and the new inserts, inside the one transaction.
    assert seen_in_transaction == [
        {"fact_amount": len(seed_case.extraction.facts), "fact_note": len(seed_case.extraction.notes)}
    ]
    assert row_counts(engine) == before_counts
    assert fact_snapshot(engine) == before_facts


def test_a_first_load_failing_midway_leaves_nothing(engine, seed_case, monkeypatch):
    insert = load._insert

    def crash_at_the_notes(connection, table, rows):
        if table is fact_note:
            raise RuntimeError("simulated crash")
        insert(connection, table, rows)

    monkeypatch.setattr(load, "_insert", crash_at_the_notes)
    with pytest.raises(RuntimeError):
        load_document(engine, seed_case.extraction, seed_case.validation)

    counts = row_counts(engine)
    assert counts["dim_document"] == counts["fact_amount"] == counts["fact_finding"] == 0
    assert counts["dim_document_chapter"] == counts["fact_note"] == counts["fact_unknown_table"] == 0


def test_a_reader_with_an_open_transaction_does_not_fail_the_load(
    warehouse_url, engine, bi_engine, seed_case
):
    load_document(engine, seed_case.extraction, seed_case.validation)
    expected = len(seed_case.extraction.facts)
    if dialect.is_sqlite(engine):
        # The sqlite3 driver itself, as a BI tool holds it: an explicit read transaction with a snapshot.
        reader = sqlite3.connect(sa.make_url(warehouse_url).database, isolation_level=None)
        reader.execute("BEGIN")
        seen_before = reader.execute("SELECT COUNT(*) FROM fact_amount").fetchone()[0]
        read_again = lambda: reader.execute("SELECT COUNT(*) FROM fact_amount").fetchone()[0]  # noqa: E731
        finish = reader.close
    else:
        connection = bi_engine.connect()
        transaction = connection.begin()
        connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        seen_before = connection.execute(sa.text("SELECT COUNT(*) FROM fact_amount")).scalar_one()
        read_again = lambda: connection.execute(sa.text("SELECT COUNT(*) FROM fact_amount")).scalar_one()  # noqa: E731

        def finish() -> None:
            transaction.rollback()
            connection.close()

    try:
        summary = load_document(engine, seed_case.extraction, seed_case.validation)
        assert summary.loaded
        # The reader's snapshot is still the one it opened: the load neither waited for it nor disturbed it.
        assert seen_before == read_again() == expected
    finally:
        finish()
    assert row_counts(engine)["fact_amount"] == expected


def test_a_rejected_document_is_recorded_without_facts(engine, bi_engine):
    case = rejected_case("encrypted_pdf")

    summary = load_document(engine, case.extraction, case.validation)
    load_document(engine, case.extraction, case.validation)

    assert (summary.status, summary.loaded, summary.facts) == ("rejected", False, 0)
    with bi_engine.connect() as connection:
        documents = connection.execute(
            sa.select(
                dim_document.c.file,
                dim_document.c.status,
                dim_document.c.rejection_kind,
                dim_document.c.rejection_reason,
            )
        ).all()
    assert documents == [
        ("locked.pdf", "rejected", "encrypted_pdf", "file is password-protected; supply an unencrypted copy")
    ]
    counts = row_counts(engine)
    assert counts["fact_amount"] == counts["fact_narrative_amount"] == 0


def test_structural_errors_store_findings_but_no_facts(engine, bi_engine, seed_case):
    case = with_structural_error(seed_case)
    load_document(engine, seed_case.extraction, seed_case.validation)

    summary = load_document(engine, case.extraction, case.validation)

    assert (summary.status, summary.facts, summary.narrative_amounts) == ("invalid", 0, 0)
    counts = row_counts(engine)
    assert counts["fact_amount"] == counts["fact_narrative_amount"] == 0  # the earlier good load is replaced
    assert counts["fact_finding"] == len(case.validation.findings)
    with bi_engine.connect() as connection:
        structural = connection.execute(
            sa.text("SELECT rule, document_status FROM v_findings WHERE is_structural = 1")
        ).all()
    assert structural == [("schema_violation", "invalid")]


def test_money_round_trips_exactly(engine, seed_case):
    template = next(f for f in seed_case.extraction.facts if f.measure == "amount")
    values = [
        Decimal("9999999999999999"),  # 16 integer digits: the most NUMERIC(18,2) holds
        Decimal("-45271000"),
        Decimal("1234567890123.45"),  # 15 significant digits with øre: still exact on SQLite
        Decimal("0.01"),
        Decimal("-0.10"),
    ]
    facts = [replace(template, row_label=f"exactness {i}", value=v) for i, v in enumerate(values)]
    extraction = replace(seed_case.extraction, facts=facts, narrative_amounts=[])
    validation = replace(seed_case.validation, findings=[])

    load_document(engine, extraction, validation)

    with engine.connect() as connection:
        stored = (
            connection.execute(sa.select(fact_amount.c.value_dkk).order_by(fact_amount.c.fact_amount_id))
            .scalars()
            .all()
        )
    assert stored == values
    assert all(isinstance(v, Decimal) for v in stored)


def test_values_the_database_cannot_hold_exactly_are_refused_before_loading(engine, seed_case):
    template = next(f for f in seed_case.extraction.facts if f.measure == "amount")
    validation = replace(seed_case.validation, findings=[])
    too_fine = replace(
        seed_case.extraction, facts=[replace(template, value=Decimal("1.005"))], narrative_amounts=[]
    )
    with pytest.raises(dialect.InexactAmountError, match="3 decimals"):
        load_document(engine, too_fine, validation)

    beyond_double = Decimal("12345678901234.56")  # 16 significant digits with øre
    extraction = replace(
        seed_case.extraction, facts=[replace(template, value=beyond_double)], narrative_amounts=[]
    )
    if dialect.is_sqlite(engine):
        with pytest.raises(dialect.InexactAmountError, match="SQLite"):
            load_document(engine, extraction, validation)
        assert row_counts(engine)["dim_document"] == 0
    else:
        load_document(engine, extraction, validation)
        with engine.connect() as connection:
            assert connection.execute(sa.select(fact_amount.c.value_dkk)).scalar_one() == beyond_double


def test_a_duplicate_figure_is_refused_with_its_grain(engine, seed_case):
    duplicated = replace(
        seed_case.extraction, facts=[*seed_case.extraction.facts, seed_case.extraction.facts[0]]
    )

    with pytest.raises(load.DuplicateFactError, match="printed twice"):
        load_document(engine, duplicated, seed_case.validation)

    assert row_counts(engine)["dim_document"] == 0


def test_validation_of_another_document_is_refused(engine, seed_case, book_case):
    with pytest.raises(load.LoadError, match="validate the same extraction"):
        load_document(engine, seed_case.extraction, book_case.validation)


def test_rows_keep_provenance_and_printed_text(engine, seed_case):
    load_document(engine, seed_case.extraction, seed_case.validation)

    with engine.connect() as connection:
        variance = connection.execute(
            sa.select(fact_amount).where(
                fact_amount.c.row_label == "Politikområde IT- drift i alt", fact_amount.c.phase == "variance"
            )
        ).one()
        narrative = connection.execute(
            sa.select(fact_narrative_amount).where(fact_narrative_amount.c.note == "1a")
        ).one()
        findings = connection.execute(sa.select(sa.func.count()).select_from(fact_finding)).scalar_one()

    assert (variance.as_printed, variance.source_unit, variance.value_dkk) == (
        "-1.827",
        "1000 DKK",
        Decimal("-1827000"),
    )
    assert variance.sign_convention == "actual_minus_budget" and variance.page == 1
    assert (narrative.kind, narrative.value_dkk, narrative.as_printed) == (
        "surplus",
        Decimal("746810"),
        "746.810 kr.",
    )
    assert findings == len(seed_case.validation.findings)
