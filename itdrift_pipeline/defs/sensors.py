"""The sensors: the raw directory (new and changed PDFs become partitions and runs; removed ones are
reported) and the reports (rebuilt after new warehouse loads, once none is in progress).

The raw-directory cursor is the JSON map file name → {size, mtime_ns, sha256} of the directory at the
last tick, so a file whose bytes change is noticed while a file whose size and mtime are unchanged is not
read again (a tick over thousands of unchanged PDFs costs a stat each); each run's run_key is the
partition key, so the same bytes never run twice. The reports cursor is the storage id of the last
warehouse load the reports were built after.
"""

import dataclasses
import json

import dagster as dg

from itdrift_pipeline.defs.assets import DOCUMENT_ASSETS, raw_documents, reports, warehouse_load
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

DOCUMENT_SELECTION = [asset.key for asset in DOCUMENT_ASSETS]


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
    target=[raw_documents, *DOCUMENT_ASSETS],
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Registers each new or changed PDF in the raw directory as a source_documents partition "
    "and requests extract → validate → load for it; reports removed files (their loaded data are kept).",
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
    new_keys = [doc.partition_key for doc in changed]
    # Another file (or an earlier tick whose cursor was lost) may already have registered a key.
    unregistered = [
        key for key in dict.fromkeys(new_keys) if not context.instance.has_dynamic_partition(
            source_documents.name, key)
    ]

    run_requests = [
        dg.RunRequest(run_key=doc.partition_key, partition_key=doc.partition_key,
                      asset_selection=DOCUMENT_SELECTION, tags={"itdrift/file": doc.path.name})
        for doc in changed
    ]
    if changed or removed:
        # The inventory is refreshed whenever the directory changed.
        run_requests.append(dg.RunRequest(asset_selection=[raw_documents.key]))

    asset_events = []
    for name in removed:
        key = partition_key_for(raw_directory.directory() / name, previous[name].sha256)
        context.log.warning(
            f"{name} was removed from {raw_directory.directory()}; partition {key} and its warehouse "
            "rows are kept"
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

    cursor = _write_cursor(stamps)
    if not run_requests:
        return dg.SensorResult(skip_reason=f"no new or changed PDFs in {raw_directory.directory()}",
                               cursor=cursor)
    partition_requests = [source_documents.build_add_request(unregistered)] if unregistered else []
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
    return sum(1 for run in runs if run.asset_selection and warehouse_load.key in run.asset_selection)


@dg.sensor(
    name="reports_after_loads",
    target=[reports],
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
