"""One PDF through the whole core: extract -> validate -> load, as the CLI and the Dagster assets run it.

process_file never skips a stage silently: a rejected PDF is still recorded in dim_document.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from itdrift_pipeline import model
from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.validate import validate_document
from itdrift_pipeline.warehouse import LoadSummary, load_document


@dataclass(frozen=True)
class ProcessedDocument:
    path: Path
    extraction: model.ExtractionResult
    validation: model.ValidationResult
    load_summary: LoadSummary

    @property
    def loaded(self) -> bool:
        """True when the document's facts are in the warehouse (not rejected, no structural errors)."""
        return self.load_summary.loaded

    def summary_line(self) -> str:
        """`file  status  facts=… narrative=… findings: N error, N warning, N info` (one line, for logs)."""
        summary = self.load_summary
        name = self.path.name
        findings = ", ".join(f"{self.validation.count(s)} {s}" for s in model.SEVERITIES)
        if summary.status == "rejected":
            error = self.extraction.document.error
            reason = f"{error.kind}: {error.message}" if error else "no reason given"
            return f"{name}  rejected  ({reason})"
        if summary.status == "invalid":
            structural = len(self.validation.structural_errors)
            return f"{name}  invalid  structural errors={structural}  findings: {findings}"
        return (
            f"{name}  loaded  facts={summary.facts} narrative={summary.narrative_amounts}  "
            f"findings: {findings}"
        )


def process_file(path: str | Path, engine: sa.Engine) -> ProcessedDocument:
    """Extract, validate and load one PDF; the warehouse row of its sha256 is replaced."""
    path = Path(path)
    extraction = extract_document(path)
    validation = validate_document(extraction)
    summary = load_document(engine, extraction, validation)
    return ProcessedDocument(path, extraction, validation, summary)
