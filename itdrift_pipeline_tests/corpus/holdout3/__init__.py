"""A third blind holdout corpus: twelve invented accounts documents (4 per producer: Chromium, LibreOffice,
reportlab) made without reading the extractor or the other corpora's documents, for measurement only (no
thresholds). Its layouts: a single header row of long texts wrapping to different heights; columns in an
unusual order (Afvigelse first, a Note column of letters first or last); tables with only two figure
columns; a ten-column multi-year table (Regnskab 2019-2023, Korr. budget 2023, Budget 2024, Overslag
2025-2027) on a landscape page in 7 pt; "Heraf:" breakdowns with indented rows and "Heraf i alt" lines that
are no totals of the rows above; totals printed first; thousands grouped by a space, a no-break space or a
thin space; variances whose sign is shown only by red colour (unread: sign_by_colour); stacked tables whose
unit changes (1.000 kr. then mio. kr.); boxed tables with the caption in a title bar; footnote markers after
figures; a committee attachment typed with tab stops (a flat ODF document, no table objects); a region.

documents.py holds them as plain data with the meaning of every figure column (model.py); html.py,
office.py, fodt.py and platypus.py print them (copies of holdout2's renderers plus boxes and red-only signs);
truth.py derives the expected facts in the layout corpus's truth format, and scoring reuses
layouts.truth.score. Regenerate the committed PDFs and truth JSONs in
itdrift_pipeline_tests/fixtures/holdout3/
with

    python -m itdrift_pipeline_tests.corpus.holdout3 [NAME ...]    # needs chromium and soffice

and measure with `python -m benchmarks.holdout_accuracy --corpus holdout3`.
"""

from __future__ import annotations

import json
from pathlib import Path

from .documents import documents
from .model import Document
from .truth import expected

FIXTURE_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "holdout3"


def render(doc: Document, out: Path) -> Path:
    if doc.producer == "html":
        from .html import render as producer
    elif doc.producer == "office" and doc.source == "fodt":
        from .fodt import render as producer
    elif doc.producer == "office":
        from .office import render as producer
    else:
        from .platypus import render as producer
    return producer(doc, out)


def truth_json(doc: Document) -> str:
    return json.dumps(expected(doc), ensure_ascii=False, indent=1) + "\n"


__all__ = ["FIXTURE_DIR", "documents", "expected", "render", "truth_json"]
