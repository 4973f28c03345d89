"""A holdout layout corpus: twelve invented accounts documents (4 per producer: Chromium, LibreOffice,
reportlab) in layouts made blind to what the extractor handles, for measurement only (no thresholds).

documents.py holds them as plain data with the meaning of every figure column; the model, the truth
(the layout corpus's format; scoring reuses layouts.truth.score) and the three producers are the
holdout corpora's shared machinery, itdrift_pipeline_tests/corpus/printed/. Regenerate the committed
PDFs and truth JSONs in itdrift_pipeline_tests/fixtures/holdout/ with

    python -m itdrift_pipeline_tests.corpus.holdout [NAME ...]    # needs chromium and soffice

and measure with `python -m benchmarks.holdout_accuracy`.
"""

from __future__ import annotations

from functools import partial

from ..printed import FIXTURES, expected, truth_json
from ..printed import render as _render
from .documents import documents

FIXTURE_DIR = FIXTURES / "holdout"
render = partial(_render, corpus="holdout")  # render(doc, out): print one document with its producer

__all__ = ["FIXTURE_DIR", "documents", "expected", "render", "truth_json"]
