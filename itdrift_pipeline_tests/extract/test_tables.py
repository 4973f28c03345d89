"""tables.py: which lines are table rows, what a header's columns mean, which family a caption names."""

from __future__ import annotations

from itdrift_pipeline.extract.layout import Line, Rule, Word, group_lines
from itdrift_pipeline.extract.tables import (
    Header,
    TableRegion,
    account_of,
    analyse_header,
    build_rows,
    family_of,
    is_figure,
    is_row_line,
)


def line(*cells: tuple[str, float], top: float = 100.0) -> Line:
    """One printed line; each cell (text, x0) is laid out with ordinary word spaces inside it."""
    words = []
    for text, x0 in cells:
        x = x0
        for token in text.split():
            words.append(Word(token, 1, x, top, x + 3.8 * len(token), top + 8.5, 8.5, False))
            x += 3.8 * len(token) + 2.4
    (only,) = group_lines(words)
    return only


def test_figures_and_years() -> None:
    assert is_figure("-1.827") and is_figure("(1.827)") and is_figure("45,3") and is_figure("-")
    assert not is_figure("2020")  # a year in a header, not a figure
    assert not is_figure("Udvikling")


def test_row_lines() -> None:
    assert is_row_line(line(("1", 60), ("Udvikling", 84), ("3.550", 373), ("-1.003", 511)))
    assert is_row_line(line(("Anlæg", 60), ("733", 332), ("0", 435)))
    assert not is_row_line(line(("2018", 328), ("2019", 374), ("budget", 460)))  # header years
    assert not is_row_line(line(("viser et overskud på 1.003.472 kr. heraf er", 57)))  # prose
    assert not is_row_line(line(("Drift", 60)))  # a label-only line
    # justified prose whose last word is a number after a wide space
    assert not is_row_line(line(("Det samlede regnskab for dette aktivitetsområde viser et overskud på", 57),
                                ("1.003.472", 480)))


def _specific_header() -> list[Line]:
    return [
        line(("Nr.", 60), ("Aktivitet", 84), ("Enhed 1)", 224), ("Budget 2020", 307), ("Regnskab 2020", 439),
             top=120),
        line(("Mængde", 271), ("Gns. pris", 317), ("Budget", 370), ("Mængde", 409), ("Gns. pris", 455),
             ("Regnskab", 497), top=131),
        line(("i kr.", 335), ("i 1.000 kr.", 362), ("i kr.", 473), ("i 1.000 kr.", 497), top=142),
    ]


def test_two_level_header_of_the_specific_assumptions() -> None:
    header = analyse_header(_specific_header(), "Specifikke forudsætninger for budget og regnskab")
    assert header.problem() is None
    meanings = [(c.column.phase, c.column.measure, c.column.fiscal_year, c.column.source_unit)
                for c in header.columns if c.column]
    assert meanings == [
        ("budget", "quantity", 2020, None),
        ("budget", "unit_price", 2020, "DKK"),
        ("budget", "amount", 2020, "1000 DKK"),
        ("actual", "quantity", 2020, None),
        ("actual", "unit_price", 2020, "DKK"),
        ("actual", "amount", 2020, "1000 DKK"),
    ]
    assert header.stub_text == "Nr. Aktivitet Enhed 1)"


def test_rows_take_code_label_unit_and_figures_from_their_columns() -> None:
    header = analyse_header(_specific_header(), "Specifikke forudsætninger")
    body = [
        line(("2.a", 60), ("Hardware og WAN-forbindelser", 84), ("Stk.", 224), ("53", 387), ("-1.230", 511),
             top=225),
        line(("Politikområdet i alt", 84), ("47.098", 371), ("45.275", 509), top=250),
    ]
    rows = build_rows(TableRegion(header, body, "Specifikke forudsætninger", "IT"))
    assert [(r.code, r.label, r.unit) for r in rows] == [
        ("2.a", "Hardware og WAN-forbindelser", "Stk."),
        (None, "Politikområdet i alt", None),
    ]
    assert {i: p.text for i, p in rows[0].cells.items()} == {2: "53", 5: "-1.230"}
    assert not rows[0].stray


def test_wrapped_labels_join_with_one_space_and_figures_sit_on_the_last_line() -> None:
    header = analyse_header([
        line(("I 1.000 kr.", 60), ("Regnskab", 308), ("Korr.", 467), top=224),
        line(("2018", 328), ("budget", 460), top=235),
        line(("2020", 467), top=246),
    ], "Overordnet regnskabsresultat")
    body = [
        line(("Politikområde IT-", 60), top=317),
        line(("drift i alt", 60), ("44.168", 321), ("47.098", 460), top=327),
        line(("Anlæg", 60), ("733", 332), top=345),
    ]
    rows = build_rows(TableRegion(header, body, "Overordnet regnskabsresultat", "IT"))
    assert [r.label for r in rows] == ["Politikområde IT- drift i alt", "Anlæg"]
    assert [c.column.phase for c in header.columns if c.column] == ["actual", "revised_budget"]


def _centred_rows(padding: float) -> tuple[Header, list[Line]]:
    """An office-suite table: cells centred vertically, so a row's figures print half a line below the
    first line of its wrapped label; `padding` above and below each cell's text (none by Word's default)."""
    header = analyse_header([
        line(("I 1.000 kr.", 60), ("Regnskab", 308), ("Korr.", 467), top=224),
        line(("2018", 328), ("budget", 460), top=235),
        line(("2020", 467), top=246),
    ], "Overordnet regnskabsresultat")
    pitch, row = 9.8, 2 * 9.8 + 2 * padding  # line spacing inside a cell; height of a two-line row
    body = []
    cells = [("Drift", "Virksomheder", False), ("Drift", "Fagområde", True),
             ("Politikområde IT-", "drift i alt", True)]
    for index, (first, second, figures) in enumerate(cells):
        top = 258 + index * row
        body.append(line((first, 60), top=top))
        if figures:
            body.append(line(("44.168", 321), ("47.098", 460), top=top + pitch / 2))
        body.append(line((second, 60), top=top + pitch))
    return header, body


ROW_LABELS = ["Drift Virksomheder", "Drift Fagområde", "Politikområde IT- drift i alt"]


def _figures(rows: list) -> list[list[str]]:
    return [sorted(p.text for p in r.cells.values()) for r in rows]


def test_a_table_that_rules_its_rows_is_split_at_its_rules() -> None:
    header, body = _centred_rows(padding=0)
    rules = [Rule(1, 257.5 + i * 2 * 9.8, 56, 567) for i in range(4)]
    rows = build_rows(TableRegion(header, body, "Overordnet regnskabsresultat", "IT", rules))
    assert [r.label for r in rows] == ROW_LABELS
    assert _figures(rows) == [[], ["44.168", "47.098"], ["44.168", "47.098"]]
    assert not any(r.stray for r in rows)
    # Rules under one figure cell only (or a label's underline) separate no rows. Without them the rows
    # are still told apart: a line of figures only, centred between two label lines, is that label's row,
    # and a row holds one line of figures.
    short = [Rule(1, r.y, 300, 350) for r in rules]
    unruled = build_rows(TableRegion(header, body, "Overordnet regnskabsresultat", "IT", short))
    assert [r.label for r in unruled] == ROW_LABELS
    assert _figures(unruled) == _figures(rows) and not any(r.stray for r in unruled)


def test_a_borderless_table_is_split_where_the_cell_padding_widens_the_spacing() -> None:
    # 1 pt padding: rows 3.3 pt apart, lines of a cell 1.3 pt: both closer than half a line.
    header, body = _centred_rows(padding=1)
    rows = build_rows(TableRegion(header, body, "Overordnet regnskabsresultat", "IT"))
    assert [r.label for r in rows] == ROW_LABELS
    assert _figures(rows) == [[], ["44.168", "47.098"], ["44.168", "47.098"]]


def test_unreadable_headers_are_reported_not_guessed() -> None:
    header = analyse_header([
        line(("Skoledistrikt", 60), ("Antal", 400), ("Antal", 460), top=100),
        line(("elever", 400), ("klasser", 460), top=111),
    ], "Nøgletal")
    assert header.problem() is not None and "Antal elever" in header.problem()


def test_families_and_accounts() -> None:
    assert family_of("Overordnet regnskabsresultat") == "overall_result"
    assert family_of("Regnskab på aktivitetsområder") == "activity_areas"
    assert family_of("Specifikke forudsætninger for budget og regnskab") == "specific_assumptions"
    assert family_of("Regnskab på konti") == "other"
    assert account_of("overall_result", "I 1.000 kr.", "Anlæg") == "anlaeg"
    assert account_of("overall_result", "I 1.000 kr.", "Politikområde IT- drift i alt") == "drift"
    assert account_of("activity_areas", "I 1.000 kr. Aktivitetsområder, drift", "Udvikling") == "drift"
    assert account_of("specific_assumptions", "Nr. Aktivitet", "Udvikling") is None
    assert account_of("other", "Konto Tekst", "Lønninger") is None
