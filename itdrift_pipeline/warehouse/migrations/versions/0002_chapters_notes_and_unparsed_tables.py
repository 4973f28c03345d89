# ruff: noqa: E501  (generated DDL: comments are one string each, as the database stores them)
"""Chapters, notes and unparsed tables: dim_document_chapter, fact_note, fact_unknown_table, v_unparsed_tables.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 02:11:08.097327

Only adds tables and a view, so a warehouse at 0001 upgrades in place and keeps its rows; documents loaded
before this revision have no notes, chapters or unparsed tables until they are loaded again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The views this revision creates, frozen as it created them: views.py holds the latest definitions,
# and a later revision that changes a view replaces it with a frozen copy of its own.
VIEWS_SQL = {
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


def _create_views() -> None:
    for sql in VIEWS_SQL.values():
        op.get_bind().exec_driver_sql(sql)


def _drop_views() -> None:
    for name in reversed(VIEWS_SQL):
        op.get_bind().exec_driver_sql(f"DROP VIEW IF EXISTS {name}")


def upgrade() -> None:
    op.create_table(
        "dim_document_chapter",
        sa.Column("document_id", sa.Integer(), nullable=False, comment="Document the chapter is printed in."),
        sa.Column(
            "policy_area_id",
            sa.Integer(),
            nullable=False,
            comment="Policy area (politikområde) the chapter is about.",
        ),
        sa.Column(
            "title",
            sa.String(length=300),
            nullable=False,
            comment="Chapter heading as printed ('Politikområde IT').",
        ),
        sa.Column(
            "committee",
            sa.String(length=200),
            nullable=True,
            comment="Udvalg as this document prints it above the chapter; null when it does not say.",
        ),
        sa.Column("first_page", sa.Integer(), nullable=False, comment="1-based first page of the chapter."),
        sa.Column("last_page", sa.Integer(), nullable=False, comment="1-based last page of the chapter."),
        sa.CheckConstraint(
            "first_page >= 1 AND last_page >= first_page", name=op.f("ck_dim_document_chapter_page_range")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["dim_document.document_id"],
            name=op.f("fk_dim_document_chapter_document_id_dim_document"),
        ),
        sa.ForeignKeyConstraint(
            ["policy_area_id"],
            ["dim_policy_area.policy_area_id"],
            name=op.f("fk_dim_document_chapter_policy_area_id_dim_policy_area"),
        ),
        sa.PrimaryKeyConstraint("document_id", "policy_area_id", name=op.f("pk_dim_document_chapter")),
        comment="Where each chapter (politikområde) is printed in each document, and under which committee. Grain: document x policy area.",
    )
    op.create_table(
        "fact_note",
        sa.Column("note_id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column("document_id", sa.Integer(), nullable=False, comment="Document the note is printed in."),
        sa.Column(
            "sequence", sa.Integer(), nullable=False, comment="Order of the note in the document (from 1)."
        ),
        sa.Column(
            "policy_area_id",
            sa.Integer(),
            nullable=False,
            comment="Chapter (politikområde) the note belongs to.",
        ),
        sa.Column(
            "table_family",
            sa.String(length=30),
            nullable=True,
            comment="Family of the table the note annotates; null for a note on the whole chapter.",
        ),
        sa.Column(
            "table_title",
            sa.String(length=300),
            nullable=True,
            comment="Printed caption of the annotated table.",
        ),
        sa.Column(
            "kind",
            sa.String(length=20),
            nullable=False,
            comment="price_year ('Regnskab 2018 er i 2018-priser'), variance_sign ('+=underskud og -=overskud'), amount_sign ('+= udgift; -= indtægt') or other.",
        ),
        sa.Column("text", sa.Text(), nullable=False, comment="The note's text as printed, without 'Anm.'."),
        sa.Column(
            "fiscal_year",
            sa.Integer(),
            nullable=True,
            comment="price_year notes: year of the column the note is about; else null.",
        ),
        sa.Column(
            "price_year",
            sa.Integer(),
            nullable=True,
            comment="price_year notes: the price level stated (fact_amount.price_basis 'current_<year>' comes from here); else null.",
        ),
        sa.Column(
            "phase",
            sa.String(length=30),
            nullable=True,
            comment="price_year notes: phase of the column ('Regnskab 2018' -> actual); else null.",
        ),
        sa.Column(
            "sign_convention",
            sa.String(length=30),
            nullable=True,
            comment="variance_sign notes: 'actual_minus_budget' or 'budget_minus_actual' (the fact_amount.sign_convention of the table's variances); else null.",
        ),
        sa.Column("page", sa.Integer(), nullable=False, comment="1-based page where the note is printed."),
        sa.CheckConstraint(
            "kind IN ('price_year', 'variance_sign', 'amount_sign', 'other')", name=op.f("ck_fact_note_kind")
        ),
        sa.CheckConstraint(
            "sign_convention IS NULL OR sign_convention IN ('actual_minus_budget', 'budget_minus_actual')",
            name=op.f("ck_fact_note_sign_convention"),
        ),
        sa.CheckConstraint(
            "table_family IS NULL OR table_family IN ('overall_result', 'activity_areas', 'specific_assumptions', 'other')",
            name=op.f("ck_fact_note_table_family"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["dim_document.document_id"], name=op.f("fk_fact_note_document_id_dim_document")
        ),
        sa.ForeignKeyConstraint(
            ["fiscal_year"],
            ["dim_fiscal_year.fiscal_year"],
            name=op.f("fk_fact_note_fiscal_year_dim_fiscal_year"),
        ),
        sa.ForeignKeyConstraint(["phase"], ["dim_phase.phase"], name=op.f("fk_fact_note_phase_dim_phase")),
        sa.ForeignKeyConstraint(
            ["policy_area_id"],
            ["dim_policy_area.policy_area_id"],
            name=op.f("fk_fact_note_policy_area_id_dim_policy_area"),
        ),
        sa.PrimaryKeyConstraint("note_id", name=op.f("pk_fact_note")),
        sa.UniqueConstraint("document_id", "sequence", name=op.f("uq_fact_note_document_sequence")),
        comment="A note (Anm.) printed under a table or in a chapter: where figures get their price year and sign convention from.",
    )
    op.create_table(
        "fact_unknown_table",
        sa.Column("unknown_table_id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column("document_id", sa.Integer(), nullable=False, comment="Document the table is printed in."),
        sa.Column(
            "sequence", sa.Integer(), nullable=False, comment="Order of the table in the document (from 1)."
        ),
        sa.Column(
            "policy_area_id",
            sa.Integer(),
            nullable=True,
            comment="Chapter the table is printed in; null when it is outside every chapter.",
        ),
        sa.Column("page", sa.Integer(), nullable=False, comment="1-based page of the table."),
        sa.Column(
            "bbox_x0",
            sa.Float(),
            nullable=True,
            comment="Left edge of the table, PDF points (pdfplumber x0).",
        ),
        sa.Column(
            "bbox_top",
            sa.Float(),
            nullable=True,
            comment="Top edge of the table, PDF points from the top of the page.",
        ),
        sa.Column("bbox_x1", sa.Float(), nullable=True, comment="Right edge of the table, PDF points."),
        sa.Column(
            "bbox_bottom",
            sa.Float(),
            nullable=True,
            comment="Bottom edge of the table, PDF points from the top of the page.",
        ),
        sa.Column("row_count", sa.Integer(), nullable=False, comment="Number of rows read, header included."),
        sa.Column(
            "cells_json",
            sa.Text(),
            nullable=False,
            comment='The cells as read, a JSON array of rows of strings (null for an empty cell), e.g. [["Skoledistrikt", "Antal elever"], ["Distrikt Nord", "1.834"]].',
        ),
        sa.Column(
            "reason", sa.Text(), nullable=False, comment="Why the extractor could not interpret the table."
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["dim_document.document_id"],
            name=op.f("fk_fact_unknown_table_document_id_dim_document"),
        ),
        sa.ForeignKeyConstraint(
            ["policy_area_id"],
            ["dim_policy_area.policy_area_id"],
            name=op.f("fk_fact_unknown_table_policy_area_id_dim_policy_area"),
        ),
        sa.PrimaryKeyConstraint("unknown_table_id", name=op.f("pk_fact_unknown_table")),
        sa.UniqueConstraint("document_id", "sequence", name=op.f("uq_fact_unknown_table_document_sequence")),
        comment="A table the extractor found but could not interpret: no figures are taken from it; its cells are kept so an analyst can read it.",
    )
    _create_views()


def downgrade() -> None:
    _drop_views()
    op.drop_table("fact_unknown_table")
    op.drop_table("fact_note")
    op.drop_table("dim_document_chapter")
