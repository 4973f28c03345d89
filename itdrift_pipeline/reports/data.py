"""What a report shows, read from the BI views only (v_policy_area_result, v_activity_variance, v_multi_year,
v_findings), never from extraction output: if the warehouse is wrong, the report shows it.

Money comes back as Decimal DKK (the *_dkk columns, typed Numeric here) and is divided into thousand kr.
exactly, so a figure prints as the accounts book printed it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import sqlalchemy as sa

THOUSAND = Decimal(1000)
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def _money(*names: str) -> dict[str, sa.Numeric]:
    return {name: sa.Numeric(asdecimal=True) for name in names}


def _tdkk(value: Decimal | None) -> Decimal | None:
    return None if value is None else value / THOUSAND


@dataclass(frozen=True)
class ReportKey:
    municipality: str
    fiscal_year: int


@dataclass(frozen=True)
class SourceCell:
    """Where a figure shown in the report is printed, and the crop of it written beside the report."""

    crop_path: str  # relative to the reports directory (v_fact_source.crop_path)
    source_file: str
    sha256: str
    page: int
    bbox: tuple[float, float, float, float] | None


@dataclass
class ReportData:
    key: ReportKey
    overall: list[dict[str, Any]]
    activities: list[dict[str, Any]]
    multi_year: list[dict[str, Any]]
    findings: list[dict[str, Any]]

    def source_cells(self) -> list[SourceCell]:
        """Every cell the report links to, once each."""
        cells: dict[str, SourceCell] = {}
        for row in (*self.overall, *self.activities, *self.multi_year, *self.findings):
            for cell in row["sources"].values():
                cells.setdefault(cell.crop_path, cell)
        return list(cells.values())

    def findings_by_severity(self) -> dict[str, int]:
        counts = dict.fromkeys(SEVERITY_ORDER, 0)
        for finding in self.findings:
            counts[finding["severity"]] = counts.get(finding["severity"], 0) + 1
        return counts


REPORT_KEYS = sa.text(
    """
    SELECT DISTINCT municipality, fiscal_year FROM v_policy_area_result
    WHERE revised_budget_dkk IS NOT NULL OR variance_dkk IS NOT NULL
    ORDER BY municipality, fiscal_year
    """
)

OVERALL = sa.text(
    """
    SELECT policy_area, committee, account, actual_dkk, actual_price_year, revised_budget_dkk,
           variance_dkk, variance_sign_convention, actual_source_file,
           actual_document_id, revised_budget_document_id, variance_document_id
    FROM v_policy_area_result
    WHERE municipality = :municipality AND fiscal_year = :fiscal_year
    ORDER BY policy_area, account DESC
    """
).columns(**_money("actual_dkk", "revised_budget_dkk", "variance_dkk"))

ACTIVITIES = sa.text(
    """
    SELECT policy_area, activity_code, activity_label, activity_level, actual_dkk, original_budget_dkk,
           revised_budget_dkk, variance_printed_dkk, variance_recomputed_dkk, variance_sign_convention,
           variance_disagrees, assumptions_budget_dkk, assumptions_actual_dkk, source_file, document_id,
           fiscal_year
    FROM v_activity_variance
    WHERE municipality = :municipality AND fiscal_year = :fiscal_year
    ORDER BY policy_area, activity_code
    """
).columns(**_money("actual_dkk", "original_budget_dkk", "revised_budget_dkk", "variance_printed_dkk",
                   "variance_recomputed_dkk", "assumptions_budget_dkk", "assumptions_actual_dkk"))

# The printed columns of the activities table and where each is read; the recomputed variance is printed
# nowhere, so it has no source.
ACTIVITY_CELLS = {
    "actual": ("activity_areas", "actual"),
    "original_budget": ("activity_areas", "original_budget"),
    "revised_budget": ("activity_areas", "revised_budget"),
    "variance_printed": ("activity_areas", "variance"),
    "assumptions_budget": ("specific_assumptions", "budget"),
    "assumptions_actual": ("specific_assumptions", "actual"),
}

# The actuals printed in this year's report: the "i alt" Drift row and the Anlæg row of each policy area.
MULTI_YEAR = sa.text(
    """
    SELECT policy_area, account, row_label, fiscal_year, actual_dkk, as_printed, price_year, price_basis_da,
           document_id, source_file, page
    FROM v_multi_year
    WHERE municipality = :municipality AND report_fiscal_year = :fiscal_year
      AND (is_total = 1 OR account = 'anlaeg')
    ORDER BY policy_area, account DESC, fiscal_year, document_id
    """
).columns(**_money("actual_dkk"))

FINDINGS = sa.text(
    """
    SELECT rule, severity, severity_da, policy_area, table_title, row_code, row_label, phase, phase_da,
           fiscal_year, expected, shown, unit, page, message, source_file, sha256,
           bbox_x0, bbox_top, bbox_x1, bbox_bottom, crop_path,
           compared_page, compared_bbox_x0, compared_bbox_top, compared_bbox_x1, compared_bbox_bottom,
           compared_crop_path
    FROM v_findings
    WHERE municipality = :municipality AND report_fiscal_year = :fiscal_year
    ORDER BY source_file, page, rule
    """
).columns(**_money("expected", "shown"))


# The printed cell behind each figure the report shows. The other views name the document and the keys of
# a figure; this one says where it is printed.
FACT_SOURCES = sa.text(
    """
    SELECT document_id, source_file, sha256, policy_area, table_family, account, row_code, row_label,
           is_total, phase, fiscal_year, page, bbox_x0, bbox_top, bbox_x1, bbox_bottom, crop_path
    FROM v_fact_source
    WHERE municipality = :municipality AND measure = 'amount' AND period IS NULL
      AND (flow IS NULL OR flow = 'net')
    ORDER BY fact_amount_id
    """
)


def _bbox(row: dict[str, Any], prefix: str = "") -> tuple[float, float, float, float] | None:
    edges = [row[f"{prefix}bbox_{edge}"] for edge in ("x0", "top", "x1", "bottom")]
    return None if edges[0] is None else tuple(float(edge) for edge in edges)  # type: ignore[return-value]


def _cell(row: dict[str, Any], crop_column: str = "crop_path", page_column: str = "page",
          prefix: str = "") -> SourceCell | None:
    if row.get(crop_column) is None:
        return None
    return SourceCell(row[crop_column], row["source_file"], row["sha256"], int(row[page_column]),
                      _bbox(row, prefix))


class FactSources:
    """Finds the printed cell of a figure the views show, by its document and keys."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self._cells: dict[tuple, list[dict[str, Any]]] = {}
        for row in rows:
            for key in self._keys(row):
                self._cells.setdefault(key, []).append(row)

    @staticmethod
    def _keys(row: dict[str, Any]) -> list[tuple]:
        base = (row["document_id"], row["policy_area"], row["table_family"], row["phase"], row["fiscal_year"])
        return [("account", *base, row["account"]), ("row_code", *base, row["row_code"]),
                ("row_label", *base, row["account"], row["row_label"])]

    def find(self, kind: str, *key: object) -> SourceCell | None:
        """The one printed cell with these keys; a '... i alt' row where several rows match (the views
        show the total), none where the figure is a sum of rows printed nowhere."""
        rows = self._cells.get((kind, *key), [])
        totals = [row for row in rows if row["is_total"] == 1]
        chosen = totals if totals else rows
        return _cell(chosen[0]) if len(chosen) == 1 else None


def report_keys(connection: sa.Connection) -> list[ReportKey]:
    return [ReportKey(row.municipality, int(row.fiscal_year)) for row in connection.execute(REPORT_KEYS)]


def _latest_document_per_point(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One point per policy area, account and year: a book and its chapter printed alone carry the same
    figures, so the point is taken from the latest loaded document of this report year."""
    points: dict[tuple[str, str, int], dict[str, Any]] = {}
    for row in rows:
        points[(row["policy_area"], row["account"], row["fiscal_year"])] = row  # ordered by document_id
    return list(points.values())


def read_report(connection: sa.Connection, key: ReportKey) -> ReportData:
    params = {"municipality": key.municipality, "fiscal_year": key.fiscal_year}

    def fetch(query: sa.TextClause | sa.TextualSelect) -> list[dict[str, Any]]:
        return [dict(row) for row in connection.execute(query, params).mappings()]

    sources = FactSources(fetch(FACT_SOURCES))
    overall = fetch(OVERALL)
    for row in overall:
        row["sources"] = {}
        for column in ("actual", "revised_budget", "variance"):
            row[f"{column}_tdkk"] = _tdkk(row[f"{column}_dkk"])
            row["sources"][column] = sources.find(
                "account", row[f"{column}_document_id"], row["policy_area"], "overall_result", column,
                key.fiscal_year, row["account"])
    activities = fetch(ACTIVITIES)
    for row in activities:
        for column in ("actual", "original_budget", "revised_budget", "variance_printed",
                       "variance_recomputed", "assumptions_budget", "assumptions_actual"):
            row[f"{column}_tdkk"] = _tdkk(row[f"{column}_dkk"])
        row["sources"] = {
            column: sources.find("row_code", row["document_id"], row["policy_area"], family, phase,
                                 row["fiscal_year"], row["activity_code"])
            for column, (family, phase) in ACTIVITY_CELLS.items()
        }
    multi_year = _latest_document_per_point(fetch(MULTI_YEAR))
    for row in multi_year:
        row["actual_tdkk"] = _tdkk(row["actual_dkk"])
        row["sources"] = {"actual": sources.find(
            "row_label", row["document_id"], row["policy_area"], "overall_result", "actual",
            row["fiscal_year"], row["account"], row["row_label"])}
    findings = sorted(fetch(FINDINGS), key=lambda f: SEVERITY_ORDER.get(f["severity"], 9))
    for row in findings:
        row["sources"] = {"shown": _cell(row),
                          "compared": _cell(row, "compared_crop_path", "compared_page", "compared_")}
    for row in (*overall, *activities, *multi_year, *findings):
        row["sources"] = {column: cell for column, cell in row["sources"].items() if cell is not None}
    return ReportData(key=key, overall=overall, activities=activities, multi_year=multi_year,
                      findings=findings)
