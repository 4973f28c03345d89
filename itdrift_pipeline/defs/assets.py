"""The asset graph: raw_documents → extracted_document → validated_document → warehouse_load → reports.

The three middle assets are partitioned per source document; each calls one core function and reports
what a data engineer looks for first (pages, tables, facts, findings, row counts, elapsed time).
"""

import dataclasses
import hashlib
import time
import warnings
from collections import Counter
from pathlib import Path

import dagster as dg
import sqlalchemy as sa

from itdrift_pipeline.defs import checks
from itdrift_pipeline.defs.markdown import markdown_table
from itdrift_pipeline.defs.partitions import (
    DocumentForPartitionMissing,
    find_source_document,
    scan_source_documents,
    source_documents,
)
from itdrift_pipeline.defs.pools import WAREHOUSE_POOL
from itdrift_pipeline.defs.previews import fact_column_schema, facts_table, table_previews, tables_by_family
from itdrift_pipeline.defs.resources import RawDirectory, ReportsDirectory, Warehouse
from itdrift_pipeline.defs.sources import table_page_overviews
from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.extract.intake import open_pdf
from itdrift_pipeline.model import SEVERITIES, DocumentRejected, ExtractionResult, ValidationResult
from itdrift_pipeline.warehouse import load_document

OWNERS = ["team:itdrift"]

# Bump a stage's code version when its output for the same bytes changes, so Dagster marks the
# partitions it produced as stale and the nightly schedule re-runs them.
EXTRACT_VERSION = "1"
VALIDATE_VERSION = "2"
LOAD_VERSION = "2"
REPORTS_VERSION = "2"

VALIDATED_DOCUMENT = dg.AssetKey("validated_document")
# On the run and on extracted_document's materialisation of a PDF rejected at intake: the rejection kind.
REJECTION_TAG = "itdrift/rejected"

# Transient database errors (a dropped connection, a server restart, SQLite's "database is locked") are
# retried after 5 s and 10 s; anything else fails at once (warehouse_load raises it as a Failure).
WAREHOUSE_RETRY = dg.RetryPolicy(max_retries=2, delay=5, backoff=dg.Backoff.EXPONENTIAL)


def _elapsed(start: float) -> float:
    return round(time.perf_counter() - start, 3)


# multi_observable_source_asset is beta in Dagster 1.13 (observable sources are stable since 1.5); its
# warning would print on every load of the code location. The multi_ form carries owners and kinds.
warnings.filterwarnings("ignore", message="Function `multi_observable_source_asset`", category=dg.BetaWarning)


@dg.multi_observable_source_asset(
    specs=[
        dg.AssetSpec(
            "raw_documents",
            group_name="intake",
            kinds={"pdf"},
            owners=OWNERS,
            description="Inventory of the raw directory, observed (not produced): one row per PDF with "
            "name, size, pages and sha256, and the partition key its content gets. Each document "
            "partition is keyed by its own bytes, so a change in the directory never makes another "
            "document's partition stale.",
        )
    ],
)
def raw_documents(context: dg.AssetExecutionContext, raw_directory: RawDirectory) -> dg.ObserveResult:
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
    # The inventory's content hash is its data version, so observing an unchanged directory records no
    # change.
    inventory = hashlib.sha256("\n".join(f"{r[0]}:{r[3]}" for r in rows).encode()).hexdigest()
    return dg.ObserveResult(
        data_version=dg.DataVersion(inventory[:16]),
        metadata={
            "raw_directory": dg.MetadataValue.path(str(raw_directory.directory().resolve())),
            "documents": len(rows),
            "dagster/row_count": len(rows),
            "total_bytes": sum(r[1] for r in rows),
            "inventory": dg.MetadataValue.md(
                markdown_table(("name", "bytes", "pages", "sha256", "partition", "status"), rows)
            ),
            "elapsed_seconds": _elapsed(start),
        },
    )


@dg.asset(
    partitions_def=source_documents,
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
        "dagster/row_count": len(extraction.facts),
        "dagster/column_schema": fact_column_schema(),
        "facts_table": facts_table(extraction),
        "notes": len(extraction.notes),
        "narrative_amounts": len(extraction.narrative_amounts),
        "tables_per_family": dg.MetadataValue.json(tables_by_family(extraction)),
        "table_previews": dg.MetadataValue.md(table_previews(extraction)),
        "elapsed_seconds": elapsed,
    }
    if extraction.facts:
        overview_start = time.perf_counter()
        metadata["table_pages"] = dg.MetadataValue.md(table_page_overviews(extraction, source.path))
        metadata["table_pages_seconds"] = _elapsed(overview_start)
    tags = {REJECTION_TAG: document.error.kind} if document.error is not None else {}
    if document.error is not None:
        metadata["rejection"] = f"{document.error.kind}: {document.error.message}"
        context.log.warning(f"{source.path.name} rejected: {metadata['rejection']}")
        # Shown in the runs list beside the partition, before the blocking check fails the run.
        context.instance.add_run_tags(context.run.run_id, tags)
    return dg.Output(extraction, metadata=metadata, tags=tags)


# A multi_asset of one asset only for can_subset: a rejected document yields its blocking check alone, and
# the checks it does not yield are recorded as not run instead of failing the step for a missing output.
@dg.multi_asset(
    outs={
        VALIDATED_DOCUMENT.path[-1]: dg.AssetOut(
            key=VALIDATED_DOCUMENT,
            dagster_type=ValidationResult,
            is_required=False,
            group_name="validation",
            kinds={"pandera", "python"},
            owners=OWNERS,
            code_version=VALIDATE_VERSION,
            description="Findings of the schema and accounting rules for one document "
            "(itdrift_pipeline.validate.validate_document), reported as one asset check per rule family "
            "and document partition. Structural errors, or a PDF rejected at intake, block the warehouse "
            "load.",
        )
    },
    partitions_def=source_documents,
    check_specs=checks.check_specs(VALIDATED_DOCUMENT, source_documents),
    can_subset=True,
    ins={"extracted_document": dg.AssetIn(extracted_document.key)},
)
def validated_document(
    context: dg.AssetExecutionContext, extracted_document: ExtractionResult, raw_directory: RawDirectory
):
    from itdrift_pipeline.validate import validate_document  # pandera and pandas: only when a run validates

    start = time.perf_counter()
    validation = validate_document(extracted_document)
    elapsed = _elapsed(start)
    by_severity = {severity: validation.count(severity) for severity in SEVERITIES}
    context.log.info(f"{validation.document.file}: findings {by_severity} in {elapsed:.2f}s")
    if VALIDATED_DOCUMENT in context.selected_asset_keys:
        yield dg.Output(
            validation,
            output_name=VALIDATED_DOCUMENT.path[-1],
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
    # Only the checks this run selected (the UI can run one check of the asset on its own).
    selected = context.selected_asset_check_keys
    source_pdf = _source_pdf(raw_directory, context.partition_key)
    for result in checks.check_results(VALIDATED_DOCUMENT, validation, source_pdf):
        if dg.AssetCheckKey(VALIDATED_DOCUMENT, result.check_name) in selected:
            yield result


def _source_pdf(raw_directory: RawDirectory, partition_key: str) -> Path | None:
    """The partition's PDF for the checks' crops; None when it has left the raw directory (the checks
    still name the cells)."""
    try:
        return find_source_document(raw_directory.pdf_files(), partition_key).path
    except DocumentForPartitionMissing:
        return None


def warehouse_row_counts(engine: sa.Engine) -> dict[str, int]:
    """Rows per dimension and fact table, as a BI user would see them after this load."""
    names = [n for n in sa.inspect(engine).get_table_names() if n.startswith(("dim_", "fact_"))]
    with engine.connect() as connection:
        return {
            name: connection.execute(sa.select(sa.func.count()).select_from(sa.table(name))).scalar_one()
            for name in sorted(names)
        }


def _is_transient(error: BaseException) -> bool:
    return isinstance(error, sa.exc.OperationalError) or (
        isinstance(error, sa.exc.DBAPIError) and error.connection_invalidated
    )


@dg.asset(
    partitions_def=source_documents,
    group_name="warehouse",
    kinds={"sqlalchemy", "sqlite", "postgres"},
    owners=OWNERS,
    code_version=LOAD_VERSION,
    pool=WAREHOUSE_POOL,
    retry_policy=WAREHOUSE_RETRY,
    description="One document's facts, narrative amounts and findings in the star schema, in one "
    "transaction, idempotent by sha256 (itdrift_pipeline.warehouse.load_document). Runs in the "
    "'warehouse' concurrency pool: two loads on SQLite (one writing, one waiting on its lock), several on "
    "PostgreSQL (defs/pools.py).",
)
def warehouse_load(
    context: dg.AssetExecutionContext,
    warehouse: Warehouse,
    extracted_document: ExtractionResult,
    validated_document: ValidationResult,
) -> dg.MaterializeResult:
    start = time.perf_counter()
    try:
        engine = warehouse.engine()
        try:
            summary = load_document(engine, extracted_document, validated_document)
            row_counts = warehouse_row_counts(engine)
        finally:
            engine.dispose()
    except Exception as error:
        # Transient database errors propagate as they are, and WAREHOUSE_RETRY retries them; anything
        # else would fail the same way again, so it is not retried.
        if _is_transient(error):
            raise
        raise dg.Failure(
            description=f"loading into {warehouse.display_url()} failed: {type(error).__name__}: {error}",
            allow_retries=False,
        ) from error
    elapsed = _elapsed(start)
    context.log.info(f"{extracted_document.document.file}: {summary} in {elapsed:.2f}s")
    return dg.MaterializeResult(
        metadata={
            "status": summary.status,
            "sha256": extracted_document.document.sha256,
            "facts_loaded": summary.facts,
            "dagster/row_count": summary.facts,
            "warehouse_rows": dg.MetadataValue.table(
                [dg.TableRecord({"table": name, "rows": rows}) for name, rows in row_counts.items()],
                schema=dg.TableSchema(columns=[dg.TableColumn("table", "string"),
                                               dg.TableColumn("rows", "int")]),
            ),
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
    context: dg.AssetExecutionContext,
    warehouse: Warehouse,
    reports_directory: ReportsDirectory,
    raw_directory: RawDirectory,
) -> dg.MaterializeResult:
    # Imported here: the report stack (pandas, altair, the chart renderer) is seconds of start-up that a
    # run with nothing new, which never builds a report, should not pay.
    from itdrift_pipeline.reports import build_reports

    start = time.perf_counter()
    engine = warehouse.engine()
    try:
        built = build_reports(engine, reports_directory.directory(), raw_directory.directory())
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
            "source_crops_rendered": built.crops_rendered,
            "source_crops_reused": built.crops_reused,
            "report_files": dg.MetadataValue.md(
                markdown_table(("report",), [[p.name] for p in built.report_paths])
            ),
            "elapsed_seconds": elapsed,
        }
    )


DOCUMENT_ASSETS = [extracted_document, validated_document, warehouse_load]
ALL_ASSETS = [raw_documents, *DOCUMENT_ASSETS, reports]
