"""Extraction accuracy on the holdout layout corpus (itdrift_pipeline_tests/corpus/holdout): precision and
recall of facts per document and overall, plus year-source / unit agreement, unread columns and document
metadata. A measurement only: it asserts nothing and always exits 0.

The holdout set was made blind to the extractor and to the layout corpus (other layouts, other
publishers); scoring is layouts.truth.score on the committed PDFs and truth JSONs in
itdrift_pipeline_tests/fixtures/holdout/.
Run: `.venv/bin/python -m benchmarks.holdout_accuracy [-v] [--corpus holdout|holdout2|holdout3|holdout4]
[NAME ...]` (--corpus holdout2 / holdout3 / holdout4 measure the second / third / fourth blind holdout sets
in fixtures/<corpus>/).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from itdrift_pipeline.extract import extract_document
from itdrift_pipeline_tests.corpus.layouts.truth import Score, score, total

FIXTURES = Path(__file__).resolve().parents[1] / "itdrift_pipeline_tests" / "fixtures"
FIXTURE_DIR = FIXTURES / "holdout"


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}%"


def main(argv: list[str] | None = None, corpus: str = "holdout") -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.holdout_accuracy")
    parser.add_argument("-v", "--verbose", action="store_true", help="show missing / unexpected facts")
    parser.add_argument("--corpus", default=corpus,
                        help="holdout (default), holdout2, holdout3 or holdout4: fixtures/<corpus>/")
    parser.add_argument("--dir", type=Path, default=None, help="a fixture directory (overrides --corpus)")
    parser.add_argument("names", nargs="*")
    args = parser.parse_args(argv)
    args.dir = args.dir or FIXTURES / args.corpus
    truths = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(args.dir.glob("*.json"))]
    truths = [t for t in truths if not args.names or t["name"] in args.names]
    header = (
        f"{'document':<44} {'prod':<9} {'exp':>4} {'got':>4} {'ok':>4} {'prec':>6} {'recall':>6} "
        f"{'yrsrc':>6} {'unit':>6} {'unread':>6} {'meta':>6}  {'s':>4}"
    )
    print(header)
    print("-" * len(header))
    scores: list[Score] = []
    by_producer: dict[str, list[Score]] = {}
    for truth in truths:
        started = time.perf_counter()
        try:
            result = extract_document(args.dir / truth["pdf"])
            s = score(truth, result)
        except Exception as exc:  # noqa: BLE001 - a measurement: a crash scores as nothing extracted
            s = score(truth, {"facts": [], "unread_columns": [], "document": {}})
            s.metadata_diff.insert(0, f"extraction failed: {type(exc).__name__}: {exc}")
        seconds = time.perf_counter() - started
        scores.append(s)
        by_producer.setdefault(truth["producer"], []).append(s)
        print(
            f"{truth['name']:<44} {truth['producer']:<9} {s.expected:>4} {s.extracted:>4} {s.matched:>4} "
            f"{_pct(s.precision):>6} {_pct(s.recall):>6} {_pct(s.year_source_rate):>6} "
            f"{_pct(s.source_unit_rate):>6} {s.unread_found:>2}/{s.unread_expected:<3} "
            f"{_pct(s.metadata_rate):>6}  {seconds:4.1f}"
        )
        if args.verbose:
            for line in s.metadata_diff:
                print(f"    metadata  {line}")
            for line in s.missing:
                print(f"    missing   {line}")
            for line in s.unexpected:
                print(f"    unexpected {line}")
    print("-" * len(header))
    for producer, group in sorted(by_producer.items()):
        t = total(group)
        print(
            f"{'producer ' + producer:<54} {t.expected:>4} {t.extracted:>4} {t.matched:>4} "
            f"{_pct(t.precision):>6} {_pct(t.recall):>6}"
        )
    t = total(scores)
    print(
        f"{'OVERALL':<54} {t.expected:>4} {t.extracted:>4} {t.matched:>4} {_pct(t.precision):>6} "
        f"{_pct(t.recall):>6} {_pct(t.year_source_rate):>6} {_pct(t.source_unit_rate):>6} "
        f"{t.unread_found:>2}/{t.unread_expected:<3} {_pct(t.metadata_rate):>6}"
    )
    f1 = 2 * t.precision * t.recall / (t.precision + t.recall) if t.precision + t.recall else 0.0
    print(f"F1 {_pct(f1)}   (documents: {len(scores)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
