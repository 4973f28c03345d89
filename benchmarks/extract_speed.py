"""Extraction speed on the replica book: pages/second of full extract_document beside pages/second of plain
pdfplumber `page.extract_tables()` over the same pages in the same run, and memory: resident-set growth
over repeated extractions of the book (is it flat?) and peak traced allocations.

Run: `.venv/bin/python -m benchmarks.extract_speed [PDF] [--repeat N]` (default: the committed book).
Speed is reported, never asserted: it depends on the machine.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.extract.intake import resident_bytes

BOOK = Path(__file__).resolve().parents[1] / "data" / "raw" / "naestved_regnskab_2020.pdf"


def plain_pdfplumber_tables(pdf_path: Path) -> int:
    """The baseline: pdfplumber's default table finder on every page; returns the number of pages."""
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.close()
        return len(pdf.pages)


def full_extraction(pdf_path: Path) -> int:
    result = extract_document(pdf_path)
    if result.document.status != "ok" or result.document.pages is None:
        raise SystemExit(f"{pdf_path} was rejected: {result.document.error}")
    return result.document.pages


def best_seconds(run: Callable[[Path], int], pdf_path: Path, repeat: int) -> tuple[float, int]:
    """Fastest of `repeat` runs (the least disturbed by the rest of the machine) and the page count."""
    best = float("inf")
    pages = 0
    for _ in range(repeat):
        started = time.perf_counter()
        pages = run(pdf_path)
        best = min(best, time.perf_counter() - started)
    return best, pages


def peak_traced_mib(run: Callable[[Path], int], pdf_path: Path) -> float:
    tracemalloc.start()
    try:
        run(pdf_path)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def _resident() -> int:
    rss = resident_bytes()
    if rss is None:
        raise SystemExit("cannot measure resident memory on this platform")
    return rss


def rss_growth_mib(pdf_path: Path, runs: int) -> tuple[list[float], float]:
    """RSS growth over the start after each of `runs` extractions in a row, and the peak growth.

    Run first in the process: the peak is ru_maxrss (KiB on Linux), the process's high-water mark, and
    would otherwise include the other measurements.
    """
    start = _resident()
    after = []
    for _ in range(runs):
        full_extraction(pdf_path)
        after.append((_resident() - start) / 2**20)
    # The kernel updates the high-water mark lazily: it can trail the last sample by a few pages.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return after, max((peak - start) / 2**20, *after)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", nargs="?", type=Path, default=BOOK)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per method (the best counts)")
    parser.add_argument("--rss-runs", type=int, default=5, help="extractions in a row for the RSS growth")
    args = parser.parse_args(argv)

    rss_after, rss_peak = rss_growth_mib(args.pdf, args.rss_runs)
    extract_s, pages = best_seconds(full_extraction, args.pdf, args.repeat)
    plain_s, _ = best_seconds(plain_pdfplumber_tables, args.pdf, args.repeat)
    extract_peak = peak_traced_mib(full_extraction, args.pdf)
    plain_peak = peak_traced_mib(plain_pdfplumber_tables, args.pdf)
    # ru_maxrss is KiB on Linux: the whole process's high-water mark over every run above.
    max_rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"document: {args.pdf} ({pages} pages), best of {args.repeat} runs")
    print(f"{'method':<36} {'seconds':>8} {'pages/s':>8} {'peak traced MiB':>16}")
    for method, seconds, peak in (
        ("extract_document (full)", extract_s, extract_peak),
        ("pdfplumber page.extract_tables()", plain_s, plain_peak),
    ):
        print(f"{method:<36} {seconds:>8.2f} {pages / seconds:>8.1f} {peak:>16.1f}")
    print(f"process max RSS: {max_rss_mib:.0f} MiB")
    growth = ", ".join(f"{mib:.1f}" for mib in rss_after)
    print(f"RSS growth after each of {args.rss_runs} extractions in a row: {growth} MiB")
    print(f"peak RSS growth over those extractions: {rss_peak:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
