"""Two things other publishers print beside their figures, drawn here with reportlab's canvas (invented
figures): a footnote marker right after a figure ("3.341,7*", "1.598,4¹"), which is no part of its value,
and a sign printed as a colour only ("Mindreforbrug er vist med rødt": a red 20,3 is -20,3), which the text
has lost, so those columns are left unread with the statement quoted, never read as positive."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from reportlab.lib.colors import black, red

from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.model import ExtractionResult
from itdrift_pipeline_tests.drawn import chapter_page

RIGHT_EDGES = (330, 400, 470, 540)
HEADERS = (("Oprindeligt", "budget"), ("Korrigeret", "budget"), ("Regnskab",), ("Afvigelse",))
# (label, figures, which figure is red): variance = regnskab minus korrigeret budget, mindreforbrug red.
ROWS = (
    ("Sygehus Nord", ("3.318,4", "3.362,0", "3.341,7*", "20,3"), 3),
    ("Sygehus Syd", ("1.602,2", "1.611,9", "1.598,4¹", "13,5"), 3),
    ("Psykiatri", ("2.214,3", "2.230,6", "2.246,1", "15,5"), None),
    ("Sundhed i alt", ("7.134,9", "7.204,5", "7.186,2", "18,3"), 3),
)
FOOTNOTES = ("* Inkl. engangsudgifter på 4,1 mio. kr. til it-genopretning.", "¹ Inkl. efterregulering.")


def _draw(path: Path, notes: tuple[str, ...]) -> None:
    c, top = chapter_page(path, "Sundhed", "Sundhed – nettodriftsudgifter 2023 (mio. kr.)")
    for right, header in zip(RIGHT_EDGES, HEADERS, strict=True):
        for i, text in enumerate(reversed(header)):
            c.drawRightString(right, top - 11 + i * 11, text)
    y = top - 28
    for label, figures, red_index in ROWS:
        c.drawString(60, y, label)
        for index, (right, text) in enumerate(zip(RIGHT_EDGES, figures, strict=True)):
            c.setFillColor(red if index == red_index else black)
            # A footnote marker hangs right of the column edge, as a superscript or an asterisk does.
            marker = next((m for m in ("*", "¹") if text.endswith(m)), "")
            c.drawRightString(right + c.stringWidth(marker, "Helvetica", 9), y, text)
        c.setFillColor(black)
        y -= 14
    c.setFont("Helvetica", 8)
    for line in (*notes, *FOOTNOTES):
        y -= 4
        c.drawString(57, y, line)
        y -= 10
    c.showPage()
    c.save()


def _extract(tmp_path: Path, *notes: str) -> ExtractionResult:
    pdf = tmp_path / "nordby.pdf"
    _draw(pdf, notes)
    result = extract_document(pdf)
    assert result.document.status == "ok", result.document.error
    assert result.unknown_tables == []
    return result


def _values(result: ExtractionResult, phase: str) -> dict[str, tuple[Decimal, str]]:
    return {f.row_label: (f.value, f.as_printed) for f in result.facts if f.phase == phase}


def test_a_footnote_marker_is_no_part_of_the_figure(tmp_path: Path) -> None:
    result = _extract(tmp_path, "Afvigelse = regnskab minus korrigeret budget.")
    actuals = _values(result, "actual")
    assert actuals["Sygehus Nord"] == (Decimal("3341700000"), "3.341,7*")
    assert actuals["Sygehus Syd"] == (Decimal("1598400000"), "1.598,4¹")
    assert len(actuals) == len(ROWS)
    # The footnote is a note about one cell: its amount is no narrative amount of the policy area.
    assert [n.text for n in result.notes if n.text.startswith("*")] == [
        "* Inkl. engangsudgifter på 4,1 mio. kr. til it-genopretning"]
    assert result.narrative_amounts == [] and result.unread_narrative == []
    # Without a word on colour, the variance column is read as printed (and validation compares it).
    assert _values(result, "variance")["Psykiatri"] == (Decimal("15500000"), "15,5")


@pytest.mark.parametrize(
    "statement",
    ["Mindreforbrug er vist med rødt.", "Et mindreforbrug er markeret med rød skrift."],
)
def test_variances_signed_by_colour_are_unread(tmp_path: Path, statement: str) -> None:
    result = _extract(tmp_path, f"Afvigelse = regnskab minus korrigeret budget. {statement}")
    assert _values(result, "variance") == {}
    [unread] = result.unread_columns
    assert unread.header == "Afvigelse"
    assert "colour" in unread.reason and statement.rstrip(".") in unread.reason
    # The other columns keep their figures.
    assert len(_values(result, "actual")) == len(_values(result, "revised_budget")) == len(ROWS)


def test_negative_amounts_in_red_leave_every_column_unread(tmp_path: Path) -> None:
    result = _extract(tmp_path, "Negative beløb er vist med rødt.")
    assert result.facts == []
    assert sorted(u.header for u in result.unread_columns) == sorted(" ".join(h) for h in HEADERS)
