"""The asset graph: raw_documents → extracted_document → validated_document → warehouse_load → reports.

The three middle assets are partitioned per source document; each calls one core function and reports
what a data engineer looks for first (pages, tables, facts, findings, row counts, elapsed time).
"""

import dataclasses
import hashlib
import time
from collections import Counter

import dagster as dg
import sqlalchemy as sa

from itdrift_pipeline.defs import checks
from itdrift_pipeline.defs.markdown import markdown_table
from itdrift_pipeline.defs.partitions import (
    find_source_document,
    scan_source_documents,
    source_documents,
)
from itdrift_pipeline.defs.pools import WAREHOUSE_POOL
from itdrift_pipeline.defs.previews import table_previews, tables_by_family
from itdrift_pipeline.defs.resources import RawDirectory, ReportsDirectory, Warehouse
from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.extract.intake import open_pdf
from itdrift_pipeline.model import SEVERITIES, DocumentRejected, ExtractionResult, ValidationResult
from itdrift_pipeline.reports import build_reports
from itdrift_pipeline.validate import validate_document
from itdrift_pipeline.warehouse import load_document

OWNERS = ["team:itdrift"]

# Bump a stage's code version when its output for the same bytes changes, so Dagster marks the
# partitions it produced as stale and the nightly schedule re-runs them.
EXTRACT_VERSION = "1"
VALIDATE_VERSION = "1"
LOAD_VERSION = "1"
REPORTS_VERSION = "1"

VALIDATED_DOCUMENT = dg.AssetKey("validated_document")


def _elapsed(start: float) -> float:
    return round(time.perf_counter() - start, 3)


@dg.asset(
    group_name="intake",
    kinds={"pdf"},
    owners=OWNERS,
    code_version="1",
    description="Inventory of the raw directory: one row per PDF with name, size, pages and sha256, "
    "and the partition key its content gets.",
)
def raw_documents(context: dg.AssetExecutionContext, raw_directory: RawDirectory) -> dg.MaterializeResult:
    start = time.perf_counter()
    rows = []
    for document in scan_source_documents(raw_directory.pdf_files()):
        try:
            with open_pdf(document.path) as pdf:
                pages, status = len(pdf.pages), "readable"
        except DocumentRejected as rejected:
            pages, status = None, f"rejected ({rejected.kind})"
        rows.append([document.path.name, document.path.stat().st_size, pages, document.sha256,
                     document.partition_key, status])
    context.log.info(f"{len(rows)} PDF(s) in {raw_directory.directory()}")
    # The inventory's content hash is its data version: re-running on an unchanged directory does not
    # make the per-document partitions look stale.
    inventory = hashlib.sha256("\n".join(f"{r[0]}:{r[3]}" for r in rows).encode()).hexdigest()
    return dg.MaterializeResult(
        data_version=dg.DataVersion(inventory[:16]),
        metadata={
            "raw_directory": dg.MetadataValue.path(str(raw_directory.directory().resolve())),
            "documents": len(rows),
            "total_bytes": sum(r[1] for r in rows),
            "inventory": dg.MetadataValue.md(
                markdown_table(("name", "bytes", "pages", "sha256", "partition", "status"), rows)
            ),
            "elapsed_seconds": _elapsed(start),
        },
    )


@dg.asset(
    partitions_def=source_documents,
    deps=[raw_documents],
    group_name="extraction",
    kinds={"pdfplumber", "python"},
    owners=OWNERS,
    code_version=EXTRACT_VERSION,
    description="Facts, notes and narrative amounts of one accounts book, with page and bounding box "
    "(itdrift_pipeline.extract.extract_document). An unreadable PDF materialises as status 'rejected'.",
)
def extracted_document(
    context: dg.AssetExecutionContext, raw_directory: RawDirectory
) -> dg.Output[ExtractionResult]:
    source = find_source_document(raw_directory.pdf_files(), context.partition_key)
    start = time.perf_counter()
    extraction = extract_document(source.path)
    elapsed = _elapsed(start)
    document = extraction.document
    context.log.info(
        f"{source.path.name}: {document.status}, {len(extraction.facts)} facts in {elapsed:.2f}s"
    )
    metadata: dict[str, dg.RawMetadataValue] = {
        "file": source.path.name,
        "sha256": document.sha256,
        "status": document.status,
        "pages": document.pages or 0,
        "municipality": document.municipality or "",
        "fiscal_year": document.fiscal_year or 0,
        "chapters": len(extraction.chapters),
        "facts": len(extraction.facts),
        "notes": len(extraction.notes),
        "narrative_amounts": len(extraction.narrative_amounts),
        "tables_per_family": dg.MetadataValue.json(tables_by_family(extraction)),
        "table_previews": dg.MetadataValue.md(table_previews(extraction)),
        "elapsed_seconds": elapsed,
    }
    if document.error is not None:
        metadata["rejection"] = f"{document.error.kind}: {document.error.message}"
    return dg.Output(extraction, metadata=metadata)


@dg.asset(
    partitions_def=source_documents,
    group_name="validation",
    kinds={"pandera", "python"},
    owners=OWNERS,
    code_version=VALIDATE_VERSION,
    check_specs=checks.check_specs(VALIDATED_DOCUMENT),
    description="Findings of the schema and accounting rules for one document "
    "(itdrift_pipeline.validate.validate_document), reported as one asset check per rule family. "
    "Structural errors block the warehouse load.",
)
def validated_document(context: dg.AssetExecutionContext, extracted_document: ExtractionResult):
    start = time.perf_counter()
    validation = validate_document(extracted_document)
    elapsed = _elapsed(start)
    by_severity = {severity: validation.count(severity) for severity in SEVERITIES}
    context.log.info(f"{validation.document.file}: findings {by_severity} in {elapsed:.2f}s")
    yield dg.Output(
        validation,
        metadata={
            "status": validation.document.status,
            "loadable": validation.is_loadable,
            "facts": len(extracted_document.facts),
            "findings": len(validation.findings),
            **{f"findings_{severity}": count for severity, count in by_severity.items()},
            "findings_by_rule": dg.MetadataValue.json(dict(Counter(f.rule for f in validation.findings))),
            "findings_table": dg.MetadataValue.md(checks.findings_markdown(validation.findings)),
            "elapsed_seconds": elapsed,
        },
    )
    yield from checks.check_results(VALIDATED_DOCUMENT, validation)


def warehouse_row_counts(engine: sa.Engine) -> dict[str, int]:
    """Rows per dimension and fact table, as a BI user would see them after this load."""
    names = [n for n in sa.inspect(engine).get_table_names() if n.startswith(("dim_", "fact_"))]
    with engine.connect() as connection:
        return {
            name: connection.execute(sa.select(sa.func.count()).select_from(sa.table(name))).scalar_one()
            for name in sorted(names)
        }


@dg.asset(
    partitions_def=source_documents,
    group_name="warehouse",
    kinds={"sqlalchemy", "sqlite", "postgres"},
    owners=OWNERS,
    code_version=LOAD_VERSION,
    pool=WAREHOUSE_POOL,
    description="One document's facts, narrative amounts and findings in the star schema, in one "
    "transaction, idempotent by sha256 (itdrift_pipeline.warehouse.load_document). Runs in the "
    "'warehouse' concurrency pool so two loads never write SQLite at once.",
)
def warehouse_load(
    context: dg.AssetExecutionContext,
    warehouse: Warehouse,
    extracted_document: ExtractionResult,
    validated_document: ValidationResult,
) -> dg.MaterializeResult:
    start = time.perf_counter()
    engine = warehouse.engine()
    try:
        summary = load_document(engine, extracted_document, validated_document)
        row_counts = warehouse_row_counts(engine)
    finally:
        engine.dispose()
    elapsed = _elapsed(start)
    context.log.info(f"{extracted_document.document.file}: {summary} in {elapsed:.2f}s")
    return dg.MaterializeResult(
        metadata={
            "status": summary.status,
            "sha256": extracted_document.document.sha256,
            "facts_loaded": summary.facts,
            "load_summary": dg.MetadataValue.json(dataclasses.asdict(summary)),
            "warehouse_row_counts": dg.MetadataValue.json(row_counts),
            "warehouse": warehouse.display_url(),
            "elapsed_seconds": elapsed,
        }
    )


@dg.asset(
    deps=[warehouse_load],
    group_name="reporting",
    kinds={"html", "altair"},
    owners=OWNERS,
    code_version=REPORTS_VERSION,
    description="HTML report per municipality and fiscal year plus an index page, built only from the "
    "warehouse views (itdrift_pipeline.reports.build_reports). Rebuilt by the reports_after_loads "
    "sensor once loads settle.",
)
def reports(
    context: dg.AssetExecutionContext, warehouse: Warehouse, reports_directory: ReportsDirectory
) -> dg.MaterializeResult:
    start = time.perf_counter()
    engine = warehouse.engine()
    try:
        built = build_reports(engine, reports_directory.directory())
    finally:
        engine.dispose()
    elapsed = _elapsed(start)
    index = built.index_path.resolve()
    context.log.info(f"{len(built.report_paths)} report(s), index {index}")
    return dg.MaterializeResult(
        metadata={
            "index": dg.MetadataValue.path(str(index)),
            "index_url": dg.MetadataValue.url(index.as_uri()),
            "reports": len(built.report_paths),
            "report_files": dg.MetadataValue.md(
                markdown_table(("report",), [[p.name] for p in built.report_paths])
            ),
            "elapsed_seconds": elapsed,
        }
    )


DOCUMENT_ASSETS = [extracted_document, validated_document, warehouse_load]
ALL_ASSETS = [raw_documents, *DOCUMENT_ASSETS, reports]
