"""Every bad-input kind, end to end: extraction rejects it with its kind, validation adds no findings, and
`itdrift validate` exits with the rejection code."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from itdrift_pipeline import cli
from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.extract.intake import DEFAULT_LIMITS
from itdrift_pipeline.model import REJECTION_KINDS
from itdrift_pipeline.validate import validate_document
from itdrift_pipeline_tests.badinputs import BAD_INPUT_KINDS, SEED_PDF, make_bad_input


def test_every_rejection_kind_is_exercised() -> None:
    assert set(BAD_INPUT_KINDS) == set(REJECTION_KINDS)


@pytest.mark.parametrize("kind", BAD_INPUT_KINDS)
def test_bad_input_is_rejected_and_has_no_findings(kind: str, tmp_path: Path) -> None:
    path = make_bad_input(kind, tmp_path)
    extraction = extract_document(path)
    assert extraction.document.status == "rejected"
    assert extraction.document.error is not None
    assert extraction.document.error.kind == kind, extraction.document.error.message
    assert extraction.facts == []
    result = validate_document(extraction)
    assert result.findings == []
    assert not result.is_loadable


@pytest.mark.parametrize("kind", ["encrypted_pdf", "no_accounts_tables"])
def test_cli_validate_exits_with_the_rejection_code(kind: str, tmp_path: Path) -> None:
    path = make_bad_input(kind, tmp_path)
    assert cli.main(["validate", str(path), "--out", str(tmp_path / "out.json")]) == cli.EXIT_REJECTED


@pytest.mark.parametrize(
    ("limit", "named"),
    [
        ({"max_pages": 3}, "max_pages"),
        ({"max_page_side_pt": 600}, "max_page_side_pt"),
        ({"max_chars_per_page": 500}, "max_chars_per_page"),
        ({"max_table_rows": 10}, "max_table_rows"),
        ({"max_seconds": 0}, "max_seconds"),
    ],
)
def test_limits_reach_extraction(limit: dict, named: str) -> None:
    """A small Limits override turns the 4-page seed into too_large, naming the limit that was hit."""
    extraction = extract_document(SEED_PDF, limits=replace(DEFAULT_LIMITS, **limit))
    assert extraction.document.status == "rejected"
    assert extraction.document.error is not None
    assert extraction.document.error.kind == "too_large"
    assert named in extraction.document.error.message
    assert validate_document(extraction).findings == []
