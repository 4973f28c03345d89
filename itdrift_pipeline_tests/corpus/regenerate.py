"""The command line that regenerates a printed corpus's fixtures (layouts/, holdout/, holdout2/):

    python -m itdrift_pipeline_tests.corpus.<corpus> [--out DIR] [--truth-only] [NAME ...]

writes every document's (or the named ones') truth JSON and PDF into the corpus's FIXTURE_DIR (or DIR).
The corpus package provides FIXTURE_DIR, documents(), render(doc, out) and truth_json(doc).
"""

from __future__ import annotations

import argparse
from importlib import import_module
from pathlib import Path

import pdfplumber


def main(package: str, argv: list[str] | None = None) -> int:
    corpus = import_module(package)
    parser = argparse.ArgumentParser(prog=f"python -m {package}")
    parser.add_argument("--out", type=Path, default=corpus.FIXTURE_DIR)
    parser.add_argument("--truth-only", action="store_true", help="write the truth JSONs, render nothing")
    parser.add_argument("names", nargs="*")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for doc in corpus.documents():
        if args.names and doc.name not in args.names:
            continue
        (args.out / f"{doc.name}.json").write_text(corpus.truth_json(doc), encoding="utf-8")
        if args.truth_only:
            continue
        pdf = corpus.render(doc, args.out / f"{doc.name}.pdf")
        with pdfplumber.open(pdf) as opened:
            pages = len(opened.pages)
        print(f"{pdf.name:<48} {doc.producer:<10} {pages} page(s) {pdf.stat().st_size:>8} bytes")
    return 0
