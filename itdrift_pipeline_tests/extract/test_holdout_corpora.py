"""The four blind holdout corpora (itdrift_pipeline_tests/corpus/holdout, holdout2, holdout3, holdout4) and
their fixtures.

The holdouts are measured by `python -m benchmarks.holdout_accuracy`, never asserted on here; these tests
only check the corpora themselves (no extraction, no chromium or soffice): the committed truth JSONs are,
byte for byte, what the shared machinery (corpus/printed/) derives from documents.py now.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

import pytest

CORPORA = ("holdout", "holdout2", "holdout3", "holdout4")


def _corpus(name: str):  # noqa: ANN202 - a corpus package
    return import_module(f"itdrift_pipeline_tests.corpus.{name}")


@pytest.mark.parametrize("name", CORPORA)
def test_committed_truth_is_byte_identical_to_a_fresh_derivation(name: str) -> None:
    """Regenerate with `python -m itdrift_pipeline_tests.corpus.<name> --truth-only` (and re-render the PDFs
    if the layout changed)."""
    corpus = _corpus(name)
    stale = [
        doc.name
        for doc in corpus.documents()
        if (corpus.FIXTURE_DIR / f"{doc.name}.json").read_text(encoding="utf-8") != corpus.truth_json(doc)
    ]
    assert not stale, f"fixtures/{name}: committed truth differs from documents.py: {stale}"


@pytest.mark.parametrize("name", CORPORA)
def test_every_document_has_its_pdf_and_truth_and_nothing_else(name: str) -> None:
    corpus = _corpus(name)
    names = [doc.name for doc in corpus.documents()]
    assert len(names) == len(set(names)) == 12
    files = {p.name for p in Path(corpus.FIXTURE_DIR).iterdir()}
    assert files == {f"{n}.{ext}" for n in names for ext in ("pdf", "json")}


def test_the_holdouts_share_one_machinery() -> None:
    first, *others = (_corpus(name) for name in CORPORA)
    for other in others:
        assert other.truth_json is first.truth_json
        assert other.render.func is first.render.func
    assert len({corpus.FIXTURE_DIR for corpus in (first, *others)}) == len(CORPORA)
