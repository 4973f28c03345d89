"""The `itdrift` command line: the same core functions the Dagster assets call, one PDF at a time.

`extract` and `validate` print the JSON contract of itdrift_pipeline.model; `load` writes the warehouse;
`price-index load` stores a user-supplied price index; `run` materialises every Dagster asset for every
PDF in the raw directory; `source` renders the printed spot a figure was read from.
"""

from __future__ import annotations

import argparse
import atexit
import json
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from itdrift_pipeline.fork_server import PAGE_WORKER_MODULES, RUN_WORKER_MODULES, start_worker_server
from itdrift_pipeline.settings import ConfigurationError

if TYPE_CHECKING:
    from itdrift_pipeline.extract.pages import ReadOptions

EXIT_FINDINGS = 1
EXIT_REJECTED = 2


def existing_file(text: str) -> Path:
    """argparse type: a path that exists, so a typo is a usage error rather than a traceback."""
    path = Path(text)
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"no such file: {text}")
    return path


def _emit(payload: dict, out: Path | None) -> None:
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    if out is None:
        sys.stdout.write(text + "\n")
    else:
        out.write_text(text + "\n", encoding="utf-8")


def positive_int(text: str) -> int:
    """argparse type: a count of at least 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return value


def _read_options(args: argparse.Namespace) -> ReadOptions:
    from itdrift_pipeline.extract.pages import ReadOptions

    return ReadOptions(triage=not args.no_triage, workers=args.workers)


def _add_reading_options(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--workers", type=positive_int, default=os.cpu_count() or 1,
        help=f"processes that read {what} (default: the machine's cores); "
        "1 reads everything in this process",
    )
    parser.add_argument(
        "--no-triage", action="store_true",
        help="read every page with pdfplumber, not only the pages a table may be on (slower, for "
        "debugging: the output is the same)",
    )


def _start_workers(args: argparse.Namespace, modules: list[str]) -> None:
    """With --workers > 1, the workers' fork server (preloading `modules`), before this process makes its
    own imports: the two run side by side on two cores, and the workers are ready sooner."""
    if args.workers > 1:
        start_worker_server(modules)


def _cmd_extract(args: argparse.Namespace) -> int:
    _start_workers(args, PAGE_WORKER_MODULES)
    from itdrift_pipeline.extract import extract_document

    result = extract_document(args.pdf, options=_read_options(args))
    _emit(result.to_dict(), args.out)
    return EXIT_REJECTED if result.document.status == "rejected" else 0


def _cmd_validate(args: argparse.Namespace) -> int:
    _start_workers(args, PAGE_WORKER_MODULES)
    from itdrift_pipeline.extract import extract_document
    from itdrift_pipeline.validate import validate_document

    extraction = extract_document(args.pdf, options=_read_options(args))
    validation = validate_document(extraction)
    _emit(validation.to_dict(), args.out)
    if extraction.document.status == "rejected":
        return EXIT_REJECTED
    return EXIT_FINDINGS if validation.count("error") else 0


def _cmd_load(args: argparse.Namespace) -> int:
    from itdrift_pipeline import pipeline
    from itdrift_pipeline.warehouse import make_engine
    from itdrift_pipeline.warehouse.engine import error_summary

    engine = make_engine(args.warehouse)
    any_rejected = False
    # Documents are read in worker processes; loads stay one at a time, here, in the order given.
    for pdf, read in pipeline.extract_and_validate_all(args.pdfs, _read_options(args), args.workers):
        try:
            if isinstance(read, BaseException):
                raise read
            processed = pipeline.process_file(pdf, engine, read=read)
        except Exception as error:  # one file's failure (a full disk, a lost server, a bug) is its own
            # The warehouse is unchanged for this file (the load is one transaction); go on with the rest.
            logging.getLogger(__name__).debug("loading %s failed", pdf, exc_info=error)
            sys.stdout.write(f"{pdf.name}  not loaded  ({type(error).__name__}: {error_summary(error)})\n")
            any_rejected = True
            continue
        sys.stdout.write(processed.summary_line() + "\n")
        any_rejected |= not processed.loaded
    # stdout stays one line per document; which database was written goes beside it.
    sys.stderr.write(f"itdrift load: warehouse {engine.url.render_as_string(hide_password=True)}\n")
    engine.dispose()
    return EXIT_REJECTED if any_rejected else 0


def _cmd_price_index_load(args: argparse.Namespace) -> int:
    from itdrift_pipeline.warehouse import load_price_index, make_engine
    from itdrift_pipeline.warehouse.price_index import PriceIndexCsvError

    engine = make_engine(args.warehouse)
    try:
        count = load_price_index(
            engine, args.csv, name=args.name, source=args.source, base_year=args.base_year
        )
    except PriceIndexCsvError as error:
        sys.stderr.write(f"itdrift price-index load: {error}\n")
        return EXIT_REJECTED
    sys.stdout.write(f"{args.name}: {count} years loaded (source: {args.source})\n")
    return 0


def _cmd_run(args: argparse.Namespace) -> int:
    _start_workers(args, RUN_WORKER_MODULES)
    from itdrift_pipeline.defs.runner import materialize_everything
    from itdrift_pipeline.warehouse import make_engine

    # The warehouse is checked once here, so a bad URL is one line rather than a failed run per document.
    make_engine(args.warehouse).dispose()
    return materialize_everything(
        raw_dir=args.raw_dir, warehouse_url=args.warehouse, force=args.force, workers=args.workers
    )


def _cmd_source(args: argparse.Namespace) -> int:
    import pypdfium2 as pdfium

    from itdrift_pipeline.sources import SourcePageError, SourcePdf, parse_bbox, png_bytes, write_atomically

    try:
        bbox = None if args.bbox is None else parse_bbox(args.bbox)
        with SourcePdf(args.pdf) as pdf:
            image, crop = pdf.crop(args.page, bbox)
            write_atomically(args.out, png_bytes(image, crop, file=args.pdf.name))
    except (SourcePageError, ValueError) as error:
        sys.stderr.write(f"itdrift source: {error}\n")
        return EXIT_REJECTED
    except pdfium.PdfiumError as error:
        sys.stderr.write(f"itdrift source: {args.pdf} cannot be rendered ({error}); is it a readable PDF?\n")
        return EXIT_REJECTED
    sys.stdout.write(f"{args.out}  page {args.page}, {image.width} x {image.height} px\n")
    return 0


def _add_source_parser(sub: argparse._SubParsersAction) -> None:
    source = sub.add_parser(
        "source", help="render a page, or a crop around a figure's box with the box outlined, as PNG"
    )
    source.add_argument("pdf", type=existing_file)
    source.add_argument("--page", type=int, required=True, help="1-based page, as the facts give it")
    source.add_argument("--bbox", help="x0,top,x1,bottom in PDF points (the facts' bbox): crop around it")
    source.add_argument("--out", type=Path, required=True, help="PNG file to write")
    source.set_defaults(func=_cmd_source)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="itdrift", description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True)

    extract = sub.add_parser("extract", help="PDF -> facts, notes, narrative amounts as JSON")
    extract.add_argument("pdf", type=existing_file)
    extract.add_argument("--out", type=Path, help="write the JSON here instead of stdout")
    _add_reading_options(extract, "the pages a table may be on")
    extract.set_defaults(func=_cmd_extract)

    validate = sub.add_parser("validate", help="extract, then check; exit 1 when there are errors")
    validate.add_argument("pdf", type=existing_file)
    validate.add_argument("--out", type=Path, help="write the JSON here instead of stdout")
    _add_reading_options(validate, "the pages a table may be on")
    validate.set_defaults(func=_cmd_validate)

    load = sub.add_parser("load", help="extract, validate and load into the warehouse")
    load.add_argument("pdfs", type=existing_file, nargs="+")
    load.add_argument("--warehouse", help="SQLAlchemy URL (default: $WAREHOUSE_URL or the SQLite file)")
    _add_reading_options(load, "documents (loads stay one at a time)")
    load.set_defaults(func=_cmd_load)

    price_index = sub.add_parser("price-index", help="price/wage indices for v_fixed_prices")
    price_index_sub = price_index.add_subparsers(dest="price_index_command", required=True)
    price_index_load = price_index_sub.add_parser(
        "load", help="replace an index with a year,value CSV ('#' comment lines, '.' decimal mark)"
    )
    price_index_load.add_argument("csv", type=existing_file)
    price_index_load.add_argument("--name", required=True, help="index name, e.g. 'KL pris- og lønskøn'")
    price_index_load.add_argument("--source", required=True, help="where the numbers come from")
    price_index_load.add_argument("--base-year", type=int, help="year the source sets to 100, if any")
    price_index_load.add_argument(
        "--warehouse", help="SQLAlchemy URL (default: $WAREHOUSE_URL or the SQLite file)"
    )
    price_index_load.set_defaults(func=_cmd_price_index_load)

    run = sub.add_parser("run", help="materialise every Dagster asset for every PDF in the raw directory")
    run.add_argument("--raw-dir", help="default: $ITDRIFT_RAW_DIR or data/raw")
    run.add_argument("--warehouse", help="SQLAlchemy URL (default: $WAREHOUSE_URL or the SQLite file)")
    run.add_argument("--force", action="store_true",
                     help="run every document again, even those already extracted, validated and loaded "
                     "by the current code")
    run.add_argument(
        "--workers", type=positive_int, default=os.cpu_count() or 1,
        help="documents run at once, each in its own process (default: the machine's cores); warehouse "
        "loads stay one at a time",
    )
    run.set_defaults(func=_cmd_run)
    _add_source_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        return args.func(args)
    except ConfigurationError as error:
        sys.stderr.write(f"itdrift {args.command}: {error}\n")
        return EXIT_REJECTED


def command() -> None:
    """The `itdrift` console script: main(), then the process ends without tearing the interpreter down.

    Freeing the modules of Dagster, pandas and the chart renderer one by one took 0.5-1.5 s after the
    last line of output, time a nightly run and a shell script wait for and nothing of ours needs: the
    commands close their warehouse, instance and worker pools themselves, output is flushed and the
    atexit handlers run here.
    """
    try:
        code = main()
    except SystemExit as stop:  # argparse's usage errors and --help
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)
        if isinstance(stop.code, str):
            sys.stderr.write(f"{stop.code}\n")
    atexit._run_exitfuncs()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`itdrift run | head`): nothing left to write to
            code = code or 1
    os._exit(code)


if __name__ == "__main__":
    command()
