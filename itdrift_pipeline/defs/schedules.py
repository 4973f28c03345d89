"""The nightly schedule, 02:00 Europe/Copenhagen: runs every document that is new or stale, then the reports.

"New or stale" is freshness.documents_to_run, the same decision `itdrift run` makes: a stage's code version
changed since the partition was materialised (see the *_VERSION constants in assets.py), or its last run
failed; a document blocked by its structural check is not retried for the same bytes and code. When
documents run, the reports_after_loads sensor rebuilds the reports once the loads settle; on a quiet night
the schedule rebuilds the reports itself.
"""

import dagster as dg

from itdrift_pipeline.defs.assets import ALL_ASSETS, DOCUMENT_ASSETS, raw_documents, reports
from itdrift_pipeline.defs.freshness import documents_to_run
from itdrift_pipeline.defs.partitions import scan_source_documents, source_documents
from itdrift_pipeline.defs.resources import RawDirectory, Warehouse


@dg.schedule(
    name="nightly_refresh",
    cron_schedule="0 2 * * *",
    execution_timezone="Europe/Copenhagen",
    target=ALL_ASSETS,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="02:00 Copenhagen: registers any PDF the sensor has not seen, runs new or stale documents, "
    "and rebuilds the reports.",
)
def nightly_refresh(
    context: dg.ScheduleEvaluationContext, raw_directory: RawDirectory, warehouse: Warehouse
):
    documents = scan_source_documents(raw_directory.pdf_files())
    keys = list(dict.fromkeys(doc.partition_key for doc in documents))
    # The sensor normally registers partitions; the schedule does too, so a stopped sensor loses nothing.
    unregistered = [k for k in keys if not context.instance.has_dynamic_partition(source_documents.name, k)]
    if unregistered:
        context.instance.add_dynamic_partitions(source_documents.name, unregistered)
    stale = documents_to_run(context.instance, keys, warehouse.display_url(), warehouse.stored_documents())
    versions = ".".join(asset.code_versions_by_key[asset.key] or "" for asset in DOCUMENT_ASSETS)
    day = context.scheduled_execution_time.date().isoformat()
    if not stale:
        return [dg.RunRequest(run_key=f"reports~{day}", asset_selection=[raw_documents.key, reports.key])]
    requests = [
        # One run per document, code version and night: documents_to_run already leaves out a document
        # blocked by its structural check, so only a failed run is retried, the next night.
        dg.RunRequest(run_key=f"{key}@{versions}~{day}", partition_key=key,
                      asset_selection=[asset.key for asset in DOCUMENT_ASSETS])
        for key in stale
    ]
    requests.append(dg.RunRequest(run_key=f"inventory~{day}", asset_selection=[raw_documents.key]))
    return requests
