"""Regenerate every holdout3 PDF and truth JSON (or the named ones) into fixtures/holdout3/.

python -m itdrift_pipeline_tests.corpus.holdout3 [--out DIR] [--truth-only] [NAME ...]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pdfplumber

from . import FIXTURE_DIR, documents, render, truth_json


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m itdrift_pipeline_tests.corpus.holdout3")
    parser.add_argument("--out", type=Path, default=FIXTURE_DIR)
    parser.add_argument("--truth-only", action="store_true", help="write the truth JSONs, render nothing")
    parser.add_argument("names", nargs="*")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for doc in documents():
        if args.names and doc.name not in args.names:
            continue
        (args.out / f"{doc.name}.json").write_text(truth_json(doc), encoding="utf-8")
        if args.truth_only:
            continue
        pdf = render(doc, args.out / f"{doc.name}.pdf")
        with pdfplumber.open(pdf) as opened:
            pages = len(opened.pages)
        print(f"{pdf.name:<48} {doc.producer:<10} {pages} page(s) {pdf.stat().st_size:>8} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
