"""Whether a document partition needs a run: the one decision behind the nightly schedule and `itdrift run`.

A partition is up to date when its chain extracted_document → validated_document → warehouse_load was
materialised, in that order, by the current code version of each stage (the *_VERSION constants in
assets.py) into the same warehouse, and that warehouse still holds the document (a deleted or replaced
warehouse file loads everything again) — or when its latest run was blocked by the structural check after
the current extract and validate versions: the same bytes through the same code give the same findings,
so running it again would only block again. A run that failed for any other reason (a step raised, the
run was cancelled) is always run again, because the cause — a warehouse that was down, a file being
copied — is usually outside the document and may have gone away.
"""

from __future__ import annotations

from collections.abc import Mapping

import dagster as dg

from itdrift_pipeline.defs.assets import extracted_document, validated_document, warehouse_load
from itdrift_pipeline.defs.checks import RULE_FAMILIES

CODE_VERSION_TAG = "dagster/code_version"
PARTITION_TAG = "dagster/partition"
FINISHED = [dg.DagsterRunStatus.SUCCESS, dg.DagsterRunStatus.FAILURE, dg.DagsterRunStatus.CANCELED]
BLOCKING_CHECKS = {family.check_name for family in RULE_FAMILIES if family.blocking}


def _latest_current(
    instance: dg.DagsterInstance, asset: dg.AssetsDefinition, partition_key: str
) -> dg.EventLogRecord | None:
    """The partition's latest materialisation of the asset if the asset's current code version made it."""
    records = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=asset.key, asset_partitions=[partition_key]), limit=1
    ).records
    if not records or records[0].asset_materialization is None:
        return None
    tags = records[0].asset_materialization.tags or {}
    return records[0] if tags.get(CODE_VERSION_TAG) == asset.code_versions_by_key[asset.key] else None


def _blocked(instance: dg.DagsterInstance, run_id: str) -> bool:
    """The run's blocking structural check failed (so its warehouse_load step was refused)."""
    evaluations = instance.get_records_for_run(
        run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION
    ).records
    for record in evaluations:
        entry = record.event_log_entry
        evaluation = entry.dagster_event.event_specific_data if entry.dagster_event else None
        if getattr(evaluation, "check_name", None) in BLOCKING_CHECKS and not evaluation.passed:
            return bool(evaluation.blocking)
    return False


def up_to_date(
    instance: dg.DagsterInstance, partition_key: str, warehouse: str, stored: Mapping[str, str]
) -> str | None:
    """Why the partition needs no run (e.g. "loaded: 77 facts into sqlite:///… (run 1a2b3c4d)"), or None
    when it must run. `warehouse` is the display URL the load would write to (Warehouse.display_url()),
    `stored` what that warehouse holds now (warehouse.stored_documents)."""
    extracted = _latest_current(instance, extracted_document, partition_key)
    validated = _latest_current(instance, validated_document, partition_key)
    if extracted is None or validated is None or extracted.storage_id > validated.storage_id:
        return None

    last_runs = instance.get_run_records(
        filters=dg.RunsFilter(tags={PARTITION_TAG: partition_key}, statuses=FINISHED), limit=1
    )
    last_run = last_runs[0].dagster_run if last_runs else None
    if last_run is not None and last_run.status != dg.DagsterRunStatus.SUCCESS:
        if last_run.run_id == validated.run_id and _blocked(instance, last_run.run_id):
            return (f"blocked by the structural check (run {last_run.run_id[:8]}); the same bytes would "
                    "block again")
        return None

    loaded = _latest_current(instance, warehouse_load, partition_key)
    if loaded is None or loaded.storage_id < validated.storage_id or loaded.asset_materialization is None:
        return None
    metadata = {k: getattr(v, "value", v) for k, v in loaded.asset_materialization.metadata.items()}
    if metadata.get("warehouse") != warehouse or metadata.get("sha256") not in stored:
        return None
    return (f"{metadata.get('status')}: {metadata.get('facts_loaded')} facts into {warehouse} "
            f"(run {loaded.run_id[:8]})")


def documents_to_run(
    instance: dg.DagsterInstance, partition_keys: list[str], warehouse: str, stored: Mapping[str, str]
) -> list[str]:
    """The partitions that are not up to date, in the given order."""
    return [key for key in partition_keys if up_to_date(instance, key, warehouse, stored) is None]
