"""Extraction fixtures: every corpus PDF is extracted once per test session, so the suite stays fast."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from benchmarks.extract_accuracy import CorpusDocument, corpus_documents
from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.model import ExtractionResult


@pytest.fixture(scope="session")
def corpus_extractions(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, tuple[CorpusDocument, ExtractionResult]]:
    """name -> (document with its ground truth, extraction): the seed, the book and every variant."""
    out_dir = tmp_path_factory.mktemp("variants")
    return {doc.name: (doc, extract_document(doc.pdf)) for doc in corpus_documents(out_dir)}


@pytest.fixture(scope="session")
def seed(corpus_extractions) -> tuple[CorpusDocument, ExtractionResult]:
    return corpus_extractions["seed"]


@pytest.fixture(scope="session")
def book(corpus_extractions) -> tuple[CorpusDocument, ExtractionResult]:
    return corpus_extractions["book"]


def page_sizes(pdf: Path) -> dict[int, tuple[float, float]]:
    with pdfplumber.open(pdf) as document:
        return {page.page_number: (float(page.width), float(page.height)) for page in document.pages}
