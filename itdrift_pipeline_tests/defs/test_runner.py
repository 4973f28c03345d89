"""`itdrift run` (materialize_everything): every asset for every PDF, progress and summary on stdout,
runs kept in a project-local Dagster instance, exit code 0 unless a run failed; documents already up to
date in that instance are skipped unless forced."""

import io
from pathlib import Path

import dagster as dg
import pytest

from itdrift_pipeline.defs.freshness import PARTITION_TAG
from itdrift_pipeline.defs.partitions import partition_key_for
from itdrift_pipeline.defs.pools import SQLITE_WAREHOUSE_SLOTS
from itdrift_pipeline.defs.runner import LOCAL_HOME, LOCAL_INSTANCE_YAML, materialize_everything
from itdrift_pipeline.extract.intake import file_sha256

SEED = "naestved_regnskab_2020_it.pdf"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory like a fresh checkout's: no DAGSTER_HOME, default reports directory."""
    for name in ("DAGSTER_HOME", "ITDRIFT_REPORTS_DIR", "ITDRIFT_RAW_DIR", "WAREHOUSE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_loads_the_seed_reports_a_rejected_file_and_keeps_the_runs(project: Path, raw_dir: Path) -> None:
    (raw_dir / "empty.pdf").write_bytes(b"")
    out = io.StringIO()

    code = materialize_everything(raw_dir=str(raw_dir), warehouse_url=f"sqlite:///{project / 'wh.sqlite'}",
                                  out=out)

    printed = out.getvalue()
    assert code == 0, printed
    assert "[1/2] empty.pdf" in printed and "REJECTED empty_file" in printed
    assert "[2/2] naestved_regnskab_2020_it.pdf" in printed
    assert "Summary: 1 document(s) loaded, 1 rejected, 0 failed, 0 up to date (skipped); 77 facts" in printed
    index = project / "data" / "reports" / "index.html"
    assert f"Report:    {index.resolve()}" in printed and index.exists()

    home = project / LOCAL_HOME
    assert (home / "dagster.yaml").exists()
    with dg.DagsterInstance.from_config(str(home)) as instance:
        runs = instance.get_runs()
        slots = instance.event_log_storage.get_concurrency_info("warehouse").slot_count
        assert slots == SQLITE_WAREHOUSE_SLOTS
    assert len(runs) == 4  # inventory, two documents, reports
    # The rejected PDF's run fails on its blocking check, so the UI shows it as broken; the rest succeed.
    failed = [run for run in runs if run.status != dg.DagsterRunStatus.SUCCESS]
    assert [(run.status, run.tags.get("itdrift/rejected")) for run in failed] == [
        (dg.DagsterRunStatus.FAILURE, "empty_file")]


def test_a_failed_run_gives_a_non_zero_exit(project: Path, raw_dir: Path) -> None:
    out = io.StringIO()

    code = materialize_everything(raw_dir=str(raw_dir), warehouse_url="nosuchdialect://nowhere", out=out)

    assert code == 1
    assert "FAILED" in out.getvalue() and "warehouse_load" in out.getvalue()


def _document_runs(project: Path) -> list[str]:
    """The partition keys of the document runs in the project's instance, oldest first."""
    with dg.DagsterInstance.from_config(str(project / LOCAL_HOME)) as instance:
        runs = instance.get_runs()
    return [run.tags[PARTITION_TAG] for run in reversed(runs) if PARTITION_TAG in run.tags]


def test_unchanged_documents_are_skipped_forced_ones_and_new_bytes_run(project: Path, raw_dir: Path) -> None:
    (raw_dir / "empty.pdf").write_bytes(b"")
    warehouse = f"sqlite:///{project / 'wh.sqlite'}"

    def run(force: bool = False) -> tuple[str, list[str]]:
        before = _document_runs(project) if (project / LOCAL_HOME).exists() else []
        out = io.StringIO()
        code = materialize_everything(raw_dir=str(raw_dir), warehouse_url=warehouse, out=out, force=force)
        assert code == 0, out.getvalue()
        return out.getvalue(), _document_runs(project)[len(before):]

    seed_key = partition_key_for(raw_dir / SEED, file_sha256(raw_dir / SEED))
    empty_key = partition_key_for(raw_dir / "empty.pdf", file_sha256(raw_dir / "empty.pdf"))
    _, first_runs = run()
    assert sorted(first_runs) == sorted([seed_key, empty_key])

    printed, second_runs = run()
    assert second_runs == []
    assert printed.count("up to date, skipped") == 2
    assert "up to date, skipped  loaded: 77 facts into sqlite:///" in printed
    assert "Summary: 0 document(s) loaded, 0 rejected, 0 failed, 2 up to date (skipped)" in printed
    assert "Report:    " in printed and "not built" not in printed  # the reports are still rebuilt

    printed, forced_runs = run(force=True)
    assert sorted(forced_runs) == sorted([seed_key, empty_key])
    assert "up to date" not in printed.split("Summary:")[0]

    (raw_dir / "empty.pdf").write_bytes(b"%PDF-1.7\n% cut off by an interrupted upload\n")
    new_key = partition_key_for(raw_dir / "empty.pdf", file_sha256(raw_dir / "empty.pdf"))
    printed, changed_runs = run()
    assert changed_runs == [new_key] and new_key != empty_key
    assert printed.count("up to date, skipped") == 1

    # The warehouse file deleted (or replaced by an empty one): the instance's records are not enough,
    # everything loads again, except the rejected PDF, which never reached the warehouse.
    (project / "wh.sqlite").unlink()
    printed, reloaded_runs = run()
    assert reloaded_runs == [seed_key]
    assert "up to date, skipped  blocked by the structural check" in printed


def test_a_failed_document_runs_again(project: Path, raw_dir: Path) -> None:
    # Unlike a document blocked by its structural check, a failed run says nothing about the bytes (here
    # the warehouse is unreachable), so the next call tries again.
    for attempt in (1, 2):
        out = io.StringIO()
        assert materialize_everything(raw_dir=str(raw_dir), warehouse_url="nosuchdialect://nowhere",
                                      out=out) == 1
        assert "up to date" not in out.getvalue().split("Summary:")[0]
        assert len(_document_runs(project)) == attempt


def test_the_committed_local_instance_is_the_one_itdrift_run_writes() -> None:
    # A fresh checkout has .dagster_home/, so `DAGSTER_HOME=$PWD/.dagster_home dagster dev` starts before
    # any `itdrift run`, on the same instance configuration.
    committed = Path(__file__).resolve().parents[2] / LOCAL_HOME / "dagster.yaml"
    assert committed.read_text(encoding="utf-8") == LOCAL_INSTANCE_YAML


def test_two_workers_run_documents_in_parallel_and_a_rerun_builds_nothing(
    project: Path, raw_dir: Path
) -> None:
    """Documents run two at a time in worker processes (loads through the warehouse pool), the
    progress comes out in document order; a second call with nothing new builds nothing."""
    book = Path(__file__).resolve().parents[2] / "data" / "raw" / "naestved_regnskab_2020.pdf"
    (raw_dir / "z_book.pdf").write_bytes(book.read_bytes())
    warehouse = f"sqlite:///{project / 'wh.sqlite'}"
    out = io.StringIO()

    code = materialize_everything(raw_dir=str(raw_dir), warehouse_url=warehouse, out=out, workers=2)

    printed = out.getvalue()
    assert code == 0, printed
    assert printed.index("[1/2] naestved_regnskab_2020_it.pdf") < printed.index("[2/2] z_book.pdf")
    assert "Summary: 2 document(s) loaded, 0 rejected, 0 failed, 0 up to date (skipped); 679 facts" in printed

    again = io.StringIO()
    assert materialize_everything(raw_dir=str(raw_dir), warehouse_url=warehouse, out=again, workers=2) == 0
    assert "2 up to date (skipped)" in again.getvalue()
    assert "(nothing new: not rebuilt)" in again.getvalue()
    with dg.DagsterInstance.from_config(str(project / LOCAL_HOME)) as instance:
        assert len(instance.get_runs()) == 4  # inventory, two documents, reports: nothing on the rerun
