"""A layout corpus of "other publishers'" accounts tables with ground truth from the generator's data.

documents.py holds the documents as plain data (invented figures, real Danish vocabulary and layouts) with
the meaning of every figure column; html.py (Chromium), office.py (LibreOffice) and platypus.py (reportlab)
print them; truth.py derives the expected facts and scores an extraction. The PDFs and truth JSONs are
committed under itdrift_pipeline_tests/fixtures/layouts/; regenerate them with

    python -m itdrift_pipeline_tests.corpus.layouts [NAME ...]    # needs chromium and soffice
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .documents import CLASSES, PRODUCERS, Document, documents
from .truth import Score, expected, score

FIXTURE_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "layouts"


def render(doc: Document, out: Path) -> Path:
    """Print one document with its producer."""
    if doc.producer == "html":
        from .html import render as producer
    elif doc.producer == "office":
        from .office import render as producer
    else:
        from .platypus import render as producer
    return producer(doc, out)


def truth_json(doc: Document) -> str:
    return json.dumps(expected(doc), ensure_ascii=False, indent=1) + "\n"


def committed_truths(fixture_dir: Path = FIXTURE_DIR) -> list[dict[str, Any]]:
    """The committed truth of every document, in documents() order."""
    return [json.loads((fixture_dir / f"{doc.name}.json").read_text(encoding="utf-8")) for doc in documents()]


def committed_scores(fixture_dir: Path = FIXTURE_DIR) -> list[tuple[dict[str, Any], Score]]:
    """(truth, score) of every committed document against a fresh extraction of its PDF: what the
    benchmark prints and the acceptance tests assert on."""
    from itdrift_pipeline.extract import extract_document

    return [
        (truth, score(truth, extract_document(fixture_dir / truth["pdf"])))
        for truth in committed_truths(fixture_dir)
    ]


__all__ = ["CLASSES", "FIXTURE_DIR", "PRODUCERS", "committed_scores", "committed_truths", "documents",
           "expected", "render", "score", "truth_json"]
