"""The asset checks of validated_document: one per family of validation rules, plus a blocking structural one.

The checks do not re-validate: they sort validate_document's findings by rule, so the Dagster UI and
`itdrift validate` always report the same findings.
"""

from __future__ import annotations

import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import dagster as dg

from itdrift_pipeline.defs.markdown import markdown_table
from itdrift_pipeline.defs.sources import offending_cells_markdown
from itdrift_pipeline.model import STRUCTURAL_RULE, Finding, ValidationResult


@dataclass(frozen=True)
class RuleFamily:
    check_name: str
    rules: tuple[str, ...]
    description: str
    blocking: bool = False


RULE_FAMILIES: tuple[RuleFamily, ...] = (
    RuleFamily(
        "document_structure",
        (STRUCTURAL_RULE,),
        "Pandera schemas: parseable numbers, known phases/measures/units, labelled rows, one fact per "
        "table/row/phase/measure/year. A failure blocks the warehouse load of this document.",
        blocking=True,
    ),
    RuleFamily(
        "totals_add_up",
        ("sum_mismatch",),
        "Rows add up to their 'i alt' total and sub-items to their parent; gaps within rounding are "
        "warnings.",
    ),
    RuleFamily(
        "variances_follow_sign_convention",
        ("variance_mismatch",),
        "Over-/underskud equals regnskab minus korrigeret budget under the stated sign convention.",
    ),
    RuleFamily(
        "price_years_stated",
        ("price_year_missing", "price_year_mismatch"),
        "Every earlier year's column has a price-year note naming its own year (or a declared restatement).",
    ),
    RuleFamily(
        "sign_conventions_stated",
        ("sign_convention_missing",),
        "Tables with variances or income lines state their sign convention.",
    ),
    RuleFamily(
        "tables_agree",
        ("cross_table_mismatch",),
        "The same figure printed in two tables of a chapter agrees.",
    ),
    RuleFamily(
        "narrative_matches_tables",
        ("narrative_mismatch",),
        "Amounts quoted in kroner in the narrative agree with the table figures they speak of.",
    ),
    RuleFamily(
        "quantity_times_price",
        ("quantity_price_mismatch",),
        "Mængde × gns. pris agrees with the amount where both are printed.",
    ),
)

# Findings of a rule no family names still reach the UI, so a new rule in the validator is never hidden.
UNCLASSIFIED = RuleFamily(
    "other_rules",
    (),
    "Findings of validation rules that no other check names; add the rule to a family in defs/checks.py.",
)

FINDING_COLUMNS = ("severity", "rule", "policy area", "table", "row", "phase", "year", "expected", "shown",
                   "unit", "page", "message")


def check_specs(
    asset_key: dg.AssetKey, partitions_def: dg.PartitionsDefinition | None = None
) -> list[dg.AssetCheckSpec]:
    """One spec per family. With the asset's partitions each evaluation is recorded for its document
    (Dagster 1.13 preview), so one clean document never hides the errors of another."""
    with warnings.catch_warnings():
        # A preview in 1.13: test_checks and the deployment test pin what we rely on (one evaluation per
        # check per document partition).
        warnings.simplefilter("ignore", dg.PreviewWarning)
        return [
            dg.AssetCheckSpec(family.check_name, asset=asset_key, description=family.description,
                              blocking=family.blocking, partitions_def=partitions_def)
            for family in (*RULE_FAMILIES, UNCLASSIFIED)
        ]


def family_of(rule: str) -> RuleFamily:
    return next((family for family in RULE_FAMILIES if rule in family.rules), UNCLASSIFIED)


def _finding_row(finding: Finding) -> list[object]:
    row = " ".join(part for part in (finding.row_code, finding.row_label) if part)
    return [finding.severity, finding.rule, finding.policy_area, finding.table, row, finding.phase,
            finding.fiscal_year, finding.expected, finding.shown, finding.unit, finding.page, finding.message]


def findings_markdown(findings: list[Finding]) -> str:
    return markdown_table(FINDING_COLUMNS, [_finding_row(f) for f in findings])


PANDERA_COLUMNS = ("schema", "schema_context", "column", "check", "failure_case", "index")


def pandera_failure_cases(validation: ValidationResult) -> str:
    """Pandera's own failure_cases from the validation run, as markdown: the raw evidence behind the
    structural findings."""
    rows = [[case.get(column) for column in PANDERA_COLUMNS] for case in validation.schema_failure_cases]
    return markdown_table(PANDERA_COLUMNS, rows) if rows else "_no Pandera failure cases_"


def check_results(
    asset_key: dg.AssetKey, validation: ValidationResult, source_pdf: Path | None = None
) -> list[dg.AssetCheckResult]:
    """One result per family. Errors fail with ERROR severity, warnings alone fail with WARN; info passes.
    A failed check names its offending cells, with crops of them from `source_pdf` when given.

    A rejected document (an unreadable PDF) fails the blocking structural check with ERROR, so its run
    and partition show as failed; the other checks have nothing to look at and are not evaluated (the UI
    shows them as not run for that partition), rather than passing on an empty document.
    """
    if validation.document.status == "rejected":
        return [_rejected_result(asset_key, validation)]

    by_family: dict[str, list[Finding]] = {}
    for finding in validation.findings:
        by_family.setdefault(family_of(finding.rule).check_name, []).append(finding)

    results = []
    for family in (*RULE_FAMILIES, UNCLASSIFIED):
        findings = by_family.get(family.check_name, [])
        severities = Counter(f.severity for f in findings)
        metadata: dict[str, dg.RawMetadataValue] = {
            f"{severity}s": severities.get(severity, 0) for severity in ("error", "warning", "info")
        }
        metadata["rules"] = ", ".join(family.rules) or "any rule not named by another check"
        if findings:
            metadata["failing_rows"] = dg.MetadataValue.md(findings_markdown(findings))
        if family.rules == (STRUCTURAL_RULE,) and findings:
            metadata["pandera_failure_cases"] = dg.MetadataValue.md(pandera_failure_cases(validation))
        passed = not (severities.get("error") or severities.get("warning"))
        if not passed:
            metadata["offending_cells"] = dg.MetadataValue.md(offending_cells_markdown(findings, source_pdf))
        warnings_only = bool(severities.get("warning")) and not severities.get("error")
        severity = dg.AssetCheckSeverity.WARN if warnings_only else dg.AssetCheckSeverity.ERROR
        results.append(
            dg.AssetCheckResult(
                asset_key=asset_key,
                check_name=family.check_name,
                passed=passed,
                severity=severity,
                metadata=metadata,
            )
        )
    return results


STRUCTURE_CHECK = next(family for family in RULE_FAMILIES if family.blocking)


def _rejected_result(asset_key: dg.AssetKey, validation: ValidationResult) -> dg.AssetCheckResult:
    error = validation.document.error
    return dg.AssetCheckResult(
        asset_key=asset_key,
        check_name=STRUCTURE_CHECK.check_name,
        passed=False,
        severity=dg.AssetCheckSeverity.ERROR,
        description="The PDF was rejected at intake; nothing was extracted, so no other check ran.",
        metadata={
            "rejected": f"{error.kind}: {error.message}" if error else "rejected",
            "rejection_kind": error.kind if error else "rejected",
            "checks_not_run": ", ".join(
                family.check_name for family in (*RULE_FAMILIES, UNCLASSIFIED) if not family.blocking
            ),
        },
    )
