"""One PDF through the whole core: extract -> validate -> load, as the CLI and the Dagster assets run it.

process_file never skips a stage silently: a rejected PDF is still recorded in dim_document.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import sqlalchemy as sa

from itdrift_pipeline import model
from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.extract.pages import ReadOptions
from itdrift_pipeline.validate import validate_document
from itdrift_pipeline.warehouse import LoadSummary, load_document

Read = tuple[model.ExtractionResult, model.ValidationResult]


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


def process_file(
    path: str | Path, engine: sa.Engine, options: ReadOptions | None = None, read: Read | None = None
) -> ProcessedDocument:
    """Extract, validate and load one PDF; the warehouse row of its sha256 is replaced. `read` is the
    document's extraction and validation when already done (in a worker process)."""
    path = Path(path)
    extraction, validation = read or extract_and_validate(path, options)
    summary = load_document(engine, extraction, validation)
    return ProcessedDocument(path, extraction, validation, summary)


def extract_and_validate(path: Path, options: ReadOptions | None = None) -> Read:
    extraction = extract_document(path, options=options)
    return extraction, validate_document(extraction)




def extract_and_validate_all(
    paths: Sequence[Path], options: ReadOptions, workers: int
) -> Iterator[tuple[Path, Read | Exception]]:
    """Each PDF extracted and validated (or the exception that stopped it), in the order given.

    With several documents and workers, documents are read in `workers` processes at once (the pages of
    each in its one process); a single document has its pages spread over `options.workers` instead.
    The caller loads the results one at a time, so warehouse writes stay serialised.
    """
    if workers <= 1 or len(paths) <= 1:
        for path in paths:
            try:
                yield path, extract_and_validate(path, options)
            except Exception as error:  # one file's failure is its own; the caller reports it
                yield path, error
        return
    per_document = replace(options, workers=1)
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=min(workers, len(paths)), mp_context=context) as pool:
        futures = [pool.submit(extract_and_validate, path, per_document) for path in paths]
        for path, future in zip(paths, futures, strict=True):
            try:
                yield path, future.result()
            except Exception as error:  # one file's failure is its own; the caller reports it
                yield path, error
