"""A second blind holdout corpus: twelve invented accounts documents (4 per producer: Chromium, LibreOffice,
reportlab) made without reading the extractor or the other corpora's documents, for measurement only (no
thresholds). Its layouts: budget follow-ups (Korrigeret budget pr. 31. oktober, Forventet regnskab,
Forventet mer-/mindreforbrug), capital tables with Restbudget, totals printed first, label wraps with
top- and bottom-aligned figures, units only in a note or a right-aligned line above the table, dashes for
zero, stacked tables, year rows over phase rows, vertical-rules-only grids, shaded total rows, trailing
minus signs, ALL CAPS headers and a multi-page book with a running header.

documents.py holds them as plain data with the meaning of every figure column (model.py); html.py,
office.py and platypus.py print them (copies of the holdout corpus's renderers with a few more options);
truth.py derives the expected facts in the layout corpus's truth format, and scoring reuses
layouts.truth.score. Regenerate the committed PDFs and truth JSONs in
itdrift_pipeline_tests/fixtures/holdout2/
with

    python -m itdrift_pipeline_tests.corpus.holdout2 [NAME ...]    # needs chromium and soffice

and measure with `python -m benchmarks.holdout_accuracy --corpus holdout2`.
"""

from __future__ import annotations

import json
from pathlib import Path

from .documents import documents
from .model import Document
from .truth import expected

FIXTURE_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "holdout2"


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
