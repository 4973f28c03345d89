"""The BI views: stable names, one portable SQL definition each, with every column documented.

The SQL here runs unchanged on SQLite and PostgreSQL (window functions, CASE, COALESCE only). "Latest
report" everywhere means: highest document fiscal year, then latest ingested_at, then highest document_id.
Money columns come in DKK (`*_dkk`) and thousand kr. (`*_tdkk`), as the tables print them. These are the
definitions at head; each migration that creates or changes a view carries a frozen copy of its SQL (a test
checks that the head migration's copy is this one).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class View:
    name: str
    comment: str
    columns: dict[str, str]  # column name -> meaning, in the order the view returns them
    select: str
    # The migration that created the view or last changed it, whose frozen copy of the SQL this is.
    revision: str = "0001"

    def create_sql(self) -> str:
        return f"CREATE VIEW {self.name} AS\n{self.select}"

    def drop_sql(self) -> str:
        return f"DROP VIEW IF EXISTS {self.name}"


def _tdkk(expression: str) -> str:
    # 1000.0 rather than 1000: SQLite stores whole kroner as INTEGER and would divide as integers.
    return f"CAST(({expression}) / 1000.0 AS NUMERIC(21, 5))"


# Orders the documents that print the same figure, newest report first.
_LATEST_FIRST = "COALESCE(report_fiscal_year, 0) DESC, ingested_at DESC, document_id DESC"

_LOADED_FACT = """
    FROM fact_amount f
    JOIN dim_document d ON d.document_id = f.document_id AND d.status = 'loaded'
    JOIN dim_price_basis pb ON pb.price_basis = f.price_basis"""

# A table that prints Udgifter, Indtægter and Netto (or rows marked U and I) has a figure per flow; the
# views that show one amount per key read the net figure (or the figure of a table without flows), so
# expenditure and income are never added to it.
_NET_FLOW = "(f.flow IS NULL OR f.flow = 'net')"
# A state agency's monthly accounts print twelve month (or four quarter) columns beside the year's "I alt";
# the views that show one amount per key read the whole-year figure only, so months never add into a year.
_WHOLE_YEAR = "f.period IS NULL"
# The rows under "Heraf:" break the row above them down (their "Heraf i alt" is a total too): the views that
# add rows or take a table's total leave them out.
_NOT_A_BREAKDOWN = "f.part_of IS NULL"


# Where a figure's source crop is written beside the HTML reports (itdrift_pipeline.reports), relative to
# the reports directory: by document hash, page and box in whole points, so a rebuild finds the crop it
# already rendered and a reloaded document (new ids, same bytes) keeps its crops. A cell without a box
# links to its whole page. ROUND of NUMERIC rounds half away from zero on SQLite and PostgreSQL alike.
CROPS_DIRECTORY = "sources"


def _crop_path(sha256: str, page: str, bbox_prefix: str) -> str:
    def whole_points(edge: str) -> str:
        return f"CAST(CAST(ROUND(CAST({bbox_prefix}{edge} AS NUMERIC)) AS INTEGER) AS TEXT)"

    folder = f"'{CROPS_DIRECTORY}/' || SUBSTR({sha256}, 1, 16) || '/p' || CAST({page} AS TEXT)"
    box = " || '_' || ".join(whole_points(edge) for edge in ("x0", "top", "x1", "bottom"))
    return (
        f"CASE WHEN {page} IS NULL THEN NULL "
        f"WHEN {bbox_prefix}x0 IS NULL THEN {folder} || '.png' "
        f"ELSE {folder} || '_' || {box} || '.png' END"
    )


v_policy_area_result = View(
    name="v_policy_area_result",
    comment="Overordnet regnskabsresultat per municipality, policy area, fiscal year and account (Drift, "
    "Anlæg): actual, revised budget and variance, each from the latest report that prints it. The "
    "'... i alt' row where the table has one, else the sum of its rows (the Anlæg table has one row); rows "
    "of a breakdown ('Heraf:') left out.",
    columns={
        "municipality": "Municipality name.",
        "policy_area": "Politikområde.",
        "committee": "Udvalg, where stated.",
        "fiscal_year": "Year of the figures.",
        "account": "'drift' or 'anlaeg'.",
        "actual_dkk": "Regnskab, DKK.",
        "actual_tdkk": "Regnskab, thousand kr. (as printed).",
        "actual_price_year": "Price year of the actual, from the notes; null if unstated.",
        "actual_document_id": "dim_document the actual comes from.",
        "actual_source_file": "File the actual comes from.",
        "revised_budget_dkk": "Korrigeret budget, DKK.",
        "revised_budget_tdkk": "Korrigeret budget, thousand kr.",
        "revised_budget_document_id": "dim_document the revised budget comes from.",
        "revised_budget_source_file": "File the revised budget comes from.",
        "variance_dkk": "Over-/underskud as printed, DKK.",
        "variance_tdkk": "Over-/underskud as printed, thousand kr.",
        "variance_sign_convention": "How the printed variance is defined (see fact_amount.sign_convention).",
        "variance_document_id": "dim_document the variance comes from.",
        "variance_source_file": "File the variance comes from.",
    },
    select=f"""
WITH figure AS (
    SELECT f.policy_area_id, f.fiscal_year, f.account, f.phase,
           f.document_id, d.file, d.fiscal_year AS report_fiscal_year, d.ingested_at,
           CASE WHEN SUM(CASE WHEN f.is_total THEN 1 ELSE 0 END) > 0
                THEN SUM(CASE WHEN f.is_total THEN f.value_dkk END)
                ELSE SUM(f.value_dkk) END AS value_dkk,
           MAX(pb.price_year) AS price_year,
           MAX(f.sign_convention) AS sign_convention
    {_LOADED_FACT}
    WHERE f.table_family = 'overall_result' AND f.measure = 'amount'
      AND f.account IS NOT NULL AND f.fiscal_year IS NOT NULL
      AND f.phase IN ('actual', 'revised_budget', 'variance') AND {_NET_FLOW} AND {_WHOLE_YEAR}
      AND {_NOT_A_BREAKDOWN}
    GROUP BY f.policy_area_id, f.fiscal_year, f.account, f.phase,
             f.document_id, d.file, d.fiscal_year, d.ingested_at
),
latest AS (
    SELECT figure.*,
           ROW_NUMBER() OVER (PARTITION BY policy_area_id, fiscal_year, account, phase
                              ORDER BY {_LATEST_FIRST}) AS recency
    FROM figure
),
result_key AS (
    SELECT DISTINCT policy_area_id, fiscal_year, account FROM figure
)
SELECT m.name AS municipality, pa.name AS policy_area, pa.committee,
       k.fiscal_year, k.account,
       a.value_dkk AS actual_dkk, {_tdkk("a.value_dkk")} AS actual_tdkk,
       a.price_year AS actual_price_year, a.document_id AS actual_document_id,
       a.file AS actual_source_file,
       b.value_dkk AS revised_budget_dkk, {_tdkk("b.value_dkk")} AS revised_budget_tdkk,
       b.document_id AS revised_budget_document_id, b.file AS revised_budget_source_file,
       v.value_dkk AS variance_dkk, {_tdkk("v.value_dkk")} AS variance_tdkk,
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
    revision="0004",
)

v_activity_variance = View(
    name="v_activity_variance",
    comment="Per activity and sub-activity and year, from the latest report that prints the activity: "
    "Regnskab på aktivitetsområder (actual, original and revised budget, variance as printed and as "
    "recomputed under the printed sign convention) and Specifikke forudsætninger (budget, actual).",
    columns={
        "municipality": "Municipality name.",
        "policy_area": "Politikområde.",
        "activity_code": "Printed number ('1', '1.a').",
        "activity_label": "Printed label.",
        "activity_level": "1 = aktivitetsområde, 2 = sub-activity.",
        "parent_code": "Parent activity's code for a sub-activity.",
        "fiscal_year": "Year of the figures.",
        "actual_dkk": "Regnskab (activity areas table), DKK.",
        "actual_tdkk": "Regnskab (activity areas table), thousand kr.",
        "original_budget_dkk": "Opr. budget, DKK.",
        "original_budget_tdkk": "Opr. budget, thousand kr.",
        "revised_budget_dkk": "Korr. budget, DKK.",
        "revised_budget_tdkk": "Korr. budget, thousand kr.",
        "variance_printed_dkk": "Over-/underskud as printed, DKK.",
        "variance_printed_tdkk": "Over-/underskud as printed, thousand kr.",
        "variance_sign_convention": "Sign convention stated under the table; null when unstated.",
        "variance_recomputed_dkk": "actual - revised budget (actual_minus_budget) or revised budget - "
        "actual (budget_minus_actual), DKK; null when no convention is stated.",
        "variance_recomputed_tdkk": "The recomputed variance, thousand kr.",
        "variance_disagrees": "1 when printed and recomputed variance differ (rounding or a defect), 0 "
        "when equal, null when either is missing.",
        "assumptions_budget_dkk": "Budget in Specifikke forudsætninger (Budget i 1.000 kr.), DKK.",
        "assumptions_budget_tdkk": "The same, thousand kr.",
        "assumptions_actual_dkk": "Regnskab in Specifikke forudsætninger (Regnskab i 1.000 kr.), DKK.",
        "assumptions_actual_tdkk": "The same, thousand kr.",
        "document_id": "dim_document the figures come from.",
        "source_file": "File the figures come from.",
    },
    select=f"""
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
    {_LOADED_FACT}
    WHERE f.activity_id IS NOT NULL AND f.measure = 'amount' AND f.fiscal_year IS NOT NULL
      AND f.table_family IN ('activity_areas', 'specific_assumptions') AND {_NET_FLOW}
      AND {_WHOLE_YEAR}
    GROUP BY f.document_id, d.file, d.fiscal_year, d.ingested_at, f.activity_id, f.fiscal_year
),
latest AS (
    SELECT per_document.*,
           ROW_NUMBER() OVER (PARTITION BY activity_id, fiscal_year ORDER BY {_LATEST_FIRST}) AS recency
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
       r.actual_dkk, {_tdkk("r.actual_dkk")} AS actual_tdkk,
       r.original_budget_dkk, {_tdkk("r.original_budget_dkk")} AS original_budget_tdkk,
       r.revised_budget_dkk, {_tdkk("r.revised_budget_dkk")} AS revised_budget_tdkk,
       r.variance_printed_dkk, {_tdkk("r.variance_printed_dkk")} AS variance_printed_tdkk,
       r.variance_sign_convention,
       r.variance_recomputed_dkk, {_tdkk("r.variance_recomputed_dkk")} AS variance_recomputed_tdkk,
       CASE WHEN r.variance_printed_dkk IS NULL OR r.variance_recomputed_dkk IS NULL THEN NULL
            WHEN r.variance_printed_dkk = r.variance_recomputed_dkk THEN 0
            ELSE 1 END AS variance_disagrees,
       r.assumptions_budget_dkk, {_tdkk("r.assumptions_budget_dkk")} AS assumptions_budget_tdkk,
       r.assumptions_actual_dkk, {_tdkk("r.assumptions_actual_dkk")} AS assumptions_actual_tdkk,
       r.document_id, r.file AS source_file
FROM recomputed r
JOIN dim_activity a ON a.activity_id = r.activity_id
JOIN dim_policy_area pa ON pa.policy_area_id = a.policy_area_id
JOIN dim_municipality m ON m.municipality_id = pa.municipality_id
""",
    revision="0003",
)

v_multi_year = View(
    name="v_multi_year",
    comment="Every actual (Regnskab) of every loaded report's Overordnet regnskabsresultat, as printed, "
    "with its price year and source document. A year restated by a later report appears once per "
    "report; is_latest_report marks the one the other views use. Whole-year figures only (no month or "
    "quarter columns).",
    columns={
        "municipality": "Municipality name.",
        "policy_area": "Politikområde.",
        "account": "'drift' or 'anlaeg'.",
        "row_code": "Printed row number, usually null in this table.",
        "row_label": "Printed row label ('Politikområde IT- drift i alt').",
        "part_of": "Label of the row this row breaks down ('Heraf:'), null otherwise (see fact_amount).",
        "flow": "expenditure, income or net where the table splits them (Udgifter / Indtægter / Netto, rows "
        "marked U / I); null otherwise.",
        "is_total": "1 for the '... i alt' rows.",
        "fiscal_year": "Year of the actual.",
        "actual_dkk": "Regnskab, DKK.",
        "actual_tdkk": "Regnskab, thousand kr.",
        "as_printed": "Cell text as printed.",
        "price_year": "Price year stated in the notes ('Regnskab 2018 er i 2018-priser'); null if unstated.",
        "price_basis_da": "Danish label of the price basis ('2018-priser').",
        "report_fiscal_year": "Fiscal year of the report the figure is printed in.",
        "document_id": "dim_document the figure is printed in.",
        "source_file": "File the figure is printed in.",
        "page": "Page of the figure.",
        "is_latest_report": "1 for the latest report printing this row and year, else 0.",
    },
    select=f"""
WITH actual AS (
    SELECT f.policy_area_id, f.account, f.row_code, f.row_label, f.part_of, f.flow, f.is_total,
           f.fiscal_year,
           f.value_dkk, f.as_printed, f.page, pb.price_year, pb.label_da AS price_basis_da,
           f.document_id, d.file, d.fiscal_year AS report_fiscal_year, d.ingested_at
    {_LOADED_FACT}
    WHERE f.table_family = 'overall_result' AND f.phase = 'actual' AND f.measure = 'amount'
      AND {_WHOLE_YEAR}
),
ranked AS (
    SELECT actual.*,
           ROW_NUMBER() OVER (PARTITION BY policy_area_id, account, row_code, row_label, part_of, flow,
                                           fiscal_year
                              ORDER BY {_LATEST_FIRST}) AS recency
    FROM actual
)
SELECT m.name AS municipality, pa.name AS policy_area, r.account, r.row_code, r.row_label, r.part_of,
       r.flow,
       CASE WHEN r.is_total THEN 1 ELSE 0 END AS is_total,
       r.fiscal_year, r.value_dkk AS actual_dkk, {_tdkk("r.value_dkk")} AS actual_tdkk, r.as_printed,
       r.price_year, r.price_basis_da, r.report_fiscal_year, r.document_id, r.file AS source_file, r.page,
       CASE WHEN r.recency = 1 THEN 1 ELSE 0 END AS is_latest_report
FROM ranked r
JOIN dim_policy_area pa ON pa.policy_area_id = r.policy_area_id
JOIN dim_municipality m ON m.municipality_id = pa.municipality_id
""",
    revision="0004",
)

v_fixed_prices = View(
    name="v_fixed_prices",
    comment="Money figures converted to fixed prices with each loaded price index: one row per figure, "
    "index and base year, for every year the index covers; choose the base year with WHERE base_year = "
    "N. fixed = nominal x index(base_year) / index(price_year); null, with conversion_status saying "
    "why, when the price year is unstated or the index lacks it. Empty until an index is loaded.",
    columns={
        "fact_amount_id": "The fact_amount row converted.",
        "document_id": "dim_document the figure is printed in.",
        "source_file": "File the figure is printed in.",
        "municipality": "Municipality name.",
        "policy_area": "Politikområde.",
        "table_family": "Table family.",
        "account": "'drift', 'anlaeg' or null.",
        "row_code": "Printed row number.",
        "row_label": "Printed row label.",
        "flow": "expenditure, income, net or null (see fact_amount.flow).",
        "phase": "Phase of the figure.",
        "measure": "amount or unit_price.",
        "fiscal_year": "Year of the figure.",
        "period": "'M01'..'M12' or 'Q1'..'Q4' for a month's or quarter's column; null for the whole year "
        "(see fact_amount.period). Add up a year over null only.",
        "price_year": "Price year of the nominal figure; null if unstated.",
        "price_basis_kind": "'current_prices' (the figure's own year), 'fixed_prices' (restated in "
        "price_year prices) or 'unstated' (dim_price_basis.basis).",
        "nominal_dkk": "The figure as printed, DKK, in price_year prices.",
        "nominal_tdkk": "The same, thousand kr.",
        "index_name": "Price index used.",
        "base_year": "Year whose prices the fixed figure is in.",
        "index_at_price_year": "Index value of price_year; null when the index lacks that year.",
        "index_at_base_year": "Index value of base_year.",
        "fixed_dkk": "Figure in base_year prices, DKK, rounded to øre; null when it cannot be computed.",
        "fixed_tdkk": "The same, thousand kr.",
        "conversion_status": "'converted', 'price_year_unstated' or 'index_lacks_price_year'.",
    },
    select=f"""
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
    {_LOADED_FACT}
    CROSS JOIN dim_price_index base
    LEFT JOIN dim_price_index at_price
         ON at_price.index_name = base.index_name AND at_price.year = pb.price_year
    WHERE f.measure IN ('amount', 'unit_price')
)
SELECT c.fact_amount_id, c.document_id, c.source_file, m.name AS municipality, pa.name AS policy_area,
       c.table_family, c.account, c.row_code, c.row_label, c.flow, c.phase, c.measure, c.fiscal_year,
       c.period, c.price_year, c.price_basis_kind, c.nominal_dkk, {_tdkk("c.nominal_dkk")} AS nominal_tdkk,
       c.index_name, c.base_year, c.index_at_price_year, c.index_at_base_year,
       c.fixed_dkk, {_tdkk("c.fixed_dkk")} AS fixed_tdkk, c.conversion_status
FROM converted c
JOIN dim_policy_area pa ON pa.policy_area_id = c.policy_area_id
JOIN dim_municipality m ON m.municipality_id = pa.municipality_id
""",
    revision="0003",
)

v_findings = View(
    name="v_findings",
    comment="Validation findings with the validator's rule and severity, the document, page and the "
    "Danish labels, for every document including invalid ones.",
    columns={
        "finding_id": "fact_finding row.",
        "rule": "Validator rule name.",
        "severity": "error, warning or info.",
        "severity_da": "Fejl, Advarsel or Info.",
        "is_structural": "1 for schema_violation (kept the document's facts out).",
        "document_id": "dim_document the finding is about.",
        "source_file": "File name.",
        "sha256": "SHA-256 of the file.",
        "document_status": "loaded, invalid or rejected.",
        "report_fiscal_year": "Fiscal year of the report.",
        "municipality": "Municipality name.",
        "policy_area": "Politikområde.",
        "committee": "Udvalg.",
        "table_family": "Table family.",
        "table_title": "Printed table caption.",
        "row_code": "Printed row number.",
        "row_label": "Printed row label.",
        "phase": "Phase of the figure.",
        "phase_da": "Danish column heading of the phase.",
        "fiscal_year": "Year of the figure.",
        "expected": "What the rule computes, in unit.",
        "shown": "What is printed, in unit.",
        "unit": "Unit of expected and shown ('1000 DKK', 'mio DKK', 'DKK').",
        "page": "Page.",
        "message": "Explanation for a finance analyst.",
        "bbox_x0": "Left edge of the cell the finding is about, PDF points; null when it has none.",
        "bbox_top": "Top edge of that cell, PDF points from the top of the page.",
        "bbox_x1": "Right edge of that cell, PDF points.",
        "bbox_bottom": "Bottom edge of that cell, PDF points from the top of the page.",
        "crop_path": "Image of that cell on its page, relative to the reports directory (written by the "
        "report build); the whole page when the finding has a page but no box.",
        "compared_page": "Page of the cell the rule holds it against; null when it compares no single cell.",
        "compared_bbox_x0": "Left edge of the compared cell, PDF points.",
        "compared_bbox_top": "Top edge of the compared cell, PDF points from the top of the page.",
        "compared_bbox_x1": "Right edge of the compared cell, PDF points.",
        "compared_bbox_bottom": "Bottom edge of the compared cell, PDF points from the top of the page.",
        "compared_crop_path": "Image of the compared cell, relative to the reports directory.",
    },
    select=f"""
SELECT fi.finding_id, fi.rule, fi.severity,
       CASE fi.severity WHEN 'error' THEN 'Fejl' WHEN 'warning' THEN 'Advarsel' ELSE 'Info' END
           AS severity_da,
       CASE WHEN fi.is_structural THEN 1 ELSE 0 END AS is_structural,
       d.document_id, d.file AS source_file, d.sha256, d.status AS document_status,
       d.fiscal_year AS report_fiscal_year, m.name AS municipality, pa.name AS policy_area,
       pa.committee, fi.table_family, fi.table_title, fi.row_code, fi.row_label, fi.phase,
       ph.label_da AS phase_da, fi.fiscal_year, fi.expected, fi.shown, fi.unit, fi.page, fi.message,
       fi.bbox_x0, fi.bbox_top, fi.bbox_x1, fi.bbox_bottom,
       {_crop_path("d.sha256", "fi.page", "fi.bbox_")} AS crop_path,
       fi.compared_page, fi.compared_bbox_x0, fi.compared_bbox_top, fi.compared_bbox_x1,
       fi.compared_bbox_bottom,
       {_crop_path("d.sha256", "fi.compared_page", "fi.compared_bbox_")} AS compared_crop_path
FROM fact_finding fi
JOIN dim_document d ON d.document_id = fi.document_id
LEFT JOIN dim_municipality m ON m.municipality_id = d.municipality_id
LEFT JOIN dim_policy_area pa ON pa.policy_area_id = fi.policy_area_id
LEFT JOIN dim_phase ph ON ph.phase = fi.phase
""",
    revision="0003",
)

# A view of its own rather than rows in v_findings: an unread table is not a rule breach, and its
# columns (bbox, cells) have no place among the findings' figure columns.
v_unparsed_tables = View(
    name="v_unparsed_tables",
    comment="Tables the extractor found in a loaded document but could not interpret, so none of their "
    "figures are in the other views: where they are printed, why they were set aside and their cells "
    "as read (JSON).",
    columns={
        "unknown_table_id": "fact_unknown_table row.",
        "document_id": "dim_document the table is printed in.",
        "source_file": "File name.",
        "sha256": "SHA-256 of the file.",
        "report_fiscal_year": "Fiscal year of the report.",
        "municipality": "Municipality name.",
        "policy_area": "Politikområde the table is printed in; null outside every chapter.",
        "committee": "Udvalg as the document prints it above the chapter.",
        "page": "Page of the table.",
        "reason": "Why the extractor could not interpret it.",
        "row_count": "Rows read, header included.",
        "cells_json": "The cells as read: JSON array of rows of strings.",
        "bbox_x0": "Left edge, PDF points.",
        "bbox_top": "Top edge, PDF points from the top of the page.",
        "bbox_x1": "Right edge, PDF points.",
        "bbox_bottom": "Bottom edge, PDF points from the top of the page.",
    },
    select="""
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
    revision="0002",
)

# Beside v_unparsed_tables: a readable table with one column set aside is otherwise invisible, its other
# columns having loaded.
v_unread_columns = View(
    name="v_unread_columns",
    comment="Figure columns of loaded tables whose header could not be read without guessing, so their "
    "figures are in no other view: the header as printed, why it was set aside, and where.",
    columns={
        "unread_column_id": "fact_unread_column row.",
        "document_id": "dim_document the table is printed in.",
        "source_file": "File name.",
        "sha256": "SHA-256 of the file.",
        "report_fiscal_year": "Fiscal year of the report.",
        "municipality": "Municipality name.",
        "policy_area": "Politikområde.",
        "committee": "Udvalg as the document prints it above the chapter.",
        "table_family": "Family of the table the column belongs to.",
        "table_title": "Printed caption of the table.",
        "header": "The column header as printed, wrapped lines joined.",
        "reason": "Why the header could not be read.",
        "page": "Page of the header.",
        "bbox_x0": "Left edge of the header cell, PDF points.",
        "bbox_top": "Top edge, PDF points from the top of the page.",
        "bbox_x1": "Right edge, PDF points.",
        "bbox_bottom": "Bottom edge, PDF points from the top of the page.",
    },
    select="""
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
    revision="0003",
)

# For a BI tool's drill-through: a figure in any other view is found here by its keys, with the spot on the
# page it was read from.
v_fact_source = View(
    name="v_fact_source",
    comment="Where every figure of a loaded document is printed: file, page, bounding box, and the image "
    "of that spot the report build writes beside the reports (crop_path), one row per fact_amount.",
    columns={
        "fact_amount_id": "The fact_amount row.",
        "document_id": "dim_document the figure is printed in.",
        "source_file": "File name (as the loader was given it).",
        "sha256": "SHA-256 of the file.",
        "municipality": "Municipality name.",
        "policy_area": "Politikområde.",
        "table_family": "Table family.",
        "table_title": "Printed table caption.",
        "account": "'drift', 'anlaeg' or null.",
        "row_code": "Printed row number.",
        "row_label": "Printed row label.",
        "is_total": "1 for the '... i alt' rows.",
        "flow": "expenditure, income, net or null (see fact_amount.flow).",
        "phase": "Phase of the figure.",
        "measure": "amount, quantity or unit_price.",
        "fiscal_year": "Year of the figure.",
        "period": "Month or quarter of the figure; null for the whole year.",
        "as_printed": "Cell text as printed.",
        "page": "1-based page of the figure.",
        "bbox_x0": "Left edge of the printed number, PDF points (pdfplumber x0).",
        "bbox_top": "Top edge, PDF points from the top of the page.",
        "bbox_x1": "Right edge, PDF points.",
        "bbox_bottom": "Bottom edge, PDF points from the top of the page.",
        "crop_path": "PNG of the figure on its page with the box outlined, relative to the reports "
        "directory ('sources/<sha256[:16]>/p<page>_<x0>_<top>_<x1>_<bottom>.png', whole points); "
        "written by the report build, or render it with `itdrift source FILE --page N --bbox ...`.",
    },
    select=f"""
SELECT f.fact_amount_id, d.document_id, d.file AS source_file, d.sha256, m.name AS municipality,
       pa.name AS policy_area, f.table_family, f.table_title, f.account, f.row_code, f.row_label,
       CASE WHEN f.is_total THEN 1 ELSE 0 END AS is_total, f.flow, f.phase, f.measure, f.fiscal_year,
       f.period, f.as_printed, f.page, f.bbox_x0, f.bbox_top, f.bbox_x1, f.bbox_bottom,
       {_crop_path("d.sha256", "f.page", "f.bbox_")} AS crop_path
FROM fact_amount f
JOIN dim_document d ON d.document_id = f.document_id AND d.status = 'loaded'
JOIN dim_policy_area pa ON pa.policy_area_id = f.policy_area_id
JOIN dim_municipality m ON m.municipality_id = pa.municipality_id
""",
    revision="0003",
)

VIEWS = (
    v_policy_area_result,
    v_activity_variance,
    v_multi_year,
    v_fixed_prices,
    v_findings,
    v_unparsed_tables,
    v_unread_columns,
    v_fact_source,
)

