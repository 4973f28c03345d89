"""A second blind holdout corpus: twelve invented accounts documents (4 per producer: Chromium, LibreOffice,
reportlab) made without reading the extractor or the other corpora's documents, for measurement only (no
thresholds). Its layouts: budget follow-ups (Korrigeret budget pr. 31. oktober, Forventet regnskab,
Forventet mer-/mindreforbrug), capital tables with Restbudget, totals printed first, label wraps with
top- and bottom-aligned figures, units only in a note or a right-aligned line above the table, dashes for
zero, stacked tables, year rows over phase rows, vertical-rules-only grids, shaded total rows, trailing
minus signs, ALL CAPS headers and a multi-page book with a running header.

documents.py holds them as plain data with the meaning of every figure column; the model, the truth
(the layout corpus's format; scoring reuses layouts.truth.score) and the three producers are the
holdout corpora's shared machinery, itdrift_pipeline_tests/corpus/printed/. Regenerate the committed
PDFs and truth JSONs in itdrift_pipeline_tests/fixtures/holdout2/ with

    python -m itdrift_pipeline_tests.corpus.holdout2 [NAME ...]    # needs chromium and soffice

and measure with `python -m benchmarks.holdout_accuracy --corpus holdout2`.
"""

from __future__ import annotations

from functools import partial

from ..printed import FIXTURES, expected, truth_json
from ..printed import render as _render
from .documents import documents

FIXTURE_DIR = FIXTURES / "holdout2"
render = partial(_render, corpus="holdout2")  # render(doc, out): print one document with its producer

__all__ = ["FIXTURE_DIR", "documents", "expected", "render", "truth_json"]
