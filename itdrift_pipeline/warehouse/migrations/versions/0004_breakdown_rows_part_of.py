# ruff: noqa: E501  (generated DDL: comments are one string each, as the database stores them)
"""fact_amount.part_of: the row a breakdown row ("Heraf:") breaks down, in the fact grain.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 10:00:00.000000

A table that breaks a row down ("Dagtilbud", then "Heraf:" and its rows and "Heraf i alt") prints rows that
are parts of the row above: Fact.part_of names that row. Two breakdowns in one table each print a "Heraf i
alt", so part_of joins the grain (model.FACT_GRAIN). Adds the nullable column (null for every row loaded
before 0004: reload a document to read its breakdowns) and replaces the grain; v_policy_area_result leaves
breakdown rows out of its sums and v_multi_year shows part_of and ranks by it. The views are dropped first
and recreated last: the two that change from the frozen SQL below, the others from revision 0003's own
frozen SQL (unchanged by this revision). On SQLite fact_amount is rebuilt (batch mode).

The downgrade refuses, saying why, while two figures differ only in part_of (0003's grain cannot tell
them apart): reload or delete those documents first.
"""

from collections.abc import Sequence
from importlib import import_module

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_0003 = import_module("itdrift_pipeline.warehouse.migrations.versions.0003_phases_flows_fixed_prices_unread_columns")
GRAIN_0003: tuple[str, ...] = _0003.GRAIN_0003
GRAIN_0004 = (*GRAIN_0003[: GRAIN_0003.index("row_label") + 1], "part_of", *GRAIN_0003[GRAIN_0003.index("row_label") + 1 :])
PART_OF_COMMENT = "Label of the row this row breaks down ('Heraf:' under 'Dagtilbud': its rows and its 'Heraf i alt' are part of Dagtilbud); null for every other row. Sum a table over part_of null only: a breakdown repeats (some of) its parent."

# The views as at 0004: the two this revision changes (frozen here), the rest as 0003 left them.
CHANGED_VIEWS_SQL = {
    "v_policy_area_result": """CREATE VIEW v_policy_area_result AS

WITH figure AS (
    SELECT f.policy_area_id, f.fiscal_year, f.account, f.phase,
           f.document_id, d.file, d.fiscal_year AS report_fiscal_year, d.ingested_at,
           CASE WHEN SUM(CASE WHEN f.is_total THEN 1 ELSE 0 END) > 0
                THEN SUM(CASE WHEN f.is_total THEN f.value_dkk END)
                ELSE SUM(f.value_dkk) END AS value_dkk,
           MAX(pb.price_year) AS price_year,
           MAX(f.sign_convention) AS sign_convention
    
    FROM fact_amount f
    JOIN dim_document d ON d.document_id = f.document_id AND d.status = 'loaded'
    JOIN dim_price_basis pb ON pb.price_basis = f.price_basis
    WHERE f.table_family = 'overall_result' AND f.measure = 'amount'
      AND f.account IS NOT NULL AND f.fiscal_year IS NOT NULL
      AND f.phase IN ('actual', 'revised_budget', 'variance') AND (f.flow IS NULL OR f.flow = 'net') AND f.period IS NULL
      AND f.part_of IS NULL
    GROUP BY f.policy_area_id, f.fiscal_year, f.account, f.phase,
             f.document_id, d.file, d.fiscal_year, d.ingested_at
),
latest AS (
    SELECT figure.*,
           ROW_NUMBER() OVER (PARTITION BY policy_area_id, fiscal_year, account, phase
                              ORDER BY COALESCE(report_fiscal_year, 0) DESC, ingested_at DESC, document_id DESC) AS recency
    FROM figure
),
result_key AS (
    SELECT DISTINCT policy_area_id, fiscal_year, account FROM figure
)
SELECT m.name AS municipality, pa.name AS policy_area, pa.committee,
       k.fiscal_year, k.account,
       a.value_dkk AS actual_dkk, CAST((a.value_dkk) / 1000.0 AS NUMERIC(21, 5)) AS actual_tdkk,
       a.price_year AS actual_price_year, a.document_id AS actual_document_id,
       a.file AS actual_source_file,
       b.value_dkk AS revised_budget_dkk, CAST((b.value_dkk) / 1000.0 AS NUMERIC(21, 5)) AS revised_budget_tdkk,
       b.document_id AS revised_budget_document_id, b.file AS revised_budget_source_file,
       v.value_dkk AS variance_dkk, CAST((v.value_dkk) / 1000.0 AS NUMERIC(21, 5)) AS variance_tdkk,
       v.sign_convention AS variance_sign_convention,
       v.document_id AS variance_document_id, v.file AS variance_source_file
FROM result_key k
JOIN dim_policy_area pa ON pa.policy_area_id = k.policy_area_id
JOIN dim_municipality m ON m.municipality_id = pa.municipality_id
LEFT JOIN latest a ON a.policy_area_id = k.policy_area_id AND a.fiscal_year = k.fiscal_year
     AND a.account = k.account AND a.phase = 'actual' AND a.recency = 1
LEFT JOIN latest b ON b.policy_area_id = k.policy_area_id AND b.fiscal_year = k.fiscal_year
     AND b.account = k.account AND b.phase = 'revised_budget' AND b.recency = 1
LEFT JOIN latest v ON v.policy_area_id = k.policy_area_id AND v.fiscal_year = k.fiscal_year
     AND v.account = k.account AND v.phase = 'variance' AND v.recency = 1

""",
    "v_multi_year": """CREATE VIEW v_multi_year AS

WITH actual AS (
    SELECT f.policy_area_id, f.account, f.row_code, f.row_label, f.part_of, f.flow, f.is_total,
           f.fiscal_year,
           f.value_dkk, f.as_printed, f.page, pb.price_year, pb.label_da AS price_basis_da,
           f.document_id, d.file, d.fiscal_year AS report_fiscal_year, d.ingested_at
    
    FROM fact_amount f
    JOIN dim_document d ON d.document_id = f.document_id AND d.status = 'loaded'
    JOIN dim_price_basis pb ON pb.price_basis = f.price_basis
    WHERE f.table_family = 'overall_result' AND f.phase = 'actual' AND f.measure = 'amount'
      AND f.period IS NULL
),
ranked AS (
    SELECT actual.*,
           ROW_NUMBER() OVER (PARTITION BY policy_area_id, account, row_code, row_label, part_of, flow,
                                           fiscal_year
                              ORDER BY COALESCE(report_fiscal_year, 0) DESC, ingested_at DESC, document_id DESC) AS recency
    FROM actual
)
SELECT m.name AS municipality, pa.name AS policy_area, r.account, r.row_code, r.row_label, r.part_of,
       r.flow,
       CASE WHEN r.is_total THEN 1 ELSE 0 END AS is_total,
       r.fiscal_year, r.value_dkk AS actual_dkk, CAST((r.value_dkk) / 1000.0 AS NUMERIC(21, 5)) AS actual_tdkk, r.as_printed,
       r.price_year, r.price_basis_da, r.report_fiscal_year, r.document_id, r.file AS source_file, r.page,
       CASE WHEN r.recency = 1 THEN 1 ELSE 0 END AS is_latest_report
FROM ranked r
JOIN dim_policy_area pa ON pa.policy_area_id = r.policy_area_id
JOIN dim_municipality m ON m.municipality_id = pa.municipality_id

""",
}
VIEWS_SQL = {name: CHANGED_VIEWS_SQL.get(name, sql) for name, sql in _0003.VIEWS_SQL.items()}


def _execute(sql: str) -> None:
    op.get_bind().exec_driver_sql(sql)


def _drop_views() -> None:
    for name in reversed(list(VIEWS_SQL)):
        _execute(f"DROP VIEW IF EXISTS {name}")


def upgrade() -> None:
    _drop_views()
    with op.batch_alter_table("fact_amount") as batch:
        batch.add_column(sa.Column("part_of", sa.String(length=300), nullable=True, comment=PART_OF_COMMENT))
        batch.drop_constraint(op.f("uq_fact_amount_grain"), type_="unique")
        batch.create_unique_constraint(op.f("uq_fact_amount_grain"), list(GRAIN_0004))
    for sql in VIEWS_SQL.values():
        _execute(sql)


def _refuse_if_not_storable_at_0003() -> None:
    old_grain = ", ".join(GRAIN_0003)
    sql = f"SELECT COUNT(*) FROM (SELECT {old_grain} FROM fact_amount GROUP BY {old_grain} HAVING COUNT(*) > 1) d"
    if op.get_bind().exec_driver_sql(sql).scalar():
        raise RuntimeError(
            "cannot downgrade the warehouse to revision 0003: it holds figures that differ only in the row "
            "they break down (part_of: two 'Heraf i alt' lines of one table), which 0003 cannot store; "
            "delete or reload those documents with the 0003 code first"
        )


def downgrade() -> None:
    _refuse_if_not_storable_at_0003()
    _drop_views()
    with op.batch_alter_table("fact_amount") as batch:
        batch.drop_constraint(op.f("uq_fact_amount_grain"), type_="unique")
        batch.create_unique_constraint(op.f("uq_fact_amount_grain"), list(GRAIN_0003))
        batch.drop_column("part_of")
    for sql in _0003.VIEWS_SQL.values():
        _execute(sql)
