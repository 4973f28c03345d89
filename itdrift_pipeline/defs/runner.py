"""`itdrift run`: materialise every asset for every PDF in the raw directory, with progress on stdout.

A document whose partition is already up to date in the instance (freshness.up_to_date_all, the nightly
schedule's own decision) is skipped, so the same bytes never run twice; `force=True` (`itdrift run
--force`) runs every document again. The inventory is observed and the reports are rebuilt unless
nothing is new (every PDF known and up to date, none gone, the report index there): a nightly no-op
opens no PDF and builds nothing.

Runs are recorded in a persistent Dagster instance ($DAGSTER_HOME, else .dagster_home/ in the working
directory), so `DAGSTER_HOME=$PWD/.dagster_home dagster dev` shows them afterwards.
"""

import contextlib
import io
import logging
import os
import sys
import threading
import time
from collections.abc import Mapping
from concurrent.futures import Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import dagster as dg
import sqlalchemy as sa
from dagster._core.errors import DagsterAssetCheckFailedError

from itdrift_pipeline import settings
from itdrift_pipeline.defs.assets import (
    ALL_ASSETS,
    DOCUMENT_ASSETS,
    extracted_document,
    raw_documents,
    reports,
    validated_document,
    warehouse_load,
)
from itdrift_pipeline.defs.freshness import up_to_date_all
from itdrift_pipeline.defs.partitions import SourceDocument, scan_source_documents, source_documents
from itdrift_pipeline.defs.pools import assign_stranded_loads, ensure_warehouse_pool_limit
from itdrift_pipeline.defs.resources import RawDirectory, ReportsDirectory, Warehouse
from itdrift_pipeline.fork_server import RUN_WORKER_MODULES, worker_context
from itdrift_pipeline.settings import ConfigurationError
from itdrift_pipeline.warehouse.dialect import WarehouseUrlError

LOCAL_HOME = ".dagster_home"
# reports.build.INDEX_NAME (not imported: the report stack is seconds of start-up), the page linking every
# report.
REPORT_INDEX = "index.html"

LOCAL_INSTANCE_YAML = """\
# The project-local Dagster instance of `itdrift run` and `dagster dev`, committed so that
# `DAGSTER_HOME=$PWD/.dagster_home dagster dev` works on a fresh checkout (`itdrift run` writes it when
# missing); see deploy/dagster.yaml for a team setup.
# The "warehouse" pool's limit is stored in the instance itself (itdrift_pipeline/defs/pools.py).
# A batch command prints no telemetry banner; set to true to share anonymous usage statistics with Dagster.
telemetry:
  enabled: false
"""

BLOCKED_BY_CHECK = DagsterAssetCheckFailedError.__name__

# The progress lines below are the command's output; Dagster's own event log stays in the instance (and
# the UI), and only its warnings reach the terminal.
QUIET_CONSOLE = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}

# How often `itdrift run` looks for loads stranded by Dagster's slot claim while it waits for its workers
# (pools.assign_stranded_loads).
STRANDED_LOAD_POLL_SECONDS = 2.0


def local_instance() -> dg.DagsterInstance:
    """$DAGSTER_HOME's instance, else the project-local one (created on first use).

    A DAGSTER_HOME that is missing, not a directory or not writable is a settings.ConfigurationError.
    """
    if os.environ.get("DAGSTER_HOME"):
        home = Path(os.environ["DAGSTER_HOME"])
        if not home.is_dir():
            raise ConfigurationError(
                f"DAGSTER_HOME={home} is not a directory; create it (mkdir -p {home}) or unset DAGSTER_HOME "
                f"to keep the runs in ./{LOCAL_HOME}"
            )
        _check_writable(home, "DAGSTER_HOME")
        try:
            return dg.DagsterInstance.get()
        except Exception as error:  # a bad dagster.yaml raises yaml, config and import errors alike
            raise ConfigurationError(
                f"the Dagster instance in DAGSTER_HOME={home} cannot be opened ({type(error).__name__}: "
                f"{str(error).strip().splitlines()[0] if str(error).strip() else ''}); fix its "
                "dagster.yaml or point DAGSTER_HOME elsewhere"
            ) from error
    home = Path(LOCAL_HOME).resolve()
    try:
        home.mkdir(parents=True, exist_ok=True)
        config = home / "dagster.yaml"
        if not config.exists():
            config.write_text(LOCAL_INSTANCE_YAML, encoding="utf-8")
    except OSError as error:
        raise ConfigurationError(
            f"cannot create the Dagster instance in {home} ({error.strerror}); run from a writable "
            "directory or set DAGSTER_HOME to one"
        ) from error
    _check_writable(home, "the Dagster instance directory")
    return dg.DagsterInstance.from_config(str(home))


def _check_writable(directory: Path, what: str) -> None:
    if not os.access(directory, os.W_OK | os.X_OK):
        raise ConfigurationError(
            f"{what} {directory} is not writable; fix its permissions or point DAGSTER_HOME at a writable "
            "directory"
        )


def check_raw_directory(directory: Path) -> None:
    """The raw directory must exist: a typo in ITDRIFT_RAW_DIR would otherwise be "0 PDF(s)" and an empty
    report."""
    if not directory.is_dir():
        raise ConfigurationError(
            f"raw directory {directory} does not exist or is not a directory; create it or set "
            "ITDRIFT_RAW_DIR (or --raw-dir) to the folder of PDFs"
        )


@dataclass
class RunTotals:
    loaded: int = 0
    up_to_date: int = 0
    rejected: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    facts: int = 0
    findings: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})


def _metadata(result: dg.ExecuteInProcessResult, asset: dg.AssetsDefinition) -> Mapping[str, object]:
    materializations = result.asset_materializations_for_node(asset.op.name)
    if not materializations:
        return {}
    return {k: getattr(v, "value", v) for k, v in materializations[-1].metadata.items()}


def _failure(result: dg.ExecuteInProcessResult) -> tuple[str, str] | None:
    """(error class, "step: message") of the first failed step, or None."""
    for event in result.get_step_failure_events():
        error = event.step_failure_data.error
        cls_name = error.cls_name if error else ""
        message = error.message.strip() if error else "unknown error"
        if error and error.cause and cls_name != BLOCKED_BY_CHECK:
            message = error.cause.message.strip()
        return cls_name or "", f"{event.step_key}: {message.splitlines()[0] if message else ''}"
    return None


def print_document_progress(
    out: TextIO, result: dg.ExecuteInProcessResult, totals: RunTotals, name: str
) -> None:
    """The stage lines of one document's run, and its count in the totals (loaded/rejected/failed)."""
    extract = _metadata(result, extracted_document)
    if extract:
        status = extract.get("status")
        tables = extract.get("tables_per_family") or {}
        tables_text = ", ".join(f"{n} {family}" for family, n in tables.items() if n)
        detail = (
            f"{extract.get('pages')} pages, {extract.get('facts')} facts, {extract.get('notes')} notes, "
            f"{extract.get('narrative_amounts')} narrative amounts; tables: {tables_text or 'none'}"
        )
        if status == "rejected":
            detail = f"REJECTED {extract.get('rejection')}"
        out.write(f"    extract   {detail}  ({extract.get('elapsed_seconds')}s)\n")
    validate = _metadata(result, validated_document)
    if validate:
        counts = {s: int(validate.get(f"findings_{s}", 0)) for s in totals.findings}
        out.write(
            f"    validate  {counts['error']} errors, {counts['warning']} warnings, {counts['info']} info"
            f"  ({validate.get('elapsed_seconds')}s)\n"
        )
        for severity, count in counts.items():
            totals.findings[severity] += count
    load = _metadata(result, warehouse_load)
    if load:
        out.write(f"    load      {load.get('status')}: {load.get('facts_loaded')} facts into "
                  f"{load.get('warehouse')}  ({load.get('elapsed_seconds')}s)\n")

    failure = _failure(result)
    if extract.get("status") == "rejected" and (not failure or failure[0] == BLOCKED_BY_CHECK):
        # The blocking check fails on a rejected PDF by design: data, not a failed run.
        totals.rejected.append(f"{name} ({extract.get('rejection')})")
    elif failure and failure[0] == BLOCKED_BY_CHECK:
        totals.rejected.append(f"{name} (structural errors: not loaded)")
        out.write("    load      BLOCKED: the document_structure check failed; see validated_document\n")
    elif failure:
        totals.failed.append(f"{name}: {failure[1]}")
        out.write(f"    FAILED    {failure[1]}\n")
    else:
        totals.loaded += 1
        totals.facts += int(extract.get("facts", 0))


def _stored_documents(warehouse: Warehouse, out: TextIO) -> dict[str, str]:
    """What the warehouse holds; an unreadable warehouse holds nothing, so every document runs (and its
    load step fails with the cause, as a run the user can open)."""
    try:
        return warehouse.stored_documents()
    except (WarehouseUrlError, sa.exc.SQLAlchemyError) as error:
        out.write(f"Warehouse {warehouse.display_url()} cannot be read ({type(error).__name__}); "
                  "every document runs\n")
        return {}


def materialize_everything(
    raw_dir: str | None = None,
    warehouse_url: str | None = None,
    out: TextIO | None = None,
    force: bool = False,
    workers: int = 1,
) -> int:
    """Observe raw_documents, materialise every document partition not yet up to date (every one with `force`)
    and the reports; 0 unless a run failed.

    A rejected document, or one blocked by its structural check, is data (reported, exit 0); a step that
    raised is a failed run (exit 1). With `workers` > 1, documents run `workers` at a time, each in its
    own process; the "warehouse" pool bounds how many of their loads run at once.
    """
    out = out or sys.stdout
    started = time.perf_counter()
    check_raw_directory(settings.raw_dir(raw_dir))
    with local_instance() as instance:
        configuration = (raw_dir, warehouse_url)
        return _materialize(instance, configuration, settings.raw_dir(raw_dir), out, started, force, workers)


def _resources(raw_dir: str | None, warehouse_url: str | None) -> dict[str, dg.ConfigurableResource]:
    return {
        "raw_directory": RawDirectory(path=raw_dir),
        "warehouse": Warehouse(url=warehouse_url),
        "reports_directory": ReportsDirectory(),
    }


def _run_document(
    instance: dg.DagsterInstance,
    resources: Mapping[str, dg.ConfigurableResource],
    partition_key: str,
    name: str,
) -> tuple[str, RunTotals]:
    """One document's run: its progress lines and its count in the totals."""
    result = dg.materialize(
        ALL_ASSETS,
        selection=DOCUMENT_ASSETS,
        partition_key=partition_key,
        instance=instance,
        resources=resources,
        raise_on_error=False,
        run_config=QUIET_CONSOLE,
        tags={"itdrift/file": name, "itdrift/launched_by": "itdrift run"},
    )
    progress, totals = io.StringIO(), RunTotals()
    print_document_progress(progress, result, totals, name)
    return progress.getvalue(), totals


# A worker process's connection to the instance, opened once by _open_worker_instance for all the
# documents the worker runs.
_worker_instance: dg.DagsterInstance | None = None


def _open_worker_instance() -> None:
    """Worker initialiser: open the instance, as the parent did, before the first document arrives."""
    global _worker_instance
    _worker_instance = local_instance()


def _run_document_in_worker(
    configuration: tuple[str | None, str | None], partition_key: str, name: str
) -> tuple[str, RunTotals]:
    """In a worker process: the document's run on the same instance (the worker's own connection to it)."""
    assert _worker_instance is not None, "the pool's initializer opens the instance"
    return _run_document(_worker_instance, _resources(*configuration), partition_key, name)


def _result(run: Future, instance: dg.DagsterInstance) -> tuple[str, RunTotals]:
    """A worker's document, waited for while handing the workers' loads any slot Dagster left free."""
    while not wait([run], timeout=STRANDED_LOAD_POLL_SECONDS).done:
        assign_stranded_loads(instance)
    return run.result()


def _submit_in_background(
    pool: ProcessPoolExecutor, configuration: tuple[str | None, str | None], documents: list[SourceDocument]
) -> Future[dict[str, Future]]:
    """The documents handed to the pool by a thread, each partition key to its run: the first hand-over
    waits for the worker server's imports, which this process need not wait for. The largest files go
    first, so that the last document to finish is a short one and the workers end together."""
    handed: Future[dict[str, Future]] = Future()
    documents = sorted(documents, key=_file_size, reverse=True)

    def hand_over() -> None:
        try:
            handed.set_result({
                document.partition_key: pool.submit(
                    _run_document_in_worker, configuration, document.partition_key, document.path.name
                )
                for document in documents
            })
        except BaseException as error:  # noqa: BLE001  (raised again where the runs are read)
            handed.set_exception(error)

    threading.Thread(target=hand_over, name="itdrift-run-submit", daemon=True).start()
    return handed


def _file_size(document: SourceDocument) -> int:
    try:
        return document.path.stat().st_size
    except OSError:  # gone since the scan: its run reports it
        return 0


def _add(totals: RunTotals, document: RunTotals) -> None:
    totals.loaded += document.loaded
    totals.rejected.extend(document.rejected)
    totals.failed.extend(document.failed)
    totals.facts += document.facts
    for severity, count in document.findings.items():
        totals.findings[severity] += count


def _materialize(
    instance: dg.DagsterInstance,
    configuration: tuple[str | None, str | None],
    directory: Path,
    out: TextIO,
    started: float,
    force: bool,
    workers: int = 1,
) -> int:
    resources = _resources(*configuration)
    warehouse = resources["warehouse"]
    ensure_warehouse_pool_limit(instance, logging.getLogger(__name__), warehouse.resolved_url())
    documents = scan_source_documents(resources["raw_directory"].pdf_files())
    out.write(f"itdrift run: {len(documents)} PDF(s) in {directory}; "
              f"Dagster instance {instance.root_directory}\n")
    out.flush()

    totals = RunTotals()
    keys = list(dict.fromkeys(doc.partition_key for doc in documents))
    url, stored = warehouse.display_url(), ({} if force else _stored_documents(warehouse, out))
    reasons = {key: None for key in keys} if force else up_to_date_all(instance, keys, url, stored)
    known = set(instance.get_dynamic_partitions(source_documents.name))
    report_index = Path(resources["reports_directory"].directory()) / REPORT_INDEX
    # Nothing new: every PDF is one the instance knows and has run through the current code, and no PDF
    # has gone; the inventory and the reports would come out as they are, so neither is redone and no
    # PDF is opened.
    nothing_new = (
        bool(keys) and set(keys) == known and all(reasons.values()) and report_index.is_file()
    )
    missing = [k for k in keys if k not in known]
    if missing:
        instance.add_dynamic_partitions(source_documents.name, missing)

    to_run = [document for document in documents if reasons[document.partition_key] is None]
    with contextlib.ExitStack() as stack:
        # The workers start on their documents first; the inventory and the report stack's imports run
        # here meanwhile.
        parallel = workers > 1 and len(to_run) > 1
        handed: Future[dict[str, Future]] | None = None
        if parallel:
            pool = stack.enter_context(ProcessPoolExecutor(
                max_workers=min(workers, len(to_run)), mp_context=worker_context(RUN_WORKER_MODULES),
                initializer=_open_worker_instance,
            ))
            handed = _submit_in_background(pool, configuration, to_run)
        if not nothing_new:
            # Selecting the observable source asset runs its observation.
            inventory = dg.materialize([raw_documents], selection=[raw_documents], instance=instance,
                                       resources=resources, raise_on_error=False, run_config=QUIET_CONSOLE)
            if not inventory.success:
                totals.failed.append((_failure(inventory) or ("", "raw_documents: failed"))[1])
            if parallel:
                # Built below, after the documents: the report stack's imports and its chart renderer's
                # start happen while the workers run.
                from itdrift_pipeline.reports.charts import start_renderer

                start_renderer()
        runs = handed.result() if handed is not None else {}
        for number, document in enumerate(documents, start=1):
            out.write(
                f"[{number}/{len(documents)}] {document.path.name}  partition {document.partition_key}\n"
            )
            out.flush()
            reason = reasons[document.partition_key]
            if reason is not None:
                totals.up_to_date += 1
                out.write(f"    up to date, skipped  {reason}\n")
                continue
            if document.partition_key in runs:
                progress, counted = _result(runs[document.partition_key], instance)
            else:
                progress, counted = _run_document(
                    instance, resources, document.partition_key, document.path.name
                )
            out.write(progress)
            _add(totals, counted)
            out.flush()

    if nothing_new:
        report_status = f"{report_index.resolve()} (nothing new: not rebuilt)"
    else:
        built = dg.materialize(ALL_ASSETS, selection=[reports], instance=instance, resources=resources,
                               raise_on_error=False, run_config=QUIET_CONSOLE)
        report_status = _metadata(built, reports).get("index") or "not built"
        if not built.success:
            totals.failed.append((_failure(built) or ("", "reports: failed"))[1])

    findings = ", ".join(f"{n} {severity}" for severity, n in totals.findings.items())
    out.write(
        f"\nSummary: {totals.loaded} document(s) loaded, {len(totals.rejected)} rejected, "
        f"{len(totals.failed)} failed, {totals.up_to_date} up to date (skipped); {totals.facts} facts; "
        f"findings: {findings}\n"
    )
    for line in totals.rejected:
        out.write(f"  rejected: {line}\n")
    for line in totals.failed:
        out.write(f"  FAILED:   {line}\n")
    if totals.up_to_date:
        out.write("  (`itdrift run --force` runs up-to-date documents again)\n")
    out.write(f"Warehouse: {warehouse.display_url()}\n")
    out.write(f"Report:    {report_status}\n")
    out.write(f"Done in {time.perf_counter() - started:.1f}s. "
              f"See the runs with: DAGSTER_HOME={instance.root_directory} dagster dev\n")
    out.flush()
    return 1 if totals.failed else 0
