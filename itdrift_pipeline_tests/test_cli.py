"""The `itdrift` command line as a user runs it: usage errors, exit codes, `python -m` parity."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from itdrift_pipeline.cli import main

SEED = Path("data/raw/naestved_regnskab_2020_it.pdf")


@pytest.mark.parametrize("command", [["extract"], ["validate"], ["load"], ["price-index", "load"]])
def test_a_missing_file_is_a_usage_error_not_a_traceback(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.pdf"
    extra = ["--name", "x", "--source", "y"] if command[0] == "price-index" else []
    with pytest.raises(SystemExit) as exited:
        main([*command, str(missing), *extra])
    assert exited.value.code == 2
    assert f"no such file: {missing}" in capsys.readouterr().err


def test_python_dash_m_is_the_same_command(tmp_path: Path) -> None:
    out = tmp_path / "seed.json"
    completed = subprocess.run(
        [sys.executable, "-m", "itdrift_pipeline", "validate", str(SEED), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    # The published chapter has errors (the Anlæg sign among them), so validate exits 1.
    assert completed.returncode == 1, completed.stderr
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert payload["document"]["file"] == SEED.name
    assert {f["rule"] for f in payload["findings"] if f["severity"] == "error"} >= {"variance_mismatch"}


def test_the_command_flushes_its_output_and_keeps_its_exit_code_when_it_skips_the_teardown() -> None:
    # cli.command ends the process with os._exit: the JSON written to a pipe must still arrive whole.
    completed = subprocess.run(
        [sys.executable, "-m", "itdrift_pipeline", "validate", str(SEED)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 1, completed.stderr
    assert json.loads(completed.stdout)["document"]["file"] == SEED.name


def test_usage_errors_keep_argparses_exit_code_and_message() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "itdrift_pipeline", "no-such-command"], capture_output=True, text=True,
        timeout=60,
    )
    assert completed.returncode == 2
    assert "invalid choice: 'no-such-command'" in completed.stderr
