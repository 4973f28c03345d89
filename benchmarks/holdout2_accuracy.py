"""Extraction accuracy on the second blind holdout corpus (itdrift_pipeline_tests/corpus/holdout2): the same
measurement as benchmarks.holdout_accuracy on itdrift_pipeline_tests/fixtures/holdout2/. Asserts nothing.

Run: `.venv/bin/python -m benchmarks.holdout2_accuracy [-v] [NAME ...]`
(the same as `python -m benchmarks.holdout_accuracy --corpus holdout2`).
"""

from __future__ import annotations

from benchmarks.holdout_accuracy import main as _main


def main(argv: list[str] | None = None) -> int:
    return _main(argv, corpus="holdout2")


if __name__ == "__main__":
    raise SystemExit(main())
