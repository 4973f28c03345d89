"""Two layouts the fourth blind holdout found, drawn with reportlab's canvas (invented figures):

- a row of column numbers and formulas under the header, a row's spacing below it, with a share among
  them ("(1) (2) (3) (4)=(2)-(3) (5)=(4)/(2)"): it numbers the header above, it is no header of its own;
- a page in two columns, remarks left and a small table right, whose lines share baselines: the table's
  rows are read without the prose beside them (the prose had been read as row labels: wrong figures).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from itdrift_pipeline.extract import extract_document
from itdrift_pipeline_tests.drawn import chapter_page

RIGHTS = (300, 360, 420, 480, 540)


def test_a_formula_row_a_row_below_the_header_numbers_it(tmp_path: Path) -> None:
    pdf = tmp_path / "formula.pdf"
    c, y = chapter_page(pdf, "Sundhed", "Tabel 4. Driftsregnskab 2025 (mio. kr.)")
    for right, (upper, lower) in zip(RIGHTS, (("Oprindeligt", "budget"), ("Korrigeret", "budget"),
                                              ("", "Regnskab"), ("", "Afvigelse"),
                                              ("Afvigelse", "i pct.")), strict=True):
        c.drawRightString(right, y, upper)
        c.drawRightString(right, y - 10.5, lower)
    for right, formula in zip(RIGHTS, ("(1)", "(2)", "(3)", "(4)=(2)-(3)", "(5)=(4)/(2)"), strict=True):
        c.drawRightString(right, y - 24.7, formula)
    c.drawString(60, y - 39.7, "Somatik")
    rows = (("Sygehus Nord", ("9.241,8", "9.410,5", "9.387,7", "22,8", "0,2")),
            ("Sygehus Syd", ("4.812,0", "4.923,3", "4.941,0", "-17,7", "-0,4")),
            ("Sundhed i alt", ("14.053,8", "14.333,8", "14.328,7", "5,1", "0,0")))
    y -= 54
    for label, figures in rows:
        c.drawString(72, y, label)
        for right, text in zip(RIGHTS, figures, strict=True):
            c.drawRightString(right, y, text)
        y -= 15
    c.drawString(57, y - 10, "Afvigelse = korrigeret budget minus regnskab.")
    c.showPage()
    c.save()

    result = extract_document(pdf)
    assert result.unknown_tables == []
    read = {(f.row_label, f.phase): f.value for f in result.facts}
    assert read[("Sygehus Nord", "variance")] == Decimal("22800000")
    assert {phase for _, phase in read} == {"original_budget", "revised_budget", "actual", "variance"}
    assert len(read) == 12
    [share] = result.unread_columns
    assert share.header.startswith("Afvigelse i pct") and "percentage" in share.reason
    variance = next(f for f in result.facts if f.phase == "variance")
    assert variance.sign_convention == "budget_minus_actual"  # "(4)=(2)-(3)": Korr. budget minus Regnskab


def test_a_table_beside_prose_on_shared_baselines_is_read_without_the_prose(tmp_path: Path) -> None:
    pdf = tmp_path / "columns.pdf"
    c, y = chapter_page(pdf, "Sundhed", "Bemærkninger")
    prose = (
        "Sundhedsområdet udviser samlet et mindreforbrug",
        "på 28,9 mio. kr. Medicintilskud har et merforbrug",
        "på 36,2 mio. kr. som følge af flere patienter i",
        "behandling med nye lægemidler. På anlæg er der",
        "et mindreforbrug på 82,7 mio. kr., der primært",
        "vedrører tidsforskydninger i byggeriet af Nyt",
        "OUH.",
    )
    table = (
        ("Anlæg 2025 (mio. kr.)", None),
        ("", ("Korr. budget", "Regnskab", "Afvigelse")),
        ("Nyt OUH", ("1.421,0", "1.365,4", "55,6")),
        ("Ny psykiatri i Esbjerg", ("185,0", "191,2", "-6,2")),
        ("Øvrige anlægsprojekter", ("432,0", "398,7", "33,3")),
        ("Anlæg i alt", ("2.038,0", "1.955,3", "82,7")),
    )
    for index, text in enumerate(prose):
        c.drawString(57, y - index * 13, text)
    for index, (label, cells) in enumerate(table):
        top = y - index * 13 + (1 if index % 2 else -1)  # the two columns' baselines differ a little
        c.drawString(320, top, label)
        for right, text in zip((465, 515, 560), cells or (), strict=False):
            c.drawRightString(right, top, text)
    c.drawString(320, y - 7 * 13, "Afvigelse = korrigeret budget minus regnskab.")
    c.showPage()
    c.save()

    result = extract_document(pdf)
    labels = {f.row_label for f in result.facts}
    assert labels == {"Nyt OUH", "Ny psykiatri i Esbjerg", "Øvrige anlægsprojekter", "Anlæg i alt"}
    assert len(result.facts) == 12
    assert {a.as_printed for a in result.narrative_amounts} >= {"28,9 mio. kr.", "36,2 mio. kr."}
