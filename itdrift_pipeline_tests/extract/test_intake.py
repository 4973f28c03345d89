"""Intake refuses unreadable files with the right kind and an actionable message, and lets real books in."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest
from reportlab.pdfgen import canvas

from itdrift_pipeline.extract.intake import (
    DEFAULT_LIMITS,
    Deadline,
    Limits,
    MemoryBudget,
    file_sha256,
    open_pdf,
    resident_bytes,
)
from itdrift_pipeline.model import REJECTION_KINDS, DocumentRejected
from itdrift_pipeline_tests.badinputs import BAD_INPUT_KINDS, make_bad_input, small_accounts_pdf

# Raised by extract_document after layout analysis, not by intake: tested end to end in validate's tests.
_INTAKE_KINDS = [k for k in BAD_INPUT_KINDS if k != "no_accounts_tables"]


def _rejection(path: Path, limits: Limits = DEFAULT_LIMITS) -> DocumentRejected:
    with pytest.raises(DocumentRejected) as caught, open_pdf(path, limits):
        pass
    return caught.value


def test_every_rejection_kind_has_a_bad_input_maker() -> None:
    assert set(BAD_INPUT_KINDS) == set(REJECTION_KINDS)


@pytest.mark.parametrize("kind", _INTAKE_KINDS)
def test_bad_input_is_rejected_with_its_kind(kind: str, tmp_path: Path) -> None:
    path = make_bad_input(kind, tmp_path)
    rejection = _rejection(path)
    assert rejection.kind == kind
    assert str(path) in rejection.message or kind == "too_large"


def test_messages_tell_the_user_what_to_do(tmp_path: Path) -> None:
    encrypted = make_bad_input("encrypted_pdf", tmp_path)
    expected = f"file {encrypted} is password-protected; supply an unencrypted copy"
    assert _rejection(encrypted).message == expected
    assert "OCR" in _rejection(make_bad_input("no_text_layer", tmp_path)).message
    assert "0 bytes" in _rejection(make_bad_input("empty_file", tmp_path)).message
    assert "%PDF-" in _rejection(make_bad_input("not_a_pdf", tmp_path)).message
    assert "truncated" in _rejection(make_bad_input("corrupt_pdf", tmp_path)).message


def test_prose_only_pdf_passes_intake(tmp_path: Path) -> None:
    # It has text; whether it has accounts tables is the extractor's question.
    with open_pdf(make_bad_input("no_accounts_tables", tmp_path)) as pdf:
        assert pdf.pages[0].chars


def test_truncated_file_with_a_forged_eof_marker_is_still_corrupt(tmp_path: Path) -> None:
    whole = small_accounts_pdf(tmp_path / "whole.pdf", pages=5).read_bytes()
    for fraction in (0.3, 0.6, 0.9):
        cut = tmp_path / f"cut_{fraction}.pdf"
        cut.write_bytes(whole[: int(len(whole) * fraction)] + b"\n%%EOF\n")
        assert _rejection(cut).kind == "corrupt_pdf", fraction


def test_damaged_content_stream_is_rejected_damaged_pdf_naming_the_page(tmp_path: Path) -> None:
    source = small_accounts_pdf(tmp_path / "ok.pdf", pages=3)
    damaged = tmp_path / "damaged.pdf"
    with pikepdf.open(source) as pdf:
        stream = pdf.make_stream(b"\x00\x01 not ascii85 \xff")
        stream.Filter = pikepdf.Name.ASCII85Decode
        pdf.pages[1].obj.Contents = stream
        pdf.save(damaged)
    # pdfminer would read page 2 as empty (its decoder swallows the error); intake decodes every content
    # stream before any page is parsed, so the page's loss is a rejection.
    with pytest.raises(DocumentRejected) as caught, open_pdf(damaged) as opened:
        for page in opened.pages:
            _ = page.chars
    assert caught.value.kind == "damaged_pdf"
    assert "page 2" in caught.value.message
    assert "Ascii85" in caught.value.message


def test_readable_pdf_opens(tmp_path: Path) -> None:
    with open_pdf(small_accounts_pdf(tmp_path / "ok.pdf", pages=3)) as pdf:
        assert len(pdf.pages) == 3
        assert "45.271" in pdf.pages[0].extract_text()


def test_file_sha256_matches_hashlib(tmp_path: Path) -> None:
    path = small_accounts_pdf(tmp_path / "ok.pdf")
    assert file_sha256(path) == hashlib.sha256(path.read_bytes()).hexdigest()


# --- too_large: each limit names itself and the measured value ----------------------------------


def test_file_size_limit(tmp_path: Path) -> None:
    path = small_accounts_pdf(tmp_path / "ok.pdf")
    size = path.stat().st_size
    rejection = _rejection(path, replace(DEFAULT_LIMITS, max_file_bytes=1000))
    assert rejection.kind == "too_large"
    assert "max_file_bytes" in rejection.message and f"{size:,}" in rejection.message


def test_page_count_limit(tmp_path: Path) -> None:
    path = small_accounts_pdf(tmp_path / "ok.pdf", pages=3)
    rejection = _rejection(path, replace(DEFAULT_LIMITS, max_pages=2))
    assert rejection.kind == "too_large"
    assert "3 pages" in rejection.message and "max_pages" in rejection.message


def test_page_size_limit_override(tmp_path: Path) -> None:
    path = small_accounts_pdf(tmp_path / "ok.pdf")
    rejection = _rejection(path, replace(DEFAULT_LIMITS, max_page_side_pt=500))
    assert rejection.kind == "too_large"
    assert "595 x 842 pt" in rejection.message and "max_page_side_pt" in rejection.message


def test_chars_per_page_limit(tmp_path: Path) -> None:
    path = small_accounts_pdf(tmp_path / "ok.pdf")
    rejection = _rejection(path, replace(DEFAULT_LIMITS, max_chars_per_page=50))
    assert rejection.kind == "too_large"
    assert "max_chars_per_page" in rejection.message and "page 1" in rejection.message


def test_table_rows_limit() -> None:
    DEFAULT_LIMITS.check_table_rows(3, 400)
    with pytest.raises(DocumentRejected) as caught:
        replace(DEFAULT_LIMITS, max_table_rows=100).check_table_rows(3, 400)
    assert caught.value.kind == "too_large"
    assert "page 3" in caught.value.message and "400" in caught.value.message


def test_deadline(tmp_path: Path) -> None:
    Deadline(DEFAULT_LIMITS).check(1)
    with pytest.raises(DocumentRejected) as caught:
        Deadline(replace(DEFAULT_LIMITS, max_seconds=0)).check(7)
    assert caught.value.kind == "too_large"
    assert "page 7" in caught.value.message and "max_seconds" in caught.value.message
    rejection = _rejection(small_accounts_pdf(tmp_path / "ok.pdf"), replace(DEFAULT_LIMITS, max_seconds=0))
    assert rejection.kind == "too_large"


def test_memory_budget_measures_resident_growth() -> None:
    budget = MemoryBudget(replace(DEFAULT_LIMITS, max_memory_bytes=32 * 2**20))
    budget.check(1)
    # Filled, not zeroed: every page of it is written, so all 64 MiB become resident.
    ballast = b"\x01" * (64 * 2**20)
    growth = budget.growth
    assert growth is not None and growth >= 60 * 2**20
    with pytest.raises(DocumentRejected) as caught:
        budget.check(3)
    del ballast
    assert caught.value.kind == "too_large"
    message = caught.value.message
    assert "max_memory_bytes" in message and "33,554,432 bytes" in message and "page 3" in message


def test_resident_bytes_is_the_current_not_the_peak_size() -> None:
    before = resident_bytes()
    ballast = b"\x01" * (64 * 2**20)
    during = resident_bytes()
    del ballast
    after = resident_bytes()
    assert before is not None and during is not None and after is not None
    assert during - before >= 60 * 2**20
    assert during - after >= 60 * 2**20  # freed memory leaves the measure (ru_maxrss would not drop)


_EXTRACT_WITH_ONE_BYTE_BUDGET = """
import json, sys
from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.extract.intake import Limits
error = extract_document(sys.argv[1], Limits(max_memory_bytes=1)).document.error
print(json.dumps([error.kind, error.message] if error else None))
"""


def test_memory_limit_rejects_the_seed_chapter() -> None:
    # A fresh process, like the CLI's: here memory freed by earlier tests cannot absorb the growth.
    seed = Path(__file__).resolve().parents[2] / "data" / "raw" / "naestved_regnskab_2020_it.pdf"
    run = subprocess.run(
        [sys.executable, "-c", _EXTRACT_WITH_ONE_BYTE_BUDGET, str(seed)],
        capture_output=True, text=True, check=True, timeout=120,
    )
    kind, message = json.loads(run.stdout.splitlines()[-1])
    assert kind == "too_large"
    assert "above the limit of 1 bytes (Limits.max_memory_bytes)" in message
    assert "stopped after page 1)" in message


# --- DEFAULT_LIMITS let real documents through --------------------------------------------------


def test_long_account_listing_page_passes_default_limits(tmp_path: Path) -> None:
    """One 842 x 9000 pt page with 400 account rows (~3000 words) is a real annex layout."""
    path = tmp_path / "listing.pdf"
    c = canvas.Canvas(str(path), pagesize=(842, 9000))
    c.setFont("Helvetica", 8)
    for row in range(400):
        y = 8950 - row * 22
        c.drawString(
            30, y, f"6.45.{row:02d} Konto {row} Software og licenser drift 1.{row:03d} 2.{row:03d} -{row}"
        )
    c.showPage()
    c.save()
    with open_pdf(path) as pdf:
        page = pdf.pages[0]
        DEFAULT_LIMITS.check_page(1, page)
        assert len(page.extract_words()) >= 3000
    DEFAULT_LIMITS.check_table_rows(1, 400)


def test_four_hundred_page_book_passes_default_limits(tmp_path: Path) -> None:
    with open_pdf(small_accounts_pdf(tmp_path / "book.pdf", pages=400)) as pdf:
        assert len(pdf.pages) == 400


@pytest.mark.parametrize("name", ["book", "long_listing"])
def test_corpus_books_pass_the_default_memory_budget(name: str, corpus_extractions) -> None:
    _, extraction = corpus_extractions[name]
    assert extraction.document.status == "ok", extraction.document.error
