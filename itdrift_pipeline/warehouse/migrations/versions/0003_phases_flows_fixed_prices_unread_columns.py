# ruff: noqa: E501  (generated DDL: comments are one string each, as the database stores them)
"""Phases forecast, budget_estimate, appropriation; fact flow, period, year source and row code in the grain; fixed prices; narrative phase; note account and price basis; fact_unread_column, v_unread_columns; finding cells, v_fact_source.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 04:40:00.000000

Adds reference rows, nullable columns, checks and a table, and replaces the fact grain with one that has
row_code, flow and period (model.FACT_GRAIN), so a warehouse at 0002 upgrades in place and keeps its rows
(their flow, period and year_source stay null until the document is loaded again; a null period is the
whole fiscal year, as every figure loaded before 0003 is). The views read the new columns, so
they are dropped first and recreated last, from the frozen SQL below. On SQLite the changed tables are
rebuilt (batch mode); dim_price_basis is rebuilt while fact_amount has no foreign key to it, since SQLite
refuses to drop a referenced table inside the migration's transaction.

The downgrade refuses, saying why, while the warehouse holds what 0002 cannot store (a new phase or
narrative kind, a figure in fixed prices, a month's or quarter's figure, two figures the old grain cannot
tell apart): reload or delete those documents first.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW_PHASES = ("forecast", "budget_estimate", "appropriation")
NEW_NARRATIVE_KINDS = ("actual", "unit_price", "overspend", "underspend", "transfer")
GRAIN_0002 = (
    "document_id",
    "policy_area_id",
    "table_family",
    "table_title",
    "account",
    "row_label",
    "phase",
    "measure",
    "fiscal_year",
)
GRAIN_0003 = (
    "document_id",
    "policy_area_id",
    "table_family",
    "table_title",
    "account",
    "row_code",
    "row_label",
    "flow",
    "phase",
    "measure",
    "fiscal_year",
    "period",
)

# Comments this revision changes, (old, new), for the databases that store comments (PostgreSQL).
COMMENTS = {
    ("dim_document", "rejection_kind", sa.String(length=40), True): (
        "Why a rejected PDF could not be read: empty_file, not_a_pdf, corrupt_pdf, encrypted_pdf, no_text_layer, no_accounts_tables, too_large.",
        "Why a rejected PDF could not be read: empty_file, not_a_pdf, corrupt_pdf, damaged_pdf, encrypted_pdf, no_text_layer, no_accounts_tables, too_large.",
    ),
    ("dim_document", "report_type", sa.String(length=20), True): (
        "'regnskab' (accounts) or 'budget'; null when unknown.",
        "'regnskab' (accounts), 'budgetopfoelgning' (in-year follow-up), 'forventet_regnskab' (forecast) or 'budget'; null when unknown.",
    ),
    ("dim_phase", "fiscal_data_package_phase", sa.String(length=20), True): (
        "Open Fiscal Data Package budget phase (approved, adjusted, executed); null where the concept has none (variance, unspecified budget, carry-over).",
        "Open Fiscal Data Package budget phase (approved, adjusted, executed); null where the concept has none (variance, unspecified budget, carry-over, forecast, overslagsår, appropriation).",
    ),
    ("dim_price_basis", "price_basis", sa.String(length=30), False): (
        "'current_2020' for 2020 current prices; 'unstated' when no note states the price year.",
        "'current_2020' for 2020 current prices, 'fixed_2021' for a figure restated in 2021 prices; 'unstated' when no note states the price year.",
    ),
    ("dim_price_basis", "basis", sa.String(length=20), False): (
        "'current_prices' (nominal, in the prices of price_year) or 'unstated'.",
        "'current_prices' (nominal, in the prices of its own year, price_year), 'fixed_prices' (restated in the prices of price_year, another year) or 'unstated'.",
    ),
    ("fact_amount", "phase", sa.String(length=30), False): (
        "Column's phase: actual, original_budget, revised_budget, budget, variance.",
        "Column's phase: actual, original_budget, revised_budget, budget, variance, forecast, budget_estimate, appropriation (see dim_phase).",
    ),
    ("fact_amount", "price_basis", sa.String(length=30), False): (
        "Price level of the figure, from the chapter's notes ('unstated' when none says).",
        "Price level of the figure, from the chapter's notes ('current_<year>', 'fixed_<year>'; 'unstated' when none says).",
    ),
    ("fact_amount", "source_unit", sa.String(length=10), True): (
        "Unit the table prints in: '1000 DKK', 'mio DKK', 'DKK'; null for quantities.",
        "Unit the table prints in: '1000 DKK', 'mio DKK', 'mia DKK', 'DKK'; null for quantities.",
    ),
    ("fact_narrative_amount", "kind", sa.String(length=30), False): (
        "surplus, deficit, expense, income, carry_over_requested or budget.",
        "surplus, deficit, expense, income, carry_over_requested, budget, actual, unit_price, overspend (merforbrug), underspend (mindreforbrug) or transfer (overført).",
    ),
    ("fact_narrative_amount", "source_unit", sa.String(length=10), False): (
        "'DKK' or 'mio DKK' (printed precision).",
        "'DKK', 'mio DKK' or 'mia DKK' (printed precision).",
    ),
}
TABLE_COMMENTS = {
    "dim_phase": (
        "Budget phase of a figure: Regnskab, Opr. budget, Korr. budget, Budget, Over-/underskud, Søgt overført.",
        "Budget phase of a figure: Regnskab, Opr. budget, Korr. budget, Budget, Over-/underskud, Søgt overført, Forventet regnskab, Budgetoverslagsår, Bevilling.",
    ),
    "fact_amount": (
        "One printed figure of a table. Grain: document x policy area x table x account x row x phase x measure x fiscal year.",
        "One printed figure of a table. Grain: document x policy area x table x account x row (code and label) x flow x phase x measure x fiscal year x period.",
    ),
}

# The cells a finding is about and holds it against (page and box), for the report's and Dagster's crops.
FINDING_CELL_COLUMNS = (
    sa.Column("bbox_x0", sa.Float(), nullable=True, comment="Left edge of the cell the finding is about, PDF points."),
    sa.Column("bbox_top", sa.Float(), nullable=True, comment="Top edge of that cell, PDF points from the top of the page."),
    sa.Column("bbox_x1", sa.Float(), nullable=True, comment="Right edge of that cell, PDF points."),
    sa.Column("bbox_bottom", sa.Float(), nullable=True, comment="Bottom edge of that cell, PDF points from the page top."),
    sa.Column(
        "compared_page",
        sa.Integer(),
        nullable=True,
        comment="1-based page of the cell the rule holds it against (the other table's figure, the table figure the text speaks of); null for rules that compare no single cell.",
    ),
    sa.Column("compared_bbox_x0", sa.Float(), nullable=True, comment="Left edge of the compared cell, PDF points."),
    sa.Column("compared_bbox_top", sa.Float(), nullable=True, comment="Top edge of the compared cell, PDF points."),
    sa.Column("compared_bbox_x1", sa.Float(), nullable=True, comment="Right edge of the compared cell, PDF points."),
    sa.Column("compared_bbox_bottom", sa.Float(), nullable=True, comment="Bottom edge of the compared cell, PDF points."),
)

# The views as this revision (re)creates them, frozen: the head definitions of itdrift_pipeline.warehouse.views.
VIEWS_SQL = {
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
    "v_activity_variance": """CREATE VIEW v_activity_variance AS

WITH per_document AS (
    SELECT f.document_id, d.file, d.fiscal_year AS report_fiscal_year, d.ingested_at,
           f.activity_id, f.fiscal_year,
           MAX(CASE WHEN f.table_family = 'activity_areas' AND f.phase = 'actual'
                    THEN f.value_dkk END) AS actual_dkk,
           MAX(CASE WHEN f.table_family = 'activity_areas' AND f.phase = 'original_budget'
                    THEN f.value_dkk END) AS original_budget_dkk,
           MAX(CASE WHEN f.table_family = 'activity_areas' AND f.phase = 'revised_budget'
                    THEN f.value_dkk END) AS revised_budget_dkk,
           MAX(CASE WHEN f.table_family = 'activity_areas' AND f.phase = 'variance'
                    THEN f.value_dkk END) AS variance_printed_dkk,
           MAX(CASE WHEN f.table_family = 'activity_areas' AND f.phase = 'variance'
                    THEN f.sign_convention END) AS variance_sign_convention,
           MAX(CASE WHEN f.table_family = 'specific_assumptions' AND f.phase = 'budget'
                    THEN f.value_dkk END) AS assumptions_budget_dkk,
           MAX(CASE WHEN f.table_family = 'specific_assumptions' AND f.phase = 'actual'
                    THEN f.value_dkk END) AS assumptions_actual_dkk
    
    FROM fact_amount f
    JOIN dim_document d ON d.document_id = f.document_id AND d.status = 'loaded'
    JOIN dim_price_basis pb ON pb.price_basis = f.price_basis
    WHERE f.activity_id IS NOT NULL AND f.measure = 'amount' AND f.fiscal_year IS NOT NULL
      AND f.table_family IN ('activity_areas', 'specific_assumptions') AND (f.flow IS NULL OR f.flow = 'net')
      AND f.period IS NULL
    GROUP BY f.document_id, d.file, d.fiscal_year, d.ingested_at, f.activity_id, f.fiscal_year
),
latest AS (
    SELECT per_document.*,
           ROW_NUMBER() OVER (PARTITION BY activity_id, fiscal_year ORDER BY COALESCE(report_fiscal_year, 0) DESC, ingested_at DESC, document_id DESC) AS recency
    FROM per_document
),
recomputed AS (
    SELECT latest.*,
           CASE variance_sign_convention
                WHEN 'actual_minus_budget' THEN actual_dkk - revised_budget_dkk
                WHEN 'budget_minus_actual' THEN revised_budget_dkk - actual_dkk
           END AS variance_recomputed_dkk
    FROM latest
    WHERE recency = 1
)
SELECT m.name AS municipality, pa.name AS policy_area,
       a.code AS activity_code, a.label AS activity_label, a.level AS activity_level, a.parent_code,
       r.fiscal_year,
       r.actual_dkk, CAST((r.actual_dkk) / 1000.0 AS NUMERIC(21, 5)) AS actual_tdkk,
       r.original_budget_dkk, CAST((r.original_budget_dkk) / 1000.0 AS NUMERIC(21, 5)) AS original_budget_tdkk,
       r.revised_budget_dkk, CAST((r.revised_budget_dkk) / 1000.0 AS NUMERIC(21, 5)) AS revised_budget_tdkk,
       r.variance_printed_dkk, CAST((r.variance_printed_dkk) / 1000.0 AS NUMERIC(21, 5)) AS variance_printed_tdkk,
       r.variance_sign_convention,
       r.variance_recomputed_dkk, CAST((r.variance_recomputed_dkk) / 1000.0 AS NUMERIC(21, 5)) AS variance_recomputed_tdkk,
       CASE WHEN r.variance_printed_dkk IS NULL OR r.variance_recomputed_dkk IS NULL THEN NULL
            WHEN r.variance_printed_dkk = r.variance_recomputed_dkk THEN 0
            ELSE 1 END AS variance_disagrees,
       r.assumptions_budget_dkk, CAST((r.assumptions_budget_dkk) / 1000.0 AS NUMERIC(21, 5)) AS assumptions_budget_tdkk,
       r.assumptions_actual_dkk, CAST((r.assumptions_actual_dkk) / 1000.0 AS NUMERIC(21, 5)) AS assumptions_actual_tdkk,
       r.document_id, r.file AS source_file
FROM recomputed r
JOIN dim_activity a ON a.activity_id = r.activity_id
JOIN dim_policy_area pa ON pa.policy_area_id = a.policy_area_id
JOIN dim_municipality m ON m.municipality_id = pa.municipality_id
""",
    "v_multi_year": """CREATE VIEW v_multi_year AS

WITH actual AS (
    SELECT f.policy_area_id, f.account, f.row_code, f.row_label, f.flow, f.is_total, f.fiscal_year,
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
           ROW_NUMBER() OVER (PARTITION BY policy_area_id, account, row_code, row_label, flow, fiscal_year
                              ORDER BY COALESCE(report_fiscal_year, 0) DESC, ingested_at DESC, document_id DESC) AS recency
    FROM actual
)
SELECT m.name AS municipality, pa.name AS policy_area, r.account, r.row_code, r.row_label, r.flow,
       CASE WHEN r.is_total THEN 1 ELSE 0 END AS is_total,
       r.fiscal_year, r.value_dkk AS actual_dkk, CAST((r.value_dkk) / 1000.0 AS NUMERIC(21, 5)) AS actual_tdkk, r.as_printed,
       r.price_year, r.price_basis_da, r.report_fiscal_year, r.document_id, r.file AS source_file, r.page,
       CASE WHEN r.recency = 1 THEN 1 ELSE 0 END AS is_latest_report
FROM ranked r
JOIN dim_policy_area pa ON pa.policy_area_id = r.policy_area_id
JOIN dim_municipality m ON m.municipality_id = pa.municipality_id
""",
    "v_fixed_prices": """CREATE VIEW v_fixed_prices AS

WITH converted AS (
    SELECT f.fact_amount_id, f.document_id, d.file AS source_file, f.policy_area_id, f.table_family,
           f.account, f.row_code, f.row_label, f.flow, f.phase, f.measure, f.fiscal_year, f.period,
           pb.price_year, pb.basis AS price_basis_kind, f.value_dkk AS nominal_dkk,
           base.index_name, base.year AS base_year,
           at_price.value AS index_at_price_year, base.value AS index_at_base_year,
           -- 1.0 first: SQLite would divide INTEGER by INTEGER as integers.
           ROUND(f.value_dkk * 1.0 * base.value / at_price.value, 2) AS fixed_dkk,
           CASE WHEN pb.price_year IS NULL THEN 'price_year_unstated'
                WHEN at_price.value IS NULL THEN 'index_lacks_price_year'
                ELSE 'converted' END AS conversion_status
    
    FROM fact_amount f
    JOIN dim_document d ON d.document_id = f.document_id AND d.status = 'loaded'
    JOIN dim_price_basis pb ON pb.price_basis = f.price_basis
    CROSS JOIN dim_price_index base
    LEFT JOIN dim_price_index at_price
         ON at_price.index_name = base.index_name AND at_price.year = pb.price_year
    WHERE f.measure IN ('amount', 'unit_price')
)
SELECT c.fact_amount_id, c.document_id, c.source_file, m.name AS municipality, pa.name AS policy_area,
       c.table_family, c.account, c.row_code, c.row_label, c.flow, c.phase, c.measure, c.fiscal_year,
       c.period, c.price_year, c.price_basis_kind, c.nominal_dkk, CAST((c.nominal_dkk) / 1000.0 AS NUMERIC(21, 5)) AS nominal_tdkk,
       c.index_name, c.base_year, c.index_at_price_year, c.index_at_base_year,
       c.fixed_dkk, CAST((c.fixed_dkk) / 1000.0 AS NUMERIC(21, 5)) AS fixed_tdkk, c.conversion_status
FROM converted c
JOIN dim_policy_area pa ON pa.policy_area_id = c.policy_area_id
JOIN dim_municipality m ON m.municipality_id = pa.municipality_id
""",
    "v_findings": """CREATE VIEW v_findings AS

SELECT fi.finding_id, fi.rule, fi.severity,
       CASE fi.severity WHEN 'error' THEN 'Fejl' WHEN 'warning' THEN 'Advarsel' ELSE 'Info' END
           AS severity_da,
       CASE WHEN fi.is_structural THEN 1 ELSE 0 END AS is_structural,
       d.document_id, d.file AS source_file, d.sha256, d.status AS document_status,
       d.fiscal_year AS report_fiscal_year, m.name AS municipality, pa.name AS policy_area,
       pa.committee, fi.table_family, fi.table_title, fi.row_code, fi.row_label, fi.phase,
       ph.label_da AS phase_da, fi.fiscal_year, fi.expected, fi.shown, fi.unit, fi.page, fi.message,
       fi.bbox_x0, fi.bbox_top, fi.bbox_x1, fi.bbox_bottom,
       CASE WHEN fi.page IS NULL THEN NULL WHEN fi.bbox_x0 IS NULL THEN 'sources/' || SUBSTR(d.sha256, 1, 16) || '/p' || CAST(fi.page AS TEXT) || '.png' ELSE 'sources/' || SUBSTR(d.sha256, 1, 16) || '/p' || CAST(fi.page AS TEXT) || '_' || CAST(CAST(ROUND(CAST(fi.bbox_x0 AS NUMERIC)) AS INTEGER) AS TEXT) || '_' || CAST(CAST(ROUND(CAST(fi.bbox_top AS NUMERIC)) AS INTEGER) AS TEXT) || '_' || CAST(CAST(ROUND(CAST(fi.bbox_x1 AS NUMERIC)) AS INTEGER) AS TEXT) || '_' || CAST(CAST(ROUND(CAST(fi.bbox_bottom AS NUMERIC)) AS INTEGER) AS TEXT) || '.png' END AS crop_path,
       fi.compared_page, fi.compared_bbox_x0, fi.compared_bbox_top, fi.compared_bbox_x1,
       fi.compared_bbox_bottom,
       CASE WHEN fi.compared_page IS NULL THEN NULL WHEN fi.compared_bbox_x0 IS NULL THEN 'sources/' || SUBSTR(d.sha256, 1, 16) || '/p' || CAST(fi.compared_page AS TEXT) || '.png' ELSE 'sources/' || SUBSTR(d.sha256, 1, 16) || '/p' || CAST(fi.compared_page AS TEXT) || '_' || CAST(CAST(ROUND(CAST(fi.compared_bbox_x0 AS NUMERIC)) AS INTEGER) AS TEXT) || '_' || CAST(CAST(ROUND(CAST(fi.compared_bbox_top AS NUMERIC)) AS INTEGER) AS TEXT) || '_' || CAST(CAST(ROUND(CAST(fi.compared_bbox_x1 AS NUMERIC)) AS INTEGER) AS TEXT) || '_' || CAST(CAST(ROUND(CAST(fi.compared_bbox_bottom AS NUMERIC)) AS INTEGER) AS TEXT) || '.png' END AS compared_crop_path
FROM fact_finding fi
JOIN dim_document d ON d.document_id = fi.document_id
LEFT JOIN dim_municipality m ON m.municipality_id = d.municipality_id
LEFT JOIN dim_policy_area pa ON pa.policy_area_id = fi.policy_area_id
LEFT JOIN dim_phase ph ON ph.phase = fi.phase
""",
    "v_unparsed_tables": """CREATE VIEW v_unparsed_tables AS

SELECT u.unknown_table_id, d.document_id, d.file AS source_file, d.sha256,
       d.fiscal_year AS report_fiscal_year, m.name AS municipality, pa.name AS policy_area,
       ch.committee, u.page, u.reason, u.row_count, u.cells_json,
       u.bbox_x0, u.bbox_top, u.bbox_x1, u.bbox_bottom
FROM fact_unknown_table u
JOIN dim_document d ON d.document_id = u.document_id AND d.status = 'loaded'
LEFT JOIN dim_municipality m ON m.municipality_id = d.municipality_id
LEFT JOIN dim_policy_area pa ON pa.policy_area_id = u.policy_area_id
LEFT JOIN dim_document_chapter ch
     ON ch.document_id = u.document_id AND ch.policy_area_id = u.policy_area_id
""",
    "v_unread_columns": """CREATE VIEW v_unread_columns AS

SELECT u.unread_column_id, d.document_id, d.file AS source_file, d.sha256,
       d.fiscal_year AS report_fiscal_year, m.name AS municipality, pa.name AS policy_area,
       ch.committee, u.table_family, u.table_title, u.header, u.reason, u.page,
       u.bbox_x0, u.bbox_top, u.bbox_x1, u.bbox_bottom
FROM fact_unread_column u
JOIN dim_document d ON d.document_id = u.document_id AND d.status = 'loaded'
LEFT JOIN dim_municipality m ON m.municipality_id = d.municipality_id
JOIN dim_policy_area pa ON pa.policy_area_id = u.policy_area_id
LEFT JOIN dim_document_chapter ch
     ON ch.document_id = u.document_id AND ch.policy_area_id = u.policy_area_id
""",
    "v_fact_source": """CREATE VIEW v_fact_source AS

SELECT f.fact_amount_id, d.document_id, d.file AS source_file, d.sha256, m.name AS municipality,
       pa.name AS policy_area, f.table_family, f.table_title, f.account, f.row_code, f.row_label,
       CASE WHEN f.is_total THEN 1 ELSE 0 END AS is_total, f.flow, f.phase, f.measure, f.fiscal_year,
       f.period, f.as_printed, f.page, f.bbox_x0, f.bbox_top, f.bbox_x1, f.bbox_bottom,
       CASE WHEN f.page IS NULL THEN NULL WHEN f.bbox_x0 IS NULL THEN 'sources/' || SUBSTR(d.sha256, 1, 16) || '/p' || CAST(f.page AS TEXT) || '.png' ELSE 'sources/' || SUBSTR(d.sha256, 1, 16) || '/p' || CAST(f.page AS TEXT) || '_' || CAST(CAST(ROUND(CAST(f.bbox_x0 AS NUMERIC)) AS INTEGER) AS TEXT) || '_' || CAST(CAST(ROUND(CAST(f.bbox_top AS NUMERIC)) AS INTEGER) AS TEXT) || '_' || CAST(CAST(ROUND(CAST(f.bbox_x1 AS NUMERIC)) AS INTEGER) AS TEXT) || '_' || CAST(CAST(ROUND(CAST(f.bbox_bottom AS NUMERIC)) AS INTEGER) AS TEXT) || '.png' END AS crop_path
FROM fact_amount f
JOIN dim_document d ON d.document_id = f.document_id AND d.status = 'loaded'
JOIN dim_policy_area pa ON pa.policy_area_id = f.policy_area_id
JOIN dim_municipality m ON m.municipality_id = pa.municipality_id
""",
}

# The views as revisions 0001 and 0002 left them, for the downgrade.
VIEWS_SQL_0002 = {
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
      AND f.phase IN ('actual', 'revised_budget', 'variance')
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
    "v_activity_variance": """CREATE VIEW v_activity_variance AS

WITH per_document AS (
    SELECT f.document_id, d.file, d.fiscal_year AS report_fiscal_year, d.ingested_at,
           f.activity_id, f.fiscal_year,
           MAX(CASE WHEN f.table_family = 'activity_areas' AND f.phase = 'actual'
                    THEN f.value_dkk END) AS actual_dkk,
           MAX(CASE WHEN f.table_family = 'activity_areas' AND f.phase = 'original_budget'
                    THEN f.value_dkk END) AS original_budget_dkk,
           MAX(CASE WHEN f.table_family = 'activity_areas' AND f.phase = 'revised_budget'
                    THEN f.value_dkk END) AS revised_budget_dkk,
           MAX(CASE WHEN f.table_family = 'activity_areas' AND f.phase = 'variance'
                    THEN f.value_dkk END) AS variance_printed_dkk,
           MAX(CASE WHEN f.table_family = 'activity_areas' AND f.phase = 'variance'
                    THEN f.sign_convention END) AS variance_sign_convention,
           MAX(CASE WHEN f.table_family = 'specific_assumptions' AND f.phase = 'budget'
                    THEN f.value_dkk END) AS assumptions_budget_dkk,
           MAX(CASE WHEN f.table_family = 'specific_assumptions' AND f.phase = 'actual'
                    THEN f.value_dkk END) AS assumptions_actual_dkk
    
    FROM fact_amount f
    JOIN dim_document d ON d.document_id = f.document_id AND d.status = 'loaded'
    JOIN dim_price_basis pb ON pb.price_basis = f.price_basis
    WHERE f.activity_id IS NOT NULL AND f.measure = 'amount' AND f.fiscal_year IS NOT NULL
      AND f.table_family IN ('activity_areas', 'specific_assumptions')
    GROUP BY f.document_id, d.file, d.fiscal_year, d.ingested_at, f.activity_id, f.fiscal_year
),
latest AS (
    SELECT per_document.*,
           ROW_NUMBER() OVER (PARTITION BY activity_id, fiscal_year ORDER BY COALESCE(report_fiscal_year, 0) DESC, ingested_at DESC, document_id DESC) AS recency
    FROM per_document
),
recomputed AS (
    SELECT latest.*,
           CASE variance_sign_convention
                WHEN 'actual_minus_budget' THEN actual_dkk - revised_budget_dkk
                WHEN 'budget_minus_actual' THEN revised_budget_dkk - actual_dkk
           END AS variance_recomputed_dkk
    FROM latest
    WHERE recency = 1
)
SELECT m.name AS municipality, pa.name AS policy_area,
       a.code AS activity_code, a.label AS activity_label, a.level AS activity_level, a.parent_code,
       r.fiscal_year,
       r.actual_dkk, CAST((r.actual_dkk) / 1000.0 AS NUMERIC(21, 5)) AS actual_tdkk,
       r.original_budget_dkk, CAST((r.original_budget_dkk) / 1000.0 AS NUMERIC(21, 5)) AS original_budget_tdkk,
       r.revised_budget_dkk, CAST((r.revised_budget_dkk) / 1000.0 AS NUMERIC(21, 5)) AS revised_budget_tdkk,
       r.variance_printed_dkk, CAST((r.variance_printed_dkk) / 1000.0 AS NUMERIC(21, 5)) AS variance_printed_tdkk,
       r.variance_sign_convention,
       r.variance_recomputed_dkk, CAST((r.variance_recomputed_dkk) / 1000.0 AS NUMERIC(21, 5)) AS variance_recomputed_tdkk,
       CASE WHEN r.variance_printed_dkk IS NULL OR r.variance_recomputed_dkk IS NULL THEN NULL
            WHEN r.variance_printed_dkk = r.variance_recomputed_dkk THEN 0
            ELSE 1 END AS variance_disagrees,
       r.assumptions_budget_dkk, CAST((r.assumptions_budget_dkk) / 1000.0 AS NUMERIC(21, 5)) AS assumptions_budget_tdkk,
       r.assumptions_actual_dkk, CAST((r.assumptions_actual_dkk) / 1000.0 AS NUMERIC(21, 5)) AS assumptions_actual_tdkk,
       r.document_id, r.file AS source_file
FROM recomputed r
JOIN dim_activity a ON a.activity_id = r.activity_id
JOIN dim_policy_area pa ON pa.policy_area_id = a.policy_area_id
JOIN dim_municipality m ON m.municipality_id = pa.municipality_id
""",
    "v_multi_year": """CREATE VIEW v_multi_year AS

WITH actual AS (
    SELECT f.policy_area_id, f.account, f.row_code, f.row_label, f.is_total, f.fiscal_year,
           f.value_dkk, f.as_printed, f.page, pb.price_year, pb.label_da AS price_basis_da,
           f.document_id, d.file, d.fiscal_year AS report_fiscal_year, d.ingested_at
    
    FROM fact_amount f
    JOIN dim_document d ON d.document_id = f.document_id AND d.status = 'loaded'
    JOIN dim_price_basis pb ON pb.price_basis = f.price_basis
    WHERE f.table_family = 'overall_result' AND f.phase = 'actual' AND f.measure = 'amount'
),
ranked AS (
    SELECT actual.*,
           ROW_NUMBER() OVER (PARTITION BY policy_area_id, account, row_label, fiscal_year
                              ORDER BY COALESCE(report_fiscal_year, 0) DESC, ingested_at DESC, document_id DESC) AS recency
    FROM actual
)
SELECT m.name AS municipality, pa.name AS policy_area, r.account, r.row_code, r.row_label,
       CASE WHEN r.is_total THEN 1 ELSE 0 END AS is_total,
       r.fiscal_year, r.value_dkk AS actual_dkk, CAST((r.value_dkk) / 1000.0 AS NUMERIC(21, 5)) AS actual_tdkk, r.as_printed,
       r.price_year, r.price_basis_da, r.report_fiscal_year, r.document_id, r.file AS source_file, r.page,
       CASE WHEN r.recency = 1 THEN 1 ELSE 0 END AS is_latest_report
FROM ranked r
JOIN dim_policy_area pa ON pa.policy_area_id = r.policy_area_id
JOIN dim_municipality m ON m.municipality_id = pa.municipality_id
""",
    "v_fixed_prices": """CREATE VIEW v_fixed_prices AS

WITH converted AS (
    SELECT f.fact_amount_id, f.document_id, d.file AS source_file, f.policy_area_id, f.table_family,
           f.account, f.row_code, f.row_label, f.phase, f.measure, f.fiscal_year, pb.price_year,
           f.value_dkk AS nominal_dkk,
           base.index_name, base.year AS base_year,
           at_price.value AS index_at_price_year, base.value AS index_at_base_year,
           -- 1.0 first: SQLite would divide INTEGER by INTEGER as integers.
           ROUND(f.value_dkk * 1.0 * base.value / at_price.value, 2) AS fixed_dkk,
           CASE WHEN pb.price_year IS NULL THEN 'price_year_unstated'
                WHEN at_price.value IS NULL THEN 'index_lacks_price_year'
                ELSE 'converted' END AS conversion_status
    
    FROM fact_amount f
    JOIN dim_document d ON d.document_id = f.document_id AND d.status = 'loaded'
    JOIN dim_price_basis pb ON pb.price_basis = f.price_basis
    CROSS JOIN dim_price_index base
    LEFT JOIN dim_price_index at_price
         ON at_price.index_name = base.index_name AND at_price.year = pb.price_year
    WHERE f.measure IN ('amount', 'unit_price')
)
SELECT c.fact_amount_id, c.document_id, c.source_file, m.name AS municipality, pa.name AS policy_area,
       c.table_family, c.account, c.row_code, c.row_label, c.phase, c.measure, c.fiscal_year,
       c.price_year, c.nominal_dkk, CAST((c.nominal_dkk) / 1000.0 AS NUMERIC(21, 5)) AS nominal_tdkk,
       c.index_name, c.base_year, c.index_at_price_year, c.index_at_base_year,
       c.fixed_dkk, CAST((c.fixed_dkk) / 1000.0 AS NUMERIC(21, 5)) AS fixed_tdkk, c.conversion_status
FROM converted c
JOIN dim_policy_area pa ON pa.policy_area_id = c.policy_area_id
JOIN dim_municipality m ON m.municipality_id = pa.municipality_id
""",
    "v_findings": """CREATE VIEW v_findings AS

SELECT fi.finding_id, fi.rule, fi.severity,
       CASE fi.severity WHEN 'error' THEN 'Fejl' WHEN 'warning' THEN 'Advarsel' ELSE 'Info' END
           AS severity_da,
       CASE WHEN fi.is_structural THEN 1 ELSE 0 END AS is_structural,
       d.document_id, d.file AS source_file, d.sha256, d.status AS document_status,
       d.fiscal_year AS report_fiscal_year, m.name AS municipality, pa.name AS policy_area,
       pa.committee, fi.table_family, fi.table_title, fi.row_code, fi.row_label, fi.phase,
       ph.label_da AS phase_da, fi.fiscal_year, fi.expected, fi.shown, fi.unit, fi.page, fi.message
FROM fact_finding fi
JOIN dim_document d ON d.document_id = fi.document_id
LEFT JOIN dim_municipality m ON m.municipality_id = d.municipality_id
LEFT JOIN dim_policy_area pa ON pa.policy_area_id = fi.policy_area_id
LEFT JOIN dim_phase ph ON ph.phase = fi.phase
""",
    "v_unparsed_tables": """CREATE VIEW v_unparsed_tables AS

SELECT u.unknown_table_id, d.document_id, d.file AS source_file, d.sha256,
       d.fiscal_year AS report_fiscal_year, m.name AS municipality, pa.name AS policy_area,
       ch.committee, u.page, u.reason, u.row_count, u.cells_json,
       u.bbox_x0, u.bbox_top, u.bbox_x1, u.bbox_bottom
FROM fact_unknown_table u
JOIN dim_document d ON d.document_id = u.document_id AND d.status = 'loaded'
LEFT JOIN dim_municipality m ON m.municipality_id = d.municipality_id
LEFT JOIN dim_policy_area pa ON pa.policy_area_id = u.policy_area_id
LEFT JOIN dim_document_chapter ch
     ON ch.document_id = u.document_id AND ch.policy_area_id = u.policy_area_id
""",
}


def _execute(sql: str) -> None:
    op.get_bind().exec_driver_sql(sql)


def _drop_views(names: Sequence[str]) -> None:
    for name in reversed(names):
        _execute(f"DROP VIEW IF EXISTS {name}")


def _replace_price_basis_check(values: str) -> None:
    """dim_price_basis.basis IN (values): on SQLite a rebuild of a table fact_amount refers to, so the
    reference is taken away for it and put back after (foreign keys cannot be switched off here)."""
    with op.batch_alter_table("fact_amount") as batch:
        batch.drop_constraint(op.f("fk_fact_amount_price_basis_dim_price_basis"), type_="foreignkey")
    with op.batch_alter_table("dim_price_basis") as batch:
        batch.drop_constraint(op.f("ck_dim_price_basis_basis"), type_="check")
        batch.create_check_constraint(op.f("ck_dim_price_basis_basis"), f"basis IN ({values})")
    with op.batch_alter_table("fact_amount") as batch:
        batch.create_foreign_key(
            op.f("fk_fact_amount_price_basis_dim_price_basis"),
            "dim_price_basis",
            ["price_basis"],
            ["price_basis"],
        )


def _comments(old_or_new: int) -> None:
    if not op.get_bind().dialect.supports_comments:
        return
    for (table, column, type_, nullable), comments in COMMENTS.items():
        op.alter_column(
            table,
            column,
            existing_type=type_,
            existing_nullable=nullable,
            existing_comment=comments[1 - old_or_new],
            comment=comments[old_or_new],
        )
    for table, comments in TABLE_COMMENTS.items():
        op.create_table_comment(table, comments[old_or_new], existing_comment=comments[1 - old_or_new])


def upgrade() -> None:
    _drop_views(list(VIEWS_SQL_0002))
    op.bulk_insert(
        sa.table(
            "dim_phase", sa.column("phase"), sa.column("label_da"), sa.column("fiscal_data_package_phase")
        ),
        [
            {"phase": "forecast", "label_da": "Forventet regnskab", "fiscal_data_package_phase": None},
            {"phase": "budget_estimate", "label_da": "Budgetoverslagsår", "fiscal_data_package_phase": None},
            {"phase": "appropriation", "label_da": "Bevilling", "fiscal_data_package_phase": None},
        ],
    )
    _replace_price_basis_check("'current_prices', 'fixed_prices', 'unstated'")
    with op.batch_alter_table("fact_amount") as batch:
        batch.add_column(
            sa.Column(
                "flow",
                sa.String(length=20),
                nullable=True,
                comment="'expenditure', 'income' or 'net' where the table splits them (Udgifter / Indtægter / Netto columns, rows marked U / I); null otherwise. Sum a policy area over null and 'net' only.",
            )
        )
        batch.add_column(
            sa.Column(
                "year_source",
                sa.String(length=10),
                nullable=True,
                comment="Where fiscal_year was printed: 'header' (the column), 'caption', 'heading' or 'title' (the innermost that states it); null when fiscal_year is null or for rows loaded before 0003.",
            )
        )
        batch.add_column(
            sa.Column(
                "period",
                sa.String(length=10),
                nullable=True,
                comment="The part of the fiscal year a month or quarter column covers: 'M01'..'M12' (Jan .. Dec), 'Q1'..'Q4' (1. .. 4. kvartal); null for a figure of the whole fiscal year. Sum or compare years over null only: the months are printed beside their year total.",
            )
        )
        batch.drop_constraint(op.f("uq_fact_amount_grain"), type_="unique")
        batch.create_unique_constraint(op.f("uq_fact_amount_grain"), list(GRAIN_0003))
        batch.create_check_constraint(
            op.f("ck_fact_amount_flow"), "flow IS NULL OR flow IN ('expenditure', 'income', 'net')"
        )
        batch.create_check_constraint(
            op.f("ck_fact_amount_year_source"),
            "year_source IS NULL OR year_source IN ('header', 'caption', 'heading', 'title')",
        )
        batch.create_check_constraint(
            op.f("ck_fact_amount_source_unit"),
            "source_unit IS NULL OR source_unit IN ('1000 DKK', 'mio DKK', 'mia DKK', 'DKK')",
        )
        batch.create_check_constraint(
            op.f("ck_fact_amount_period"),
            "period IS NULL OR period IN ('M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12', 'Q1', 'Q2', 'Q3', 'Q4')",
        )
    with op.batch_alter_table("fact_narrative_amount") as batch:
        batch.add_column(
            sa.Column(
                "phase",
                sa.String(length=30),
                nullable=True,
                comment="unit_price and quantity amounts: the phase spoken of ('budgetteret med' -> budget, 'regnskabet viser' -> actual); else null.",
            )
        )
        batch.create_foreign_key(
            op.f("fk_fact_narrative_amount_phase_dim_phase"), "dim_phase", ["phase"], ["phase"]
        )
        batch.drop_constraint(op.f("ck_fact_narrative_amount_kind"), type_="check")
        batch.create_check_constraint(
            op.f("ck_fact_narrative_amount_kind"),
            "kind IN ('surplus', 'deficit', 'expense', 'income', 'carry_over_requested', 'budget', 'actual', 'unit_price', 'overspend', 'underspend', 'transfer')",
        )
        batch.create_check_constraint(
            op.f("ck_fact_narrative_amount_source_unit"),
            "source_unit IN ('1000 DKK', 'mio DKK', 'mia DKK', 'DKK')",
        )
    with op.batch_alter_table("fact_note") as batch:
        batch.add_column(
            sa.Column(
                "account",
                sa.String(length=10),
                nullable=True,
                comment="'drift' or 'anlaeg' when the note names that table ('I tabellen for drift ...'); else null.",
            )
        )
        batch.add_column(
            sa.Column(
                "price_basis",
                sa.String(length=10),
                nullable=True,
                comment="price_year notes: 'current' ('løbende priser', 'Regnskab 2020 er i 2020-priser') or 'fixed' ('omregnet til 2021-priser', 'faste priser'); null when the note does not say. The figures' fact_amount.price_basis ('current_<year>', 'fixed_<year>') follows from it.",
            )
        )
        batch.create_check_constraint(
            op.f("ck_fact_note_account"), "account IS NULL OR account IN ('drift', 'anlaeg')"
        )
        batch.create_check_constraint(
            op.f("ck_fact_note_price_basis"), "price_basis IS NULL OR price_basis IN ('current', 'fixed')"
        )
    op.create_table(
        "fact_unread_column",
        sa.Column("unread_column_id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column("document_id", sa.Integer(), nullable=False, comment="Document the table is printed in."),
        sa.Column(
            "sequence", sa.Integer(), nullable=False, comment="Order of the column in the document (from 1)."
        ),
        sa.Column(
            "policy_area_id", sa.Integer(), nullable=False, comment="Chapter (politikområde) of the table."
        ),
        sa.Column(
            "table_family",
            sa.String(length=30),
            nullable=False,
            comment="Family of the table: overall_result, activity_areas, specific_assumptions or other.",
        ),
        sa.Column(
            "table_title", sa.String(length=300), nullable=False, comment="The table's printed caption."
        ),
        sa.Column(
            "header",
            sa.Text(),
            nullable=False,
            comment="The column header as printed, wrapped lines joined ('Forventet afvigelse 2020').",
        ),
        sa.Column(
            "reason",
            sa.Text(),
            nullable=False,
            comment="Why the header could not be read without guessing (e.g. 'a percentage, not an amount').",
        ),
        sa.Column("page", sa.Integer(), nullable=False, comment="1-based page of the header."),
        sa.Column(
            "bbox_x0",
            sa.Float(),
            nullable=True,
            comment="Left edge of the header cell, PDF points (pdfplumber x0).",
        ),
        sa.Column(
            "bbox_top",
            sa.Float(),
            nullable=True,
            comment="Top edge of the header cell, PDF points from the page top.",
        ),
        sa.Column("bbox_x1", sa.Float(), nullable=True, comment="Right edge of the header cell, PDF points."),
        sa.Column(
            "bbox_bottom",
            sa.Float(),
            nullable=True,
            comment="Bottom edge of the header cell, PDF points from the page top.",
        ),
        sa.CheckConstraint(
            "table_family IN ('overall_result', 'activity_areas', 'specific_assumptions', 'other')",
            name=op.f("ck_fact_unread_column_table_family"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["dim_document.document_id"],
            name=op.f("fk_fact_unread_column_document_id_dim_document"),
        ),
        sa.ForeignKeyConstraint(
            ["policy_area_id"],
            ["dim_policy_area.policy_area_id"],
            name=op.f("fk_fact_unread_column_policy_area_id_dim_policy_area"),
        ),
        sa.PrimaryKeyConstraint("unread_column_id", name=op.f("pk_fact_unread_column")),
        sa.UniqueConstraint("document_id", "sequence", name=op.f("uq_fact_unread_column_document_sequence")),
        comment="A figure column of a readable table whose header could not be read without guessing: its figures give no facts; the header as printed and the reason are kept so nothing is lost silently.",
    )
    with op.batch_alter_table("fact_finding") as batch:
        for column in FINDING_CELL_COLUMNS:
            batch.add_column(column)
    _comments(1)
    for sql in VIEWS_SQL.values():
        _execute(sql)


def _refuse_if_not_storable_at_0002() -> None:
    phases = ", ".join(f"'{p}'" for p in NEW_PHASES)
    kinds = ", ".join(f"'{k}'" for k in NEW_NARRATIVE_KINDS)
    old_grain = ", ".join(GRAIN_0002)
    checks = {
        "figures or notes of the phases forecast, budget_estimate or appropriation": (
            f"SELECT (SELECT COUNT(*) FROM fact_amount WHERE phase IN ({phases}))"
            f" + (SELECT COUNT(*) FROM fact_note WHERE phase IN ({phases}))"
            f" + (SELECT COUNT(*) FROM fact_narrative_amount WHERE phase IN ({phases}))"
        ),
        "narrative amounts of the kinds actual, unit_price, overspend, underspend or transfer": (
            f"SELECT COUNT(*) FROM fact_narrative_amount WHERE kind IN ({kinds})"
        ),
        "figures in fixed prices": (
            "SELECT COUNT(*) FROM fact_amount f JOIN dim_price_basis pb ON pb.price_basis = f.price_basis "
            "WHERE pb.basis = 'fixed_prices'"
        ),
        "figures of a month or quarter": "SELECT COUNT(*) FROM fact_amount WHERE period IS NOT NULL",
        "figures that differ only in row code or flow": (
            f"SELECT COUNT(*) FROM (SELECT {old_grain} FROM fact_amount GROUP BY {old_grain} HAVING COUNT(*) > 1) d"
        ),
    }
    found = [what for what, sql in checks.items() if op.get_bind().exec_driver_sql(sql).scalar()]
    if found:
        raise RuntimeError(
            "cannot downgrade the warehouse to revision 0002: it holds " + "; ".join(found) + ", which "
            "0002 cannot store; delete or reload those documents with the 0002 code first"
        )


def downgrade() -> None:
    _refuse_if_not_storable_at_0002()
    _drop_views(list(VIEWS_SQL))
    _comments(0)
    with op.batch_alter_table("fact_finding") as batch:
        for column in reversed(FINDING_CELL_COLUMNS):
            batch.drop_column(column.name)
    op.drop_table("fact_unread_column")
    with op.batch_alter_table("fact_note") as batch:
        batch.drop_constraint(op.f("ck_fact_note_price_basis"), type_="check")
        batch.drop_constraint(op.f("ck_fact_note_account"), type_="check")
        batch.drop_column("price_basis")
        batch.drop_column("account")
    with op.batch_alter_table("fact_narrative_amount") as batch:
        batch.drop_constraint(op.f("ck_fact_narrative_amount_source_unit"), type_="check")
        batch.drop_constraint(op.f("ck_fact_narrative_amount_kind"), type_="check")
        batch.create_check_constraint(
            op.f("ck_fact_narrative_amount_kind"),
            "kind IN ('surplus', 'deficit', 'expense', 'income', 'carry_over_requested', 'budget', 'actual', 'unit_price', 'overspend', 'underspend', 'transfer')",
        )
        batch.drop_constraint(op.f("fk_fact_narrative_amount_phase_dim_phase"), type_="foreignkey")
        batch.drop_column("phase")
    with op.batch_alter_table("fact_amount") as batch:
        batch.drop_constraint(op.f("ck_fact_amount_period"), type_="check")
        batch.drop_constraint(op.f("ck_fact_amount_source_unit"), type_="check")
        batch.drop_constraint(op.f("ck_fact_amount_year_source"), type_="check")
        batch.drop_constraint(op.f("ck_fact_amount_flow"), type_="check")
        batch.drop_constraint(op.f("uq_fact_amount_grain"), type_="unique")
        batch.create_unique_constraint(op.f("uq_fact_amount_grain"), list(GRAIN_0002))
        batch.drop_column("period")
        batch.drop_column("year_source")
        batch.drop_column("flow")
    op.get_bind().exec_driver_sql("DELETE FROM dim_price_basis WHERE basis = 'fixed_prices'")
    _replace_price_basis_check("'current_prices', 'unstated'")
    phases = ", ".join(f"'{p}'" for p in NEW_PHASES)
    _execute(f"DELETE FROM dim_phase WHERE phase IN ({phases})")
    for sql in VIEWS_SQL_0002.values():
        _execute(sql)
