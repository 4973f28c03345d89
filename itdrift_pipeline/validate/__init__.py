"""Validation of one extracted document: Pandera schemas first, then the accounting rules.

`validate_document` is the one entry point (CLI, Dagster assets, warehouse loader): structural failures
(rule "schema_violation") block loading; every other finding is loaded with the figures and flagged.
"""

from __future__ import annotations

import logging

from itdrift_pipeline.model import ExtractionResult, Finding, ValidationResult
from itdrift_pipeline.validate.rules import run_rules
from itdrift_pipeline.validate.schemas import check_structure

__all__ = ["validate_document"]

log = logging.getLogger(__name__)

_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def _reading_order(finding: Finding) -> tuple:
    # str() throughout: a malformed record may carry any type in any field, and sorting must not fail.
    return (
        str(finding.policy_area or ""),
        finding.page if isinstance(finding.page, int) else 0,
        _SEVERITY_ORDER.get(finding.severity, 3),
        finding.rule,
        *(str(v or "") for v in (finding.table, finding.row_code, finding.phase, finding.fiscal_year)),
    )


def validate_document(extraction: ExtractionResult) -> ValidationResult:
    """Findings for one document; a rejected document has none (its RejectionInfo says why)."""
    document = extraction.document
    if document.status == "rejected":
        return ValidationResult(document=document, findings=[])
    structure = check_structure(extraction)
    # Rules run on the records that passed the schema, so one malformed cell does not hide the rest.
    facts = [f for i, f in enumerate(extraction.facts) if i not in structure.failed_facts]
    notes = [n for i, n in enumerate(extraction.notes) if i not in structure.failed_notes]
    narrative = [a for i, a in enumerate(extraction.narrative_amounts) if i not in structure.failed_narrative]
    findings = structure.findings + run_rules(
        document, facts, notes, narrative, unread=extraction.unread_narrative
    )
    findings.sort(key=_reading_order)
    result = ValidationResult(
        document=document, findings=findings, schema_failure_cases=structure.failure_cases
    )
    log.info(
        "validated %s: %d errors, %d warnings (%d structural)",
        document.file,
        result.count("error"),
        result.count("warning"),
        len(structure.findings),
    )
    return result
