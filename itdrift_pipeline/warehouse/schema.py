"""The warehouse star schema: one SQLAlchemy MetaData that is also the data dictionary.

Every table and column carries its comment (rendered into docs/warehouse.md); constraints are named by
NAMING_CONVENTION so migrations can refer to them; natural keys are explicit unique constraints.
"""

from __future__ import annotations

import sqlalchemy as sa

from itdrift_pipeline import model
from itdrift_pipeline.warehouse.dialect import ExactNumeric

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(constraint_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)

# Money: exact decimal in DKK with øre (exact on SQLite too, see ExactNumeric). Quantities and index
# values get more decimals.
MONEY = ExactNumeric(18, 2)
MONEY_SCALE, MONEY_PRECISION = 2, 18
QUANTITY = ExactNumeric(18, 4)
QUANTITY_SCALE, QUANTITY_PRECISION = 4, 18
INDEX_VALUE = ExactNumeric(18, 6)

DOCUMENT_STATUSES = ("loaded", "rejected", "invalid")
# dim_price_basis.basis; model.PRICE_BASES ("current", "fixed", None) maps onto the first three.
PRICE_BASES = ("current_prices", "fixed_prices", "unstated")

# Reference rows of the small dimensions. The first migration inserts its own frozen copy; a test checks
# the two agree so a new phase needs a migration.
PHASE_ROWS = (
    {"phase": "actual", "label_da": "Regnskab", "fiscal_data_package_phase": "executed"},
    {"phase": "original_budget", "label_da": "Oprindeligt budget", "fiscal_data_package_phase": "approved"},
    {"phase": "revised_budget", "label_da": "Korrigeret budget", "fiscal_data_package_phase": "adjusted"},
    {"phase": "budget", "label_da": "Budget", "fiscal_data_package_phase": None},
    {"phase": "variance", "label_da": "Over-/underskud", "fiscal_data_package_phase": None},
    {"phase": "carry_over_requested", "label_da": "Søgt overført", "fiscal_data_package_phase": None},
    # Revision 0003. None of the three is a Fiscal Data Package phase: a forecast is not executed; an
    # overslagsår is an indicative projection, not an adopted budget; an appropriation (anlægsbevilling)
    # spans a capital project's life, not a fiscal year, and mapping it to 'approved' beside
    # original_budget would make a BI tool that pivots on the package phase add the two.
    {"phase": "forecast", "label_da": "Forventet regnskab", "fiscal_data_package_phase": None},
    {"phase": "budget_estimate", "label_da": "Budgetoverslagsår", "fiscal_data_package_phase": None},
    {"phase": "appropriation", "label_da": "Bevilling", "fiscal_data_package_phase": None},
)
MEASURE_ROWS = (
    {"measure": "amount", "label_da": "Beløb", "unit": "DKK"},
    {"measure": "quantity", "label_da": "Mængde", "unit": "the row's Enhed"},
    {"measure": "unit_price", "label_da": "Gns. pris i kr.", "unit": "DKK"},
)


def _in(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"


def _null_or_in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IS NULL OR {_in(column, values)}"


# fact_amount columns of the Fact fields in model.FACT_GRAIN; the grain constraint is the document and these.
_GRAIN_COLUMN_OF = {"policy_area": "policy_area_id", "table": "table_family"}
FACT_GRAIN_COLUMNS = ("document_id", *(_GRAIN_COLUMN_OF.get(name, name) for name in model.FACT_GRAIN))


PART_OF_COMMENT = (
    "Label of the row this row breaks down ('Heraf:' under 'Dagtilbud': its rows and its 'Heraf i alt' are "
    "part of Dagtilbud); null for every other row. Sum a table over part_of null only: a breakdown repeats "
    "(some of) its parent."
)


def _bbox_columns() -> list[sa.Column]:
    return [
        sa.Column(
            "bbox_x0", sa.Float, comment="Left edge of the printed number, PDF points (pdfplumber x0)."
        ),
        sa.Column("bbox_top", sa.Float, comment="Top edge, PDF points from the top of the page."),
        sa.Column("bbox_x1", sa.Float, comment="Right edge, PDF points."),
        sa.Column("bbox_bottom", sa.Float, comment="Bottom edge, PDF points from the top of the page."),
    ]


# --- Dimensions -----------------------------------------------------------------------------------

dim_municipality = sa.Table(
    "dim_municipality",
    metadata,
    sa.Column("municipality_id", sa.Integer, primary_key=True, comment="Surrogate key."),
    sa.Column(
        "name",
        sa.String(100),
        nullable=False,
        comment="Municipality as printed on the title page, e.g. 'Næstved Kommune'; "
        "'(not stated)' when the document does not say.",
    ),
    sa.UniqueConstraint("name", name="name"),
    comment="Kommune: the municipality that published the accounts.",
)

dim_fiscal_year = sa.Table(
    "dim_fiscal_year",
    metadata,
    sa.Column(
        "fiscal_year",
        sa.Integer,
        primary_key=True,
        autoincrement=False,
        comment="Calendar year of the accounts (Danish municipalities' fiscal year is the calendar year).",
    ),
    comment="Regnskabsår: every year that appears on a document, a figure or a price basis.",
)

dim_document = sa.Table(
    "dim_document",
    metadata,
    sa.Column("document_id", sa.Integer, primary_key=True, comment="Surrogate key; changes on reload."),
    sa.Column(
        "sha256",
        sa.String(64),
        nullable=False,
        comment="SHA-256 of the PDF bytes: the document's identity (a reload replaces the same sha256).",
    ),
    sa.Column(
        "file", sa.String(500), nullable=False, comment="The PDF as the loader was given it (path or name)."
    ),
    sa.Column(
        "municipality_id",
        sa.Integer,
        sa.ForeignKey("dim_municipality.municipality_id"),
        comment="Publishing municipality; null for a rejected document.",
    ),
    sa.Column(
        "report_type",
        sa.String(20),
        comment="'regnskab' (accounts), 'budgetopfoelgning' (in-year follow-up), 'forventet_regnskab' "
        "(forecast) or 'budget'; null when unknown.",
    ),
    sa.Column(
        "fiscal_year",
        sa.Integer,
        sa.ForeignKey("dim_fiscal_year.fiscal_year"),
        comment="The year the report is about (its title: 'Regnskab 2020').",
    ),
    sa.Column("pages", sa.Integer, comment="Number of pages; null when the PDF could not be opened."),
    sa.Column("size_bytes", sa.BigInteger, comment="File size in bytes."),
    sa.Column(
        "status",
        sa.String(10),
        nullable=False,
        comment="'loaded' (facts stored), 'rejected' (unreadable PDF, no facts) or 'invalid' "
        "(structural errors from validation, no facts, findings stored).",
    ),
    sa.Column(
        "rejection_kind",
        sa.String(40),
        comment="Why a rejected PDF could not be read: empty_file, not_a_pdf, corrupt_pdf, damaged_pdf, "
        "encrypted_pdf, no_text_layer, no_accounts_tables, too_large.",
    ),
    sa.Column("rejection_reason", sa.Text, comment="The rejection message, for a human."),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False, comment="When it was loaded (UTC)."),
    sa.UniqueConstraint("sha256", name="sha256"),
    sa.CheckConstraint(_in("status", DOCUMENT_STATUSES), name="status"),
    sa.CheckConstraint(
        "(status = 'rejected' AND rejection_kind IS NOT NULL) "
        "OR (status <> 'rejected' AND rejection_kind IS NULL)",
        name="rejection_kind_iff_rejected",
    ),
    comment="One row per PDF ever loaded, including rejected ones: the provenance of every figure.",
)

dim_policy_area = sa.Table(
    "dim_policy_area",
    metadata,
    sa.Column("policy_area_id", sa.Integer, primary_key=True, comment="Surrogate key."),
    sa.Column(
        "municipality_id",
        sa.Integer,
        sa.ForeignKey("dim_municipality.municipality_id"),
        nullable=False,
        comment="Municipality the policy area belongs to.",
    ),
    sa.Column(
        "name",
        sa.String(200),
        nullable=False,
        comment="Politikområde from the chapter heading ('Politikområde IT' -> 'IT').",
    ),
    sa.Column(
        "committee",
        sa.String(200),
        comment="Udvalg (committee) the chapter is placed under, where the book states it.",
    ),
    sa.UniqueConstraint("municipality_id", "name", name="municipality_name"),
    comment="Politikområde: one chapter of the accounts book.",
)

dim_activity = sa.Table(
    "dim_activity",
    metadata,
    sa.Column("activity_id", sa.Integer, primary_key=True, comment="Surrogate key."),
    sa.Column(
        "policy_area_id",
        sa.Integer,
        sa.ForeignKey("dim_policy_area.policy_area_id"),
        nullable=False,
        comment="Policy area the activity belongs to.",
    ),
    sa.Column(
        "code", sa.String(20), nullable=False, comment="Printed number: '1' (area) or '1.a' (sub-item)."
    ),
    sa.Column("label", sa.String(300), comment="Printed label, e.g. 'Udvikling', 'Digitaliseringspuljen'."),
    sa.Column(
        "parent_code", sa.String(20), comment="Code of the parent activity ('1' for '1.a'); null at top."
    ),
    sa.Column("level", sa.SmallInteger, nullable=False, comment="1 = aktivitetsområde, 2 = sub-activity."),
    sa.UniqueConstraint("policy_area_id", "code", name="policy_area_code"),
    comment="Aktivitetsområde and its sub-activities, from the numbered rows of the tables.",
)

dim_phase = sa.Table(
    "dim_phase",
    metadata,
    sa.Column("phase", sa.String(30), primary_key=True, comment="Phase code used in facts and findings."),
    sa.Column("label_da", sa.String(100), nullable=False, comment="Danish column heading."),
    sa.Column(
        "fiscal_data_package_phase",
        sa.String(20),
        comment="Open Fiscal Data Package budget phase (approved, adjusted, executed); null where the "
        "concept has none (variance, unspecified budget, carry-over, forecast, overslagsår, appropriation).",
    ),
    comment="Budget phase of a figure: Regnskab, Opr. budget, Korr. budget, Budget, Over-/underskud, "
    "Søgt overført, Forventet regnskab, Budgetoverslagsår, Bevilling.",
)

dim_measure = sa.Table(
    "dim_measure",
    metadata,
    sa.Column("measure", sa.String(20), primary_key=True, comment="amount, quantity or unit_price."),
    sa.Column("label_da", sa.String(100), nullable=False, comment="Danish column heading."),
    sa.Column("unit", sa.String(40), nullable=False, comment="Unit of the stored value."),
    comment="What a figure measures: a money amount, a quantity (Mængde) or an average unit price.",
)

dim_price_basis = sa.Table(
    "dim_price_basis",
    metadata,
    sa.Column(
        "price_basis",
        sa.String(30),
        primary_key=True,
        comment="'current_2020' for 2020 current prices, 'fixed_2021' for a figure restated in 2021 prices; "
        "'unstated' when no note states the price year.",
    ),
    sa.Column(
        "price_year", sa.Integer, comment="Price level year (from '... er i 2020-priser'); null if unstated."
    ),
    sa.Column(
        "basis",
        sa.String(20),
        nullable=False,
        comment="'current_prices' (nominal, in the prices of its own year, price_year), 'fixed_prices' "
        "(restated in the prices of price_year, another year) or 'unstated'.",
    ),
    sa.Column("label_da", sa.String(100), nullable=False, comment="Danish label, e.g. '2020-priser'."),
    sa.CheckConstraint(_in("basis", PRICE_BASES), name="basis"),
    sa.CheckConstraint(
        "(basis = 'unstated' AND price_year IS NULL) OR (basis <> 'unstated' AND price_year IS NOT NULL)",
        name="price_year_iff_stated",
    ),
    comment="Price level of a figure, read from the chapter's notes, never assumed.",
)

dim_price_index = sa.Table(
    "dim_price_index",
    metadata,
    sa.Column(
        "index_name",
        sa.String(100),
        nullable=False,
        comment="Name given at load, e.g. 'KL pris- og lønskøn'.",
    ),
    sa.Column("year", sa.Integer, nullable=False, comment="Year the index value applies to."),
    sa.Column("value", INDEX_VALUE, nullable=False, comment="Index level for the year (any base)."),
    sa.Column("base_year", sa.Integer, comment="Year the source sets to 100, when the user stated it."),
    sa.Column(
        "source", sa.Text, nullable=False, comment="Where the numbers come from (publication, URL, date)."
    ),
    sa.Column(
        "loaded_at", sa.DateTime(timezone=True), nullable=False, comment="When the CSV was loaded (UTC)."
    ),
    sa.PrimaryKeyConstraint("index_name", "year"),
    comment="Price/wage index the user supplies as CSV (itdrift price-index load); the project ships none.",
)

# --- Facts ----------------------------------------------------------------------------------------

fact_amount = sa.Table(
    "fact_amount",
    metadata,
    sa.Column("fact_amount_id", sa.Integer, primary_key=True, comment="Surrogate key."),
    sa.Column(
        "document_id",
        sa.Integer,
        sa.ForeignKey("dim_document.document_id"),
        nullable=False,
        comment="Document the figure is printed in.",
    ),
    sa.Column(
        "policy_area_id",
        sa.Integer,
        sa.ForeignKey("dim_policy_area.policy_area_id"),
        nullable=False,
        comment="Chapter (politikområde) of the table.",
    ),
    sa.Column(
        "activity_id",
        sa.Integer,
        sa.ForeignKey("dim_activity.activity_id"),
        comment="Activity of a numbered row; null for rows without a number (Drift, totals).",
    ),
    sa.Column(
        "table_family",
        sa.String(30),
        nullable=False,
        comment="overall_result, activity_areas, specific_assumptions or other.",
    ),
    sa.Column("table_title", sa.String(300), nullable=False, comment="The table's printed caption."),
    sa.Column(
        "account", sa.String(10), comment="'drift' or 'anlaeg'; null when the table does not state it."
    ),
    sa.Column("row_code", sa.String(20), comment="Printed row number ('1', '1.a'); null when none."),
    sa.Column(
        "row_label", sa.String(300), nullable=False, comment="Printed row label, wrapped lines joined."
    ),
    sa.Column("part_of", sa.String(300), comment=PART_OF_COMMENT),
    sa.Column("is_total", sa.Boolean, nullable=False, comment="True for the '... i alt' rows."),
    sa.Column(
        "phase",
        sa.String(30),
        sa.ForeignKey("dim_phase.phase"),
        nullable=False,
        comment="Column's phase: actual, original_budget, revised_budget, budget, variance, forecast, "
        "budget_estimate, appropriation (see dim_phase).",
    ),
    sa.Column(
        "measure",
        sa.String(20),
        sa.ForeignKey("dim_measure.measure"),
        nullable=False,
        comment="amount, quantity or unit_price.",
    ),
    sa.Column(
        "fiscal_year",
        sa.Integer,
        sa.ForeignKey("dim_fiscal_year.fiscal_year"),
        comment="Year of the column ('Regnskab 2018' -> 2018).",
    ),
    sa.Column(
        "price_basis",
        sa.String(30),
        sa.ForeignKey("dim_price_basis.price_basis"),
        nullable=False,
        comment="Price level of the figure, from the chapter's notes ('current_<year>', 'fixed_<year>'; "
        "'unstated' when none says).",
    ),
    sa.Column(
        "value_dkk",
        MONEY,
        comment="Exact value in DKK for amount and unit_price ('45.271' in '1.000 kr.' -> 45271000); "
        "null for quantities.",
    ),
    sa.Column("quantity", QUANTITY, comment="Quantity (measure 'quantity') in `unit`; null for money."),
    sa.Column(
        "unit", sa.String(60), nullable=False, comment="'DKK' for money; the row's Enhed for quantities."
    ),
    sa.Column(
        "source_unit",
        sa.String(10),
        comment="Unit the table prints in: '1000 DKK', 'mio DKK', 'mia DKK', 'DKK'; null for quantities.",
    ),
    sa.Column(
        "as_printed", sa.String(60), nullable=False, comment="Cell text exactly as printed ('-1.827')."
    ),
    sa.Column(
        "sign_convention",
        sa.String(30),
        comment="Variance figures only: 'actual_minus_budget' ('+=underskud og -=overskud') or "
        "'budget_minus_actual', from the table's note; null when unstated.",
    ),
    sa.Column("page", sa.Integer, nullable=False, comment="1-based page where the figure is printed."),
    *_bbox_columns(),
    sa.Column(
        "flow",
        sa.String(20),
        comment="'expenditure', 'income' or 'net' where the table splits them (Udgifter / Indtægter / "
        "Netto columns, rows marked U / I); null otherwise. Sum a policy area over null and 'net' only.",
    ),
    sa.Column(
        "year_source",
        sa.String(10),
        comment="Where fiscal_year was printed: 'header' (the column), 'caption', 'heading' or 'title' "
        "(the innermost that states it); null when fiscal_year is null or for rows loaded before 0003.",
    ),
    sa.Column(
        "period",
        sa.String(10),
        comment="The part of the fiscal year a month or quarter column covers: 'M01'..'M12' (Jan .. Dec), "
        "'Q1'..'Q4' (1. .. 4. kvartal); null for a figure of the whole fiscal year. Sum or compare years "
        "over null only: the months are printed beside their year total.",
    ),
    sa.UniqueConstraint(*FACT_GRAIN_COLUMNS, name="grain"),
    sa.CheckConstraint(_in("table_family", model.TABLE_FAMILIES), name="table_family"),
    sa.CheckConstraint("account IS NULL OR " + _in("account", model.ACCOUNTS), name="account"),
    sa.CheckConstraint(
        "(measure = 'quantity' AND quantity IS NOT NULL AND value_dkk IS NULL) "
        "OR (measure <> 'quantity' AND value_dkk IS NOT NULL AND quantity IS NULL)",
        name="one_value",
    ),
    sa.CheckConstraint(
        "sign_convention IS NULL OR " + _in("sign_convention", model.SIGN_CONVENTIONS),
        name="sign_convention",
    ),
    sa.CheckConstraint(_null_or_in("flow", model.FLOWS), name="flow"),
    sa.CheckConstraint(_null_or_in("year_source", model.YEAR_SOURCES), name="year_source"),
    sa.CheckConstraint(_null_or_in("source_unit", model.SOURCE_UNITS), name="source_unit"),
    sa.CheckConstraint(_null_or_in("period", model.PERIODS), name="period"),
    comment="One printed figure of a table. Grain: document x policy area x table x account x row "
    "(code and label) x flow x phase x measure x fiscal year x period.",
)

fact_narrative_amount = sa.Table(
    "fact_narrative_amount",
    metadata,
    sa.Column("narrative_amount_id", sa.Integer, primary_key=True, comment="Surrogate key."),
    sa.Column(
        "document_id",
        sa.Integer,
        sa.ForeignKey("dim_document.document_id"),
        nullable=False,
        comment="Document the amount is written in.",
    ),
    sa.Column(
        "sequence", sa.Integer, nullable=False, comment="Order of the amount in the document (from 1)."
    ),
    sa.Column(
        "policy_area_id",
        sa.Integer,
        sa.ForeignKey("dim_policy_area.policy_area_id"),
        nullable=False,
        comment="Chapter the text belongs to.",
    ),
    sa.Column(
        "activity_id",
        sa.Integer,
        sa.ForeignKey("dim_activity.activity_id"),
        comment="Activity the sentence is about; null when it speaks of the whole policy area.",
    ),
    sa.Column("note", sa.String(10), comment="Numbered note ('1a'); null for the chapter's opening text."),
    sa.Column("row_code", sa.String(20), comment="Table row the note refers to ('1.a')."),
    sa.Column(
        "kind",
        sa.String(30),
        nullable=False,
        comment="surplus, deficit, expense, income, carry_over_requested, budget, actual, unit_price, "
        "overspend (merforbrug), underspend (mindreforbrug) or transfer (overført).",
    ),
    sa.Column("account", sa.String(10), comment="'anlaeg' when the sentence is about Anlæg, else null."),
    sa.Column("value_dkk", MONEY, nullable=False, comment="Exact amount in DKK ('1,8 mio. kr.' -> 1800000)."),
    sa.Column("to_year", sa.Integer, comment="carry_over_requested: the year it is requested carried to."),
    sa.Column("as_printed", sa.String(60), nullable=False, comment="Amount as written ('746.810 kr.')."),
    sa.Column(
        "source_unit",
        sa.String(10),
        nullable=False,
        comment="'DKK', 'mio DKK' or 'mia DKK' (printed precision).",
    ),
    sa.Column("sentence", sa.Text, nullable=False, comment="The sentence the amount was read from."),
    sa.Column("page", sa.Integer, nullable=False, comment="1-based page."),
    *_bbox_columns(),
    sa.Column(
        "phase",
        sa.String(30),
        sa.ForeignKey("dim_phase.phase"),
        comment="unit_price and quantity amounts: the phase spoken of ('budgetteret med' -> budget, "
        "'regnskabet viser' -> actual); else null.",
    ),
    sa.UniqueConstraint("document_id", "sequence", name="document_sequence"),
    sa.CheckConstraint(_in("kind", model.NARRATIVE_KINDS), name="kind"),
    sa.CheckConstraint(_in("source_unit", model.SOURCE_UNITS), name="source_unit"),
    comment="An amount quoted in the chapter's text (opening text and numbered notes).",
)

fact_finding = sa.Table(
    "fact_finding",
    metadata,
    sa.Column("finding_id", sa.Integer, primary_key=True, comment="Surrogate key."),
    sa.Column(
        "document_id",
        sa.Integer,
        sa.ForeignKey("dim_document.document_id"),
        nullable=False,
        comment="Document the finding is about (its sha256 and file are there).",
    ),
    sa.Column(
        "sequence", sa.Integer, nullable=False, comment="Order of the finding in the validation output."
    ),
    sa.Column("rule", sa.String(80), nullable=False, comment="Validator rule name, e.g. 'schema_violation'."),
    sa.Column("severity", sa.String(10), nullable=False, comment="error, warning or info."),
    sa.Column(
        "is_structural",
        sa.Boolean,
        nullable=False,
        comment="True for schema_violation: a structural error that kept the document's facts out.",
    ),
    sa.Column(
        "policy_area_id",
        sa.Integer,
        sa.ForeignKey("dim_policy_area.policy_area_id"),
        comment="Policy area the finding is about; null for document-level findings.",
    ),
    sa.Column("table_family", sa.String(30), comment="Table family of the checked figures."),
    sa.Column("table_title", sa.String(300), comment="Printed caption of the table."),
    sa.Column("row_code", sa.String(20), comment="Printed row number."),
    sa.Column("row_label", sa.String(300), comment="Printed row label."),
    sa.Column("phase", sa.String(30), comment="Phase of the checked figure (see dim_phase)."),
    sa.Column("fiscal_year", sa.Integer, comment="Year of the checked figure."),
    sa.Column("expected", QUANTITY, comment="What the rule computes, in `unit` (e.g. thousand kr.)."),
    sa.Column("shown", QUANTITY, comment="What the document prints, in `unit`."),
    sa.Column("unit", sa.String(10), comment="Unit of expected/shown: '1000 DKK', 'mio DKK' or 'DKK'."),
    sa.Column("page", sa.Integer, comment="1-based page of the figure."),
    sa.Column(
        "message", sa.Text, nullable=False, comment="Explanation for a finance analyst, Danish labels."
    ),
    sa.Column("bbox_x0", sa.Float, comment="Left edge of the cell the finding is about, PDF points."),
    sa.Column("bbox_top", sa.Float, comment="Top edge of that cell, PDF points from the top of the page."),
    sa.Column("bbox_x1", sa.Float, comment="Right edge of that cell, PDF points."),
    sa.Column("bbox_bottom", sa.Float, comment="Bottom edge of that cell, PDF points from the page top."),
    sa.Column(
        "compared_page",
        sa.Integer,
        comment="1-based page of the cell the rule holds it against (the other table's figure, the table "
        "figure the text speaks of); null for rules that compare no single cell.",
    ),
    sa.Column("compared_bbox_x0", sa.Float, comment="Left edge of the compared cell, PDF points."),
    sa.Column("compared_bbox_top", sa.Float, comment="Top edge of the compared cell, PDF points."),
    sa.Column("compared_bbox_x1", sa.Float, comment="Right edge of the compared cell, PDF points."),
    sa.Column("compared_bbox_bottom", sa.Float, comment="Bottom edge of the compared cell, PDF points."),
    sa.UniqueConstraint("document_id", "sequence", name="document_sequence"),
    sa.CheckConstraint(_in("severity", model.SEVERITIES), name="severity"),
    comment="A validation finding (model.Finding): rule breaches, rounding, narrative-vs-table defects.",
)

# --- Chapters, notes and the tables the extractor set aside (revision 0002) ---------------------

# Chapter page ranges are a bridge document x policy area rather than columns of dim_policy_area: the same
# chapter sits on other pages in the chapter PDF (1-4) than in the book (2-5), and the committee is kept
# as each document prints it (dim_policy_area.committee holds the latest one stated).
dim_document_chapter = sa.Table(
    "dim_document_chapter",
    metadata,
    sa.Column(
        "document_id",
        sa.Integer,
        sa.ForeignKey("dim_document.document_id"),
        primary_key=True,
        comment="Document the chapter is printed in.",
    ),
    sa.Column(
        "policy_area_id",
        sa.Integer,
        sa.ForeignKey("dim_policy_area.policy_area_id"),
        primary_key=True,
        comment="Policy area (politikområde) the chapter is about.",
    ),
    sa.Column(
        "title", sa.String(300), nullable=False, comment="Chapter heading as printed ('Politikområde IT')."
    ),
    sa.Column(
        "committee",
        sa.String(200),
        comment="Udvalg as this document prints it above the chapter; null when it does not say.",
    ),
    sa.Column("first_page", sa.Integer, nullable=False, comment="1-based first page of the chapter."),
    sa.Column("last_page", sa.Integer, nullable=False, comment="1-based last page of the chapter."),
    sa.CheckConstraint("first_page >= 1 AND last_page >= first_page", name="page_range"),
    comment="Where each chapter (politikområde) is printed in each document, and under which committee. "
    "Grain: document x policy area.",
)

fact_note = sa.Table(
    "fact_note",
    metadata,
    sa.Column("note_id", sa.Integer, primary_key=True, comment="Surrogate key."),
    sa.Column(
        "document_id",
        sa.Integer,
        sa.ForeignKey("dim_document.document_id"),
        nullable=False,
        comment="Document the note is printed in.",
    ),
    sa.Column("sequence", sa.Integer, nullable=False, comment="Order of the note in the document (from 1)."),
    sa.Column(
        "policy_area_id",
        sa.Integer,
        sa.ForeignKey("dim_policy_area.policy_area_id"),
        nullable=False,
        comment="Chapter (politikområde) the note belongs to.",
    ),
    sa.Column(
        "table_family",
        sa.String(30),
        comment="Family of the table the note annotates; null for a note on the whole chapter.",
    ),
    sa.Column("table_title", sa.String(300), comment="Printed caption of the annotated table."),
    sa.Column(
        "kind",
        sa.String(20),
        nullable=False,
        comment="price_year ('Regnskab 2018 er i 2018-priser'), variance_sign ('+=underskud og "
        "-=overskud'), amount_sign ('+= udgift; -= indtægt') or other.",
    ),
    sa.Column("text", sa.Text, nullable=False, comment="The note's text as printed, without 'Anm.'."),
    sa.Column(
        "fiscal_year",
        sa.Integer,
        sa.ForeignKey("dim_fiscal_year.fiscal_year"),
        comment="price_year notes: year of the column the note is about; else null.",
    ),
    sa.Column(
        "price_year",
        sa.Integer,
        comment="price_year notes: the price level stated (fact_amount.price_basis 'current_<year>' "
        "comes from here); else null.",
    ),
    sa.Column(
        "phase",
        sa.String(30),
        sa.ForeignKey("dim_phase.phase"),
        comment="price_year notes: phase of the column ('Regnskab 2018' -> actual); else null.",
    ),
    sa.Column(
        "sign_convention",
        sa.String(30),
        comment="variance_sign notes: 'actual_minus_budget' or 'budget_minus_actual' (the "
        "fact_amount.sign_convention of the table's variances); else null.",
    ),
    sa.Column("page", sa.Integer, nullable=False, comment="1-based page where the note is printed."),
    sa.Column(
        "account",
        sa.String(10),
        comment="'drift' or 'anlaeg' when the note names that table ('I tabellen for drift ...'); else null.",
    ),
    sa.Column(
        "price_basis",
        sa.String(10),
        comment="price_year notes: 'current' ('løbende priser', 'Regnskab 2020 er i 2020-priser') or "
        "'fixed' ('omregnet til 2021-priser', 'faste priser'); null when the note does not say. The "
        "figures' fact_amount.price_basis ('current_<year>', 'fixed_<year>') follows from it.",
    ),
    sa.UniqueConstraint("document_id", "sequence", name="document_sequence"),
    sa.CheckConstraint(_in("kind", model.NOTE_KINDS), name="kind"),
    sa.CheckConstraint(_null_or_in("account", model.ACCOUNTS), name="account"),
    sa.CheckConstraint(_null_or_in("price_basis", model.PRICE_BASES), name="price_basis"),
    sa.CheckConstraint(
        "table_family IS NULL OR " + _in("table_family", model.TABLE_FAMILIES), name="table_family"
    ),
    sa.CheckConstraint(
        "sign_convention IS NULL OR " + _in("sign_convention", model.SIGN_CONVENTIONS),
        name="sign_convention",
    ),
    comment="A note (Anm.) printed under a table or in a chapter: where figures get their price year "
    "and sign convention from.",
)

fact_unknown_table = sa.Table(
    "fact_unknown_table",
    metadata,
    sa.Column("unknown_table_id", sa.Integer, primary_key=True, comment="Surrogate key."),
    sa.Column(
        "document_id",
        sa.Integer,
        sa.ForeignKey("dim_document.document_id"),
        nullable=False,
        comment="Document the table is printed in.",
    ),
    sa.Column("sequence", sa.Integer, nullable=False, comment="Order of the table in the document (from 1)."),
    sa.Column(
        "policy_area_id",
        sa.Integer,
        sa.ForeignKey("dim_policy_area.policy_area_id"),
        comment="Chapter the table is printed in; null when it is outside every chapter.",
    ),
    sa.Column("page", sa.Integer, nullable=False, comment="1-based page of the table."),
    sa.Column("bbox_x0", sa.Float, comment="Left edge of the table, PDF points (pdfplumber x0)."),
    sa.Column("bbox_top", sa.Float, comment="Top edge of the table, PDF points from the top of the page."),
    sa.Column("bbox_x1", sa.Float, comment="Right edge of the table, PDF points."),
    sa.Column(
        "bbox_bottom", sa.Float, comment="Bottom edge of the table, PDF points from the top of the page."
    ),
    sa.Column("row_count", sa.Integer, nullable=False, comment="Number of rows read, header included."),
    sa.Column(
        "cells_json",
        sa.Text,
        nullable=False,
        comment="The cells as read, a JSON array of rows of strings (null for an empty cell), e.g. "
        '[["Skoledistrikt", "Antal elever"], ["Distrikt Nord", "1.834"]].',
    ),
    sa.Column("reason", sa.Text, nullable=False, comment="Why the extractor could not interpret the table."),
    sa.UniqueConstraint("document_id", "sequence", name="document_sequence"),
    comment="A table the extractor found but could not interpret: no figures are taken from it; its "
    "cells are kept so an analyst can read it.",
)

# --- Columns set aside (revision 0003) ---------------------------------------------------------------

fact_unread_column = sa.Table(
    "fact_unread_column",
    metadata,
    sa.Column("unread_column_id", sa.Integer, primary_key=True, comment="Surrogate key."),
    sa.Column(
        "document_id",
        sa.Integer,
        sa.ForeignKey("dim_document.document_id"),
        nullable=False,
        comment="Document the table is printed in.",
    ),
    sa.Column(
        "sequence", sa.Integer, nullable=False, comment="Order of the column in the document (from 1)."
    ),
    sa.Column(
        "policy_area_id",
        sa.Integer,
        sa.ForeignKey("dim_policy_area.policy_area_id"),
        nullable=False,
        comment="Chapter (politikområde) of the table.",
    ),
    sa.Column(
        "table_family",
        sa.String(30),
        nullable=False,
        comment="Family of the table: overall_result, activity_areas, specific_assumptions or other.",
    ),
    sa.Column("table_title", sa.String(300), nullable=False, comment="The table's printed caption."),
    sa.Column(
        "header",
        sa.Text,
        nullable=False,
        comment="The column header as printed, wrapped lines joined ('Forventet afvigelse 2020').",
    ),
    sa.Column(
        "reason",
        sa.Text,
        nullable=False,
        comment="Why the header could not be read without guessing (e.g. 'a percentage, not an amount').",
    ),
    sa.Column("page", sa.Integer, nullable=False, comment="1-based page of the header."),
    sa.Column("bbox_x0", sa.Float, comment="Left edge of the header cell, PDF points (pdfplumber x0)."),
    sa.Column("bbox_top", sa.Float, comment="Top edge of the header cell, PDF points from the page top."),
    sa.Column("bbox_x1", sa.Float, comment="Right edge of the header cell, PDF points."),
    sa.Column(
        "bbox_bottom", sa.Float, comment="Bottom edge of the header cell, PDF points from the page top."
    ),
    sa.UniqueConstraint("document_id", "sequence", name="document_sequence"),
    sa.CheckConstraint(_in("table_family", model.TABLE_FAMILIES), name="table_family"),
    comment="A figure column of a readable table whose header could not be read without guessing: its "
    "figures give no facts; the header as printed and the reason are kept so nothing is lost silently.",
)

DIMENSIONS = (
    dim_municipality,
    dim_fiscal_year,
    dim_document,
    dim_policy_area,
    dim_document_chapter,
    dim_activity,
    dim_phase,
    dim_measure,
    dim_price_basis,
    dim_price_index,
)
FACTS = (fact_amount, fact_narrative_amount, fact_finding, fact_note, fact_unknown_table, fact_unread_column)
# Rows that belong to one document: deleted with it when it is reloaded.
DOCUMENT_TABLES = (*FACTS, dim_document_chapter)
