"""Revision 0003 in use: the grain with row code and flow, net-only views, fixed prices, unread columns."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
import sqlalchemy as sa

from itdrift_pipeline import model
from itdrift_pipeline.warehouse import dialect, load_document
from itdrift_pipeline.warehouse.views import VIEWS

from .conftest import row_counts, with_structural_error


def query(engine: sa.Engine, sql: str, **params: object) -> list[dict]:
    with engine.connect() as connection:
        return [dict(row) for row in connection.execute(sa.text(sql), params).mappings()]


def figures(engine: sa.Engine, view: str, order: str) -> list[dict]:
    """A view's rows without the document ids, which a reload renews on PostgreSQL."""
    rows = query(engine, f"SELECT * FROM {view} ORDER BY {order}")
    return [{k: v for k, v in row.items() if not k.endswith("document_id")} for row in rows]


def with_facts(case, *extra: model.Fact, **changes) -> model.ExtractionResult:
    return replace(case.extraction, facts=[*case.extraction.facts, *extra], **changes)


def a_fact(case, **where) -> model.Fact:
    return next(f for f in case.extraction.facts if all(getattr(f, k) == v for k, v in where.items()))


def test_two_rows_with_one_label_and_other_codes_both_load(engine, seed_case):
    # "2.f Øvrige" and "3.c Øvrige": the same label under two parents is two figures, not a duplicate.
    first = a_fact(seed_case, table="activity_areas", row_code="2", phase="actual", fiscal_year=2020)
    other = replace(first, row_code="3.c", row_label="Øvrige", value=Decimal(5000), as_printed="5")
    labelled = replace(first, row_code="2.f", row_label="Øvrige", value=Decimal(7000), as_printed="7")

    load_document(engine, with_facts(seed_case, labelled, other), seed_case.validation)

    rows = query(engine, "SELECT row_code FROM fact_amount WHERE row_label = 'Øvrige' ORDER BY row_code")
    assert [r["row_code"] for r in rows] == ["2.f", "3.c"]


def test_rows_marked_u_and_i_share_a_label_and_are_not_added_to_the_net_figures(engine, bi_engine, seed_case):
    load_document(engine, seed_case.extraction, seed_case.validation)
    result = figures(bi_engine, "v_policy_area_result", "account, fiscal_year")
    activities = figures(bi_engine, "v_activity_variance", "activity_code, fiscal_year")
    total = a_fact(seed_case, table="overall_result", is_total=True, phase="actual", fiscal_year=2020)
    area = a_fact(seed_case, table="activity_areas", row_code="1", phase="actual", fiscal_year=2020)
    flows = [
        replace(fact, flow=flow, value=fact.value * factor)
        for fact in (total, area)
        for flow, factor in (("expenditure", 3), ("income", -2))
    ]

    load_document(engine, with_facts(seed_case, *flows), seed_case.validation)

    assert query(engine, "SELECT COUNT(*) AS n FROM fact_amount WHERE flow IS NOT NULL") == [{"n": 4}]
    assert figures(bi_engine, "v_policy_area_result", "account, fiscal_year") == result
    assert figures(bi_engine, "v_activity_variance", "activity_code, fiscal_year") == activities
    multi_year = query(
        bi_engine,
        "SELECT flow, is_latest_report FROM v_multi_year WHERE row_label = :label AND fiscal_year = 2020 "
        "ORDER BY flow",
        label=total.row_label,
    )
    # Each flow is its own series: the U and I rows of the one report are each the latest.
    assert sorted((r["flow"] or "", r["is_latest_report"]) for r in multi_year) == [
        ("", 1), ("expenditure", 1), ("income", 1)
    ]


def test_price_bases_map_onto_dim_price_basis(engine, seed_case):
    actual_2018 = a_fact(seed_case, table="overall_result", phase="actual", fiscal_year=2018)
    restated = replace(actual_2018, row_label="Omregnet", price_year=2020, price_basis="fixed")
    derived = replace(
        actual_2018, row_label="Omregnet uden angivet grundlag", price_year=2020, price_basis=None
    )
    own_year = replace(actual_2018, row_label="Løbende priser", price_year=2018, price_basis="current")

    load_document(engine, with_facts(seed_case, restated, derived, own_year), seed_case.validation)

    rows = query(
        engine,
        "SELECT f.row_label, f.price_basis, pb.basis, pb.price_year, pb.label_da FROM fact_amount f "
        "JOIN dim_price_basis pb ON pb.price_basis = f.price_basis "
        "WHERE f.row_label IN ('Omregnet', 'Omregnet uden angivet grundlag', 'Løbende priser') "
        "ORDER BY f.row_label",
    )
    assert rows == [
        {"row_label": "Løbende priser", "price_basis": "current_2018", "basis": "current_prices",
         "price_year": 2018, "label_da": "2018-priser"},
        {"row_label": "Omregnet", "price_basis": "fixed_2020", "basis": "fixed_prices", "price_year": 2020,
         "label_da": "Faste 2020-priser"},
        {"row_label": "Omregnet uden angivet grundlag", "price_basis": "fixed_2020", "basis": "fixed_prices",
         "price_year": 2020, "label_da": "Faste 2020-priser"},
    ]


def unread_column(**changes) -> model.UnreadColumn:
    column = model.UnreadColumn(
        policy_area="IT",
        table="activity_areas",
        table_title="Regnskab på aktivitetsområder",
        header="Forventet afvigelse 2020",
        reason="a forecast variance is not an outturn variance",
        page=2,
        bbox=(400.0, 100.0, 450.0, 112.0),
    )
    return replace(column, **changes)


def test_unread_columns_are_stored_and_shown_and_replaced_on_reload(engine, bi_engine, seed_case):
    extraction = replace(seed_case.extraction, unread_columns=[unread_column(), unread_column(header="Pct.")])

    summary = load_document(engine, extraction, seed_case.validation)
    load_document(engine, extraction, seed_case.validation)

    assert summary.unread_columns == 2 and row_counts(engine)["fact_unread_column"] == 2
    shown = query(bi_engine, "SELECT * FROM v_unread_columns ORDER BY unread_column_id")
    assert [(r["policy_area"], r["header"], r["page"], r["bbox_x0"]) for r in shown] == [
        ("IT", "Forventet afvigelse 2020", 2, 400.0),
        ("IT", "Pct.", 2, 400.0),
    ]
    assert shown[0]["source_file"] == seed_case.file and shown[0]["table_family"] == "activity_areas"


def test_an_invalid_document_stores_no_unread_columns(engine, seed_case):
    case = with_structural_error(seed_case)
    extraction = replace(case.extraction, unread_columns=[unread_column()])

    load_document(engine, extraction, case.validation)

    assert row_counts(engine)["fact_unread_column"] == 0


def test_narrative_phase_note_account_and_price_basis_are_stored(engine, seed_case):
    note = replace(seed_case.extraction.notes[0], account="drift")
    price_note = next(n for n in seed_case.extraction.notes if n.kind == "price_year")
    price_note = replace(price_note, price_basis="current")
    narrative = replace(seed_case.extraction.narrative_amounts[0], kind="unit_price", phase="budget")
    extraction = replace(
        seed_case.extraction,
        notes=[note, price_note],
        narrative_amounts=[narrative],
    )

    load_document(engine, extraction, seed_case.validation)

    assert query(engine, "SELECT account, price_basis FROM fact_note ORDER BY sequence") == [
        {"account": "drift", "price_basis": note.price_basis},
        {"account": price_note.account, "price_basis": "current"},
    ]
    assert query(engine, "SELECT kind, phase FROM fact_narrative_amount") == [
        {"kind": "unit_price", "phase": "budget"}
    ]


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [
        ("fact_amount", "flow", "U"),
        ("fact_amount", "source_unit", "EUR"),
        ("fact_amount", "period", "M13"),
        ("fact_note", "price_basis", "x"),
    ],
)
def test_the_new_checks_refuse_values_outside_the_vocabulary(engine, seed_case, table, column, value):
    load_document(engine, seed_case.extraction, seed_case.validation)
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as connection:
        connection.execute(sa.text(f"UPDATE {table} SET {column} = :value"), {"value": value})


def test_the_head_migration_creates_the_views_as_views_py_defines_them(engine):
    # The migrations carry frozen copies of the view SQL; the newest copy must be views.py's.
    if not dialect.is_sqlite(engine):
        pytest.skip("SQLite keeps a view's text as created; PostgreSQL rewrites it")
    stored = query(engine, "SELECT name, sql FROM sqlite_master WHERE type = 'view'")
    assert {r["name"]: r["sql"] for r in stored} == {view.name: view.create_sql().strip() for view in VIEWS}
