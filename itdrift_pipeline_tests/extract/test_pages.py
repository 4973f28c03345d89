"""Page reading: the triaged, parallel path gives what reading every page with pdfplumber in one process
gives, on every committed PDF and on a book that is half prose; pdfium's words are pdfplumber's words.

Boxes read from pdfium's text differ from pdfminer's in the last bits (pdfium computes positions in
32-bit floats): they are compared within BBOX_TOLERANCE_PT, everything else exactly.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pdfplumber
import pikepdf
import pypdfium2
import pytest

from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.extract.intake import DEFAULT_LIMITS, Deadline, MemoryBudget
from itdrift_pipeline.extract.layout import char_tuples, edge_segments, words_of_char_tuples, words_of_chars
from itdrift_pipeline.extract.pages import (
    ReadOptions,
    may_hold_table,
    read_pages,
)
from itdrift_pipeline.extract.pdfium_text import NotCheap, PageFonts, pdfium_chars
from itdrift_pipeline.extract.pdfminer_page import parse_page_char_tuples, parse_page_objects
from itdrift_pipeline.validate import validate_document
from itdrift_pipeline_tests.corpus.prose import write_mixed_book

ROOT = Path(__file__).resolve().parents[2]
COMMITTED_PDFS = sorted(
    [*(ROOT / "data" / "raw").glob("*.pdf"), *(ROOT / "itdrift_pipeline_tests" / "fixtures").rglob("*.pdf")]
)
# A thousandth of a point: 0.35 micrometres on paper, a hundred times pdfium's float error at 842 pt.
BBOX_TOLERANCE_PT = 1e-3
REFERENCE = ReadOptions(triage=False, workers=1)
# Triage on from the first page, so even a one-page PDF goes through it.
TRIAGED = ReadOptions(triage=True, workers=1, triage_from_pages=1)
TRIAGED_PARALLEL = ReadOptions(triage=True, workers=2, triage_from_pages=1)


def _differences(reference: Any, other: Any, where: str = "") -> list[str]:
    """Where `other` differs from `reference`: exactly, except boxes within BBOX_TOLERANCE_PT."""
    if isinstance(reference, dict) and isinstance(other, dict):
        if reference.keys() != other.keys():
            return [f"{where}: keys {sorted(reference)} != {sorted(other)}"]
        found = []
        for key in reference:
            if key in ("bbox", "compared_bbox") and reference[key] is not None and other[key] is not None:
                if len(reference[key]) != len(other[key]) or any(
                    abs(a - b) > BBOX_TOLERANCE_PT for a, b in zip(reference[key], other[key], strict=True)
                ):
                    found.append(f"{where}.{key}: {reference[key]} != {other[key]}")
            else:
                found.extend(_differences(reference[key], other[key], f"{where}.{key}"))
        return found
    if isinstance(reference, list) and isinstance(other, list):
        if len(reference) != len(other):
            return [f"{where}: {len(reference)} items != {len(other)}"]
        pairs = enumerate(zip(reference, other, strict=True))
        return [d for i, (a, b) in pairs for d in _differences(a, b, f"{where}[{i}]")]
    return [] if reference == other else [f"{where}: {reference!r} != {other!r}"]


def _outputs(pdf: Path, options: ReadOptions) -> dict[str, Any]:
    extraction = extract_document(pdf, options=options)
    return {"extraction": extraction.to_dict(), "validation": validate_document(extraction).to_dict()}


@pytest.fixture(scope="module")
def mixed_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The replica book and as many prose pages: table pages, prose pages and the borders between."""
    path = tmp_path_factory.mktemp("mixed") / "mixed_book.pdf"
    write_mixed_book(path, target_pages=46)
    return path


@pytest.mark.parametrize("pdf", COMMITTED_PDFS, ids=lambda p: p.name)
def test_triaged_reading_gives_what_pdfplumber_gives(pdf: Path) -> None:
    reference = _outputs(pdf, REFERENCE)
    assert _differences(reference, _outputs(pdf, TRIAGED)) == []


def test_mixed_book_triaged_and_parallel_give_what_pdfplumber_gives(mixed_book: Path) -> None:
    reference = _outputs(mixed_book, REFERENCE)
    triaged = _outputs(mixed_book, TRIAGED)
    parallel = _outputs(mixed_book, TRIAGED_PARALLEL)
    assert reference["extraction"]["narrative_amounts"], "the prose pages quote amounts"
    assert _differences(reference, triaged) == []
    # Worker processes read the same pages the same way: the output is the same, byte for byte.
    assert parallel == triaged
    assert _outputs(mixed_book, ReadOptions(triage=False, workers=2)) == reference


def test_mixed_book_prose_pages_skip_pdfplumber(mixed_book: Path) -> None:
    """The triage does find prose: the prose half of the book is read from pdfium."""
    with pdfplumber.open(mixed_book) as pdf:
        read = read_pages(pdf, mixed_book, DEFAULT_LIMITS, Deadline(), MemoryBudget(), None, TRIAGED)
    from_pdfium = [page for page in read if not page.by_pdfplumber]
    assert len(from_pdfium) >= len(read) // 2
    assert not any(may_hold_table(page) for page in from_pdfium)


@pytest.mark.parametrize("pdf", COMMITTED_PDFS, ids=lambda p: p.name)
def test_pdfium_words_are_pdfplumbers_words(pdf: Path) -> None:
    """On every page pdfium_text does not decline, the words are pdfplumber's: same text, font and size,
    boxes within BBOX_TOLERANCE_PT."""
    with pdfplumber.open(pdf) as document:
        fonts = PageFonts(document.rsrcmgr)
        pdfium_document = pypdfium2.PdfDocument(str(pdf))
        try:
            for number, page in enumerate(document.pages, start=1):
                textpage = pdfium_document[number - 1].get_textpage()
                try:
                    chars = pdfium_chars(textpage, float(page.height), fonts.of_page(page))
                except NotCheap:
                    continue
                finally:
                    textpage.close()
                expected = _by_position(words_of_chars(page.chars, number))
                got = _by_position(words_of_char_tuples(chars, number))
                assert [(w.text, w.size, w.bold) for w in got] == [(w.text, w.size, w.bold) for w in expected]
                for mine, theirs in zip(got, expected, strict=True):
                    pairs = zip(mine.bbox, theirs.bbox, strict=True)
                    assert all(abs(a - b) <= BBOX_TOLERANCE_PT for a, b in pairs), (number, mine, theirs)
        finally:
            pdfium_document.close()


@pytest.mark.parametrize("pdf", COMMITTED_PDFS, ids=lambda p: p.name)
def test_fast_word_builder_is_pdfplumbers(pdf: Path) -> None:
    """words_of_char_tuples (the word builder of pages read from pdfium) makes exactly the words, in
    exactly the order, that pdfplumber's own builder makes of the same characters: on every page, table
    pages with their mixed fonts and sizes included."""
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, start=1):
            chars = page.chars
            assert all(char["upright"] for char in chars), "the committed PDFs print upright text"
            assert words_of_char_tuples(char_tuples(chars), number) == words_of_chars(chars, number)


def test_fast_word_builder_edge_cases() -> None:
    """Lines told apart by clustering tops (a superscript within tolerance stays on its line, a run over
    two lines is split), characters out of order, an empty character, a ligature, white space."""
    def char(text: str, x0: float, top: float, size: float = 10.0, font: str = "Arial") -> dict[str, Any]:
        return {"text": text, "x0": x0, "x1": x0 + 5, "top": top, "bottom": top + size, "fontname": font,
                "size": size, "upright": True, "doctop": top}

    chars = [
        char("b", 105, 100), char("a", 100, 100), char("1", 110, 98.5), char("\ufb01", 115, 101),
        char(" ", 120, 100), char("c", 125, 100), char("", 130, 100), char("d", 135, 100),
        char("e", 100, 120), char("f", 104, 120), char("g", 200, 120),
        char("H", 100, 140, font="Arial-Bold"), char("i", 106, 140, size=12.0),
    ]
    words = words_of_char_tuples(char_tuples(chars), 3)
    assert words == words_of_chars(chars, 3)
    assert [w.text for w in words] == ["ab1fi", "c", "", "d", "ef", "g", "H", "i"]


def _by_position(words: list) -> list:
    return sorted(words, key=lambda w: (round(w.top, 1), w.x0))


# What the word builder and the rules read of a character.
CHAR_KEYS = ("text", "x0", "x1", "top", "bottom", "doctop", "upright", "fontname", "size")


@pytest.mark.parametrize("pdf", COMMITTED_PDFS, ids=lambda p: p.name)
def test_parsed_page_objects_are_pdfplumbers(pdf: Path) -> None:
    """parse_page_objects' characters carry pdfplumber's own values (exactly) and the rules are
    pdfplumber's edges, on every page."""
    with pdfplumber.open(pdf) as theirs, pdfplumber.open(pdf) as ours:
        for expected, page in zip(theirs.pages, ours.pages, strict=True):
            parse_page_objects(page)
            assert [{k: c[k] for k in CHAR_KEYS} for c in page.chars] == [
                {k: c[k] for k in CHAR_KEYS} for c in expected.chars
            ]
            assert page.edges == expected.edges
            assert set(page.objects) == set(expected.objects)


@pytest.mark.parametrize("pdf", COMMITTED_PDFS, ids=lambda p: p.name)
def test_parsed_character_tuples_are_pdfplumbers(pdf: Path) -> None:
    """parse_page_char_tuples gives pdfplumber's characters as the word builder's tuples (exactly, in
    pdfplumber's order) and the horizontal segments of pdfplumber's edges (exactly, as a multiset), on
    every page, without making pdfplumber's page objects; a page with a character that is vertical or
    not upright is left to pdfplumber."""
    with pdfplumber.open(pdf) as theirs, pdfplumber.open(pdf) as ours:
        for expected, page in zip(theirs.pages, ours.pages, strict=True):
            parsed = parse_page_char_tuples(page)
            if parsed is None:
                assert not all(c["upright"] for c in expected.chars)
                continue
            tuples, segments = parsed
            assert tuples == char_tuples(expected.chars)
            assert sorted(segments) == sorted(edge_segments(expected.edges))
            assert not hasattr(page, "_objects"), "the segments were worked out without page objects"


def test_segments_of_every_kind_of_drawing_are_pdfplumbers(tmp_path: Path) -> None:
    """Lines, rects (filled and stroked), curves with flat and sloped pieces, a zero-width rect, on a page
    whose MediaBox does not start at the origin: the segments are pdfplumber's."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "drawing.pdf"
    drawing = canvas.Canvas(str(path), pagesize=(400, 300))
    drawing.setPageSize((400, 300))
    drawing.drawString(30, 250, "Drift i alt 1.234")
    drawing.line(30, 240, 370, 240)
    drawing.line(30, 230, 30, 100)
    drawing.line(40, 220, 200, 210)
    drawing.rect(30, 150, 340, 20, stroke=1, fill=0)
    drawing.rect(30, 120, 340, 0.5, stroke=0, fill=1)
    drawing.rect(60, 100, 0, 10, stroke=1, fill=0)
    curve = drawing.beginPath()
    curve.moveTo(30, 80)
    curve.lineTo(200, 80)
    curve.lineTo(220, 60)
    curve.curveTo(240, 70, 260, 50, 280, 60)
    curve.lineTo(370, 60)
    drawing.drawPath(curve, stroke=1, fill=0)
    drawing.save()
    shifted = tmp_path / "shifted.pdf"
    with pikepdf.open(path) as document:
        document.pages[0].obj.MediaBox = [20, 15, 420, 315]
        document.save(shifted)
    for pdf in (path, shifted):
        with pdfplumber.open(pdf) as theirs, pdfplumber.open(pdf) as ours:
            parsed = parse_page_char_tuples(ours.pages[0])
            assert parsed is not None
            assert not hasattr(ours.pages[0], "_objects"), "worked out without pdfplumber's objects"
            expected = edge_segments(theirs.pages[0].edges)
            assert len(expected) >= 6
            assert sorted(parsed[1]) == sorted(expected)


def test_mixed_book_read_in_workers_logs_what_one_process_logs(
    mixed_book: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Pages and chapters read in worker processes log there; the records reach this process's
    handlers, in the order one process logs them."""

    def logged(options: ReadOptions) -> list[tuple[str, int, str]]:
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="itdrift_pipeline"):
            extract_document(mixed_book, options=options)
        return [(r.name, r.levelno, r.getMessage()) for r in caplog.records]

    one_process = logged(TRIAGED)
    assert any("chapter" in message for _, _, message in one_process)
    assert logged(TRIAGED_PARALLEL) == one_process


def test_a_page_with_turned_text_is_read_by_pdfplumbers_own_parse(tmp_path: Path) -> None:
    """A margin note set at 90° is not upright: the page goes to pdfplumber's parse and word builder,
    and its words are pdfplumber's."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "turned.pdf"
    drawing = canvas.Canvas(str(path), pagesize=A4)
    drawing.setFont("Helvetica", 10)
    drawing.drawString(72, 760, "Serviceudgifter 1.234 5.678")
    drawing.line(72, 750, 400, 750)
    drawing.saveState()
    drawing.translate(40, 400)
    drawing.rotate(90)
    drawing.drawString(0, 0, "Regnskab 2024")
    drawing.restoreState()
    drawing.save()

    with pdfplumber.open(path) as ours, pdfplumber.open(path) as theirs:
        assert parse_page_char_tuples(ours.pages[0]) is None
        read = read_pages(ours, path, DEFAULT_LIMITS, Deadline(), MemoryBudget(), None,
                          ReadOptions(triage=False, workers=1))
        expected = words_of_chars(theirs.pages[0].chars, 1)
    assert [w for line in read[0].lines for w in line.words] == sorted(expected, key=lambda w: (w.top, w.x0))
    assert [rule.y for rule in read[0].rules] == [pytest.approx(A4[1] - 750)]


def test_a_text_array_with_a_name_in_it_is_read_as_pdfminer_reads_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A TJ array holding something other than numbers and strings: the name is skipped with pdfminer's
    warning and the characters around it are pdfplumber's, kerning and all."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "odd_tj.pdf"
    drawing = canvas.Canvas(str(path), pagesize=(300, 200))
    drawing.setFont("Helvetica", 10)
    drawing.drawString(20, 150, "placeholder")
    drawing.save()
    with pikepdf.open(path, allow_overwriting_input=True) as document:
        page = document.pages[0]
        font = next(iter(page.Resources.Font.keys()))
        page.Contents = document.make_stream(
            f"BT {font} 10 Tf 20 150 Td [(Drift) -250 /Odd (i alt) 120 (1.234)] TJ ET".encode()
        )
        document.save(path)
    with pdfplumber.open(path) as ours, pdfplumber.open(path) as theirs:
        with caplog.at_level(logging.WARNING, logger="pdfminer.pdfdevice"):
            parsed = parse_page_char_tuples(ours.pages[0])
        assert parsed is not None
        assert parsed[0] == char_tuples(theirs.pages[0].chars)
        assert "".join(char[0] for char in parsed[0]) == "Drifti alt1.234"
        assert any("not a valid int, float or bytes" in r.getMessage() for r in caplog.records)
