"""extract_document on bad files and under limits: a rejection with its kind, never an exception."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.extract.document import _blocks
from itdrift_pipeline.extract.intake import DEFAULT_LIMITS
from itdrift_pipeline.extract.layout import Line, Word, group_lines
from itdrift_pipeline.model import ExtractionResult
from itdrift_pipeline_tests.badinputs import BAD_INPUT_KINDS, make_bad_input

SEED = Path(__file__).resolve().parents[2] / "data" / "raw" / "naestved_regnskab_2020_it.pdf"


@pytest.mark.parametrize("kind", BAD_INPUT_KINDS)
def test_bad_inputs_are_rejected_with_their_kind(kind: str, tmp_path: Path) -> None:
    path = make_bad_input(kind, tmp_path)
    result = extract_document(path)
    assert result.document.status == "rejected"
    assert result.document.error is not None and result.document.error.kind == kind
    assert result.facts == [] and result.chapters == []
    assert len(result.document.sha256) == 64
    # The rejection is part of the JSON contract too.
    again = ExtractionResult.from_dict(result.to_dict())
    assert again.document.error == result.document.error


def test_prose_only_pdf_has_no_accounts_tables(tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    letter = canvas.Canvas(str(path), pagesize=A4)
    letter.setFont("Helvetica", 10)
    lines = ["Næstved Kommune", "Regnskab 2020 er vedlagt.", "Overskuddet var 1,8 mio. kr."]
    for i, line in enumerate(lines):
        letter.drawString(57, 780 - 14 * i, line)
    letter.save()
    result = extract_document(path)
    assert result.document.error is not None
    assert result.document.error.kind == "no_accounts_tables"


def test_table_row_limit_rejects_as_too_large() -> None:
    result = extract_document(SEED, replace(DEFAULT_LIMITS, max_table_rows=5))
    assert result.document.error is not None
    assert result.document.error.kind == "too_large"
    assert "max_table_rows" in result.document.error.message


def test_time_budget_rejects_as_too_large() -> None:
    result = extract_document(SEED, replace(DEFAULT_LIMITS, max_seconds=0.0))
    assert result.document.error is not None
    assert result.document.error.kind == "too_large"
    assert "max_seconds" in result.document.error.message


def test_characters_per_page_limit_rejects_as_too_large() -> None:
    result = extract_document(SEED, replace(DEFAULT_LIMITS, max_chars_per_page=500))
    assert result.document.error is not None
    assert result.document.error.kind == "too_large"
    assert "max_chars_per_page" in result.document.error.message


def _printed_line(text: str, top: float, size: float = 8.0) -> Line:
    words, x = [], 57.0
    for token in text.split():
        words.append(Word(token, 1, x, top, x + 0.5 * size * len(token), top + size, size, False))
        x += 0.5 * size * (len(token) + 1)
    (only,) = group_lines(words)
    return only


def test_a_note_wrapped_before_its_sign_convention_stays_one_note() -> None:
    """Where the line breaks depends on the producer's font: "+=underskud og -=overskud." can open a line
    of an Anm. block, and is then its wrapped end, not a free-standing convention line."""
    lines = [
        _printed_line("Anm.: KB er korrigeret budget. I over-/underskudskolonnen er", 400),
        _printed_line("+=underskud og -=overskud.", 410.5),
        _printed_line("+= udgift; -= indtægt.", 440),  # after a gap: a convention line of its own
    ]
    blocks = _blocks(lines, body_size=10)
    assert [(b.kind, len(b.lines)) for b in blocks] == [("note", 2), ("note", 1)]
