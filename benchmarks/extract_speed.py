"""Throughput on a real-sized book: pages/second of `itdrift extract` beside plain pdfplumber
`page.extract_tables()` and pypdfium2's text over the same pages, in one run; peak resident memory per
process at 1,000 pages; `itdrift run` over 20 documents (CPU time / wall: both cores busy?) and its
no-op rerun; and the CPU seconds of each stage of the core (extract, validate, load into a fresh SQLite
file) on the book and on one twice its size, to show validation and the load stay a small, linear share.

The book is the replica book followed by as many pages of invented prose, repeated to ~280 pages
(itdrift_pipeline_tests/corpus/prose.py): real accounts books are about half prose.

Run: `.venv/bin/python -m benchmarks.extract_speed [--pages 280] [--workers N] [--no-run] [--no-memory]
[--no-stages]`.
Figures are printed, never asserted: they depend on the machine and on what else it is doing.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2

from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.extract.pages import ReadOptions
from itdrift_pipeline.validate import validate_document
from itdrift_pipeline.warehouse import load_document, make_engine
from itdrift_pipeline_tests.corpus.prose import write_mixed_book

ROOT = Path(__file__).resolve().parents[1]
ITDRIFT = [sys.executable, "-m", "itdrift_pipeline"]
RUN_DOCUMENTS = 20


def plain_pdfplumber_tables(pdf_path: Path) -> int:
    """The baseline: pdfplumber's default table finder on every page; returns the number of pages."""
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.close()
        return len(pdf.pages)


def pdfium_text(pdf_path: Path) -> int:
    """The floor: pypdfium2 reads every page's text."""
    document = pypdfium2.PdfDocument(str(pdf_path))
    try:
        for page in document:
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return len(document)
    finally:
        document.close()


def best_seconds(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(wall, CPU) seconds of the fastest of `repeat` runs: the least disturbed by the rest of the machine."""
    best = (float("inf"), 0.0)
    for _ in range(repeat):
        started, cpu = time.perf_counter(), time.process_time()
        run()
        best = min(best, (time.perf_counter() - started, time.process_time() - cpu))
    return best


def become_subreaper() -> bool:
    """Linux: processes our children start and leave behind (the forkserver and its workers) become our
    children when orphaned, so their CPU time and peak memory reach RUSAGE_CHILDREN once reaped."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


PR_SET_CHILD_SUBREAPER = 36


def reap_orphans(timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            time.sleep(0.02)


class Child:
    """A command run to completion, with its wall time, the CPU time of it and everything it started, and
    the peak resident set of the largest of those processes."""

    def __init__(
        self, command: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
    ) -> None:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        completed = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
        self.wall = time.perf_counter() - started
        reap_orphans()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if completed.returncode not in (0, 1):
            failure = completed.stderr[-2000:]
            raise SystemExit(f"{' '.join(command)} failed ({completed.returncode}):\n{failure}")
        self.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        # ru_maxrss (KiB on Linux) of the children is the largest single process among those waited for.
        self.peak_rss_mib = after.ru_maxrss / 1024
        self.stdout = completed.stdout


def extract_command(pdf: Path, workers: int, *extra: str) -> list[str]:
    return [*ITDRIFT, "extract", str(pdf), "--out", os.devnull, "--workers", str(workers), *extra]


def speed(book: Path, workers: int, repeat: int) -> None:
    pages = len(pdfplumber.open(book).pages)
    extract = min((Child(extract_command(book, workers)) for _ in range(repeat)), key=lambda c: c.wall)
    reference = Child(extract_command(book, 1, "--no-triage"))
    plain, plain_cpu = best_seconds(lambda: plain_pdfplumber_tables(book), 1)
    floor, floor_cpu = best_seconds(lambda: pdfium_text(book), repeat)
    print(f"book: {book.name}, {pages} pages (replica book + as many prose pages, repeated)")
    # CPU seconds (all processes) beside wall: on a machine shared with other work, wall ratios understate.
    print(f"{'method':<52} {'wall s':>7} {'pages/s':>8} {'vs plain':>9} {'CPU s':>7}")
    rows = (
        (f"itdrift extract --workers {workers} (process start to end)", extract.wall, extract.cpu),
        ("itdrift extract --workers 1 --no-triage (reference)", reference.wall, reference.cpu),
        ("pdfplumber page.extract_tables()", plain, plain_cpu),
        ("pypdfium2 text", floor, floor_cpu),
    )
    for method, seconds, cpu in rows:
        print(f"{method:<52} {seconds:>7.2f} {pages / seconds:>8.1f} {plain / seconds:>8.2f}x {cpu:>7.2f}")
    print(f"itdrift extract --workers {workers}: CPU time / wall = {extract.cpu / extract.wall:.2f}")


def memory(directory: Path, workers: int) -> None:
    book = directory / "book_1000.pdf"
    pages = write_mixed_book(book, target_pages=1000)
    child = Child(extract_command(book, workers))
    print(f"peak RSS of the largest process, `itdrift extract --workers {workers}` on {pages} pages: "
          f"{child.peak_rss_mib:.0f} MiB ({child.wall:.1f} s)")


def stage_seconds(book: Path, warehouse: Path) -> tuple[float, float, float]:
    """CPU seconds of this process for extract (default options, workers=1: every page read here),
    validate and load of one book; the fresh warehouse's migrations are not counted."""
    started = time.process_time()
    extraction = extract_document(book, options=ReadOptions(workers=1))
    extracted = time.process_time()
    validation = validate_document(extraction)
    validated = time.process_time()
    engine = make_engine(f"sqlite:///{warehouse}")
    try:
        loading = time.process_time()
        load_document(engine, extraction, validation)
        loaded = time.process_time()
    finally:
        engine.dispose()
    return extracted - started, validated - extracted, loaded - loading


def stages(directory: Path, book: Path, pages: int) -> None:
    """Extract, validate and load of the book and of one twice its size: validate + load as a share of
    extraction, and how each stage grows when the book doubles (2.00x is linear)."""
    double = directory / "mixed_book_x2.pdf"
    write_mixed_book(double, target_pages=2 * pages)
    # Lazy imports (pandas, Pandera, SQLAlchemy's dialect) and schema set-up are paid once per process,
    # not per page: a warm-up document pays them, so the figures below are what each book costs.
    stage_seconds(ROOT / "data" / "raw" / "naestved_regnskab_2020_it.pdf", directory / "warm-up.sqlite")
    print("stages, CPU seconds in this process (extract with workers=1), fresh SQLite warehouse, after one "
          "warm-up document:")
    print(f"{'pages':>6} {'extract':>8} {'validate':>9} {'load':>6} {'(validate+load)/extract':>24}")
    measured = []
    for path in (book, double):
        count = len(pdfplumber.open(path).pages)
        extract, validate, load = stage_seconds(path, directory / f"{path.stem}.sqlite")
        measured.append((count, extract, validate, load))
        share = (validate + load) / extract
        print(f"{count:>6} {extract:>8.2f} {validate:>9.2f} {load:>6.2f} {share:>24.1%}")
    (pages_1, *small), (pages_2, *large) = measured
    names = ("extract", "validate", "load")
    growth = ", ".join(f"{name} {b / a:.2f}x" for name, a, b in zip(names, small, large, strict=True))
    print(f"growth for {pages_2 / pages_1:.2f}x the pages: {growth}")


def run_documents(directory: Path, workers: int) -> None:
    """`itdrift run` over RUN_DOCUMENTS committed PDFs in a fresh project directory, then again."""
    raw = directory / "raw"
    raw.mkdir()
    fixtures = ROOT / "itdrift_pipeline_tests" / "fixtures"
    pdfs = sorted((ROOT / "data" / "raw").glob("*.pdf")) + sorted(fixtures.rglob("*.pdf"))
    for pdf in pdfs[:RUN_DOCUMENTS]:
        shutil.copy(pdf, raw / pdf.name)
    env = {**os.environ, "ITDRIFT_REPORTS_DIR": str(directory / "reports")}
    env.pop("DAGSTER_HOME", None)
    warehouse = f"sqlite:///{directory / 'wh.sqlite'}"
    command = [*ITDRIFT, "run", "--raw-dir", str(raw), "--warehouse", warehouse, "--workers", str(workers)]
    first = Child(command, cwd=directory, env=env)
    documents = len(list(raw.glob("*.pdf")))
    print(f"itdrift run --workers {workers}, {documents} documents: {first.wall:.1f} s wall, "
          f"{first.cpu:.1f} s CPU, CPU time / wall = {first.cpu / first.wall:.2f}")
    again = Child(command, cwd=directory, env=env)
    skipped = again.stdout.count("up to date, skipped")
    print(f"itdrift run again, nothing new ({skipped} skipped): {again.wall:.2f} s wall from process start")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=280, help="size of the mixed book")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=2, help="timed runs of `itdrift extract` (best counts)")
    parser.add_argument("--no-memory", action="store_true", help="skip the 1,000-page memory measurement")
    parser.add_argument("--no-run", action="store_true", help="skip `itdrift run` over 20 documents")
    parser.add_argument(
        "--no-stages", action="store_true", help="skip extract/validate/load CPU time at 1x and 2x the pages"
    )
    args = parser.parse_args(argv)
    if not become_subreaper():
        print("note: not Linux; CPU time and peak memory of worker processes may be missing below")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    with tempfile.TemporaryDirectory() as scratch:
        directory = Path(scratch)
        book = directory / "mixed_book.pdf"
        write_mixed_book(book, target_pages=args.pages)
        speed(book, args.workers, args.repeat)
        if not args.no_stages:
            stages(directory, book, args.pages)
        if not args.no_memory:
            memory(directory, args.workers)
        if not args.no_run:
            run_documents(directory, args.workers)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
