"""Generated chapters and layout variants: a clean chapter gives no finding, the defective one exactly its
planted findings, and every variant exactly what its printed figures imply, from ground truth and from PDF."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from itdrift_pipeline import model
from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.validate import validate_document
from itdrift_pipeline_tests.corpus import (
    DEFAULT_STYLE,
    PLANTED_FINDINGS,
    VARIANTS,
    ChapterData,
    Layout,
    clean_chapter,
    defective_chapter,
    make_variant,
    render_chapters,
)

from .expected import MIO_FINDINGS, SEED_FINDINGS, finding_key, truth_extraction

VARIANT_FINDINGS = {
    "no_rules": SEED_FINDINGS,
    "reordered_columns": SEED_FINDINGS,
    "dash_negatives": SEED_FINDINGS,
    "paren_negatives": SEED_FINDINGS,
    "long_listing": SEED_FINDINGS,  # the 400-row account listing adds up exactly
    "mio_kr": MIO_FINDINGS,
    "other_municipality": set(),  # "Afvigelse = korrigeret budget minus regnskab", consistently applied
    "unknown_table": set(),
}


def _both(chapters: list[ChapterData], layout: Layout, pdf: Path) -> list[model.ValidationResult]:
    """Validation of the ground truth and of what the extractor reads from the rendered PDF."""
    truth = truth_extraction(chapters, layout, pdf)
    return [validate_document(truth), validate_document(extract_document(pdf))]


def _planted_key(finding: model.Finding) -> tuple:
    return (
        finding.rule,
        finding.severity,
        finding.table,
        finding.row_code,
        finding.phase,
        finding.fiscal_year,
    )


def test_clean_chapter_has_no_findings(tmp_path: Path) -> None:
    chapter = clean_chapter()
    pdf = tmp_path / "clean.pdf"
    layout = render_chapters([chapter], pdf, DEFAULT_STYLE)
    for result in _both([chapter], layout, pdf):
        assert result.findings == [], [f.message for f in result.findings]


def test_defective_chapter_has_exactly_its_planted_findings(tmp_path: Path) -> None:
    chapter = defective_chapter()
    pdf = tmp_path / "defective.pdf"
    layout = render_chapters([chapter], pdf, DEFAULT_STYLE)
    planted = Counter(tuple(p) for p in PLANTED_FINDINGS)
    for result in _both([chapter], layout, pdf):
        assert Counter(map(_planted_key, result.findings)) == planted
        assert result.is_loadable  # rule findings are loaded and flagged, not blocking


def test_every_variant_has_an_expectation() -> None:
    assert set(VARIANT_FINDINGS) == set(VARIANTS)


@pytest.mark.parametrize("name", VARIANTS)
def test_variant_findings(name: str, tmp_path: Path) -> None:
    variant = make_variant(name, tmp_path)
    for result in _both(variant.chapters, variant.layout, variant.pdf_path):
        keys = [finding_key(f) for f in result.findings]
        assert len(keys) == len(set(keys))
        assert set(keys) == VARIANT_FINDINGS[name]
