"""Regenerate every holdout4 PDF and truth JSON (or the named ones) into fixtures/holdout4/.

    python -m itdrift_pipeline_tests.corpus.holdout4 [--out DIR] [--truth-only] [NAME ...]
"""

from __future__ import annotations

from ..regenerate import main

if __name__ == "__main__":
    raise SystemExit(main(__package__))
