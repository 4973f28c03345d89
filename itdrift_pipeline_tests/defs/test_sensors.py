"""The raw-directory sensor with Dagster's own test context: new, unchanged, changed and removed PDFs, and
which files a tick reads again."""

import json
import os
import shutil
from pathlib import Path

import dagster as dg
import pytest

from itdrift_pipeline.defs import partitions
from itdrift_pipeline.defs.partitions import partition_key_for, source_documents
from itdrift_pipeline.defs.pools import SQLITE_WAREHOUSE_SLOTS
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
        if isinstance(request, dg.AddDynamicPartitionsRequest):
            instance.add_dynamic_partitions(request.partitions_def_name, list(request.partition_keys))
        else:
            for key in request.partition_keys:
                instance.delete_dynamic_partition(request.partitions_def_name, key)
    return result


def _document_runs(result: dg.SensorResult) -> list[dg.RunRequest]:
    return [r for r in result.run_requests or [] if r.partition_key]


def test_new_pdf_becomes_a_partition_and_a_run(instance, raw_dir: Path) -> None:
    result = _tick(instance, raw_dir, None)

    key = partition_key_for(raw_dir / SEED, file_sha256(raw_dir / SEED))
    assert instance.get_dynamic_partitions(source_documents.name) == [key]
    [run] = _document_runs(result)
    assert (run.partition_key, run.run_key, run.job_name) == (key, key, "document_chain")
    [stamp] = json.loads(result.cursor).values()
    assert stamp["sha256"] == file_sha256(raw_dir / SEED)
    assert stamp["size"] == (raw_dir / SEED).stat().st_size


def test_same_bytes_request_nothing(instance, raw_dir: Path) -> None:
    first = _tick(instance, raw_dir, None)
    (raw_dir / SEED).touch()  # a new mtime, the same bytes

    second = _tick(instance, raw_dir, first.cursor)

    assert not second.run_requests
    assert second.skip_reason is not None
    assert json.loads(second.cursor)[SEED]["sha256"] == json.loads(first.cursor)[SEED]["sha256"]
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
    # The old bytes are gone, so their partition could only fail a backfill: it is deleted (its runs stay
    # in the instance); the new bytes have their own.
    assert instance.get_dynamic_partitions(source_documents.name) == [run.partition_key]


def test_removed_pdf_is_reported_and_its_partition_deleted(instance, raw_dir: Path) -> None:
    first = _tick(instance, raw_dir, None)
    key = first.run_requests[0].partition_key
    (raw_dir / SEED).unlink()

    second = _tick(instance, raw_dir, first.cursor)

    assert not _document_runs(second)
    [observation] = second.asset_events
    assert observation.metadata["removed_file"].value == SEED
    assert observation.metadata["partition"].value == key
    assert instance.get_dynamic_partitions(source_documents.name) == []
    assert json.loads(second.cursor) == {}


def test_partitions_without_a_file_are_deleted_even_without_a_cursor(instance, raw_dir: Path) -> None:
    # E.g. registered by `itdrift run`, or before the sensor's cursor was reset: "materialize all" must
    # not meet a partition whose file is gone.
    instance.add_dynamic_partitions(source_documents.name, ["gone~0123456789ab"])

    result = _tick(instance, raw_dir, None)

    key = partition_key_for(raw_dir / SEED, file_sha256(raw_dir / SEED))
    assert instance.get_dynamic_partitions(source_documents.name) == [key]
    assert [r.partition_key for r in _document_runs(result)] == [key]


def test_first_tick_limits_the_warehouse_pool(instance, raw_dir: Path) -> None:
    _tick(instance, raw_dir, None)
    assert instance.event_log_storage.get_concurrency_info("warehouse").slot_count == SQLITE_WAREHOUSE_SLOTS

    instance.event_log_storage.set_concurrency_slots("warehouse", 3)  # an operator's own choice stays
    _tick(instance, raw_dir, None)
    assert instance.event_log_storage.get_concurrency_info("warehouse").slot_count == 3


def test_sensor_runs_by_default() -> None:
    assert raw_directory_sensor.default_status == dg.DefaultSensorStatus.RUNNING


def _age(pdf: Path, seconds: int = 3600) -> None:
    """Set the file's mtime in the past, beyond the window in which a stamp is not trusted yet."""
    mtime_ns = pdf.stat().st_mtime_ns - seconds * 10**9
    os.utime(pdf, ns=(mtime_ns, mtime_ns))


@pytest.fixture
def hashed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the sensor hashes, in order (a spy around partitions' file_sha256)."""
    calls: list[str] = []

    def spy(path: Path) -> str:
        calls.append(path.name)
        return file_sha256(path)

    monkeypatch.setattr(partitions, "file_sha256", spy)
    return calls


def test_unchanged_files_cost_a_stat_and_only_changed_ones_are_hashed(
    instance, raw_dir: Path, hashed: list[str]
) -> None:
    for name in ("a.pdf", "b.pdf"):
        shutil.copy(raw_dir / SEED, raw_dir / name)
    for pdf in raw_dir.iterdir():
        _age(pdf)
    first = _tick(instance, raw_dir, None)
    assert sorted(hashed) == sorted(["a.pdf", "b.pdf", SEED]) and len(_document_runs(first)) == 3

    hashed.clear()
    second = _tick(instance, raw_dir, first.cursor)
    assert hashed == [] and not second.run_requests

    # Touched, same bytes: hashed again (its mtime moved), but nothing runs.
    _age(raw_dir / "a.pdf", seconds=60)
    third = _tick(instance, raw_dir, second.cursor)
    assert hashed == ["a.pdf"] and not third.run_requests

    # New bytes of the same size: the mtime tells, and the new bytes get their partition and run.
    hashed.clear()
    data = bytearray((raw_dir / "b.pdf").read_bytes())
    data[-2] ^= 0x01
    (raw_dir / "b.pdf").write_bytes(bytes(data))
    _age(raw_dir / "b.pdf", seconds=30)
    fourth = _tick(instance, raw_dir, third.cursor)
    assert hashed == ["b.pdf"]
    [run] = _document_runs(fourth)
    assert run.partition_key == partition_key_for(raw_dir / "b.pdf", file_sha256(raw_dir / "b.pdf"))
    assert run.partition_key in instance.get_dynamic_partitions(source_documents.name)


def test_a_file_written_just_now_is_hashed_again_next_tick(
    instance, raw_dir: Path, hashed: list[str]
) -> None:
    # A second write within the same mtime granule and with the same size would leave the stamp equal,
    # so a fresh file's stamp is trusted only once it is a few seconds old.
    first = _tick(instance, raw_dir, None)
    second = _tick(instance, raw_dir, first.cursor)
    assert hashed == [SEED, SEED] and not second.run_requests


def test_a_cursor_of_the_previous_version_is_read(instance, raw_dir: Path, hashed: list[str]) -> None:
    _age(raw_dir / SEED)
    sha256 = file_sha256(raw_dir / SEED)
    old_cursor = json.dumps({SEED: sha256})  # name -> sha256, as the first version of the sensor wrote

    same = _tick(instance, raw_dir, old_cursor)
    assert hashed == [SEED] and not same.run_requests  # hashed once more, same bytes: nothing runs
    assert json.loads(same.cursor)[SEED]["sha256"] == sha256  # and the cursor is upgraded

    changed = _tick(instance, raw_dir, json.dumps({SEED: "0" * 64}))
    [run] = _document_runs(changed)
    assert run.partition_key == partition_key_for(raw_dir / SEED, sha256)
