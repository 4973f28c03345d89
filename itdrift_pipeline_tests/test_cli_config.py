"""Configuration errors and bad files in `itdrift load` / `itdrift run`: one line on stderr and exit 2,
never a traceback, never a hang; a batch goes on past a file that fails."""

from __future__ import annotations

import faulthandler
import os
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
import sqlalchemy as sa

from itdrift_pipeline import pipeline
from itdrift_pipeline.cli import main
from itdrift_pipeline.warehouse import make_engine

SEED = Path(__file__).resolve().parents[1] / "data" / "raw" / "naestved_regnskab_2020_it.pdf"
POSTGRES_URL = os.environ.get("ITDRIFT_TEST_POSTGRES_URL")


def _one_line_error(capsys: pytest.CaptureFixture[str], command: str) -> str:
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip() and " WARNING " not in line]
    assert len(lines) == 1, err
    assert lines[0].startswith(f"itdrift {command}: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("not a url", "is not a database URL"),
        ("mysql://user:secret@db.example/itdrift", "is mysql"),
        ("postgresql://", "names no database"),
        ("postgresql+psycopg://user:secret@127.0.0.1/", "names no database"),
        ("postgresql+psycopg://postgres@127.0.0.1:1/test", "cannot be opened"),
    ],
)
def test_a_bad_warehouse_url_is_one_line_and_exit_2(
    url: str, says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["load", str(SEED), "--warehouse", url]) == 2
    line = _one_line_error(capsys, "load")
    assert says in line
    assert "warehouse" in line
    assert "secret" not in line


def test_a_warehouse_path_that_is_a_directory_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["load", str(SEED), "--warehouse", f"sqlite:///{tmp_path}"]) == 2
    assert "cannot be opened" in _one_line_error(capsys, "load")


@pytest.mark.postgres
@pytest.mark.skipif(not POSTGRES_URL, reason="ITDRIFT_TEST_POSTGRES_URL is not set")
@pytest.mark.parametrize("part", ["database", "username"])
def test_a_missing_postgres_database_or_role_is_one_line(
    part: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = sa.make_url(POSTGRES_URL).set(**{part: "itdrift_no_such_thing"})
    assert main(["load", str(SEED), "--warehouse", url.render_as_string(hide_password=False)]) == 2
    assert "itdrift_no_such_thing" in _one_line_error(capsys, "load")


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_an_in_memory_warehouse_opens_without_hanging(url: str) -> None:
    # The WAL switch used to loop for ever on a database that cannot be WAL; if it does again, the
    # watchdog ends the test process with the stack rather than letting CI hang.
    faulthandler.dump_traceback_later(60, exit=True)
    try:
        engine = make_engine(url)
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "memory"
        engine.dispose()
    finally:
        faulthandler.cancel_dump_traceback_later()


def test_itdrift_load_into_an_in_memory_warehouse_loads() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "itdrift_pipeline", "load", str(SEED), "--warehouse", "sqlite://"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert completed.returncode == 0, completed.stderr
    assert "loaded  facts=77" in completed.stdout


def test_a_batch_goes_on_past_a_file_that_fails_and_names_the_warehouse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    no_mediabox = tmp_path / "no_mediabox.pdf"
    with pikepdf.open(SEED) as pdf:
        for owner in (pdf.pages[1].obj, pdf.Root.Pages):
            if "/MediaBox" in owner:
                del owner.MediaBox
        pdf.save(no_mediabox)
    disk_full = tmp_path / "disk_full.pdf"
    disk_full.write_bytes(SEED.read_bytes() + b"\n% other bytes\n")
    real_process_file = pipeline.process_file

    def process_file(path: Path, engine: sa.Engine, **read: object) -> pipeline.ProcessedDocument:
        if Path(path).name == disk_full.name:
            raise sa.exc.OperationalError("INSERT ...", {}, Exception("database or disk is full"))
        return real_process_file(path, engine, **read)

    monkeypatch.setattr(pipeline, "process_file", process_file)
    warehouse = f"sqlite:///{tmp_path / 'wh.sqlite'}"
    assert main(["load", str(no_mediabox), str(disk_full), str(SEED), "--warehouse", warehouse]) == 2
    printed = capsys.readouterr()
    out = printed.out.splitlines()
    assert out[0].startswith("no_mediabox.pdf  rejected  (corrupt_pdf: ")
    assert out[1] == "disk_full.pdf  not loaded  (OperationalError: database or disk is full)"
    assert out[2].startswith("naestved_regnskab_2020_it.pdf  loaded  facts=77")
    assert len(out) == 3
    assert f"itdrift load: warehouse {warehouse}\n" in printed.err


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("DAGSTER_HOME", "ITDRIFT_REPORTS_DIR", "ITDRIFT_RAW_DIR", "WAREHOUSE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data" / "raw").mkdir(parents=True)
    return tmp_path


def test_run_with_a_missing_raw_directory_fails_clearly(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ITDRIFT_RAW_DIR", "/nope")
    assert main(["run"]) == 2
    assert "raw directory /nope does not exist" in _one_line_error(capsys, "run")
    assert not (project / "data" / "reports").exists()


@pytest.mark.parametrize("home", ["/nope/dagster", "a_file"])
def test_run_with_a_dagster_home_that_is_not_a_directory_fails_clearly(
    home: str, project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "a_file").write_text("x")
    monkeypatch.setenv("DAGSTER_HOME", home)
    assert main(["run"]) == 2
    assert "DAGSTER_HOME" in _one_line_error(capsys, "run")


def test_run_with_a_broken_dagster_yaml_fails_clearly(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "home").mkdir()
    (project / "home" / "dagster.yaml").write_text("storage: [[[\n")
    monkeypatch.setenv("DAGSTER_HOME", str(project / "home"))
    assert main(["run"]) == 2
    assert "dagster.yaml" in _one_line_error(capsys, "run")


def test_run_with_a_bad_warehouse_url_fails_before_any_document(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", "--warehouse", "mysql://x/y"]) == 2
    assert "is mysql" in _one_line_error(capsys, "run")
