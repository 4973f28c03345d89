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

from collections.abc import Mapping, Sequence

import dagster as dg

from itdrift_pipeline.defs.assets import extracted_document, validated_document, warehouse_load
from itdrift_pipeline.defs.checks import RULE_FAMILIES

CODE_VERSION_TAG = "dagster/code_version"
PARTITION_TAG = "dagster/partition"
FINISHED = [dg.DagsterRunStatus.SUCCESS, dg.DagsterRunStatus.FAILURE, dg.DagsterRunStatus.CANCELED]
BLOCKING_CHECKS = {family.check_name for family in RULE_FAMILIES if family.blocking}


def _latest_current(
    instance: dg.DagsterInstance, asset: dg.AssetsDefinition, partition_keys: Sequence[str]
) -> dict[str, dg.EventLogRecord]:
    """Each partition's latest materialisation of the asset, where the asset's current code version made
    it: one query for all partitions (paged), newest first."""
    version = asset.code_versions_by_key[asset.key]
    wanted, latest = set(partition_keys), {}
    records_filter = dg.AssetRecordsFilter(asset_key=asset.key, asset_partitions=list(wanted))
    cursor = None
    while wanted:
        result = instance.fetch_materializations(records_filter, limit=_PAGE, cursor=cursor, ascending=False)
        for record in result.records:
            partition = record.partition_key
            if partition in wanted:
                wanted.discard(partition)
                materialization = record.asset_materialization
                tags = (materialization.tags or {}) if materialization is not None else {}
                if materialization is not None and tags.get(CODE_VERSION_TAG) == version:
                    latest[partition] = record
        if not result.has_more:
            break
        cursor = result.cursor
    return latest


# Records fetched a query: a night's documents and their history in a few round trips.
_PAGE = 1000


def _last_finished_runs(
    instance: dg.DagsterInstance, partition_keys: Sequence[str]
) -> dict[str, dg.DagsterRun]:
    """Each partition's latest finished run, in one query."""
    records = instance.get_run_records(
        filters=dg.RunsFilter(tags={PARTITION_TAG: list(partition_keys)}, statuses=FINISHED)
    )
    latest: dict[str, dg.DagsterRun] = {}
    for record in records:  # newest first
        partition = record.dagster_run.tags.get(PARTITION_TAG)
        if partition is not None:
            latest.setdefault(partition, record.dagster_run)
    return latest


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


def up_to_date_all(
    instance: dg.DagsterInstance, partition_keys: Sequence[str], warehouse: str, stored: Mapping[str, str]
) -> dict[str, str | None]:
    """For each partition, why it needs no run (e.g. "loaded: 77 facts into sqlite:///… (run 1a2b3c4d)"),
    or None when it must run. `warehouse` is the display URL the load would write to
    (Warehouse.display_url()), `stored` what that warehouse holds now (warehouse.stored_documents).
    A few queries for all partitions together, not several per partition."""
    keys = list(dict.fromkeys(partition_keys))
    if not keys:
        return {}
    extracted_all = _latest_current(instance, extracted_document, keys)
    validated_all = _latest_current(instance, validated_document, keys)
    loaded_all = _latest_current(instance, warehouse_load, keys)
    last_runs = _last_finished_runs(instance, keys)
    return {
        key: _reason(instance, extracted_all.get(key), validated_all.get(key), loaded_all.get(key),
                     last_runs.get(key), warehouse, stored)
        for key in keys
    }


def _reason(
    instance: dg.DagsterInstance,
    extracted: dg.EventLogRecord | None,
    validated: dg.EventLogRecord | None,
    loaded: dg.EventLogRecord | None,
    last_run: dg.DagsterRun | None,
    warehouse: str,
    stored: Mapping[str, str],
) -> str | None:
    if extracted is None or validated is None or extracted.storage_id > validated.storage_id:
        return None
    if last_run is not None and last_run.status != dg.DagsterRunStatus.SUCCESS:
        if last_run.run_id == validated.run_id and _blocked(instance, last_run.run_id):
            return (f"blocked by the structural check (run {last_run.run_id[:8]}); the same bytes would "
                    "block again")
        return None
    if loaded is None or loaded.storage_id < validated.storage_id or loaded.asset_materialization is None:
        return None
    metadata = {k: getattr(v, "value", v) for k, v in loaded.asset_materialization.metadata.items()}
    if metadata.get("warehouse") != warehouse or metadata.get("sha256") not in stored:
        return None
    return (f"{metadata.get('status')}: {metadata.get('facts_loaded')} facts into {warehouse} "
            f"(run {loaded.run_id[:8]})")


def up_to_date(
    instance: dg.DagsterInstance, partition_key: str, warehouse: str, stored: Mapping[str, str]
) -> str | None:
    """up_to_date_all for one partition."""
    return up_to_date_all(instance, [partition_key], warehouse, stored)[partition_key]


def documents_to_run(
    instance: dg.DagsterInstance, partition_keys: list[str], warehouse: str, stored: Mapping[str, str]
) -> list[str]:
    """The partitions that are not up to date, in the given order."""
    reasons = up_to_date_all(instance, partition_keys, warehouse, stored)
    return [key for key in partition_keys if reasons[key] is None]
