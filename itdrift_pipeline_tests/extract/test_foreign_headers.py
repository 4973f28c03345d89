"""Headers and rows as other publishers print them: each case is one failure class of the table reader
(issue "Tables of any publisher"), at the level of tables.py/headers.py on synthetic lines."""

from __future__ import annotations

from itdrift_pipeline.extract.headers import Context, Unread, read_column
from itdrift_pipeline.extract.layout import Rule
from itdrift_pipeline.extract.tables import (
    TableRegion,
    analyse_header,
    build_rows,
    figure_columns,
    is_row_line,
    split_figure_runs,
    split_side_by_side,
)

from .test_tables import line


def _meaning(header, index):
    column = header.columns[index].column
    assert column is not None, header.columns[index].unread
    return (column.phase, column.fiscal_year, column.source_unit, column.flow, column.year_source)


def test_merged_header_words_are_split_at_the_figure_columns() -> None:
    """Class 2: 'Stednr. Anlæg U/I Bevilling kr. Forbrug kr. Forskel kr.' set so tight that spacing
    cannot tell the cells apart: one phrase over three figure columns."""
    merged = line(("Stednr. Anlæg U/I Bevilling kr. Forbrug kr. Forskel kr.", 40), top=100)
    assert len(merged.phrases) == 1
    row = line(("220145", 40), ("Skole", 69), ("U", 95), ("12.500.000", 114), ("12.310.455", 157),
               ("-189.545", 207.4), top=115)
    header = analyse_header([merged], "Anlægsregnskaber 2023", figure_columns([row]),
                            Context(caption="Anlægsregnskaber 2023"))
    assert [c.column.phase for c in header.columns] == ["appropriation", "actual", "variance"]
    assert all(c.column.source_unit == "DKK" and c.column.fiscal_year == 2023 for c in header.columns)
    assert header.columns[0].column.year_source == "caption"
    assert header.stub_text == "Stednr. Anlæg U/I"


def test_project_number_and_flow_marker_before_the_figures() -> None:
    """A row that starts with a project number (a figure-like code) and carries a U/I marker."""
    row = line(("220146", 40), ("Ny daginstitution", 80), ("I", 170), ("-2.000.000", 200), ("0", 300),
               top=115)
    assert is_row_line(row)
    header = analyse_header([line(("Stednr.", 40), ("Bevilling 2023", 190), ("Forskel 2023", 290), top=100)],
                            None, figure_columns([row]))
    rows = build_rows(TableRegion(header, [row], None, "Anlæg"))
    assert rows[0].label == "220146 Ny daginstitution" and rows[0].flow == "income"


def test_a_formula_row_is_set_apart_and_the_phase_row_wins() -> None:
    """Class 3: three header rows, one of column letters and formulas, one a unit stub row."""
    lines = [
        line(("Beløb i 1.000 kr.", 40), top=90),
        line(("Opr. budget 2025", 150), ("Korr. budget 2025", 220), ("Regnskab 2025", 290),
             ("Afvigelse", 360), top=100),
        line(("A", 170), ("B", 240), ("C", 310), ("D=(C-B)", 370), top=110),
    ]
    row = line(("Skoler", 40), ("410.000", 160), ("415.000", 230), ("418.500", 300), ("3.500", 372), top=125)
    context = Context(report_type="regnskab", report_year=2025)
    header = analyse_header(lines, None, figure_columns([row]), context)
    phases = [c.column.phase for c in header.columns]
    assert phases == ["original_budget", "revised_budget", "actual", "variance"]
    assert header.columns[3].formula == "D=(C-B)"
    assert header.formula_sign(header.columns[3]) == "actual_minus_budget"  # D = Regnskab - Korr. budget
    assert header.unit == "1000 DKK"


def test_a_centred_spanning_header_gives_phase_and_year_to_flow_columns() -> None:
    """Class 7: 'Regnskab 2024' centred over 'Udgifter | Indtægter | Netto' (an HTML colspan)."""
    lines = [
        line(("Regnskab 2024", 205), top=90),
        line(("Mio. kr.", 40), ("Udgifter", 150), ("Indtægter", 210), ("Netto", 280), top=100),
    ]
    row = line(("Skoler", 40), ("512,3", 160), ("-40,1", 225), ("472,2", 285), top=115)
    header = analyse_header(lines, None, figure_columns([row]))
    assert [_meaning(header, i) for i in range(3)] == [
        ("actual", 2024, "mio DKK", "expenditure", "header"),
        ("actual", 2024, "mio DKK", "income", "header"),
        ("actual", 2024, "mio DKK", "net", "header"),
    ]


def test_one_unreadable_column_does_not_throw_the_table_away() -> None:
    """Class 4: forecast, forecast variance and percent columns beside readable budgets."""
    lines = [line(("1.000 kr.", 40), ("Oprindeligt budget 2025", 120), ("Korrigeret budget 2025", 220),
                  ("Forventet regnskab 2025", 320), ("Forventet afvigelse", 420), ("Afvigelse i %", 520),
                  top=100)]
    row = line(("Skoler", 40), ("500.000", 150), ("510.300", 250), ("507.000", 350), ("-3.300", 450),
               ("-0,6", 540), top=115)
    header = analyse_header(lines, None, figure_columns([row]))
    assert header.problem() is None
    assert [c.column.phase if c.column else None for c in header.columns] == [
        "original_budget", "revised_budget", "forecast", None, None]
    reasons = [c.unread.reason for c in header.columns if c.unread]
    assert "forecast variance" in reasons[0] and "percentage" in reasons[1]


def test_bare_year_columns_of_a_budget_book_and_a_stub_with_the_price_level() -> None:
    """Class 6: '2026 | 2027 | 2028 | 2029' under a stub '1.000 kr. (foreløbige 2025-priser)'."""
    lines = [line(("1.000 kr. (foreløbige 2025-priser)", 40), ("2026", 200), ("2027", 250), ("2028", 300),
                  ("2029", 350), top=100)]
    row = line(("Administration", 40), ("150.100", 195), ("149.000", 245), ("148.500", 295), ("148.500", 345),
               top=115)
    header = analyse_header(lines, "Driftsbudget", figure_columns([row]),
                            Context(caption="Driftsbudget", report_type="budget", report_year=2026))
    assert len(header.columns) == 4  # the stub is not read as a figure column
    assert [_meaning(header, i)[:2] for i in range(4)] == [
        ("budget", 2026), ("budget_estimate", 2027), ("budget_estimate", 2028), ("budget_estimate", 2029)]


def test_year_from_the_innermost_level_of_the_context_chain() -> None:
    """Class 5: year only in the caption, the heading or the title; inner levels win."""
    title = Context(report_type="regnskab", report_year=2020)
    assert read_column("Korr. budget", None, "1000 DKK", title).year_source == "title"
    heading = Context(heading="Regnskab 2021", report_type="regnskab", report_year=2020)
    assert read_column("Korr. budget", None, "1000 DKK", heading).fiscal_year == 2021
    caption = Context(caption="Regnskab 2025 for Ældreområdet", heading="Regnskab 2021")
    column = read_column("Korr. budget", None, "1000 DKK", caption)
    assert (column.fiscal_year, column.year_source) == (2025, "caption")
    assert read_column("Korr. budget 2019", None, "1000 DKK", caption).year_source == "header"
    assert isinstance(read_column("Korr. budget", None, "1000 DKK"), Unread)  # no year anywhere


def test_vocabulary_of_other_publishers() -> None:
    """Class 7: Vedtaget budget, Forbrug, Resultat, Bevilling, Forskel, Mer-/mindreforbrug."""
    expected = {
        "Vedtaget budget 2024": "original_budget",
        "Forbrug 2024": "actual",
        "Resultat 2024": "actual",
        "Anlægsbevilling 2024": "appropriation",
        "Forskel 2024": "variance",
        "Mer-/mindreforbrug 2024": "variance",
        "Forventet regnskab 2024": "forecast",
        "Skøn 2024": "forecast",
    }
    for header, phase in expected.items():
        assert read_column(header, None, "1000 DKK").phase == phase, header
    unreadable = ("Tillægsbevillinger 2024", "Omplaceringer 2024", "Afvigelse i %", "Regnskab og budget 2024")
    for header in unreadable:
        assert isinstance(read_column(header, None, "1000 DKK"), Unread), header


def test_figures_printed_too_close_together_are_two_cells() -> None:
    merged = line(("I alt", 35), ("1.313,3", 83), ("-160,5 1.152,8", 143))
    split_figure_runs(merged)
    assert [p.text for p in merged.phrases] == ["I alt", "1.313,3", "-160,5", "1.152,8"]
    grouped = line(("I alt", 35), ("1 234", 83))  # a space grouping thousands stays one figure
    split_figure_runs(grouped)
    assert [p.text for p in grouped.phrases] == ["I alt", "1 234"]


def test_a_variance_beside_a_forecast_is_not_read_as_an_outturns_variance() -> None:
    lines = [line(("1.000 kr.", 40), ("Korrigeret budget 2025", 120), ("Forventet regnskab 2025", 220),
                  ("Afvigelse 2025", 320), top=100)]
    row = line(("Skoler", 40), ("510.300", 150), ("507.000", 250), ("-3.300", 330), top=115)
    header = analyse_header(lines, None, figure_columns([row]))
    assert [c.column.phase if c.column else None for c in header.columns] == [
        "revised_budget", "forecast", None]
    assert "forecast" in header.columns[2].unread.reason


def test_two_tables_side_by_side_are_read_one_after_the_other() -> None:
    """Class 8: a Drift table and an Anlæg table printed beside each other on shared baselines."""
    lines = [
        line(("Biblioteker", 50), ("29.593", 150), ("29.821", 200), ("Ny hal", 320), ("6.006", 420),
             top=100 + 12 * i)
        for i in range(3)
    ]
    split = split_side_by_side(lines)
    assert [ln.text for ln in split] == ["Biblioteker 29.593 29.821"] * 3 + ["Ny hal 6.006"] * 3


def test_a_table_in_the_right_column_of_a_two_column_page() -> None:
    """Prose in the left column beside a small table in the right one, on interleaved baselines."""
    prose = [line(("Regionen kom ud af året med et driftsresultat", 50), top=100 + 11 * i) for i in range(5)]
    rows = [line(("Sundhed", 320), ("19.628,4", 420), ("19.569,0", 480), top=104 + 11 * i) for i in range(3)]
    split = split_side_by_side(sorted([*prose, *rows], key=lambda ln: ln.top))
    assert [ln.text for ln in split][-3:] == ["Sundhed 19.628,4 19.569,0"] * 3
    assert all(ln.x1 < 300 for ln in split[:5])


def _rows(header_cells, body, rules=()):
    header = analyse_header([line(*header_cells, top=80)], None, figure_columns(body))
    return build_rows(TableRegion(header, body, None, "Skoler", list(rules)))


def test_a_label_wrapped_around_figures_centred_between_its_lines_is_one_row() -> None:
    """A Word table centres the figures of a row whose label wraps: label, figures, label."""
    body = [
        line(("Specialundervisning", 55), ("286.410", 224), top=100),
        line(("Ungdomsuddannelse og 10.", 55), top=111),
        line(("48.915", 229), top=116),
        line(("klasse", 55), top=121),
        line(("Tidlig indsats", 55), ("24.000", 229), top=133),
    ]
    rows = _rows([("Område", 55), ("Regnskab 2024", 215)], body)
    assert [(r.label, [c.text for c in r.cells.values()]) for r in rows] == [
        ("Specialundervisning", ["286.410"]),
        ("Ungdomsuddannelse og 10. klasse", ["48.915"]),
        ("Tidlig indsats", ["24.000"]),
    ]


def test_a_project_number_beside_the_last_line_of_its_wrapped_label_starts_the_label() -> None:
    """A ruled table whose cells are bottom-aligned: the project number prints beside the label's last
    line, with the figures."""
    body = [
        line(("Renovering af tag og facader på", 100), top=100),
        line(("223041", 40), ("Søndermarkskolen", 100), ("4.500.000", 300), top=111),
        line(("224012", 40), ("Cykelsti", 100), ("12.750.000", 300), top=125),
    ]
    rules = [Rule(1, y, 35, 360) for y in (97, 122, 136)]
    rows = _rows([("Stednr.", 40), ("Bevilling 2024", 290)], body, rules)
    assert [r.label for r in rows] == ["223041 Renovering af tag og facader på Søndermarkskolen",
                                       "224012 Cykelsti"]


def test_a_group_heading_after_a_total_is_a_row_of_its_own() -> None:
    body = [
        line(("Sundhed i alt", 60), ("15.838,3", 280), top=100),
        line(("Social og specialundervisning", 60), top=110),
        line(("Specialsektoren", 69), ("512,8", 285), top=120),
    ]
    rows = _rows([("Mio. kr.", 60), ("Budget 2025", 275)], body)
    assert [r.label for r in rows] == ["Sundhed i alt", "Social og specialundervisning", "Specialsektoren"]


def test_two_columns_read_as_the_same_thing_keep_only_the_one_whose_header_prints_its_year() -> None:
    """Anlægsbevilling (year from the caption) beside Rådighedsbeløb 2024: both would be Bevilling 2024."""
    lines = [line(("Projekt", 40), ("Anlægsbevilling", 150), ("Rådighedsbeløb 2024", 250),
                  ("Forbrug 2024", 350), top=100)]
    row = line(("Rådhus", 40), ("24.500.000", 160), ("6.000.000", 260), ("5.800.000", 360), top=115)
    header = analyse_header(lines, None, figure_columns([row]), Context(caption="Anlægsregnskab 2024"))
    assert [c.column.phase if c.column else None for c in header.columns] == [None, "appropriation", "actual"]
    assert "too" in header.columns[0].unread.reason


def test_a_number_grouped_by_spaces_is_one_figure_and_two_cells_a_cell_apart_are_two() -> None:
    grouped = line(("I alt", 35), ("1 048 902", 83))
    split_figure_runs(grouped)
    assert [p.text for p in grouped.phrases] == ["I alt", "1 048 902"]
    apart = line(("I alt", 35), ("12", 83), ("345", 83 + 2 * 3.8 + 4))  # 4 pt apart: two cells
    split_figure_runs(apart)
    assert [p.text for p in apart.phrases] == ["I alt", "12", "345"]


def test_a_note_letter_beside_the_label_is_not_part_of_it() -> None:
    body = [line(("Dagtilbud og skoler", 40), ("a", 150), ("702.418", 250), top=100)]
    rows = _rows([("Område", 40), ("Note", 145), ("Regnskab 2024", 240)], body)
    assert [r.label for r in rows] == ["Dagtilbud og skoler"]


def test_a_note_reference_after_the_figures_is_neither_figure_nor_label() -> None:
    """A Note column of letters right of the figures ('... 305.950 a'): the row is still a row, its
    figures stay under their columns and the letter does not join the label."""
    row = line(("1", 40), ("Hjemmepleje", 60), ("6.468", 200), ("312.418", 260), ("a", 320), top=115)
    assert is_row_line(row)
    header = analyse_header(
        [line(("Nr.", 40), ("Aktivitetsområde", 60), ("Afvigelse", 200), ("Regnskab 2023", 250),
              ("Note", 318), top=100)],
        None, figure_columns([row]),
    )
    rows = build_rows(TableRegion(header, [row], None, "Ældre"))
    assert (rows[0].code, rows[0].label) == ("1", "Hjemmepleje")
    assert [p.text for p in rows[0].cells.values()] == ["6.468", "312.418"] and rows[0].stray == []


def test_a_variance_header_that_says_what_it_compares() -> None:
    context = Context(caption="Driftsresultat 2023 (1.000 kr.)")
    for header in ("Afvigelse mellem regnskab og korrigeret budget (+ = merforbrug, - = mindreforbrug)",
                   "Afvigelse i forhold til korrigeret budget",
                   "Afvigelse (korrigeret budget minus regnskab, + = mindreforbrug)"):
        column = read_column(header, None, "1000 DKK", context)
        assert not isinstance(column, Unread), column
        assert (column.phase, column.fiscal_year) == ("variance", 2023)
    # Against another budget or a forecast the validator's rule does not hold: unread, with the reason.
    for header in ("Afvigelse i forhold til oprindeligt budget",
                   "Afvigelse mellem forventet regnskab og budget"):
        assert isinstance(read_column(header, None, "1000 DKK", context), Unread)


def test_what_a_revised_budget_includes_is_no_change_column_and_no_year() -> None:
    context = Context(caption="Tabel 1. Driftsresultat 2023 (1.000 kr.)")
    for header in ("Korrigeret budget inkl. tillægsbevillinger og overførsler fra 2022",
                   "Korrigeret budget 2023 efter tillægsbevillinger",
                   "Korrigeret budget 2023 inkl. genbevillinger og tillægsbevillinger givet i løbet af året"):
        column = read_column(header, None, "1000 DKK", context)
        assert not isinstance(column, Unread), column
        assert (column.phase, column.fiscal_year) == ("revised_budget", 2023)
    assert read_column("Tillægsbevillinger 2023", None, "1000 DKK", context).reason.startswith("a change")


def test_the_sign_a_variance_header_states_is_the_columns_convention() -> None:
    """tables._fact takes the header's own statement before any note (after a formula row)."""
    from itdrift_pipeline.extract.notes import variance_sign_of

    stated = "Afvigelse mellem regnskab og korrigeret budget (+ = merforbrug, - = mindreforbrug)"
    assert variance_sign_of(stated) == "actual_minus_budget"
    assert variance_sign_of("Afvigelse (korrigeret budget minus regnskab, + = mindreforbrug)") == (
        "budget_minus_actual")
    assert variance_sign_of("Afvigelse i forhold til korrigeret budget") is None


def test_a_spanning_header_over_right_aligned_year_columns_takes_them_all() -> None:
    """'Regnskab' centred (by Chromium, over a colspan) over five year columns whose years are right-aligned
    over wider figures, beside a 'Budget' column: all five are actuals. Measured on the years alone the
    header centres best over 2019-2022; on the cells, as well over 2020-2022 as over all five: the widest
    run is taken, and no year is left under no header. Positions as printed in a ten-column table."""
    rights = (267.0, 325.0, 383.0, 441.0, 499.0, 616.0)
    figures = [(right - 29.0, right) for right in rights]
    years = [(str(year), right - 15.2) for year, right in zip((2019, 2020, 2021, 2022, 2023, 2024), rights,
                                                             strict=True)]
    lines = [
        line(("Regnskab", 341.4), ("Budget", 616 - 6 * 3.8), top=90),
        line(("Udvalg", 61), *years, top=100),
    ]
    header = analyse_header(lines, "Flerårsoversigt (1.000 kr.)", figures)
    meanings = [(c.column.phase, c.column.fiscal_year) if c.column else c.unread.reason
                for c in header.columns]
    assert meanings == [*(("actual", year) for year in range(2019, 2024)), ("budget", 2024)]
