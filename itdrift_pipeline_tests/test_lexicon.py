"""lexicon.py: the vocabulary's one home. A new synonym is one line there and one case here."""

from __future__ import annotations

import pytest

from itdrift_pipeline import lexicon, model


@pytest.mark.parametrize(
    ("header", "phase"),
    [
        ("Regnskab 2020", "actual"),
        ("Forbrug", "actual"),
        ("Resultat", "actual"),
        ("Opr. budget", "original_budget"),
        ("Oprindeligt budget", "original_budget"),
        ("Vedtaget budget", "original_budget"),
        ("Korr. budget", "revised_budget"),
        ("Korrigeret budget", "revised_budget"),
        ("Budget", "budget"),
        ("Over-/underskud", "variance"),
        ("Afvigelse", "variance"),
        ("Forskel", "variance"),
        ("Mer-/mindreforbrug", "variance"),
        ("Forventet regnskab", "forecast"),
        ("Skøn", "forecast"),
        ("Prognose", "forecast"),
        ("Overslagsår", "budget_estimate"),
        ("Bevilling", "appropriation"),
        ("Anlægsbevilling", "appropriation"),
        ("Rådighedsbeløb", "appropriation"),
    ],
)
def test_phase_words(header: str, phase: str) -> None:
    assert lexicon.phase_words(header) == [phase]


def test_a_qualified_phrase_hides_the_bare_word_it_contains() -> None:
    assert lexicon.phase_words("Korr. budget 2020") == ["revised_budget"]
    assert lexicon.phase_words("Forventet regnskab 2025") == ["forecast"]
    assert lexicon.phase_words("Regnskab og budget") == ["actual", "budget"]


@pytest.mark.parametrize(
    ("header", "reason"),
    [("Afvigelse i %", "percentage"), ("Pct.", "percentage"), ("Tillægsbevillinger", "change"),
     ("Omplaceringer", "change"), ("Genbevillinger", "change"), ("Overførsler", "change"),
     ("Note", "reference"), ("Noter", "reference")],
)
def test_columns_that_are_not_a_phase(header: str, reason: str) -> None:
    found = lexicon.not_a_phase(header)
    assert found is not None and reason in found


@pytest.mark.parametrize(
    ("text", "unit"),
    [("I 1.000 kr.", "1000 DKK"), ("1.000 kr., 2025-pl", "1000 DKK"), ("t.kr.", "1000 DKK"),
     ("tkr.", "1000 DKK"),
     ("Nettodriftsudgifter, 1 000 kr.", "1000 DKK"), ("Mio. kr.", "mio DKK"), ("mia. kr.", "mia DKK"),
     ("Bevilling kr.", "DKK"),
     ("Beløb (kr.)", "DKK"), ("Aktivitet", None)],
)
def test_units(text: str, unit: str | None) -> None:
    assert lexicon.unit_of(text) == unit


def test_every_unit_has_a_factor_and_a_label() -> None:
    assert set(lexicon.KRONER_PER_UNIT) == set(model.SOURCE_UNITS) == set(lexicon.UNIT_LABELS)


def test_every_phase_has_a_label() -> None:
    assert set(model.PHASES) <= set(lexicon.PHASE_LABELS)


@pytest.mark.parametrize(
    ("text", "flow"),
    [("Udgifter", "expenditure"), ("Indtægter", "income"), ("Netto", "net"), ("Saldo", "net"),
     ("U", "expenditure"), ("I", "income"), ("Driftsudgifter i alt", None), ("Regnskab", None)],
)
def test_flows(text: str, flow: str | None) -> None:
    assert lexicon.flow_of(text) == flow


@pytest.mark.parametrize(
    ("title", "report_type", "year"),
    [("Regnskab 2020", "regnskab", 2020), ("Årsregnskab 2023", "regnskab", 2023),
     ("Årsberetning 2020 – bemærkninger til regnskabet", "regnskab", 2020),
     ("Årsrapport 2024", "regnskab", 2024), ("Bemærkninger til regnskab 2020", "regnskab", 2020),
     ("Budgetopfølgning 2 pr. 31. maj 2025", "budgetopfoelgning", 2025),
     ("Forventet regnskab 2025", "forventet_regnskab", 2025), ("Budget 2026-2029", "budget", 2026)],
)
def test_report_types_from_titles(title: str, report_type: str, year: int) -> None:
    match = lexicon.REPORT_TITLE.search(title)
    assert match is not None
    assert (lexicon.report_type_of(match.group("type")), int(match.group("year"))) == (report_type, year)
    assert report_type in model.REPORT_TYPES


@pytest.mark.parametrize(
    ("header", "period"),
    [("Jan", "M01"), ("Februar", "M02"), ("Maj", "M05"), ("Sept.", "M09"), ("Dec", "M12"),
     ("3. kvartal", "Q3"), ("Q4", "Q4"), ("I alt", None), ("Regnskab", None)],
)
def test_periods(header: str, period: str | None) -> None:
    assert lexicon.period_of(header) == period
    assert period is None or period in model.PERIODS


@pytest.mark.parametrize(
    "cell", ["A", "(1)", "D=(A+B+C)", "F=(D-E)", "(3) = (1)-(2)", "E"],
)
def test_formula_cells(cell: str) -> None:
    assert lexicon.FORMULA_CELL.match(cell)


@pytest.mark.parametrize("cell", ["Regnskab", "2020", "Afvigelse"])
def test_not_formula_cells(cell: str) -> None:
    assert not lexicon.FORMULA_CELL.match(cell)


@pytest.mark.parametrize(
    "header", ["Nr.", "Stednr.", "Aktivitet", "Enhed 1)", "Aktivitetsområder, drift", "I 1.000 kr.",
               "Beløb i 1.000 kr.", "1.000 kr. (foreløbige 2025-priser)", "1.000 kr., 2025-pl", "Mio. kr.",
               "U/I"],
)
def test_label_headers(header: str) -> None:
    assert lexicon.LABEL_HEADERS.match(header)


@pytest.mark.parametrize("header", ["Regnskab 2020", "Mio. kr. Udgifter Indtægter", "Korr. budget"])
def test_not_label_headers(header: str) -> None:
    assert not lexicon.LABEL_HEADERS.match(header)


def test_cell_starts_split_headers_set_too_tight() -> None:
    assert lexicon.cell_starts("Korrigeret budget Regnskab") == [0, 18]
    text = "Stednr. Anlæg U/I Bevilling kr. Forbrug kr. Forskel kr."
    assert [text[i:].split()[0] for i in lexicon.cell_starts(text)] == ["Bevilling", "Forbrug", "Forskel"]


@pytest.mark.parametrize(
    ("text", "names"),
    [("Næstved Kommune – Regnskab 2020", ["Næstved Kommune"]), ("AARHUS KOMMUNE", ["Aarhus Kommune"]),
     ("HØJE-TAASTRUP KOMMUNE", ["Høje-Taastrup Kommune"]),
     ("Høje Taastrup Kommune", ["Høje Taastrup Kommune"]), ("Region Sjælland", [])],
)
def test_municipality_names(text: str, names: list[str]) -> None:
    assert lexicon.municipalities_in(text) == names
