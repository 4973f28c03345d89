"""The published seed chapter yields exactly its known defects, nothing more, from the ground truth and from
the committed PDF through extraction (domain.md, "Known defects in the published seed chapter")."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from itdrift_pipeline import cli, model
from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.validate import validate_document
from itdrift_pipeline_tests.corpus import (
    book_chapters,
    expected_document,
    expected_facts,
    expected_narrative_amounts,
    expected_notes,
    render_book,
    render_chapter_pdf,
    seed_chapter,
)

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
SEED_PDF = RAW / "naestved_regnskab_2020_it.pdf"
BOOK_PDF = RAW / "naestved_regnskab_2020.pdf"
TOTAL = "Politikområdet i alt"
DIGI = "Digitaliseringspuljen"

# (rule, severity, table, row_code, row_label, phase, fiscal_year, shown, expected); amounts in 1.000 kr.
SEED_FINDINGS = {
    # Anlæg: 0 - 1.690 = -1.690 under "+=underskud og -=overskud", printed 1.690.
    ("variance_mismatch", "error", "overall_result", None, "Anlæg", "variance", 2020, 1690, -1690),
    # The specific-assumptions total 45.275 against 45.271 in the activity table.
    ("cross_table_mismatch", "error", "specific_assumptions", None, TOTAL, "actual", 2020, 45275, 45271),
    # Note 1a's 746.810 kr. and the opening text's 0,8 mio. kr. against 1.559 - 2.151 = -592.
    (
        "narrative_mismatch",
        "error",
        "specific_assumptions",
        "1.a",
        DIGI,
        "variance",
        2020,
        Decimal("-746.81"),
        -592,
    ),
    ("narrative_mismatch", "error", "specific_assumptions", "1.a", DIGI, "variance", 2020, -800, -592),
    # 1.071 - 1.165 = -94, printed -95.
    (
        "variance_mismatch",
        "warning",
        "activity_areas",
        "2",
        "IT, inventar og materiel",
        "variance",
        2020,
        -95,
        -94,
    ),
    # Øvrige systemer 16.749 here, 16.748 in the activity table.
    (
        "cross_table_mismatch",
        "warning",
        "specific_assumptions",
        "5",
        "Øvrige systemer",
        "actual",
        2020,
        16749,
        16748,
    ),
    # Totals one and two units off the sums of their rows.
    ("sum_mismatch", "warning", "activity_areas", None, TOTAL, "actual", 2020, 45271, 45272),
    ("sum_mismatch", "warning", "specific_assumptions", None, TOTAL, "actual", 2020, 45275, 45273),
}


def _key(finding: model.Finding) -> tuple:
    return (
        finding.rule,
        finding.severity,
        finding.table,
        finding.row_code,
        finding.row_label,
        finding.phase,
        finding.fiscal_year,
        finding.shown,
        finding.expected,
    )


@pytest.fixture(scope="module")
def seed_truth() -> model.ExtractionResult:
    chapter = seed_chapter()
    layout = render_chapter_pdf(chapter, None)
    info = expected_document(layout)
    document = model.DocumentInfo(
        file=str(SEED_PDF),
        sha256="seed",
        pages=info["pages"],
        municipality=info["municipality"],
        report_type=info["report_type"],
        fiscal_year=info["fiscal_year"],
    )
    return model.ExtractionResult(
        document=document,
        facts=expected_facts([chapter], layout),
        notes=expected_notes([chapter], layout),
        narrative_amounts=expected_narrative_amounts([chapter], layout),
    )


def test_seed_ground_truth_gives_exactly_the_published_defects(seed_truth: model.ExtractionResult) -> None:
    result = validate_document(seed_truth)
    keys = [_key(f) for f in result.findings]
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
    assert {_key(f) for f in result.findings} == SEED_FINDINGS
    assert len(result.findings) == len(SEED_FINDINGS)
    assert all(f.page is not None and 1 <= f.page <= 4 for f in result.findings)


def test_cli_validate_exits_1_on_errors_and_writes_the_findings(tmp_path: Path) -> None:
    out = tmp_path / "validation.json"
    assert cli.main(["validate", str(SEED_PDF), "--out", str(out)]) == cli.EXIT_FINDINGS
    payload = json.loads(out.read_text(encoding="utf-8"))
    anlaeg = next(f for f in payload["findings"] if f["row_label"] == "Anlæg")
    assert (anlaeg["shown"], anlaeg["expected"], anlaeg["unit"]) == (1690, -1690, "1000 DKK")


def _book_truth() -> model.ExtractionResult:
    chapters = book_chapters()
    layout = render_book(None)
    info = expected_document(layout)
    document = model.DocumentInfo(
        file=str(BOOK_PDF),
        sha256="book",
        pages=info["pages"],
        municipality=info["municipality"],
        report_type=info["report_type"],
        fiscal_year=info["fiscal_year"],
    )
    return model.ExtractionResult(
        document=document,
        facts=expected_facts(chapters, layout),
        notes=expected_notes(chapters, layout),
        narrative_amounts=expected_narrative_amounts(chapters, layout),
    )


def test_book_flags_only_the_seed_chapter() -> None:
    """The invented chapters are internally consistent: every finding in the book is one of the seed's."""
    truth = validate_document(_book_truth())
    assert {f.policy_area for f in truth.findings} == {"IT"}
    assert {_key(f) for f in truth.findings} == SEED_FINDINGS
    extracted = validate_document(extract_document(BOOK_PDF))
    assert sorted(map(_key, extracted.findings)) == sorted(map(_key, truth.findings))
