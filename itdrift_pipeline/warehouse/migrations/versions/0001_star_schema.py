# ruff: noqa: E501  (generated DDL: comments are one string each, as the database stores them)
"""Star schema: dimensions, facts, price index, reference rows and the BI views.

Revision ID: 0001
Revises:
Create Date: 2026-11-27 01:31:00.788131

The reference rows of dim_phase and dim_measure are frozen here (schema.PHASE_ROWS and MEASURE_ROWS must
agree; a test checks). The views are created from itdrift_pipeline.warehouse.views; a revision that
changes a view or a column a view reads drops the views first and recreates them last.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from itdrift_pipeline.warehouse import views

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


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
    views.create_views(op.get_bind())


def downgrade() -> None:
    views.drop_views(op.get_bind())
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
