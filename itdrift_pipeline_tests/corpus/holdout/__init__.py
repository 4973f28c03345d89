"""A holdout layout corpus: twelve invented accounts documents (4 per producer: Chromium, LibreOffice,
reportlab) in layouts made blind to what the extractor handles, for measurement only (no thresholds).

documents.py holds them as plain data with the meaning of every figure column (model.py); html.py,
office.py and platypus.py print them; truth.py derives the expected facts in the layout corpus's truth
format, and scoring reuses layouts.truth.score. Regenerate the committed PDFs and truth JSONs in
itdrift_pipeline_tests/fixtures/holdout/ with

    python -m itdrift_pipeline_tests.corpus.holdout [NAME ...]    # needs chromium and soffice

and measure with `python -m benchmarks.holdout_accuracy`.
"""

from __future__ import annotations

import json
from pathlib import Path

from .documents import documents
from .model import Document
from .truth import expected

FIXTURE_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "holdout"


def render(doc: Document, out: Path) -> Path:
    if doc.producer == "html":
        from .html import render as producer
    elif doc.producer == "office":
        from .office import render as producer
    else:
        from .platypus import render as producer
    return producer(doc, out)


def truth_json(doc: Document) -> str:
    return json.dumps(expected(doc), ensure_ascii=False, indent=1) + "\n"


__all__ = ["FIXTURE_DIR", "documents", "expected", "render", "truth_json"]
