"""The sensors: the raw directory (new and changed PDFs become partitions and runs; partitions whose file is
gone are deleted) and the reports (rebuilt after new warehouse loads, once none is in progress).

The raw-directory cursor is the JSON map file name → {size, mtime_ns, sha256} of the directory at the
last tick, so a file whose bytes change is noticed while a file whose size and mtime are unchanged is not
read again (a tick over thousands of unchanged PDFs costs a stat each); each run's run_key is the
partition key, so the same bytes never run twice. The reports cursor is the storage id of the last
warehouse load the reports were built after.

A partition whose bytes are no longer in the directory (the file was removed, or replaced by new bytes
that have their own partition) cannot be materialised again, so it is deleted: "materialize all" and
backfills then cover only documents that exist. Its runs, materialisations and check results stay in the
instance, and its rows stay in the warehouse.
"""

import dataclasses
import json

import dagster as dg

from itdrift_pipeline.defs.assets import raw_documents, warehouse_load
from itdrift_pipeline.defs.jobs import build_reports, document_chain, observe_raw_directory
from itdrift_pipeline.defs.partitions import (
    UNTRUSTED,
    FileStamp,
    SourceDocument,
    partition_key_for,
    source_documents,
    stamp_source_documents,
)
from itdrift_pipeline.defs.pools import ensure_warehouse_pool_limit
from itdrift_pipeline.defs.resources import RawDirectory


def _read_cursor(cursor: str | None) -> dict[str, FileStamp]:
    """The stamps of the last tick. The first version's cursor mapped name → sha256 only: such a file is
    hashed once more (its stamp has no size or mtime to trust) and runs only if its bytes changed."""
    stamps = {}
    for name, value in (json.loads(cursor) if cursor else {}).items():
        if isinstance(value, str):
            stamps[name] = FileStamp(size=UNTRUSTED, mtime_ns=UNTRUSTED, sha256=value)
        else:
            stamps[name] = FileStamp(**value)
    return stamps


def _write_cursor(stamps: dict[str, FileStamp]) -> str:
    return json.dumps({name: dataclasses.asdict(stamp) for name, stamp in sorted(stamps.items())})


@dg.sensor(
    name="raw_directory_sensor",
    jobs=[document_chain, observe_raw_directory],
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Registers each new or changed PDF in the raw directory as a source_documents partition "
    "and runs document_chain for it; deletes the partitions whose file is gone (their runs and loaded "
    "data are kept).",
)
def raw_directory_sensor(context: dg.SensorEvaluationContext, raw_directory: RawDirectory) -> dg.SensorResult:
    ensure_warehouse_pool_limit(context.instance, context.log)
    previous = _read_cursor(context.cursor)
    pdfs = raw_directory.pdf_files()
    stamps = stamp_source_documents(pdfs, previous)
    current = {pdf.name: SourceDocument(path=pdf, sha256=stamps[pdf.name].sha256) for pdf in pdfs}

    changed = [
        doc for name, doc in current.items() if name not in previous or previous[name].sha256 != doc.sha256
    ]
    removed = sorted(set(previous) - set(current))
    current_keys = {doc.partition_key for doc in current.values()}
    registered = context.instance.get_dynamic_partitions(source_documents.name)
    # Another file (or an earlier tick whose cursor was lost) may already have registered a key.
    new_keys = dict.fromkeys(doc.partition_key for doc in changed)
    unregistered = [key for key in new_keys if key not in registered]
    # Every registered key without its bytes in the directory, not only this tick's: partitions made by
    # `itdrift run` or before a lost cursor are cleaned up as well.
    without_file = [key for key in registered if key not in current_keys]

    run_requests = [
        dg.RunRequest(run_key=doc.partition_key, partition_key=doc.partition_key,
                      job_name=document_chain.name, tags={"itdrift/file": doc.path.name})
        for doc in changed
    ]
    if changed or removed:
        # The inventory is observed again whenever the directory changed.
        run_requests.append(dg.RunRequest(job_name=observe_raw_directory.name))

    asset_events = []
    for name in removed:
        key = partition_key_for(raw_directory.directory() / name, previous[name].sha256)
        context.log.warning(
            f"{name} was removed from {raw_directory.directory()}; partition {key} is deleted, its runs "
            "and its warehouse rows are kept"
        )
        asset_events.append(
            dg.AssetObservation(
                asset_key=raw_documents.key,
                metadata={"removed_file": name, "partition": key, "sha256": previous[name].sha256,
                          "loaded_data": "kept in the warehouse"},
            )
        )
    for doc in changed:
        what = "changed" if doc.path.name in previous else "new"
        context.log.info(f"{doc.path.name} is {what}: partition {doc.partition_key}")
    if without_file:
        context.log.info(f"deleting partition(s) whose bytes are no longer in the directory: {without_file}")

    partition_requests = []
    if unregistered:
        partition_requests.append(source_documents.build_add_request(unregistered))
    if without_file:
        partition_requests.append(source_documents.build_delete_request(without_file))
    cursor = _write_cursor(stamps)
    if not run_requests and not partition_requests:
        return dg.SensorResult(skip_reason=f"no new or changed PDFs in {raw_directory.directory()}",
                               cursor=cursor)
    return dg.SensorResult(
        run_requests=run_requests,
        dynamic_partitions_requests=partition_requests,
        asset_events=asset_events,
        cursor=cursor,
    )


RUNNING_STATUSES = [
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
]


def _loads_in_progress(instance: dg.DagsterInstance) -> int:
    runs = instance.get_runs(filters=dg.RunsFilter(statuses=RUNNING_STATUSES))
    # Sensor and schedule runs are document_chain runs; `itdrift run` and the UI select the assets.
    return sum(
        1 for run in runs
        if run.job_name == document_chain.name
        or (run.asset_selection and warehouse_load.key in run.asset_selection)
    )


@dg.sensor(
    name="reports_after_loads",
    job=build_reports,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Rebuilds the reports after new warehouse loads, once no run with a load is in progress, "
    "so a batch of new documents gives one rebuild.",
)
def reports_after_loads(context: dg.SensorEvaluationContext) -> dg.SensorResult:
    records = context.instance.fetch_materializations(warehouse_load.key, limit=1).records
    if not records:
        return dg.SensorResult(skip_reason="no warehouse load yet")
    latest = records[0].storage_id
    if context.cursor and int(context.cursor) >= latest:
        return dg.SensorResult(skip_reason="the reports already include the latest warehouse load")
    busy = _loads_in_progress(context.instance)
    if busy:
        return dg.SensorResult(skip_reason=f"waiting for {busy} run(s) with a warehouse load to finish")
    return dg.SensorResult(run_requests=[dg.RunRequest(run_key=f"reports~{latest}")], cursor=str(latest))
