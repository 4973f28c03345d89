"""The raw-directory sensor with Dagster's own test context: new, unchanged, changed and removed PDFs."""

import json
from pathlib import Path

import dagster as dg

from itdrift_pipeline.defs.partitions import partition_key_for, source_documents
from itdrift_pipeline.defs.resources import RawDirectory
from itdrift_pipeline.defs.sensors import raw_directory_sensor
from itdrift_pipeline.extract.intake import file_sha256

SEED = "naestved_regnskab_2020_it.pdf"


def _tick(instance: dg.DagsterInstance, raw_dir: Path, cursor: str | None) -> dg.SensorResult:
    """One sensor evaluation, then what the daemon does with its partition requests."""
    with dg.build_sensor_context(
        instance=instance, cursor=cursor, resources={"raw_directory": RawDirectory(path=str(raw_dir))}
    ) as context:
        result = raw_directory_sensor(context)
    assert isinstance(result, dg.SensorResult)
    for request in result.dynamic_partitions_requests or []:
        instance.add_dynamic_partitions(request.partitions_def_name, list(request.partition_keys))
    return result


def _document_runs(result: dg.SensorResult) -> list[dg.RunRequest]:
    return [r for r in result.run_requests or [] if r.partition_key]


def test_new_pdf_becomes_a_partition_and_a_run(instance, raw_dir: Path) -> None:
    result = _tick(instance, raw_dir, None)

    key = partition_key_for(raw_dir / SEED, file_sha256(raw_dir / SEED))
    assert instance.get_dynamic_partitions(source_documents.name) == [key]
    [run] = _document_runs(result)
    assert (run.partition_key, run.run_key) == (key, key)
    assert {k.to_user_string() for k in run.asset_selection} == {
        "extracted_document", "validated_document", "warehouse_load"}
    assert json.loads(result.cursor) == {SEED: file_sha256(raw_dir / SEED)}


def test_same_bytes_request_nothing(instance, raw_dir: Path) -> None:
    first = _tick(instance, raw_dir, None)
    (raw_dir / SEED).touch()  # a new mtime, the same bytes

    second = _tick(instance, raw_dir, first.cursor)

    assert not second.run_requests
    assert second.skip_reason is not None
    assert second.cursor == first.cursor
    assert len(instance.get_dynamic_partitions(source_documents.name)) == 1


def test_new_bytes_under_the_same_name_run_again(instance, raw_dir: Path) -> None:
    first = _tick(instance, raw_dir, None)
    old_key = first.run_requests[0].partition_key
    with (raw_dir / SEED).open("ab") as pdf:
        pdf.write(b"\n% re-uploaded with a corrected page\n")

    second = _tick(instance, raw_dir, first.cursor)

    [run] = _document_runs(second)
    assert run.partition_key != old_key
    assert run.partition_key == partition_key_for(raw_dir / SEED, file_sha256(raw_dir / SEED))
    # The old partition keeps its history; the new bytes have their own.
    assert set(instance.get_dynamic_partitions(source_documents.name)) == {old_key, run.partition_key}


def test_removed_pdf_is_reported_and_its_partition_kept(instance, raw_dir: Path) -> None:
    first = _tick(instance, raw_dir, None)
    key = first.run_requests[0].partition_key
    (raw_dir / SEED).unlink()

    second = _tick(instance, raw_dir, first.cursor)

    assert not _document_runs(second)
    [observation] = second.asset_events
    assert observation.metadata["removed_file"].value == SEED
    assert observation.metadata["partition"].value == key
    assert instance.get_dynamic_partitions(source_documents.name) == [key]
    assert json.loads(second.cursor) == {}


def test_first_tick_limits_the_warehouse_pool_to_one_load(instance, raw_dir: Path) -> None:
    _tick(instance, raw_dir, None)
    assert instance.event_log_storage.get_concurrency_info("warehouse").slot_count == 1

    instance.event_log_storage.set_concurrency_slots("warehouse", 3)  # an operator's own choice stays
    _tick(instance, raw_dir, None)
    assert instance.event_log_storage.get_concurrency_info("warehouse").slot_count == 3


def test_sensor_runs_by_default() -> None:
    assert raw_directory_sensor.default_status == dg.DefaultSensorStatus.RUNNING
