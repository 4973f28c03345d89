"""A fourth blind holdout corpus: twelve invented accounts documents (4 per producer: Chromium, LibreOffice,
reportlab) made without reading the extractor or the other corpora's documents, for measurement only (no
thresholds). Its layouts: a header row stating each column's unit (antal / kr. / 1.000 kr.) under Mængde /
Gns. pris / Budget; a row of column numbers or letters with the formula of the variance ("(4)=(2)-(3)",
"(c)-(b)"); variances defined as budget minus actual and headed 'Resultat', 'Difference' or
'Mer-/mindreforbrug'; 'Forbrug' and 'Prognose' as actual and forecast; a year printed once in a header row
over every column; two small tables side by side; flows (Udgifter / Indtægter / Netto) under two spanning
years with 't.kr.' in the stub; U / I rows in a budget book with overslagsår and in capital accounts with
project numbers and lifetime columns; a cross-year sum column (no phase); totals and subtotals printed above
their rows; a budget typed with tab stops; boxed follow-up tables per committee; a region.

documents.py holds them as plain data with the meaning of every figure column; the model, the truth
(the layout corpus's format; scoring reuses layouts.truth.score) and the producers are the holdout
corpora's shared machinery, itdrift_pipeline_tests/corpus/printed/ (unchanged for this corpus).
Regenerate the committed PDFs and truth JSONs in itdrift_pipeline_tests/fixtures/holdout4/ with

    python -m itdrift_pipeline_tests.corpus.holdout4 [NAME ...]    # needs chromium and soffice

and measure with `python -m benchmarks.holdout_accuracy --corpus holdout4`.
"""

from __future__ import annotations

from functools import partial

from ..printed import FIXTURES, expected, truth_json
from ..printed import render as _render
from .documents import documents

FIXTURE_DIR = FIXTURES / "holdout4"
render = partial(_render, corpus="holdout4")  # render(doc, out): print one document with its producer

__all__ = ["FIXTURE_DIR", "documents", "expected", "render", "truth_json"]
