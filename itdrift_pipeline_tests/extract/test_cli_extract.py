"""`itdrift extract`: the ExtractionResult JSON contract on disk, exit 2 for a rejected file."""

from __future__ import annotations

import json
from pathlib import Path

from itdrift_pipeline.cli import EXIT_REJECTED, main
from itdrift_pipeline.model import ExtractionResult
from itdrift_pipeline_tests.badinputs import make_bad_input

SEED = Path(__file__).resolve().parents[2] / "data" / "raw" / "naestved_regnskab_2020_it.pdf"


def test_extract_writes_the_json_contract(tmp_path: Path) -> None:
    out = tmp_path / "seed.json"
    assert main(["extract", str(SEED), "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    result = ExtractionResult.from_dict(data)
    assert result.document.status == "ok"
    assert len(result.facts) == 77
    # Money travels as exact numbers: 45.271 thousand kr. is the integer 45271000 in the JSON.
    assert 45_271_000 in {f["value"] for f in data["facts"]}


def test_extract_exits_2_for_a_rejected_file(tmp_path: Path) -> None:
    bad = make_bad_input("not_a_pdf", tmp_path)
    out = tmp_path / "bad.json"
    assert main(["extract", str(bad), "--out", str(out)]) == EXIT_REJECTED
    assert json.loads(out.read_text(encoding="utf-8"))["document"]["error"]["kind"] == "not_a_pdf"


BOOK = SEED.with_name("naestved_regnskab_2020.pdf")


def test_extract_gives_the_same_json_with_one_worker_or_two(tmp_path: Path) -> None:
    """The 23-page book is cut into page ranges read by two worker processes: the same bytes come out."""
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    assert main(["extract", str(BOOK), "--out", str(one), "--workers", "1"]) == 0
    assert main(["extract", str(BOOK), "--out", str(two), "--workers", "2"]) == 0
    assert two.read_bytes() == one.read_bytes()


def test_workers_must_be_a_positive_count(capsys) -> None:
    try:
        main(["extract", str(SEED), "--workers", "0"])
    except SystemExit as usage:
        assert usage.code == 2
    assert "at least 1" in capsys.readouterr().err
