"""Layouts the corpus renderer does not print, drawn here with reportlab's canvas: centred and
bottom-aligned (Word-style) header cells, no rules, figures on the first line of a wrapped label,
a table broken over a page without its header. The extraction logic must not care."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.model import ExtractionResult

SIZE = 9
STEP = 11
RIGHT_EDGES = (330, 400, 470, 540)  # of the four figure columns, 70 pt wide
HEADERS = (
    ("Regnskab", "2021"), ("Opr.", "budget", "2021"), ("Korr.", "budget", "2021"), ("Afvigelse", "2021"),
)
NOTE = "Anm.: Afvigelse = korrigeret budget minus regnskab. Regnskab 2021 er i 2021-priser."
ROWS = (
    (None, ("Tidligere ordning",), ("-", "-", "-", "-")),  # a first row with nothing but dashes
    ("1", ("Administration og", "ledelse"), ("12.345", "12.000", "12.500", "155")),
    ("2", ("Drift af bygninger",), ("8.001", "7.900", "8.100", "99")),
    ("3", ("Vedligeholdelse",), ("–250", "0", "-", "250")),  # en dash, a zero, a lone dash
    (None, ("Politikområdet i alt",), ("20.096", "19.900", "20.600", "504")),
)


def _header(c: Canvas, top: float) -> float:
    """Header cells bottom-aligned and centred over their columns, as Word prints them."""
    lines = max(len(h) for h in HEADERS)
    bottom = top - lines * STEP
    c.drawString(60, bottom, "I 1.000 kr.")
    for right, header in zip(RIGHT_EDGES, HEADERS, strict=True):
        for i, text in enumerate(reversed(header)):
            c.drawCentredString(right - 35, bottom + i * STEP, text)
    return bottom - STEP - 6


def _row(c: Canvas, y: float, code: str | None, label: tuple[str, ...], figures: tuple[str, ...]) -> float:
    """Figures on the label's first line (top-aligned cells)."""
    if code:
        c.drawString(60, y, code)
    for i, text in enumerate(label):
        c.drawString(80, y - i * STEP, text)
    for right, text in zip(RIGHT_EDGES, figures, strict=True):
        c.drawRightString(right - 4, y, text)
    return y - len(label) * STEP - 6


def _running(c: Canvas, page: int) -> None:
    width, height = A4
    c.setFont("Helvetica", 8)
    c.drawString(57, height - 40, "Solby Kommune – Regnskab 2021")
    c.drawRightString(width - 57, 35, f"Regnskab 2021 – politikområde Ejendomme {page}")


def _draw(path: Path, *, break_after: int | None = None) -> None:
    """The chapter; with `break_after`, the table goes on at the top of page 2 without its header."""
    c = Canvas(str(path), pagesize=A4)
    height = A4[1]
    _running(c, 1)
    c.setFont("Helvetica-Bold", 18)
    c.drawString(57, height - 90, "Politikområde Ejendomme")
    c.setFont("Helvetica-Bold", 12)
    c.drawString(57, height - 130, "Regnskab på aktivitetsområder")
    c.setFont("Helvetica", SIZE)
    y = _header(c, height - 145)
    for number, (code, label, figures) in enumerate(ROWS):
        if number == break_after:
            c.showPage()
            _running(c, 2)
            c.setFont("Helvetica", SIZE)
            y = height - 80
        y = _row(c, y, code, label, figures)
    c.setFont("Helvetica", 8)
    c.drawString(57, y - 10, NOTE)
    c.showPage()
    c.save()


def _facts(result: ExtractionResult) -> dict[tuple[str, str, str], object]:
    return {(f.row_label, f.phase, f.as_printed): f for f in result.facts}


@pytest.mark.parametrize("break_after", [None, 3], ids=["one_page", "broken_without_header"])
def test_word_style_whitespace_table(tmp_path: Path, break_after: int | None) -> None:
    pdf = tmp_path / "solby.pdf"
    _draw(pdf, break_after=break_after)
    result = extract_document(pdf)
    assert result.document.status == "ok", result.document.error
    assert (result.document.municipality, result.document.fiscal_year) == ("Solby Kommune", 2021)
    assert [c.policy_area for c in result.chapters] == ["Ejendomme"]
    assert result.unknown_tables == []
    # 20 cells, of which five lone dashes: 15 facts.
    assert len(result.facts) == 15
    facts = _facts(result)
    first = facts[("Administration og ledelse", "actual", "12.345")]
    assert (first.row_code, first.value, first.price_year, first.table, first.account) == (
        "1", Decimal(12_345_000), 2021, "activity_areas", None,
    )
    variance = facts[("Administration og ledelse", "variance", "155")]
    assert variance.sign_convention == "budget_minus_actual"
    assert facts[("Vedligeholdelse", "actual", "–250")].value == Decimal(-250_000)
    assert facts[("Vedligeholdelse", "original_budget", "0")].value == Decimal(0)
    assert not any(f.row_label == "Vedligeholdelse" and f.phase == "revised_budget" for f in result.facts)
    assert not any(f.row_label == "Tidligere ordning" for f in result.facts)
    total = facts[("Politikområdet i alt", "revised_budget", "20.600")]
    assert total.is_total and total.page == (1 if break_after is None else 2)


def test_a_caption_stacked_right_under_a_table_starts_the_next_table(tmp_path: Path) -> None:
    """'Tabel 3.2 ...' set at row spacing under the last row of 'Tabel 3.1', with its own unit: two tables,
    each with its own caption (it was read as a label-only row of the first)."""
    pdf = tmp_path / "stacked.pdf"
    c = Canvas(str(pdf), pagesize=A4)
    height = A4[1]
    _running(c, 1)
    c.setFont("Helvetica-Bold", 18)
    c.drawString(57, height - 90, "Politikområde Ejendomme")
    y = height - 130
    for caption, unit, rows in (
        ("Tabel 3.1 Drift", "1.000 kr.", (("Drift i alt", "1.500", "1.400"), ("Skoler", "1.500", "1.400"))),
        ("Tabel 3.2 Anlæg", "Mio. kr.", (("Anlæg i alt", "2,5", "3,0"), ("Skoler", "2,5", "3,0"))),
    ):
        c.setFont("Helvetica-Bold", SIZE)
        c.drawString(60, y, caption)
        c.setFont("Helvetica", SIZE)
        y -= STEP + 6
        c.drawString(60, y, unit)
        c.drawRightString(400, y, "Regnskab 2021")
        c.drawRightString(470, y, "Korr. budget 2021")
        for label, actual, budget in rows:
            y -= STEP
            c.drawString(60, y, label)
            c.drawRightString(400, y, actual)
            c.drawRightString(470, y, budget)
        y -= STEP
    c.showPage()
    c.save()
    result = extract_document(pdf)
    titles = {(f.row_label, f.table_title, f.source_unit) for f in result.facts if f.phase == "actual"}
    assert titles == {
        ("Drift i alt", "Tabel 3.1 Drift", "1000 DKK"), ("Skoler", "Tabel 3.1 Drift", "1000 DKK"),
        ("Anlæg i alt", "Tabel 3.2 Anlæg", "mio DKK"), ("Skoler", "Tabel 3.2 Anlæg", "mio DKK"),
    }
