"""Precision and recall of extraction on the book and every layout variant: 100 % each, scored by the
same function benchmarks/extract_accuracy.py prints."""

from __future__ import annotations

import pytest

from benchmarks.extract_accuracy import score
from itdrift_pipeline_tests import corpus
from itdrift_pipeline_tests.extract.conftest import page_sizes


@pytest.mark.parametrize("name", ["seed", "book", *corpus.VARIANTS])
def test_precision_and_recall_are_perfect(corpus_extractions, name: str) -> None:
    document, result = corpus_extractions[name]
    assert result.document.status == "ok"
    assert result.facts, "a corpus document without facts would make 100 % meaningless"
    for item in score(document, result):
        assert item.perfect, (name, item.kind, item.missing, item.unexpected)


def test_book_chapters_and_committees(book) -> None:
    document, result = book
    assert len(result.chapters) >= 5
    assert result.chapters == corpus.expected_chapters(document.chapters, document.layout)
    assert any(c.committee for c in result.chapters)


def test_book_tables_split_across_pages_come_out_as_one_table(book) -> None:
    """The book has tables broken over a page, with and without the header repeated; their rows on the
    second page must still be read under the same columns (no second, headerless table)."""
    document, result = book
    layout = document.layout
    split = {
        (area, key)
        for (area, key, _), page in layout.row_pages.items()
        if page != layout.table_pages[(area, key)]
    }
    assert split, "the book should exercise tables that break across pages"
    tables = {(c.policy_area, t.key): t for c in document.chapters for t in c.tables}
    assert {tables[k].repeat_header for k in split} == {True, False}
    assert result.unknown_tables == []
    for area, key in split:
        table = tables[(area, key)]
        pages = {f.page for f in result.facts if f.policy_area == area and f.table_title == table.caption
                 and f.table == table.family}
        assert len(pages) >= 2, (area, key)


def test_book_facts_have_bboxes_inside_their_pages(book) -> None:
    document, result = book
    sizes = page_sizes(document.pdf)
    for fact in result.facts:
        width, height = sizes[fact.page]
        x0, top, x1, bottom = fact.bbox
        assert 0 <= x0 < x1 <= width and 0 <= top < bottom <= height, fact


def test_unknown_table_keeps_its_raw_cells(corpus_extractions) -> None:
    document, result = corpus_extractions["unknown_table"]
    (unknown,) = result.unknown_tables
    assert unknown.cells[0] == ["Skoledistrikt", "Antal elever", "Antal klasser", "Klasse- kvotient"]
    assert unknown.cells[1] == ["Distrikt Nord", "1.834", "79", "23,2"]
    assert "phase" in unknown.reason
    assert not any(f.table_title == "Nøgletal" for f in result.facts)


def test_long_listing_is_read_in_full(corpus_extractions) -> None:
    document, result = corpus_extractions["long_listing"]
    listing = [f for f in result.facts if f.table_title == "Regnskab på konti"]
    assert len(listing) == 2 * (corpus.variants.LISTING_ROWS + 1)  # 400 accounts and their total
    assert {f.page for f in listing} == {document.layout.table_pages[("IT", "long_listing")]}
    assert listing[0].row_label == "0.10.10 Lønninger" and listing[0].row_code is None
