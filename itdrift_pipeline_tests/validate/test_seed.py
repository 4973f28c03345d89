"""The published seed chapter yields exactly its known defects, nothing more, from the ground truth and from
the committed PDF through extraction (domain.md, "Known defects in the published seed chapter")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from itdrift_pipeline import cli, model
from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.validate import validate_document
from itdrift_pipeline_tests.corpus import book_chapters, render_book, render_chapter_pdf, seed_chapter

from .expected import SEED_FINDINGS, finding_key, truth_extraction

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
SEED_PDF = RAW / "naestved_regnskab_2020_it.pdf"
BOOK_PDF = RAW / "naestved_regnskab_2020.pdf"


@pytest.fixture(scope="module")
def seed_truth() -> model.ExtractionResult:
    chapter = seed_chapter()
    return truth_extraction([chapter], render_chapter_pdf(chapter, None), SEED_PDF)


def test_seed_ground_truth_gives_exactly_the_published_defects(seed_truth: model.ExtractionResult) -> None:
    result = validate_document(seed_truth)
    keys = [finding_key(f) for f in result.findings]
    assert len(keys) == len(set(keys)), "a defect reported twice"
    assert set(keys) == SEED_FINDINGS
    assert result.is_loadable
    assert (result.count("error"), result.count("warning")) == (4, 4)
    assert all(f.unit == "1000 DKK" for f in result.findings)


def test_seed_messages_speak_the_analysts_language(seed_truth: model.ExtractionResult) -> None:
    messages = {f.rule + (f.row_code or ""): f.message for f in validate_document(seed_truth).findings}
    assert messages["variance_mismatch"] == (
        "Anlæg: Over-/underskud 2020 vises som 1.690, men regnskab 0 minus korrigeret budget 1.690 giver "
        "-1.690 (fortegn modsat konventionen +=underskud og -=overskud)"
    )
    assert "16.749" in messages["cross_table_mismatch5"] and "16.748" in messages["cross_table_mismatch5"]


def test_seed_pdf_end_to_end_gives_the_same_findings() -> None:
    extraction = extract_document(SEED_PDF)
    assert extraction.document.status == "ok", extraction.document.error
    result = validate_document(extraction)
    assert {finding_key(f) for f in result.findings} == SEED_FINDINGS
    assert len(result.findings) == len(SEED_FINDINGS)
    assert all(f.page is not None and 1 <= f.page <= 4 for f in result.findings)


def test_cli_validate_exits_1_on_errors_and_writes_the_findings(tmp_path: Path) -> None:
    out = tmp_path / "validation.json"
    assert cli.main(["validate", str(SEED_PDF), "--out", str(out)]) == cli.EXIT_FINDINGS
    payload = json.loads(out.read_text(encoding="utf-8"))
    anlaeg = next(f for f in payload["findings"] if f["row_label"] == "Anlæg")
    assert (anlaeg["shown"], anlaeg["expected"], anlaeg["unit"]) == (1690, -1690, "1000 DKK")


def test_book_flags_only_the_seed_chapter() -> None:
    """The invented chapters are internally consistent: every finding in the book is one of the seed's."""
    chapters = book_chapters()
    truth = validate_document(truth_extraction(chapters, render_book(None), BOOK_PDF))
    assert {f.policy_area for f in truth.findings} == {"IT"}
    assert {finding_key(f) for f in truth.findings} == SEED_FINDINGS
    extracted = validate_document(extract_document(BOOK_PDF))
    assert sorted(map(finding_key, extracted.findings)) == sorted(map(finding_key, truth.findings))
