# ruff: noqa: E501  (generated DDL: comments are one string each, as the database stores them)
"""Star schema: dimensions, facts, price index, reference rows and the BI views.

Revision ID: 0001
Revises:
Create Date: 2026-11-27 01:31:00.788131

The reference rows of dim_phase and dim_measure are frozen here (schema.PHASE_ROWS and MEASURE_ROWS must
agree; a test checks). The views are frozen below as this revision created them; a revision that
changes a view or a column a view reads drops the views first and recreates them last.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The views this revision creates, frozen as it created them: views.py holds the latest definitions,
# and a later revision that changes a view replaces it with a frozen copy of its own.
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
}


def _create_views() -> None:
    for sql in VIEWS_SQL.values():
        op.get_bind().exec_driver_sql(sql)


def _drop_views() -> None:
    for name in reversed(VIEWS_SQL):
        op.get_bind().exec_driver_sql(f"DROP VIEW IF EXISTS {name}")


def upgrade() -> None:
    op.create_table(
        "dim_fiscal_year",
        sa.Column(
            "fiscal_year",
            sa.Integer(),
            autoincrement=False,
            nullable=False,
            comment="Calendar year of the accounts (Danish municipalities' fiscal year is the calendar year).",
        ),
        sa.PrimaryKeyConstraint("fiscal_year", name=op.f("pk_dim_fiscal_year")),
        comment="Regnskabsår: every year that appears on a document, a figure or a price basis.",
    )
    op.create_table(
        "dim_measure",
        sa.Column("measure", sa.String(length=20), nullable=False, comment="amount, quantity or unit_price."),
        sa.Column("label_da", sa.String(length=100), nullable=False, comment="Danish column heading."),
        sa.Column("unit", sa.String(length=40), nullable=False, comment="Unit of the stored value."),
        sa.PrimaryKeyConstraint("measure", name=op.f("pk_dim_measure")),
        comment="What a figure measures: a money amount, a quantity (Mængde) or an average unit price.",
    )
    op.create_table(
        "dim_municipality",
        sa.Column("municipality_id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column(
            "name",
            sa.String(length=100),
            nullable=False,
            comment="Municipality as printed on the title page, e.g. 'Næstved Kommune'; '(not stated)' when the document does not say.",
        ),
        sa.PrimaryKeyConstraint("municipality_id", name=op.f("pk_dim_municipality")),
        sa.UniqueConstraint("name", name=op.f("uq_dim_municipality_name")),
        comment="Kommune: the municipality that published the accounts.",
    )
    op.create_table(
        "dim_phase",
        sa.Column(
            "phase", sa.String(length=30), nullable=False, comment="Phase code used in facts and findings."
        ),
        sa.Column("label_da", sa.String(length=100), nullable=False, comment="Danish column heading."),
        sa.Column(
            "fiscal_data_package_phase",
            sa.String(length=20),
            nullable=True,
            comment="Open Fiscal Data Package budget phase (approved, adjusted, executed); null where the concept has none (variance, unspecified budget, carry-over).",
        ),
        sa.PrimaryKeyConstraint("phase", name=op.f("pk_dim_phase")),
        comment="Budget phase of a figure: Regnskab, Opr. budget, Korr. budget, Budget, Over-/underskud, Søgt overført.",
    )
    op.create_table(
        "dim_price_basis",
        sa.Column(
            "price_basis",
            sa.String(length=30),
            nullable=False,
            comment="'current_2020' for 2020 current prices; 'unstated' when no note states the price year.",
        ),
        sa.Column(
            "price_year",
            sa.Integer(),
            nullable=True,
            comment="Price level year (from '... er i 2020-priser'); null if unstated.",
        ),
        sa.Column(
            "basis",
            sa.String(length=20),
            nullable=False,
            comment="'current_prices' (nominal, in the prices of price_year) or 'unstated'.",
        ),
        sa.Column(
            "label_da", sa.String(length=100), nullable=False, comment="Danish label, e.g. '2020-priser'."
        ),
        sa.CheckConstraint(
            "(basis = 'unstated' AND price_year IS NULL) OR (basis <> 'unstated' AND price_year IS NOT NULL)",
            name=op.f("ck_dim_price_basis_price_year_iff_stated"),
        ),
        sa.CheckConstraint("basis IN ('current_prices', 'unstated')", name=op.f("ck_dim_price_basis_basis")),
        sa.PrimaryKeyConstraint("price_basis", name=op.f("pk_dim_price_basis")),
        comment="Price level of a figure, read from the chapter's notes, never assumed.",
    )
    op.create_table(
        "dim_price_index",
        sa.Column(
            "index_name",
            sa.String(length=100),
            nullable=False,
            comment="Name given at load, e.g. 'KL pris- og lønskøn'.",
        ),
        sa.Column("year", sa.Integer(), nullable=False, comment="Year the index value applies to."),
        sa.Column(
            "value",
            sa.Numeric(precision=18, scale=6),
            nullable=False,
            comment="Index level for the year (any base).",
        ),
        sa.Column(
            "base_year",
            sa.Integer(),
            nullable=True,
            comment="Year the source sets to 100, when the user stated it.",
        ),
        sa.Column(
            "source",
            sa.Text(),
            nullable=False,
            comment="Where the numbers come from (publication, URL, date).",
        ),
        sa.Column(
            "loaded_at", sa.DateTime(timezone=True), nullable=False, comment="When the CSV was loaded (UTC)."
        ),
        sa.PrimaryKeyConstraint("index_name", "year", name=op.f("pk_dim_price_index")),
        comment="Price/wage index the user supplies as CSV (itdrift price-index load); the project ships none.",
    )
    op.create_table(
        "dim_document",
        sa.Column("document_id", sa.Integer(), nullable=False, comment="Surrogate key; changes on reload."),
        sa.Column(
            "sha256",
            sa.String(length=64),
            nullable=False,
            comment="SHA-256 of the PDF bytes: the document's identity (a reload replaces the same sha256).",
        ),
        sa.Column(
            "file", sa.String(length=500), nullable=False, comment="The PDF as the loader was given it (path or name)."
        ),
        sa.Column(
            "municipality_id",
            sa.Integer(),
            nullable=True,
            comment="Publishing municipality; null for a rejected document.",
        ),
        sa.Column(
            "report_type",
            sa.String(length=20),
            nullable=True,
            comment="'regnskab' (accounts) or 'budget'; null when unknown.",
        ),
        sa.Column(
            "fiscal_year",
            sa.Integer(),
            nullable=True,
            comment="The year the report is about (its title: 'Regnskab 2020').",
        ),
        sa.Column(
            "pages",
            sa.Integer(),
            nullable=True,
            comment="Number of pages; null when the PDF could not be opened.",
        ),
        sa.Column("size_bytes", sa.BigInteger(), nullable=True, comment="File size in bytes."),
        sa.Column(
            "status",
            sa.String(length=10),
            nullable=False,
            comment="'loaded' (facts stored), 'rejected' (unreadable PDF, no facts) or 'invalid' (structural errors from validation, no facts, findings stored).",
        ),
        sa.Column(
            "rejection_kind",
            sa.String(length=40),
            nullable=True,
            comment="Why a rejected PDF could not be read: empty_file, not_a_pdf, corrupt_pdf, encrypted_pdf, no_text_layer, no_accounts_tables, too_large.",
        ),
        sa.Column(
            "rejection_reason", sa.Text(), nullable=True, comment="The rejection message, for a human."
        ),
        sa.Column(
            "ingested_at", sa.DateTime(timezone=True), nullable=False, comment="When it was loaded (UTC)."
        ),
        sa.CheckConstraint(
            "(status = 'rejected' AND rejection_kind IS NOT NULL) OR (status <> 'rejected' AND rejection_kind IS NULL)",
            name=op.f("ck_dim_document_rejection_kind_iff_rejected"),
        ),
        sa.CheckConstraint(
            "status IN ('loaded', 'rejected', 'invalid')", name=op.f("ck_dim_document_status")
        ),
        sa.ForeignKeyConstraint(
            ["fiscal_year"],
            ["dim_fiscal_year.fiscal_year"],
            name=op.f("fk_dim_document_fiscal_year_dim_fiscal_year"),
        ),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["dim_municipality.municipality_id"],
            name=op.f("fk_dim_document_municipality_id_dim_municipality"),
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_dim_document")),
        sa.UniqueConstraint("sha256", name=op.f("uq_dim_document_sha256")),
        comment="One row per PDF ever loaded, including rejected ones: the provenance of every figure.",
    )
    op.create_table(
        "dim_policy_area",
        sa.Column("policy_area_id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column(
            "municipality_id",
            sa.Integer(),
            nullable=False,
            comment="Municipality the policy area belongs to.",
        ),
        sa.Column(
            "name",
            sa.String(length=200),
            nullable=False,
            comment="Politikområde from the chapter heading ('Politikområde IT' -> 'IT').",
        ),
        sa.Column(
            "committee",
            sa.String(length=200),
            nullable=True,
            comment="Udvalg (committee) the chapter is placed under, where the book states it.",
        ),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["dim_municipality.municipality_id"],
            name=op.f("fk_dim_policy_area_municipality_id_dim_municipality"),
        ),
        sa.PrimaryKeyConstraint("policy_area_id", name=op.f("pk_dim_policy_area")),
        sa.UniqueConstraint("municipality_id", "name", name=op.f("uq_dim_policy_area_municipality_name")),
        comment="Politikområde: one chapter of the accounts book.",
    )
    op.create_table(
        "dim_activity",
        sa.Column("activity_id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column(
            "policy_area_id", sa.Integer(), nullable=False, comment="Policy area the activity belongs to."
        ),
        sa.Column(
            "code",
            sa.String(length=20),
            nullable=False,
            comment="Printed number: '1' (area) or '1.a' (sub-item).",
        ),
        sa.Column(
            "label",
            sa.String(length=300),
            nullable=True,
            comment="Printed label, e.g. 'Udvikling', 'Digitaliseringspuljen'.",
        ),
        sa.Column(
            "parent_code",
            sa.String(length=20),
            nullable=True,
            comment="Code of the parent activity ('1' for '1.a'); null at top.",
        ),
        sa.Column(
            "level", sa.SmallInteger(), nullable=False, comment="1 = aktivitetsområde, 2 = sub-activity."
        ),
        sa.ForeignKeyConstraint(
            ["policy_area_id"],
            ["dim_policy_area.policy_area_id"],
            name=op.f("fk_dim_activity_policy_area_id_dim_policy_area"),
        ),
        sa.PrimaryKeyConstraint("activity_id", name=op.f("pk_dim_activity")),
        sa.UniqueConstraint("policy_area_id", "code", name=op.f("uq_dim_activity_policy_area_code")),
        comment="Aktivitetsområde and its sub-activities, from the numbered rows of the tables.",
    )
    op.create_table(
        "fact_finding",
        sa.Column("finding_id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column(
            "document_id",
            sa.Integer(),
            nullable=False,
            comment="Document the finding is about (its sha256 and file are there).",
        ),
        sa.Column(
            "sequence", sa.Integer(), nullable=False, comment="Order of the finding in the validation output."
        ),
        sa.Column(
            "rule",
            sa.String(length=80),
            nullable=False,
            comment="Validator rule name, e.g. 'schema_violation'.",
        ),
        sa.Column("severity", sa.String(length=10), nullable=False, comment="error, warning or info."),
        sa.Column(
            "is_structural",
            sa.Boolean(),
            nullable=False,
            comment="True for schema_violation: a structural error that kept the document's facts out.",
        ),
        sa.Column(
            "policy_area_id",
            sa.Integer(),
            nullable=True,
            comment="Policy area the finding is about; null for document-level findings.",
        ),
        sa.Column(
            "table_family",
            sa.String(length=30),
            nullable=True,
            comment="Table family of the checked figures.",
        ),
        sa.Column(
            "table_title", sa.String(length=300), nullable=True, comment="Printed caption of the table."
        ),
        sa.Column("row_code", sa.String(length=20), nullable=True, comment="Printed row number."),
        sa.Column("row_label", sa.String(length=300), nullable=True, comment="Printed row label."),
        sa.Column(
            "phase",
            sa.String(length=30),
            nullable=True,
            comment="Phase of the checked figure (see dim_phase).",
        ),
        sa.Column("fiscal_year", sa.Integer(), nullable=True, comment="Year of the checked figure."),
        sa.Column(
            "expected",
            sa.Numeric(precision=18, scale=4),
            nullable=True,
            comment="What the rule computes, in `unit` (e.g. thousand kr.).",
        ),
        sa.Column(
            "shown",
            sa.Numeric(precision=18, scale=4),
            nullable=True,
            comment="What the document prints, in `unit`.",
        ),
        sa.Column(
            "unit",
            sa.String(length=10),
            nullable=True,
            comment="Unit of expected/shown: '1000 DKK', 'mio DKK' or 'DKK'.",
        ),
        sa.Column("page", sa.Integer(), nullable=True, comment="1-based page of the figure."),
        sa.Column(
            "message", sa.Text(), nullable=False, comment="Explanation for a finance analyst, Danish labels."
        ),
        sa.CheckConstraint("severity IN ('error', 'warning', 'info')", name=op.f("ck_fact_finding_severity")),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["dim_document.document_id"],
            name=op.f("fk_fact_finding_document_id_dim_document"),
        ),
        sa.ForeignKeyConstraint(
            ["policy_area_id"],
            ["dim_policy_area.policy_area_id"],
            name=op.f("fk_fact_finding_policy_area_id_dim_policy_area"),
        ),
        sa.PrimaryKeyConstraint("finding_id", name=op.f("pk_fact_finding")),
        sa.UniqueConstraint("document_id", "sequence", name=op.f("uq_fact_finding_document_sequence")),
        comment="A validation finding (model.Finding): rule breaches, rounding, narrative-vs-table defects.",
    )
    op.create_table(
        "fact_amount",
        sa.Column("fact_amount_id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column("document_id", sa.Integer(), nullable=False, comment="Document the figure is printed in."),
        sa.Column(
            "policy_area_id", sa.Integer(), nullable=False, comment="Chapter (politikområde) of the table."
        ),
        sa.Column(
            "activity_id",
            sa.Integer(),
            nullable=True,
            comment="Activity of a numbered row; null for rows without a number (Drift, totals).",
        ),
        sa.Column(
            "table_family",
            sa.String(length=30),
            nullable=False,
            comment="overall_result, activity_areas, specific_assumptions or other.",
        ),
        sa.Column(
            "table_title", sa.String(length=300), nullable=False, comment="The table's printed caption."
        ),
        sa.Column(
            "account",
            sa.String(length=10),
            nullable=True,
            comment="'drift' or 'anlaeg'; null when the table does not state it.",
        ),
        sa.Column(
            "row_code",
            sa.String(length=20),
            nullable=True,
            comment="Printed row number ('1', '1.a'); null when none.",
        ),
        sa.Column(
            "row_label",
            sa.String(length=300),
            nullable=False,
            comment="Printed row label, wrapped lines joined.",
        ),
        sa.Column("is_total", sa.Boolean(), nullable=False, comment="True for the '... i alt' rows."),
        sa.Column(
            "phase",
            sa.String(length=30),
            nullable=False,
            comment="Column's phase: actual, original_budget, revised_budget, budget, variance.",
        ),
        sa.Column("measure", sa.String(length=20), nullable=False, comment="amount, quantity or unit_price."),
        sa.Column(
            "fiscal_year",
            sa.Integer(),
            nullable=True,
            comment="Year of the column ('Regnskab 2018' -> 2018).",
        ),
        sa.Column(
            "price_basis",
            sa.String(length=30),
            nullable=False,
            comment="Price level of the figure, from the chapter's notes ('unstated' when none says).",
        ),
        sa.Column(
            "value_dkk",
            sa.Numeric(precision=18, scale=2),
            nullable=True,
            comment="Exact value in DKK for amount and unit_price ('45.271' in '1.000 kr.' -> 45271000); null for quantities.",
        ),
        sa.Column(
            "quantity",
            sa.Numeric(precision=18, scale=4),
            nullable=True,
            comment="Quantity (measure 'quantity') in `unit`; null for money.",
        ),
        sa.Column(
            "unit",
            sa.String(length=60),
            nullable=False,
            comment="'DKK' for money; the row's Enhed for quantities.",
        ),
        sa.Column(
            "source_unit",
            sa.String(length=10),
            nullable=True,
            comment="Unit the table prints in: '1000 DKK', 'mio DKK', 'DKK'; null for quantities.",
        ),
        sa.Column(
            "as_printed",
            sa.String(length=60),
            nullable=False,
            comment="Cell text exactly as printed ('-1.827').",
        ),
        sa.Column(
            "sign_convention",
            sa.String(length=30),
            nullable=True,
            comment="Variance figures only: 'actual_minus_budget' ('+=underskud og -=overskud') or 'budget_minus_actual', from the table's note; null when unstated.",
        ),
        sa.Column("page", sa.Integer(), nullable=False, comment="1-based page where the figure is printed."),
        sa.Column(
            "bbox_x0",
            sa.Float(),
            nullable=True,
            comment="Left edge of the printed number, PDF points (pdfplumber x0).",
        ),
        sa.Column(
            "bbox_top", sa.Float(), nullable=True, comment="Top edge, PDF points from the top of the page."
        ),
        sa.Column("bbox_x1", sa.Float(), nullable=True, comment="Right edge, PDF points."),
        sa.Column(
            "bbox_bottom",
            sa.Float(),
            nullable=True,
            comment="Bottom edge, PDF points from the top of the page.",
        ),
        sa.CheckConstraint(
            "(measure = 'quantity' AND quantity IS NOT NULL AND value_dkk IS NULL) OR (measure <> 'quantity' AND value_dkk IS NOT NULL AND quantity IS NULL)",
            name=op.f("ck_fact_amount_one_value"),
        ),
        sa.CheckConstraint(
            "account IS NULL OR account IN ('drift', 'anlaeg')", name=op.f("ck_fact_amount_account")
        ),
        sa.CheckConstraint(
            "sign_convention IS NULL OR sign_convention IN ('actual_minus_budget', 'budget_minus_actual')",
            name=op.f("ck_fact_amount_sign_convention"),
        ),
        sa.CheckConstraint(
            "table_family IN ('overall_result', 'activity_areas', 'specific_assumptions', 'other')",
            name=op.f("ck_fact_amount_table_family"),
        ),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["dim_activity.activity_id"],
            name=op.f("fk_fact_amount_activity_id_dim_activity"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["dim_document.document_id"],
            name=op.f("fk_fact_amount_document_id_dim_document"),
        ),
        sa.ForeignKeyConstraint(
            ["fiscal_year"],
            ["dim_fiscal_year.fiscal_year"],
            name=op.f("fk_fact_amount_fiscal_year_dim_fiscal_year"),
        ),
        sa.ForeignKeyConstraint(
            ["measure"], ["dim_measure.measure"], name=op.f("fk_fact_amount_measure_dim_measure")
        ),
        sa.ForeignKeyConstraint(["phase"], ["dim_phase.phase"], name=op.f("fk_fact_amount_phase_dim_phase")),
        sa.ForeignKeyConstraint(
            ["policy_area_id"],
            ["dim_policy_area.policy_area_id"],
            name=op.f("fk_fact_amount_policy_area_id_dim_policy_area"),
        ),
        sa.ForeignKeyConstraint(
            ["price_basis"],
            ["dim_price_basis.price_basis"],
            name=op.f("fk_fact_amount_price_basis_dim_price_basis"),
        ),
        sa.PrimaryKeyConstraint("fact_amount_id", name=op.f("pk_fact_amount")),
        sa.UniqueConstraint(
            "document_id",
            "policy_area_id",
            "table_family",
            "table_title",
            "account",
            "row_label",
            "phase",
            "measure",
            "fiscal_year",
            name=op.f("uq_fact_amount_grain"),
        ),
        comment="One printed figure of a table. Grain: document x policy area x table x account x row x phase x measure x fiscal year.",
    )
    op.create_table(
        "fact_narrative_amount",
        sa.Column("narrative_amount_id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column("document_id", sa.Integer(), nullable=False, comment="Document the amount is written in."),
        sa.Column(
            "sequence", sa.Integer(), nullable=False, comment="Order of the amount in the document (from 1)."
        ),
        sa.Column("policy_area_id", sa.Integer(), nullable=False, comment="Chapter the text belongs to."),
        sa.Column(
            "activity_id",
            sa.Integer(),
            nullable=True,
            comment="Activity the sentence is about; null when it speaks of the whole policy area.",
        ),
        sa.Column(
            "note",
            sa.String(length=10),
            nullable=True,
            comment="Numbered note ('1a'); null for the chapter's opening text.",
        ),
        sa.Column(
            "row_code", sa.String(length=20), nullable=True, comment="Table row the note refers to ('1.a')."
        ),
        sa.Column(
            "kind",
            sa.String(length=30),
            nullable=False,
            comment="surplus, deficit, expense, income, carry_over_requested or budget.",
        ),
        sa.Column(
            "account",
            sa.String(length=10),
            nullable=True,
            comment="'anlaeg' when the sentence is about Anlæg, else null.",
        ),
        sa.Column(
            "value_dkk",
            sa.Numeric(precision=18, scale=2),
            nullable=False,
            comment="Exact amount in DKK ('1,8 mio. kr.' -> 1800000).",
        ),
        sa.Column(
            "to_year",
            sa.Integer(),
            nullable=True,
            comment="carry_over_requested: the year it is requested carried to.",
        ),
        sa.Column(
            "as_printed", sa.String(length=60), nullable=False, comment="Amount as written ('746.810 kr.')."
        ),
        sa.Column(
            "source_unit",
            sa.String(length=10),
            nullable=False,
            comment="'DKK' or 'mio DKK' (printed precision).",
        ),
        sa.Column("sentence", sa.Text(), nullable=False, comment="The sentence the amount was read from."),
        sa.Column("page", sa.Integer(), nullable=False, comment="1-based page."),
        sa.Column(
            "bbox_x0",
            sa.Float(),
            nullable=True,
            comment="Left edge of the printed number, PDF points (pdfplumber x0).",
        ),
        sa.Column(
            "bbox_top", sa.Float(), nullable=True, comment="Top edge, PDF points from the top of the page."
        ),
        sa.Column("bbox_x1", sa.Float(), nullable=True, comment="Right edge, PDF points."),
        sa.Column(
            "bbox_bottom",
            sa.Float(),
            nullable=True,
            comment="Bottom edge, PDF points from the top of the page.",
        ),
        sa.CheckConstraint(
            "kind IN ('surplus', 'deficit', 'expense', 'income', 'carry_over_requested', 'budget')",
            name=op.f("ck_fact_narrative_amount_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["dim_activity.activity_id"],
            name=op.f("fk_fact_narrative_amount_activity_id_dim_activity"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["dim_document.document_id"],
            name=op.f("fk_fact_narrative_amount_document_id_dim_document"),
        ),
        sa.ForeignKeyConstraint(
            ["policy_area_id"],
            ["dim_policy_area.policy_area_id"],
            name=op.f("fk_fact_narrative_amount_policy_area_id_dim_policy_area"),
        ),
        sa.PrimaryKeyConstraint("narrative_amount_id", name=op.f("pk_fact_narrative_amount")),
        sa.UniqueConstraint(
            "document_id", "sequence", name=op.f("uq_fact_narrative_amount_document_sequence")
        ),
        comment="An amount quoted in the chapter's text (opening text and numbered notes).",
    )
    op.bulk_insert(
        sa.table(
            "dim_phase", sa.column("phase"), sa.column("label_da"), sa.column("fiscal_data_package_phase")
        ),
        [
            {"phase": "actual", "label_da": "Regnskab", "fiscal_data_package_phase": "executed"},
            {
                "phase": "original_budget",
                "label_da": "Oprindeligt budget",
                "fiscal_data_package_phase": "approved",
            },
            {
                "phase": "revised_budget",
                "label_da": "Korrigeret budget",
                "fiscal_data_package_phase": "adjusted",
            },
            {"phase": "budget", "label_da": "Budget", "fiscal_data_package_phase": None},
            {"phase": "variance", "label_da": "Over-/underskud", "fiscal_data_package_phase": None},
            {"phase": "carry_over_requested", "label_da": "Søgt overført", "fiscal_data_package_phase": None},
        ],
    )
    op.bulk_insert(
        sa.table("dim_measure", sa.column("measure"), sa.column("label_da"), sa.column("unit")),
        [
            {"measure": "amount", "label_da": "Beløb", "unit": "DKK"},
            {"measure": "quantity", "label_da": "Mængde", "unit": "the row's Enhed"},
            {"measure": "unit_price", "label_da": "Gns. pris i kr.", "unit": "DKK"},
        ],
    )
    _create_views()


def downgrade() -> None:
    _drop_views()
    op.drop_table("fact_narrative_amount")
    op.drop_table("fact_amount")
    op.drop_table("fact_finding")
    op.drop_table("dim_activity")
    op.drop_table("dim_policy_area")
    op.drop_table("dim_document")
    op.drop_table("dim_price_index")
    op.drop_table("dim_price_basis")
    op.drop_table("dim_phase")
    op.drop_table("dim_municipality")
    op.drop_table("dim_measure")
    op.drop_table("dim_fiscal_year")
