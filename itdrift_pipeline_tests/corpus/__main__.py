"""Re-render the committed replica PDFs into data/raw (or the directory given as the first argument)."""

from __future__ import annotations

import sys
from pathlib import Path

from . import BOOK_PDF_NAME, SEED_PDF_NAME, render_book, render_seed


def main(argv: list[str]) -> int:
    raw_dir = Path(argv[0]) if argv else Path("data/raw")
    seed = render_seed(raw_dir / SEED_PDF_NAME)
    print(f"{raw_dir / SEED_PDF_NAME}: {seed.pages} pages")
    book = render_book(raw_dir / BOOK_PDF_NAME)
    print(f"{raw_dir / BOOK_PDF_NAME}: {book.pages} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
