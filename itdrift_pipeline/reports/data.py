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


@dataclass
class ReportData:
    key: ReportKey
    overall: list[dict[str, Any]]
    activities: list[dict[str, Any]]
    multi_year: list[dict[str, Any]]
    findings: list[dict[str, Any]]

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
           variance_dkk, variance_sign_convention, actual_source_file
    FROM v_policy_area_result
    WHERE municipality = :municipality AND fiscal_year = :fiscal_year
    ORDER BY policy_area, account DESC
    """
).columns(**_money("actual_dkk", "revised_budget_dkk", "variance_dkk"))

ACTIVITIES = sa.text(
    """
    SELECT policy_area, activity_code, activity_label, activity_level, actual_dkk, original_budget_dkk,
           revised_budget_dkk, variance_printed_dkk, variance_recomputed_dkk, variance_sign_convention,
           variance_disagrees, assumptions_budget_dkk, assumptions_actual_dkk, source_file
    FROM v_activity_variance
    WHERE municipality = :municipality AND fiscal_year = :fiscal_year
    ORDER BY policy_area, activity_code
    """
).columns(**_money("actual_dkk", "original_budget_dkk", "revised_budget_dkk", "variance_printed_dkk",
                   "variance_recomputed_dkk", "assumptions_budget_dkk", "assumptions_actual_dkk"))

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
           fiscal_year, expected, shown, unit, page, message, source_file
    FROM v_findings
    WHERE municipality = :municipality AND report_fiscal_year = :fiscal_year
    ORDER BY source_file, page, rule
    """
).columns(**_money("expected", "shown"))


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

    overall = fetch(OVERALL)
    for row in overall:
        for column in ("actual", "revised_budget", "variance"):
            row[f"{column}_tdkk"] = _tdkk(row[f"{column}_dkk"])
    activities = fetch(ACTIVITIES)
    for row in activities:
        for column in ("actual", "original_budget", "revised_budget", "variance_printed",
                       "variance_recomputed", "assumptions_budget", "assumptions_actual"):
            row[f"{column}_tdkk"] = _tdkk(row[f"{column}_dkk"])
    multi_year = _latest_document_per_point(fetch(MULTI_YEAR))
    for row in multi_year:
        row["actual_tdkk"] = _tdkk(row["actual_dkk"])
    findings = sorted(fetch(FINDINGS), key=lambda f: SEVERITY_ORDER.get(f["severity"], 9))
    return ReportData(key=key, overall=overall, activities=activities, multi_year=multi_year,
                      findings=findings)
