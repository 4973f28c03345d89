"""Test corpus: replica accounts PDFs rendered with reportlab from structured chapters, and their truth.

Chapters: seed_chapter() (published IT chapter, defects kept), book_chapters(), clean_chapter(),
defective_chapter() with PLANTED_FINDINGS. Rendering returns a Layout (the page of everything drawn):
render_seed / render_book / render_chapters / render_chapter_pdf, and make_variant(name, out_dir) for
VARIANTS. Ground truth: expected_facts / expected_notes / expected_narrative_amounts / expected_chapters /
expected_unknown_tables(chapters, layout). `python -m itdrift_pipeline_tests.corpus` re-renders data/raw.
"""

from __future__ import annotations

from pathlib import Path

from itdrift_pipeline_tests.badinputs import BAD_INPUT_KINDS, make_bad_input

from .book import BOOK_PDF_NAME, book_chapters, render_book
from .chapters import ChapterData
from .render import DEFAULT_STYLE, Layout, LayoutStyle, render_chapter_pdf, render_chapters
from .seed import seed_chapter
from .truth import (
    expected_chapters,
    expected_document,
    expected_facts,
    expected_narrative_amounts,
    expected_notes,
    expected_unknown_tables,
)
from .variants import (
    PLANTED_FINDINGS,
    VARIANTS,
    PlantedFinding,
    Variant,
    clean_chapter,
    defective_chapter,
    make_variant,
)

SEED_PDF_NAME = "naestved_regnskab_2020_it.pdf"


def render_seed(path: str | Path | None = None) -> Layout:
    """The seed chapter as its own 4-page PDF (data/raw/naestved_regnskab_2020_it.pdf)."""
    return render_chapter_pdf(seed_chapter(), path)


__all__ = [
    "BAD_INPUT_KINDS",
    "PLANTED_FINDINGS",
    "VARIANTS",
    "PlantedFinding",
    "Variant",
    "clean_chapter",
    "defective_chapter",
    "make_variant",
    "BOOK_PDF_NAME",
    "DEFAULT_STYLE",
    "SEED_PDF_NAME",
    "ChapterData",
    "Layout",
    "book_chapters",
    "LayoutStyle",
    "expected_chapters",
    "expected_document",
    "expected_facts",
    "expected_narrative_amounts",
    "expected_notes",
    "expected_unknown_tables",
    "render_chapter_pdf",
    "make_bad_input",
    "render_book",
    "render_chapters",
    "render_seed",
    "seed_chapter",
]
