"""Notes, chapters and the tables the extractor could not interpret are stored beside the figures."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa

from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.validate import validate_document
from itdrift_pipeline.warehouse import load, load_document
from itdrift_pipeline_tests.corpus import (
    expected_notes,
    expected_unknown_tables,
    make_variant,
    render_seed,
    seed_chapter,
)

from .conftest import rejected_case, row_counts, with_structural_error

NEW_TABLES = ("dim_document_chapter", "fact_note", "fact_unknown_table")


def test_the_seed_chapter_notes_are_stored_with_their_price_years(engine, bi_engine, seed_case, tmp_path):
    load_document(engine, seed_case.extraction, seed_case.validation)

    with bi_engine.connect() as connection:
        notes = connection.execute(
            sa.text(
                "SELECT pa.name, n.table_family, n.kind, n.text, n.fiscal_year, n.price_year, n.phase, "
                "n.sign_convention, n.page FROM fact_note n "
                "JOIN dim_policy_area pa ON pa.policy_area_id = n.policy_area_id ORDER BY n.sequence"
            )
        ).all()
        price_years = connection.execute(
            sa.text(
                "SELECT fiscal_year, price_year, text FROM fact_note WHERE kind = 'price_year' "
                "ORDER BY fiscal_year"
            )
        ).all()
        # Every actual of the overall result finds the note its price basis came from.
        unexplained = connection.execute(
            sa.text(
                "SELECT f.row_label, f.fiscal_year FROM fact_amount f "
                "JOIN dim_price_basis pb ON pb.price_basis = f.price_basis "
                "LEFT JOIN fact_note n ON n.document_id = f.document_id "
                "     AND n.policy_area_id = f.policy_area_id AND n.table_family = f.table_family "
                "     AND n.kind = 'price_year' AND n.phase = f.phase AND n.fiscal_year = f.fiscal_year "
                "     AND n.price_year = pb.price_year "
                "WHERE f.table_family = 'overall_result' AND f.phase = 'actual' AND n.note_id IS NULL"
            )
        ).all()

    # Ground truth from the corpus renderer (the page numbers come from its layout).
    truth = expected_notes([seed_chapter()], render_seed(tmp_path / "seed.pdf"))
    assert len(notes) == len(truth) == 12
    assert notes == [
        (
            n.policy_area,
            n.table,
            n.kind,
            n.text,
            n.fiscal_year,
            n.price_year,
            n.phase,
            n.sign_convention,
            n.page,
        )
        for n in truth
    ]
    assert price_years == [
        (2018, 2018, "Regnskab 2018 er i 2018-priser"),
        (2019, 2019, "Regnskab 2019 er i 2019-priser"),
        (2020, 2020, "Regnskab 2020 er i 2020-priser"),
    ]
    assert unexplained == []


def test_chapter_page_ranges_are_kept_per_document(engine, bi_engine, seed_case, book_case):
    load_document(engine, seed_case.extraction, seed_case.validation)
    load_document(engine, book_case.extraction, book_case.validation)

    with bi_engine.connect() as connection:
        chapters = connection.execute(
            sa.text(
                "SELECT d.file, pa.name, c.title, c.committee, c.first_page, c.last_page "
                "FROM dim_document_chapter c JOIN dim_document d ON d.document_id = c.document_id "
                "JOIN dim_policy_area pa ON pa.policy_area_id = c.policy_area_id "
                "ORDER BY d.file, c.first_page"
            )
        ).all()

    book = [
        (book_case.file, c.policy_area, c.title, c.committee, c.first_page, c.last_page)
        for c in book_case.extraction.chapters
    ]
    assert chapters == sorted(
        [*book, (seed_case.file, "IT", "Politikområde IT", None, 1, 4)], key=lambda r: (r[0], r[4])
    )
    # The same IT chapter, on other pages and under a committee only in the book.
    assert (book_case.file, "IT", "Politikområde IT", "Økonomiudvalget", 2, 5) in chapters


def test_an_unknown_table_is_stored_with_its_cells_and_shown_in_v_unparsed_tables(
    engine, bi_engine, tmp_path: Path
):
    variant = make_variant("unknown_table", tmp_path)
    extraction = extract_document(variant.pdf_path)
    validation = validate_document(extraction)
    truth = expected_unknown_tables(variant.chapters, variant.layout)
    assert len(extraction.unknown_tables) == len(truth) == 1

    summary = load_document(engine, extraction, validation)

    with bi_engine.connect() as connection:
        rows = connection.execute(
            sa.text(
                "SELECT policy_area, page, reason, row_count, cells_json, bbox_x0, bbox_bottom, "
                "source_file FROM v_unparsed_tables"
            )
        ).all()
    assert (summary.loaded, summary.unknown_tables) == (True, 1)
    assert len(rows) == 1
    policy_area, page, reason, row_count, cells_json, x0, bottom, source_file = rows[0]
    table = extraction.unknown_tables[0]
    cells = json.loads(cells_json)
    assert (policy_area, page, source_file) == (truth[0].policy_area, truth[0].page, extraction.document.file)
    assert reason == table.reason and "no figure column can be read" in reason
    assert cells == table.cells and row_count == len(cells)
    assert (
        cells[1:] == truth[0].cells[1:]
    )  # the Nøgletal rows as printed, e.g. ['Distrikt Nord', '1.834', ...]
    assert ["Distrikt Nord", "1.834", "79", "23,2"] in cells
    assert (x0, bottom) == (table.bbox[0], table.bbox[3])


def test_reloading_replaces_notes_chapters_and_unparsed_tables(engine, book_case, tmp_path: Path):
    variant = make_variant("unknown_table", tmp_path)
    extraction = extract_document(variant.pdf_path)
    validation = validate_document(extraction)
    load_document(engine, book_case.extraction, book_case.validation)
    load_document(engine, extraction, validation)
    first = row_counts(engine)

    load_document(engine, extraction, validation)
    load_document(engine, book_case.extraction, book_case.validation)

    assert row_counts(engine) == first
    assert first["fact_note"] == len(book_case.extraction.notes) + len(extraction.notes)
    assert first["dim_document_chapter"] == len(book_case.extraction.chapters) + 1
    assert first["fact_unknown_table"] == 1


def test_rejected_and_invalid_documents_store_no_notes_chapters_or_tables(engine, seed_case):
    rejected = rejected_case()
    load_document(engine, rejected.extraction, rejected.validation)
    load_document(engine, seed_case.extraction, seed_case.validation)
    assert row_counts(engine)["fact_note"] == 12

    invalid = with_structural_error(seed_case)
    summary = load_document(engine, invalid.extraction, invalid.validation)

    counts = row_counts(engine)
    assert (summary.status, summary.notes, summary.chapters) == ("invalid", 0, 0)
    assert [counts[name] for name in NEW_TABLES] == [0, 0, 0]


def test_two_chapters_of_one_policy_area_are_refused(engine, seed_case):
    chapter = seed_case.extraction.chapters[0]
    twice = replace(seed_case.extraction, chapters=[chapter, replace(chapter, first_page=3)])

    with pytest.raises(load.DuplicateChapterError, match="'IT'"):
        load_document(engine, twice, seed_case.validation)
    assert row_counts(engine)["dim_document"] == 0
