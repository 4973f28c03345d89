"""The chapter template of the Næstved accounts book: the three table families, their headers and notes.

Builders here give every chapter (the seed and the invented ones) the same printed headers and Anm. text.
"""

from __future__ import annotations

from .chapters import Column, NoteBlock, Row, Statement, Table, price_year_note

OVERALL_CAPTION = "Overordnet regnskabsresultat"
ACTIVITY_CAPTION = "Regnskab på aktivitetsområder"
SPECIFIC_CAPTION = "Specifikke forudsætninger for budget og regnskab"
THOUSANDS = "I 1.000 kr."

VARIANCE_SIGN = "actual_minus_budget"


def overall_columns(year: int) -> tuple[Column, ...]:
    """Regnskab for three years, Korr. budget and Over-/underskud of the current year."""
    actuals = tuple(Column(("Regnskab", str(y)), "actual", y) for y in (year - 2, year - 1, year))
    return actuals + (
        Column(("Korr.", "budget", str(year)), "revised_budget", year),
        Column(("Over-/", "underskud", str(year)), "variance", year),
    )


def activity_columns(year: int) -> tuple[Column, ...]:
    return (
        Column(("Regnskab", str(year)), "actual", year),
        Column(("Opr.", "Budget", str(year)), "original_budget", year),
        Column(("Korr.", "Budget", str(year)), "revised_budget", year),
        Column(("Over-/", "underskud", str(year)), "variance", year),
    )


def specific_columns(year: int) -> tuple[Column, ...]:
    budget, actual = f"Budget {year}", f"Regnskab {year}"
    return (
        Column(("Mængde",), "budget", year, "quantity", budget),
        Column(("Gns. pris", "i kr."), "budget", year, "unit_price", budget),
        Column(("Budget", "i 1.000 kr."), "budget", year, "amount", budget),
        Column(("Mængde",), "actual", year, "quantity", actual),
        Column(("Gns. pris", "i kr."), "actual", year, "unit_price", actual),
        Column(("Regnskab", "i 1.000 kr."), "actual", year, "amount", actual),
    )


def overall_notes(year: int) -> NoteBlock:
    """The Anm. under the Anlæg table, as the Næstved book prints it in every chapter."""
    return NoteBlock("Anm.:", (
        price_year_note(year - 2),
        price_year_note(year - 1),
        price_year_note(year, end="."),
        Statement("KB er korrigeret budget"),
        Statement(f"For beskrivelse af forbruget i {year - 2} og {year - 1} henvises til tidligere års "
                  "regnskaber"),
        Statement("I over-/underskudskolonnen er +=underskud og -=overskud", "variance_sign",
                  sign_convention=VARIANCE_SIGN),
    ))


def activity_notes(year: int) -> tuple[NoteBlock, ...]:
    return (
        NoteBlock("Anm:", (
            Statement(f"Over-/underskud er i forhold til det korrigerede budget for {year}"),
            Statement("I kolonnen med over-/underskud er +=underskud og -=overskud", "variance_sign",
                      sign_convention=VARIANCE_SIGN),
        )),
        NoteBlock("Anm:", (
            Statement("Der er for hvert punkt i opstillingen et notenummer"),
            Statement("Nummeret på noten kan bruges til at finde en beskrivelse af aktiviteten"),
            Statement("Noterne kommer umiddelbart efter tabellen med mængder og priser"),
        )),
    )


AMOUNT_SIGN_NOTE = NoteBlock("", (Statement("+= udgift; -= indtægt", "amount_sign"),))


def overall_tables(rows: tuple[Row, ...], anlaeg: Row | None, year: int,
                   notes: NoteBlock | None = None) -> tuple[Table, Table | None]:
    """The Drift table and the separate Anlæg table; the Anm. block sits under the last one printed."""
    block = (notes or overall_notes(year),)
    drift = Table(key="overall_drift", family="overall_result", caption=OVERALL_CAPTION, account="drift",
                  stub_header=(THOUSANDS,), columns=overall_columns(year), rows=rows, show_caption=False,
                  notes=() if anlaeg else block)
    if anlaeg is None:
        return drift, None
    capital = Table(key="overall_anlaeg", family="overall_result", caption=OVERALL_CAPTION, account="anlaeg",
                    stub_header=(THOUSANDS,), columns=overall_columns(year), rows=(anlaeg,),
                    show_caption=False, notes=block)
    return drift, capital


def activity_table(rows: tuple[Row, ...], year: int,
                   notes: tuple[NoteBlock, ...] | None = None) -> Table:
    return Table(key="activity_areas", family="activity_areas", caption=ACTIVITY_CAPTION, account="drift",
                 stub_header=(THOUSANDS, "", "Aktivitetsområder, drift"), columns=activity_columns(year),
                 rows=rows, has_code_column=True, show_caption=False,
                 notes=activity_notes(year) if notes is None else notes)


def specific_table(rows: tuple[Row, ...], year: int, *, repeat_header: bool = True) -> Table:
    return Table(key="specific_assumptions", family="specific_assumptions", caption=SPECIFIC_CAPTION,
                 account=None, stub_header=("Aktivitet",), columns=specific_columns(year), rows=rows,
                 has_code_column=True, code_header="Nr.", unit_header="Enhed 1)", notes=(AMOUNT_SIGN_NOTE,),
                 repeat_header=repeat_header, show_caption=False)
