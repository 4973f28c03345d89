"""'Heraf:' breakdowns, drawn with reportlab's canvas (invented figures): a row, then "Heraf:" and its
indented rows, sometimes closed by a "Heraf i alt". The rows are part of the row above (Fact.part_of), so
they are no addends of the table's total, a "Heraf i alt" sums its own breakdown, two of them in one table
are two figures, and the document validates and loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from itdrift_pipeline.extract import extract_document
from itdrift_pipeline.model import ExtractionResult
from itdrift_pipeline.validate import validate_document
from itdrift_pipeline.warehouse import load_document, make_engine
from itdrift_pipeline_tests.drawn import chapter_page

RIGHT_EDGES = (380, 450, 520)
# (indent, label, regnskab, korr. budget, afvigelse); a None figure row is a label-only row.
ROWS = (
    (0, "Udvalget i alt", "1.169.255", "1.189.602", "20.347"),
    (0, "Dagtilbud", "402.118", "409.870", "7.752"),
    (10, "Heraf:", None, None, None),
    (20, "Kommunale daginstitutioner", "251.300", "255.020", "3.720"),
    (20, "Forældrebetaling", "-27.172", "-26.307", "865"),
    (10, "Heraf i alt", "224.128", "228.713", "4.585"),
    (0, "Skoler", "612.930", "618.402", "5.472"),
    (10, "Heraf:", None, None, None),
    (20, "Løn til lærere", "455.218", "458.030", "2.812"),
    (10, "Heraf i alt", "455.218", "458.030", "2.812"),
    (0, "Specialundervisning", "154.207", "161.330", "7.123"),
)


def _draw(path: Path, rows: tuple[tuple[int, str, str | None, str | None, str | None], ...]) -> None:
    c, y = chapter_page(path, "Børn og unge", "Drift 2023 (1.000 kr.)")
    for right, header in zip(RIGHT_EDGES, ("Regnskab", "Korr. budget", "Afvigelse"), strict=True):
        c.drawRightString(right, y, header)
    for indent, label, *figures in rows:
        y -= 13
        c.drawString(60 + indent, y, label)
        for right, text in zip(RIGHT_EDGES, figures, strict=True):
            if text is not None:
                c.drawRightString(right, y, text)
    c.setFont("Helvetica", 8)
    c.drawString(57, y - 18, "Afvigelse = korrigeret budget minus regnskab.")
    c.showPage()
    c.save()


def _extract(tmp_path: Path, rows=ROWS) -> ExtractionResult:
    pdf = tmp_path / "nordby.pdf"
    _draw(pdf, rows)
    result = extract_document(pdf)
    assert result.document.status == "ok", result.document.error
    return result


def test_breakdown_rows_are_part_of_the_row_above(tmp_path: Path) -> None:
    result = _extract(tmp_path)
    part_of = {(f.row_label, f.part_of) for f in result.facts}
    assert part_of == {
        ("Udvalget i alt", None), ("Dagtilbud", None), ("Skoler", None), ("Specialundervisning", None),
        ("Kommunale daginstitutioner", "Dagtilbud"), ("Forældrebetaling", "Dagtilbud"),
        ("Heraf i alt", "Dagtilbud"), ("Løn til lærere", "Skoler"), ("Heraf i alt", "Skoler"),
    }
    assert len(result.facts) == 27


def test_breakdowns_raise_no_false_error_and_the_document_loads(tmp_path: Path) -> None:
    result = _extract(tmp_path)
    validation = validate_document(result)
    assert [f for f in validation.findings if f.severity == "error"] == []
    engine = make_engine(f"sqlite:///{tmp_path / 'w.sqlite'}")
    load_document(engine, result, validation)
    with engine.connect() as connection:
        heraf = connection.exec_driver_sql(
            "SELECT part_of, COUNT(*) FROM fact_amount WHERE row_label = 'Heraf i alt' GROUP BY part_of"
        ).all()
    assert sorted(heraf) == [("Dagtilbud", 3), ("Skoler", 3)]


TOTAL_LAST = (*ROWS[1:], ROWS[0])


def test_breakdown_rows_are_no_addends_of_a_total_printed_last(tmp_path: Path) -> None:
    """Summed with the rows above it, the Heraf rows would make 'Udvalget i alt' 679.346 too large."""
    validation = validate_document(_extract(tmp_path, TOTAL_LAST))
    assert [f for f in validation.findings if f.severity == "error"] == []


@pytest.mark.parametrize(("index", "wrong"), [(4, "225.128"), (10, "1.170.255")])
def test_a_wrong_heraf_total_or_grand_total_is_still_found(tmp_path: Path, index: int, wrong: str) -> None:
    rows = list(TOTAL_LAST)
    indent, label, _, budget, variance = rows[index]
    rows[index] = (indent, label, wrong, budget, variance)
    validation = validate_document(_extract(tmp_path, tuple(rows)))
    errors = [f for f in validation.findings if f.severity == "error"]
    assert {(f.rule, f.row_label) for f in errors} >= {("sum_mismatch", label)}
