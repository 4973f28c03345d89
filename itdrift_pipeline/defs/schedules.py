"""The nightly schedule, 02:00 Europe/Copenhagen: runs document_chain for every document that is new or stale.

"New or stale" is freshness.documents_to_run, the same decision `itdrift run` makes: a stage's code version
changed since the partition was materialised (see the *_VERSION constants in assets.py), or its last run
failed; a document blocked by its structural check is not retried for the same bytes and code. The
reports_after_loads sensor rebuilds the reports once the loads settle.

An evaluation only reads (the raw directory, the instance, the warehouse) and returns run requests, so the
UI's "Test schedule" changes nothing. Partitions are registered by raw_directory_sensor alone; a PDF it has
not registered yet (the sensor is stopped) is named in the log and the skip reason, not run.
"""

import dagster as dg

from itdrift_pipeline.defs.assets import DOCUMENT_ASSETS
from itdrift_pipeline.defs.freshness import documents_to_run
from itdrift_pipeline.defs.jobs import document_chain
from itdrift_pipeline.defs.partitions import scan_source_documents, source_documents
from itdrift_pipeline.defs.resources import RawDirectory, Warehouse


@dg.schedule(
    name="nightly_refresh",
    cron_schedule="0 2 * * *",
    execution_timezone="Europe/Copenhagen",
    job=document_chain,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="02:00 Copenhagen: runs document_chain for every registered document that is new or stale.",
)
def nightly_refresh(
    context: dg.ScheduleEvaluationContext, raw_directory: RawDirectory, warehouse: Warehouse
) -> list[dg.RunRequest] | dg.SkipReason:
    documents = scan_source_documents(raw_directory.pdf_files())
    keys = list(dict.fromkeys(doc.partition_key for doc in documents))
    registered = set(context.instance.get_dynamic_partitions(source_documents.name))
    unregistered = [key for key in keys if key not in registered]
    if unregistered:
        context.log.warning(
            f"not yet registered by raw_directory_sensor (is it running?), so not run: {unregistered}"
        )
    registered_keys = [key for key in keys if key in registered]
    stale = documents_to_run(context.instance, registered_keys, warehouse.display_url(),
                             warehouse.stored_documents())
    if not stale:
        waiting = f"; {len(unregistered)} PDF(s) wait for raw_directory_sensor" if unregistered else ""
        return dg.SkipReason(f"every registered document is up to date{waiting}")
    versions = ".".join(asset.code_versions_by_key[asset.key] or "" for asset in DOCUMENT_ASSETS)
    day = context.scheduled_execution_time.date().isoformat()
    # One run per document, code version and night: documents_to_run already leaves out a document
    # blocked by its structural check, so only a failed run is retried, the next night.
    return [dg.RunRequest(run_key=f"{key}@{versions}~{day}", partition_key=key) for key in stale]
