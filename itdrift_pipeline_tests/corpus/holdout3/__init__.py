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

documents.py holds them as plain data with the meaning of every figure column; the model, the truth
(the layout corpus's format; scoring reuses layouts.truth.score) and the producers are the holdout
corpora's shared machinery, itdrift_pipeline_tests/corpus/printed/ (boxed tables, red-only signs, space
groups and the tab-stop document were added there for this corpus, off by default). Regenerate the
committed PDFs and truth JSONs in itdrift_pipeline_tests/fixtures/holdout3/ with

    python -m itdrift_pipeline_tests.corpus.holdout3 [NAME ...]    # needs chromium and soffice

and measure with `python -m benchmarks.holdout_accuracy --corpus holdout3`.
"""

from __future__ import annotations

from functools import partial

from ..printed import FIXTURES, expected, truth_json
from ..printed import render as _render
from .documents import documents

FIXTURE_DIR = FIXTURES / "holdout3"
render = partial(_render, corpus="holdout3")  # render(doc, out): print one document with its producer

__all__ = ["FIXTURE_DIR", "documents", "expected", "render", "truth_json"]
