"""`itdrift run` (materialize_everything): every asset for every PDF, progress and summary on stdout,
runs kept in a project-local Dagster instance, exit code 0 unless a run failed."""

import io
from pathlib import Path

import dagster as dg
import pytest

from itdrift_pipeline.defs.runner import LOCAL_HOME, materialize_everything


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
    assert "Summary: 1 document(s) loaded, 1 rejected, 0 failed; 77 facts" in printed
    index = project / "data" / "reports" / "index.html"
    assert f"Report:    {index.resolve()}" in printed and index.exists()

    home = project / LOCAL_HOME
    assert (home / "dagster.yaml").exists()
    with dg.DagsterInstance.from_config(str(home)) as instance:
        runs = instance.get_runs()
        assert instance.event_log_storage.get_concurrency_info("warehouse").slot_count == 1
    assert len(runs) == 4  # inventory, two documents, reports
    assert all(run.status == dg.DagsterRunStatus.SUCCESS for run in runs)


def test_a_failed_run_gives_a_non_zero_exit(project: Path, raw_dir: Path) -> None:
    out = io.StringIO()

    code = materialize_everything(raw_dir=str(raw_dir), warehouse_url="nosuchdialect://nowhere", out=out)

    assert code == 1
    assert "FAILED" in out.getvalue() and "warehouse_load" in out.getvalue()
